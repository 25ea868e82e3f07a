"""Appointments: who takes which post, replacing whom ('Ruto appointed General X as Chief of
the Defence Forces, replacing Y', 'X was named the new defence minister', 'X, who succeeds
Y as army chief, was sworn in').
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import FactDraft, Ref, SentenceContext, build_fact, period_near
from app.extraction.quantities import Period

VERB = lexicon.word_pattern(lexicon.APPOINT_VERBS)
SUCCESSION = lexicon.word_pattern(lexicon.SUCCESSION_CUES)
CUES = re.compile(r"appoint|named|names|nominat|sworn|promot|elevat|picked|tapped|chose|becom|"
                  r"selected|installed|designat|confirmed|took over|takes over|assum|"
                  r"replac|succe")  # fmt: skip
REACH = 120  # characters from the verb within which the person and the post are named


def find(ctx: SentenceContext) -> list:
    if not CUES.search(ctx.body):
        return []
    for verb in (*VERB.finditer(ctx.body), *SUCCESSION.finditer(ctx.body)):
        fact = _appointment(ctx, verb)
        if fact is not None:
            return [fact]
    return []


def _appointment(ctx: SentenceContext, verb: re.Match):
    """The post must follow the verb as its complement ('appointed X as Y', 'was named the
    new Y', 'took over as Y'); the person is the verb's object, or its subject when passive."""
    post = _post_after(ctx, verb)
    if post is None:
        return None
    predecessor = None
    if SUCCESSION.fullmatch(verb.group(0)):  # "X, who succeeds Y as Z": Y left the post
        between = ctx.entities_in(verb.end(), post.start - ctx.sentence.start, EntityType.person)
        before = ctx.entities_in(max(0, verb.start() - REACH), verb.start(), EntityType.person)
        if not before:
            return None
        person, predecessor = before[-1], (between[0] if between else None)
    else:
        person = _appointee(ctx, verb, post)
    if person is None:
        return None
    draft = FactDraft(FactType.appointment, person, "appointed_as", object=post,
                      attributed=True, confidence=0.7)  # fmt: skip
    draft.anchor(ctx.absolute(verb.start()), ctx.absolute(verb.end()))
    if predecessor is not None:
        draft.replaces = predecessor
    succession = (
        None
        if predecessor is not None
        else SUCCESSION.search(
            ctx.body, max(0, verb.start() - REACH), min(len(ctx.body), verb.end() + REACH)
        )
    )
    if succession is not None and succession.start() != verb.start():
        after = ctx.first_entity(succession.end(), min(len(ctx.body), succession.end() + 60),
                                 EntityType.person)  # fmt: skip
        if after is not None and after.key != person.key:
            draft.replaces = after
            draft.anchor(ctx.absolute(succession.start()), ctx.absolute(succession.end()))
    draft.modality = lexicon.modality_of(ctx.body, verb.start(), verb.end())
    if verb.group(0).lower().startswith("nominat"):
        draft.modality = "proposed"  # a nominee is not yet in post
    draft.period = period_near(ctx, verb.start(), verb.end())
    if draft.period is None and draft.modality == "asserted" and ctx.state.published_year:
        # An appointment the news reports without a date is the news of its day.
        year = ctx.state.published_year
        draft.period = Period(year, year, ctx.absolute(verb.start()), ctx.absolute(verb.end()))
    return build_fact(ctx, draft, _statement(ctx, draft))


# Between the verb and the post: the appointee's name at most, then "as", "to" or "the new".
COMPLEMENT = re.compile(r"^(?:[^,;.]{0,80}?\s)?(?:as|to(?: the (?:post|position|office) of)?)\s+"
                        r"(?:the\s+)?(?:new\s+|next\s+|acting\s+|interim\s+)?(?:[\w’']+\s+)?$"
                        r"|^\s+(?:the\s+|its\s+)?(?:new|next|acting|interim)\s+$", re.IGNORECASE)  # fmt: skip


def _post_after(ctx: SentenceContext, verb: re.Match) -> Ref | None:
    end = min(len(ctx.body), verb.end() + REACH)
    for post in ctx.entities_in(verb.end(), end, EntityType.position):
        between = ctx.text[ctx.absolute(verb.end()) : post.start]
        if COMPLEMENT.match(between):
            return post
    return None


PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being|has|have|had|newly|just)\s+(?:\w+\s+)?$")
TAKING = ("took", "takes", "assum", "sworn", "confirmed", "replac", "succe")
PRONOUN = re.compile(r"\s+(?:him|her)\b", re.IGNORECASE)


def _appointee(ctx: SentenceContext, verb: re.Match, post: Ref) -> Ref | None:
    """'X appointed Y as ...': the person between the verb and the post ('appointed him':
    the person named last before); 'Y was appointed as ...', 'Y takes over as ...': the
    person nearest before the verb."""
    verb_at = ctx.absolute(verb.start())
    between = ctx.entities_in(verb.end(), post.start - ctx.sentence.start, EntityType.person)
    if between:
        return between[0]
    before = ctx.entities_in(max(0, verb.start() - REACH), verb.start(), EntityType.person)
    before = [ref for ref in before if ref.start < verb_at]
    passive = PASSIVE.search(ctx.body, max(0, verb.start() - 25), verb.start())
    taking = verb.group(0).lower().startswith(TAKING)
    if before and (passive or taking or PRONOUN.match(ctx.body, verb.end())):
        return max(before, key=lambda ref: ref.start)
    return None


def _statement(ctx: SentenceContext, draft: FactDraft) -> str:
    person, post = ctx.name_of(draft.subject.key), ctx.name_of(draft.object.key)
    verb = say.tense(draft.modality, "was appointed", "is to become", "was nominated as")
    replaces = f", replacing {ctx.name_of(draft.replaces.key)}" if draft.replaces else ""
    return f"{person} {verb} {post}{replaces}{say.period(draft.period)}."
