"""Mandates: 'X is responsible for A, B and C', 'X is appointed and removed by Y',
'Minister of X, General Y' (Y holds the post), 'Commander-in-chief of X, President of Z',
'X, which can be involved in Y'.
"""

import re

from app.enums import EntityType, FactType
from app.extraction.context import Ref, SentenceContext, runs_to_end
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.gates import Gated

# Followed by the items, the rest of the sentence (see runs_to_end).
RESPONSIBLE = Gated(
    "responsible|tasked|charge",
    re.compile(r"\b(?:is|are)\s+(?:responsible|tasked|charged|in charge)\s+(?:for|with|of)\s+"),
)
APPOINTED = Gated(
    "appointed|nominated|elected|dismissed|removed",
    re.compile(
        r"\b(?:is|are|was|were)\s+(?P<verbs>(?:appointed|nominated|elected|dismissed|removed)"
        r"(?:\s+and\s+(?:appointed|dismissed|removed))?)(?:\s+from\s+(?:the\s+|his\s+|her\s+)?post)?\s+by\s+"
    ),
)
COMMANDER = re.compile(
    r"^(?:the\s+)?(?:Supreme\s+)?Commander-in-[Cc]hief\s+of\s+(?:the\s+)?(?P<force>.+)$"
)
INVOLVED = Gated("involved|used|deployed|engaged|called", re.compile(
    r"(?:,\s*which|\bthat)\s+(?:can|may|could|is to)\s+be\s+(?:involved|used|deployed|engaged|called)\s+"
    r"(?:in|on|upon)\s+(?P<what>[^.;]+)"
))  # fmt: skip
NEWLY = re.compile(r"\bnewly[\s-]+appointed\b", re.IGNORECASE)
ITEM_SPLIT = re.compile(r",\s+(?:and\s+)?")
COMMA = re.compile(r"\s*,\s*")
ACTORS = (EntityType.person, EntityType.position, EntityType.organization)


def find(ctx: SentenceContext) -> list:
    facts = _holders(ctx) + _commanders(ctx) + _involved(ctx)
    if ctx.subject is not None:
        facts += _responsibilities(ctx) + _appointments(ctx)
    return facts


def _responsibilities(ctx: SentenceContext) -> list:
    match = runs_to_end(RESPONSIBLE, ctx.body)
    if match is None:
        return []
    listed = ctx.body[match.end() :]
    listed = listed[:-1] if len(listed) > 1 and listed.endswith(".") else listed
    items, cursor, facts = _split_items(listed), match.end(), []
    last_country = ctx.state.last_country
    for item in items:
        start = ctx.body.index(item, cursor)
        cursor = start + len(item)
        target = ctx.first_entity(start, cursor, EntityType.place, EntityType.country,
                                  EntityType.organization)  # fmt: skip
        if target is not None and ctx.type_of(target.key) is EntityType.country:
            last_country = target.key
        if target is None and re.search(r"\bits\b", item) and last_country:
            target = Ref(last_country)
        if target is None:
            continue
        draft = FactDraft(FactType.mandate, ctx.subject, "responsible_for", object=target,
                          confidence=0.85)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(cursor))
        statement = f"{ctx.name_of(ctx.subject.key)} is responsible for {item}."
        facts.append(build_fact(ctx, draft, statement))
    return facts


def _split_items(text: str) -> list[str]:
    """'A, B, C and D' -> [A, B, C, D]: commas, then the first 'and' of the last item."""
    items = [item for item in ITEM_SPLIT.split(text) if item.strip()]
    if items and " and " in items[-1]:
        head, tail = items[-1].split(" and ", 1)
        items[-1:] = [head, tail]
    return [item.strip() for item in items]


def _appointments(ctx: SentenceContext) -> list:
    match = APPOINTED.search(ctx.body)
    if match is None:
        return []
    by = ctx.first_entity(match.end(), len(ctx.body), *ACTORS)
    if by is None or by.key == ctx.subject.key:
        return []
    verbs = match.group("verbs").split()
    predicate = "_and_".join(v for v in verbs if v != "and") + "_by"
    draft = FactDraft(FactType.mandate, ctx.subject, predicate, object=by, confidence=0.85)
    draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
    _extend_to_apposition(ctx, draft, by)
    statement = (f"{ctx.name_of(ctx.subject.key)} is {match.group('verbs')} by "
                 f"{ctx.name_of(by.key)}.")  # fmt: skip
    return [build_fact(ctx, draft, statement)]


def _extend_to_apposition(ctx: SentenceContext, draft: FactDraft, ref: Ref) -> None:
    """'the Commander-in-chief ..., President of X': the evidence covers both names."""
    comma = COMMA.match(ctx.text, ref.end)  # only a comma between the names
    if comma is None:
        return
    for mention in ctx.mentions_at(comma.end()):
        if mention.key == ref.key:
            draft.anchor(mention.start, mention.end)


def _holders(ctx: SentenceContext) -> list:
    facts = []
    for person, position, start, end in ctx.table.appositions_in(ctx.sentence.start,
                                                                 ctx.sentence.end):  # fmt: skip
        if NEWLY.search(ctx.text, max(ctx.sentence.start, start - 20), start + 20):
            continue  # "Newly appointed Chief X, General Y": an appointment, not a title held
        draft = FactDraft(FactType.mandate, Ref(person), "holds_position",
                          object=Ref(position), confidence=0.9)  # fmt: skip
        draft.anchor(start, end)
        statement = f"{ctx.name_of(person)} is the {ctx.name_of(position)}."
        facts.append(build_fact(ctx, draft, statement))
    return facts


def _commanders(ctx: SentenceContext) -> list:
    facts = []
    for mention in ctx.mentions:
        match = COMMANDER.match(mention.text)
        if match is None or ctx.type_of(mention.key) is not EntityType.position:
            continue
        if COMMANDER.match(ctx.name_of(mention.key)):
            continue  # the post is no other post's: "the Commander-in-chief is the Commander-in-chief"
        force = ctx.table.resolve(match.group("force"))
        if force is None:
            continue
        draft = FactDraft(FactType.mandate, Ref(mention.key, mention.start, mention.end),
                          "commander_in_chief_of", object=Ref(force), confidence=0.85)  # fmt: skip
        _extend_to_apposition(ctx, draft, Ref(mention.key, mention.start, mention.end))
        statement = f"{ctx.name_of(mention.key)} is the Commander-in-chief of {ctx.name_of(force)}."
        facts.append(build_fact(ctx, draft, statement))
    return facts


def _involved(ctx: SentenceContext) -> list:
    facts = []
    # The actor of each clause is the organisation that ends last before it: one pass over
    # the organisations, ordered by end, as the clauses come.
    organizations = sorted(ctx.entities_in(0, len(ctx.body), EntityType.organization),
                           key=lambda ref: ref.end)  # fmt: skip
    seen, actor = 0, None
    for match in INVOLVED.finditer(ctx.body):
        while (seen < len(organizations)
               and organizations[seen].end <= ctx.absolute(match.start())):  # fmt: skip
            actor = organizations[seen]
            seen += 1
        if actor is None:
            continue
        draft = FactDraft(FactType.mandate, actor, "may_take_part_in", confidence=0.75)
        draft.anchor(actor.start, ctx.absolute(match.end()))
        what = match.group("what").strip()
        statement = f"{ctx.name_of(actor.key)} can be involved in {what}."
        facts.append(build_fact(ctx, draft, statement))
    return facts
