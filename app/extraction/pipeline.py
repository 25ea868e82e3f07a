"""The extraction pipeline: text in, entities with mentions and grounded facts out.

Deterministic and offline: rules over sentences, gazetteers shipped in the package.
"""

import re

from app.enums import EntityType
from app.extraction.candidates import ArticleCandidates, EntityCandidate, FactCandidate, Span
from app.extraction.context import ArticleState, SentenceContext, note_editions
from app.extraction.document import split_sentences
from app.extraction.drafts import EXTRACTOR_VERSION
from app.extraction.entities import EntityTable, find_entities
from app.extraction.facts import (
    alliances,
    appointments,
    cooperation,
    embedded_events,
    events,
    exercises,
    mandates,
    procurement,
    ranked_items,
    rankings,
    spending,
    structure,
)
from app.extraction.subjects import find_attribution, find_subject

__all__ = ["EXTRACTOR_VERSION", "extract"]

CLAIM_RULES = (rankings, ranked_items, spending, procurement, embedded_events, exercises, appointments, cooperation,
               alliances, structure, mandates)  # fmt: skip
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# A sentence making more claims than this is a list or noise; its first claims are kept.
MAX_SENTENCE_FACTS = 50


def extract(text: str, *, published_at: str | None = None) -> ArticleCandidates:
    """Entities and facts of `text`; relative dates resolve only when `published_at` is given."""
    sentences = split_sentences(text)
    table = find_entities(text, sentences)
    year = YEAR.search(published_at or "")
    state = ArticleState(published_year=int(year.group(1)) if year else None)
    facts: list[FactCandidate] = []
    # A headline is read like any sentence: it states the story's first claim, and a
    # reader quoting the title is quoting the article.
    for sentence in sentences:
        ctx = SentenceContext(text, sentence, table, state)
        ctx.mentions = table.in_span(sentence.start, sentence.end)
        ctx.subject = find_subject(ctx)
        if (
            ctx.subject is not None
            and ctx.subject.start is not None
            and not any(m.start <= ctx.subject.start < m.end for m in ctx.mentions)
        ):
            table.mention(ctx.subject.start, ctx.subject.end, text, ctx.subject.key, "anaphor")
        ctx.attribution = find_attribution(ctx)
        note_editions(ctx)
        found = [fact for rule in CLAIM_RULES for fact in rule.find(ctx) if fact is not None]
        if all(fact.predicate == "holds_position" for fact in found):
            found += [fact for fact in events.find(ctx) if fact is not None]
        facts.extend(found[:MAX_SENTENCE_FACTS])
        _remember(ctx)
    return ArticleCandidates(entities=_entities(table, facts), facts=_unique(facts))


def _remember(ctx: SentenceContext) -> None:
    """Carry the sentence's subject and last country forward for anaphora."""
    for mention in ctx.mentions:
        record = ctx.table.records.get(mention.key)
        if record is not None and record.type is EntityType.country:
            ctx.state.last_country = record.key
    if ctx.subject is None:
        return
    record = ctx.table.records[ctx.subject.key]
    ctx.state.last_subject = record.key
    if record.type is EntityType.country:
        ctx.state.last_country = record.key
    if record.type is EntityType.organization:
        ctx.state.last_organization_subject = record.key


def _unique(facts: list[FactCandidate]) -> list[FactCandidate]:
    seen, unique = set(), []
    for fact in facts:
        key = (fact.type, fact.subject, fact.predicate, fact.object, fact.value, fact.rank,
               fact.period_start, fact.period_end, fact.statement)  # fmt: skip
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique


def _entities(table: EntityTable, facts: list[FactCandidate]) -> list[EntityCandidate]:
    """Entities that are mentioned or that a fact refers to, each with its mentions."""
    referenced = {key for fact in facts for key in fact.entity_keys()}
    spans: dict[str, list[Span]] = {}
    for mention in table.mentions:
        if mention.key in table.records:
            spans.setdefault(mention.key, []).append(Span(mention.start, mention.end, mention.text))
    candidates = []
    for key, record in table.records.items():
        if key not in spans and key not in referenced:
            continue
        mentions = sorted(set(spans.get(key, [])), key=lambda span: (span.start, span.end))
        candidates.append(
            EntityCandidate(
                key=key,
                name=record.name,
                type=record.type,
                aliases=sorted(record.aliases),
                mentions=mentions,
            )
        )
    return candidates
