"""Troops of an exercise, counted in its sentence or told by the next ones ('... have begun
in Poland. About 30,000 soldiers were involved'), and the countries listed as taking part
('Participants are Japan, India and Malaysia'). Used by `exercises`; imports none of it.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.quantities import NUMBER_WORDS, parse_number

CUES = lexicon.cue_pattern(
    "exercis", "drill", "manoeuvres", "maneuvers", as_written=("war ?games",)
)
TROOP_CUES = re.compile(r"troops|soldiers|personnel|servicemen|service ?members|sailors|marines")
PARTIES = (EntityType.country, EntityType.organization)
MAX_TROOPS = 2_000_000
_TROOPS = lexicon.alternation(lexicon.TROOP_NOUNS)
_COUNT = (r"(?<![\w.,])(?P<count>\d{1,3}(?:[,.]\d{3})+|\d+|"
          + "|".join(w for w in NUMBER_WORDS if " " not in w) + ")")  # fmt: skip
# "5000 soldiers", "about 4,500 U.S. personnel": the count right before the troops.
TROOP_COUNT = re.compile(rf"{_COUNT}(?:\s+thousand)?\s+(?:[\w.]+\s+){{0,2}}?(?:{_TROOPS})\b",
                         re.IGNORECASE)  # fmt: skip
# Troops that join in, told by a sentence of their own.
TAKING_PART = re.compile(r"[^.;!?]{0,60}?\b(?:involved|deployed|taking\s+part|take\s+part|took\s+part|"
                         r"participat\w*|engaged|mobili[sz]ed)\b", re.IGNORECASE)  # fmt: skip
FOLLOWING = re.compile(r"\s*(?:(?:about|some|around|nearly|more\s+than|over|up\s+to|approximately|"
                       r"roughly)\s+)?(?=\S)", re.IGNORECASE)  # fmt: skip
SENTENCE_END = re.compile(r"[.!?\n]")
FOLLOW_REACH = 600  # characters after an exercise within which its troops may be told


def _troop_count(text: str, start: int, end: int) -> re.Match | None:
    for match in TROOP_COUNT.finditer(text, start, end):
        value = _value(match)
        if value is not None and 10 <= value <= MAX_TROOPS:
            return match
    return None


def _value(match: re.Match) -> float | None:
    count = match.group("count").lower()
    value = NUMBER_WORDS.get(count) or parse_number(count.replace(".", ","))
    if value is not None and "thousand" in match.group(0).lower().split()[1:2]:
        value *= 1000
    return value


def troops(ctx: SentenceContext, draft: FactDraft) -> None:
    """Troops counted in the sentence; else in the next one, if it only tells them
    ('... have begun in Poland. About 30,000 soldiers were involved')."""
    found = _troop_count(ctx.body, 0, len(ctx.body))
    offset = ctx.sentence.start
    if found is None:
        lead = FOLLOWING.match(ctx.text, ctx.sentence.end)
        nxt = TROOP_COUNT.match(ctx.text, lead.end()) if lead else None
        stop = SENTENCE_END.search(ctx.text, nxt.end(), nxt.end() + 200) if nxt else None
        stop_at = stop.start() if stop else min(len(ctx.text), nxt.end() + 200) if nxt else 0
        if (
            nxt is None
            or not TAKING_PART.match(ctx.text, nxt.end(), stop_at)
            or CUES.search(ctx.text, nxt.end(), stop_at)
        ):
            return
        found, offset = nxt, 0
        ctx.state.notes["troops_told"] = nxt.start()
    value = _value(found)
    if value is None or not 10 <= value <= MAX_TROOPS:
        return
    draft.quantity = int(value)
    draft.anchor(offset + found.start(), offset + found.end())


def told_after(ctx: SentenceContext) -> list:
    """'About 4,500 U.S. personnel are taking part.': soon after an exercise, its troops."""
    last = ctx.state.notes.get("exercise")
    if not isinstance(last, dict) or last.get("subject") is None:
        return []
    if ctx.sentence.start - last["end"] > FOLLOW_REACH or not TROOP_CUES.search(ctx.body):
        return []
    found = _troop_count(ctx.body, 0, len(ctx.body))
    if found is None or ctx.state.notes.get("troops_told") == ctx.absolute(found.start()):
        return []
    verb = TAKING_PART.match(ctx.body, found.end())
    if verb is None:
        return []
    named = ctx.entities_in(found.start(), found.end(), *PARTIES)
    subject = named[0] if named else Ref(last["subject"])
    draft = FactDraft(FactType.exercise, subject, "held_exercise", attributed=True,
                      confidence=0.6, quantity=int(_value(found)))  # fmt: skip
    draft.anchor(ctx.absolute(found.start()), ctx.absolute(verb.end()))
    draft.modality = lexicon.modality_of(ctx.body, found.start(), verb.end())
    draft.period = period_near(ctx, found.start(), verb.end())
    return [build_fact(ctx, draft, statement(say.named(ctx, draft), draft))]


def statement(named: say.Named, draft) -> str:
    """An exercise said from its fields (extraction, and again after a correction)."""
    subject = named.subject
    verb = say.tense(draft.modality, "held", "plans to hold", "proposed holding")
    name = f"the {draft.item} exercise" if draft.item else "a military exercise"
    partner = f" with {named.object}" if named.object else ""
    where = f" in {draft.scope}" if draft.scope else ""
    troops = f" involving {say.number(draft.quantity)} troops" if draft.quantity else ""
    return f"{subject} {verb} {name}{partner}{where}{troops}{say.period(draft.period)}."


# "... are active participants: Singapore, Japan and India": the countries that take part.
PARTICIPANTS = re.compile(
    r"\b(?:participants|participating\s+(?:countries|nations)|taking\s+part|take\s+part|"
    r"participate|participating)\b(?:\s+(?:are|were|include|included|will\s+be))?\s*:?\s*",
    re.IGNORECASE,
)
LIST_GLUE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
PAST_CUE = re.compile(r"\b(?:were|included|took)\b", re.IGNORECASE)


def listed_after(ctx: SentenceContext) -> list:
    """Soon after an exercise, a list of the countries taking part: one fact each."""
    last = ctx.state.notes.get("exercise")
    if not isinstance(last, dict) or ctx.sentence.start - last["end"] > FOLLOW_REACH:
        return []
    cue = PARTICIPANTS.search(ctx.body)
    if cue is None:
        return []
    listed, position = [], ctx.absolute(cue.end())
    for ref in ctx.entities_in(cue.end(), len(ctx.body), EntityType.country):
        gap = ctx.text[position : ref.start]
        if ref.start < position or not (gap == "" or LIST_GLUE.fullmatch(gap)):
            break
        listed.append(ref)
        position = ref.end
    if len(listed) < 2:
        return []
    modality = lexicon.modality_of(ctx.body, cue.start(), cue.end())
    if modality == "asserted" and not PAST_CUE.search(cue.group(0)):
        # "the participating countries are X, Y": the exercise as told before, a plan or not
        modality = last.get("modality") or modality
    facts = []
    for ref in listed:
        draft = FactDraft(FactType.exercise, ref, "takes_part_in_exercise", item=last.get("item"),
                          modality=modality, attributed=True, confidence=0.6)  # fmt: skip
        draft.anchor(ctx.absolute(cue.start()), ctx.absolute(cue.end()))
        facts.append(build_fact(ctx, draft, statement(say.named(ctx, draft), draft)))
    return facts
