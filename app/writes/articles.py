"""The write side: store an article with its entities, mentions and facts.

Idempotent on the text's SHA-256. Functions here add and flush but never commit:
the caller owns the transaction, so a failure leaves nothing half-stored.
"""

import hashlib
import logging
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from app.claims import FACT_CLAIM_FIELDS
from app.extraction.candidates import ArticleCandidates, FactCandidate
from app.extraction.pipeline import extract
from app.extraction.text import slugify, title_of
from app.models import (
    Article,
    Entity,
    Fact,
    Mention,
    Origin,
    ReviewStatus,
)
from app.writes.entities import resolve_entities
from app.writes.invariants import GroundingError, check_claim, check_span
from app.writes.slugs import add_with_unique_slug
from app.writes.transactions import in_transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArticleMeta:
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: str | None = None
    language: str = "en"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article_by_text(session: Session, text: str) -> Article | None:
    return session.exec(select(Article).where(Article.sha256 == text_sha256(text))).first()


def store_candidates(
    session: Session,
    article: Article,
    candidates: ArticleCandidates,
    entity_ids: dict[str, int] | None = None,
) -> None:
    """Add the candidates' entities, mentions and facts to a stored article (`entity_ids`: the
    candidates' entities already resolved).

    Rows go in as multi-row INSERTs: an article has dozens of mentions and facts.
    """
    if entity_ids is None:
        entity_ids = resolve_entities(session, candidates.entities)
    stored = set(
        session.exec(
            select(Mention.entity_id, Mention.start_offset, Mention.end_offset).where(
                Mention.article_id == article.id
            )
        )
    )
    mentions = []
    for candidate in candidates.entities:
        entity_id = entity_ids[candidate.key]
        for span in dict.fromkeys(candidate.mentions):
            check_span(article.text, span, f"mention of {candidate.key}")
            if (entity_id, span.start, span.end) not in stored:
                stored.add((entity_id, span.start, span.end))
                mentions.append({"article_id": article.id, "entity_id": entity_id,
                                 "start_offset": span.start, "end_offset": span.end,
                                 "text": span.quote})  # fmt: skip
    facts = []
    for fact in candidates.facts:
        check_span(article.text, fact.evidence, f"evidence of {fact.statement!r}")
        if not storable_claim(fact):
            continue
        unknown = [key for key in fact.entity_keys() if key not in entity_ids]
        if unknown:
            raise GroundingError(f"fact {fact.statement!r} names unknown entities {unknown}")
        facts.append({
            **{name: getattr(fact, name) for name in FACT_CLAIM_FIELDS},
            "article_id": article.id,
            "subject_id": entity_ids[fact.subject],
            "object_id": entity_ids[fact.object] if fact.object else None,
            "attributed_to_id": entity_ids[fact.attributed_to] if fact.attributed_to else None,
            "replaces_id": entity_ids[fact.replaces] if fact.replaces else None,
            "quote": fact.evidence.quote,
            "evidence_start": fact.evidence.start,
            "evidence_end": fact.evidence.end,
        })  # fmt: skip
    connection = session.connection()
    if mentions:
        connection.execute(sa.insert(Mention), mentions)
    if facts:
        connection.execute(sa.insert(Fact), facts)


def storable_claim(fact: FactCandidate) -> bool:
    """Whether the fact's claim keeps the invariants; a curated one that does not is an error.

    Extraction is best effort: an extracted claim the store cannot hold ("ranked 150th among
    145", a total past 2^31) is left out, and the rest of the article is stored.
    """
    try:
        check_claim({name: getattr(fact, name) for name in FACT_CLAIM_FIELDS},
                    f"fact {fact.statement!r}")  # fmt: skip
    except GroundingError as error:
        if fact.origin is not Origin.extracted:
            raise
        log.warning("extracted fact left out: %s", error)
        return False
    return True


def store_article(
    session: Session, text: str, meta: ArticleMeta, candidates: ArticleCandidates
) -> tuple[Article, bool]:
    """Store `text` with its candidates; (article, created). The same text is stored once."""
    existing = find_article_by_text(session, text)
    if existing is not None:
        return existing, False
    return create_article(session, text, meta, candidates), True


def create_article(
    session: Session, text: str, meta: ArticleMeta, candidates: ArticleCandidates
) -> Article:
    """Add a new article (the caller made sure its text is not stored yet) and its candidates."""
    title = meta.title or title_of(text)
    article = Article(
        title=title,
        text=text,
        language=meta.language,
        source=meta.source,
        url=meta.url,
        published_at=meta.published_at,
        sha256=text_sha256(text),
    )
    add_with_unique_slug(session, article, slugify(title, max_length=60))
    store_candidates(session, article, candidates)
    return article


def delete_article_content(session: Session, article_id: int, origin: Origin | None = None) -> None:
    """Remove an article's facts (of one origin, or all) and its mentions."""
    facts = sa.delete(Fact).where(Fact.article_id == article_id)
    if origin is not None:
        facts = facts.where(Fact.origin == origin)
    session.exec(facts)
    session.exec(sa.delete(Mention).where(Mention.article_id == article_id))
    session.flush()


def prune_orphan_entities(session: Session) -> int:
    """Delete entities that no mention and no fact refers to; how many went."""
    referenced = sa.union(
        select(Mention.entity_id),
        select(Fact.subject_id),
        select(Fact.object_id).where(Fact.object_id.is_not(None)),
        select(Fact.attributed_to_id).where(Fact.attributed_to_id.is_not(None)),
        select(Fact.replaces_id).where(Fact.replaces_id.is_not(None)),
    )
    result = session.exec(sa.delete(Entity).where(Entity.id.not_in(referenced)))
    session.flush()
    return result.rowcount


def ingest_article(session: Session, text: str, meta: ArticleMeta) -> tuple[Article, bool]:
    """Store `text` with the facts and entities the pipeline extracts; (article, created).

    Unlike the rest of this module it runs its own transactions (the session must have
    none open): a quick one to look the text up (a known text is not extracted at all),
    then extraction, CPU-bound and pure, outside any transaction so that no writer waits
    on it and a retry does not repeat it, then one transaction to store the result.
    """
    with session.begin():
        existing = find_article_by_text(session, text)
    if existing is not None:
        return existing, False
    candidates = extract(text, published_at=meta.published_at)
    return in_transaction(session, lambda s: store_article(s, text, meta, candidates))


@dataclass(frozen=True)
class Reextraction:
    """What a re-extraction did to an article's unreviewed extracted facts."""

    kept: int
    added: int
    removed: int


def reextract_article(
    session: Session, article: Article, candidates: ArticleCandidates
) -> Reextraction:
    """Bring the article's unreviewed extracted facts in line with `candidates`, a fresh
    extraction of its text made before the caller's transaction.

    A fact the rules still find (the same claim at the same evidence) keeps its row and id,
    so a client holding /facts/{id} keeps its claim; only facts no longer found are deleted
    and new ones added. Curated facts and every reviewed fact stay as they are; a new fact
    that repeats one of them (same claim key) is not added.
    """
    entity_ids = resolve_entities(session, candidates.entities)
    replaceable: dict[tuple, list[Fact]] = {}
    settled = set()
    # Held to the commit (FOR UPDATE; SQLite's writer holds the database): a review arriving
    # meanwhile waits, then finds a deleted fact gone instead of being deleted with it.
    facts = select(Fact).where(Fact.article_id == article.id).with_for_update()
    for fact in session.exec(facts):
        if fact.origin == Origin.extracted and fact.review_status == ReviewStatus.unreviewed:
            replaceable.setdefault(stored_claim(fact), []).append(fact)
        else:
            settled.add(claim_key(fact))
    fresh, kept = [], 0
    for candidate in candidates.facts:
        if claim_key(candidate) in settled:
            continue
        same = replaceable.get(candidate_claim(candidate, entity_ids))
        if not same:
            fresh.append(candidate)
            continue
        fact, kept = same.pop(), kept + 1
        # Newer rules may find the same claim with other provenance: the fact is still the same.
        for name in PROVENANCE_FIELDS:
            if getattr(fact, name) != getattr(candidate, name):
                setattr(fact, name, getattr(candidate, name))
    vanished = [fact.id for facts in replaceable.values() for fact in facts]
    if vanished:
        session.exec(sa.delete(Fact).where(Fact.id.in_(vanished), *REPLACEABLE))
    session.flush()
    store_candidates(session, article, ArticleCandidates(candidates.entities, fresh), entity_ids)
    prune_orphan_entities(session)
    return Reextraction(kept=kept, added=len(fresh), removed=len(vanished))


# The facts a re-extraction may replace: what people have not reviewed.
REPLACEABLE = (Fact.origin == Origin.extracted, Fact.review_status == ReviewStatus.unreviewed)

# How a fact was found, not what it claims: a change there does not make another fact.
PROVENANCE_FIELDS = ("confidence", "extractor_version")
SAME_CLAIM_FIELDS = tuple(name for name in FACT_CLAIM_FIELDS if name not in PROVENANCE_FIELDS)


def stored_claim(fact: Fact) -> tuple:
    """Everything a stored fact claims, entities and evidence included."""
    return (*(getattr(fact, name) for name in SAME_CLAIM_FIELDS), fact.subject_id,
            fact.object_id, fact.attributed_to_id, fact.replaces_id, fact.quote,
            fact.evidence_start, fact.evidence_end)  # fmt: skip


def candidate_claim(fact: FactCandidate, entity_ids: dict[str, int]) -> tuple:
    """`stored_claim` of the fact this candidate would be stored as."""
    return (*(getattr(fact, name) for name in SAME_CLAIM_FIELDS), entity_ids.get(fact.subject),
            entity_ids.get(fact.object), entity_ids.get(fact.attributed_to),
            entity_ids.get(fact.replaces), fact.evidence.quote, fact.evidence.start,
            fact.evidence.end)  # fmt: skip


def claim_key(fact: Fact | FactCandidate) -> tuple:
    """What makes two facts the same claim: type, predicate and evidence span."""
    if isinstance(fact, Fact):
        return (fact.type, fact.predicate, fact.evidence_start, fact.evidence_end)
    return (fact.type, fact.predicate, fact.evidence.start, fact.evidence.end)


def delete_article(session: Session, article: Article) -> None:
    """Remove the article, its mentions and facts, and entities no longer used anywhere."""
    delete_article_content(session, article.id)
    session.delete(article)
    session.flush()
    prune_orphan_entities(session)


def has_curated_facts() -> sa.ColumnElement[bool]:
    """For a SELECT over articles: the article has curated facts."""
    return sa.exists().where(Fact.article_id == Article.id, Fact.origin == Origin.curated)
