"""Appointments: who takes which post, replacing whom ('Ruto appointed General X as Chief of
the Defence Forces, replacing Y', 'X was named the new defence minister', 'X, who succeeds
Y as army chief, was sworn in').
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import FactDraft, Ref, SentenceContext, build_fact, period_for

VERB = lexicon.word_pattern(lexicon.APPOINT_VERBS)
SUCCESSION = lexicon.word_pattern(lexicon.SUCCESSION_CUES)
CUES = re.compile(r"appoint|named|names|nominat|sworn|promot|elevat|picked|tapped|chose|"
                  r"selected|installed|designat|confirmed|took over|takes over|assum|"
                  r"replac|succe", re.IGNORECASE)  # fmt: skip
REACH = 120  # characters from the verb within which the person and the post are named


def find(ctx: SentenceContext) -> list:
    if not CUES.search(ctx.body):
        return []
    verb = VERB.search(ctx.body) or SUCCESSION.search(ctx.body)
    if verb is None:
        return []
    start, end = max(0, verb.start() - REACH), min(len(ctx.body), verb.end() + REACH)
    posts = ctx.entities_in(start, end, EntityType.position)
    people = ctx.entities_in(start, end, EntityType.person)
    if not posts or not people:
        return []
    person = _appointee(ctx, people, verb)
    post = min(posts, key=lambda ref: abs(ref.start - ctx.absolute(verb.end())))
    draft = FactDraft(FactType.appointment, person, "appointed_as", object=post,
                      attributed=True, confidence=0.7)  # fmt: skip
    draft.anchor(ctx.absolute(verb.start()), ctx.absolute(verb.end()))
    succession = SUCCESSION.search(ctx.body, start, end)
    if succession is not None:
        after = ctx.first_entity(succession.end(), min(len(ctx.body), succession.end() + 60),
                                 EntityType.person)  # fmt: skip
        if after is not None and after.key != person.key:
            draft.replaces = after
            draft.anchor(ctx.absolute(succession.start()), ctx.absolute(succession.end()))
    draft.modality = lexicon.modality_of(ctx.body, verb.start(), verb.end())
    if verb.group(0).lower().startswith("nominat"):
        draft.modality = "proposed"  # a nominee is not yet in post
    draft.period = period_for(ctx)
    return [build_fact(ctx, draft, _statement(ctx, draft))]


def _appointee(ctx: SentenceContext, people: list[Ref], verb: re.Match) -> Ref:
    """'X appointed Y as ...': the appointee follows an active verb; 'Y was appointed ...'
    and 'Y takes over ...': the person before it."""
    verb_at = ctx.absolute(verb.start())
    after = [ref for ref in people if ref.start > verb_at]
    before = [ref for ref in people if ref.start < verb_at]
    passive = re.search(r"\b(?:was|were|is|been|be|has|had)\s+(?:\w+\s+)?$",
                        ctx.body[max(0, verb.start() - 20) : verb.start()])  # fmt: skip
    taking = (
        verb.group(0)
        .lower()
        .startswith(("took", "takes", "assum", "sworn", "confirmed", "replac", "succe"))
    )
    if (passive or taking) and before:
        return max(before, key=lambda ref: ref.start)
    return after[0] if after else before[-1]


def _statement(ctx: SentenceContext, draft: FactDraft) -> str:
    person, post = ctx.name_of(draft.subject.key), ctx.name_of(draft.object.key)
    verb = {"planned": "is to become", "proposed": "was nominated as"}.get(
        draft.modality or "", "was appointed"
    )
    replaces = f", replacing {ctx.name_of(draft.replaces.key)}" if draft.replaces else ""
    return f"{person} {verb} {post}{replaces}{say.period(draft.period)}."
