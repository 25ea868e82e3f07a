"""Exercises: who drills, with whom, where, when and how many troops ('Finland and Sweden
held the Northern Response exercise in the Baltic Sea with 20,000 troops', 'Exercise
Talisman Sabre, involving 30,000 personnel from 13 nations, began in Queensland').
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import FactDraft, Ref, SentenceContext, build_fact, period_near
from app.extraction.quantities import find_count

NOUN = lexicon.word_pattern(lexicon.EXERCISE_NOUNS)
VERB = lexicon.word_pattern(lexicon.EXERCISE_VERBS)
# "the Iron Defender-25 exercise", "Exercise Talisman Sabre", "exercises dubbed 'Zapad'":
# a bounded run of capitalised words beside the noun is the exercise's name.
_NAME = r"(?P<name>(?:[A-Z][\w-]*|\d{2,4})(?:\s+(?:[A-Z][\w-]*|\d{2,4})){0,4})"
NAME_BEFORE = re.compile(
    rf"{_NAME}[\"”’']?\s+(?:military\s+|joint\s+|naval\s+)?(?:exercises?|drills?)\b"
)
NAME_AFTER = re.compile(rf"\b(?:[Ee]xercises?|[Dd]rills?)\s+(?:(?:dubbed|called|named|code-?named)\s+)?[\"“‘']?{_NAME}")  # fmt: skip
TROOPS = re.compile(rf"\b(?:{lexicon.alternation(lexicon.TROOP_NOUNS)})\b", re.IGNORECASE)
WHERE = re.compile(r"\b(?:in|off|near|across|over)\s+(?:the\s+)?$")
PARTIES = (EntityType.country, EntityType.organization)
NOT_NAMES = {"The", "A", "An", "Joint", "Military", "Naval", "Air", "Army", "This", "These",
             "Large-scale", "Major", "Annual", "Combined", "Multinational"}  # fmt: skip
MAX_TROOPS = 2_000_000
# "a ceasefire monitoring exercise", "a fundraising exercise": exercises that are not drills.
CIVIL = re.compile(r"\b(?:monitoring|fundraising|branding|mapping|accounting|budgeting|"
                   r"consultation|listening|public relations|paper|academic|pr)\s+$", re.IGNORECASE)  # fmt: skip
CUES = re.compile(r"[Ee]xercis|[Dd]rill|war ?games|[Mm]anoeuvres|[Mm]aneuvers")


def find(ctx: SentenceContext) -> list:
    if not CUES.search(ctx.body):
        return []
    noun = next((n for n in NOUN.finditer(ctx.body)
                 if not CIVIL.search(ctx.body, max(0, n.start() - 30), n.start())), None)  # fmt: skip
    if noun is None:
        return []
    parties = ctx.entities_in(0, len(ctx.body), *PARTIES)
    if ctx.subject is not None and ctx.type_of(ctx.subject.key) in PARTIES:
        subject = ctx.subject  # the sentence's own subject first, then whoever is named first
    else:
        countries = [p for p in parties if ctx.type_of(p.key) is EntityType.country]
        subject = (countries or parties or [None])[0]
    if subject is None:
        return []
    verb = VERB.search(ctx.body)
    if verb is None and not _named(ctx.body):
        return []  # "exercise" as in "exercising restraint", or talk of drills in general
    draft = FactDraft(FactType.exercise, subject, "held_exercise", attributed=True,
                      confidence=0.7)  # fmt: skip
    draft.anchor(ctx.absolute(noun.start()), ctx.absolute(noun.end()))
    others = [p for p in parties if p.key != subject.key]
    if len(others) == 1:
        draft.object = others[0]
    if name := _named(ctx.body):
        draft.item = name.group("name")
        draft.anchor(ctx.absolute(name.start("name")), ctx.absolute(name.end("name")))
    _troops(ctx, draft)
    _where(ctx, draft, subject)
    if not (draft.item or draft.quantity or draft.object or draft.scope):
        return []  # talk of drills in general, with nothing that tells one from another
    trigger = verb or noun
    draft.modality = lexicon.modality_of(ctx.body, trigger.start(), trigger.end())
    # the claim runs over every span it rests on: "held X ... with 3,000 troops in 2025"
    spans = [(start - ctx.sentence.start, end - ctx.sentence.start) for start, end in draft.anchors]
    low = min([trigger.start(), *(start for start, _ in spans)])
    draft.period = period_near(ctx, low, max([trigger.end(), *(end for _, end in spans)]))
    return [build_fact(ctx, draft, _statement(ctx, draft))]


def _named(body: str) -> re.Match | None:
    for pattern in (NAME_AFTER, NAME_BEFORE):
        for match in pattern.finditer(body):
            words = match.group("name").split()
            while words and words[0] in NOT_NAMES:
                words.pop(0)
            if words:
                return match
    return None


def _troops(ctx: SentenceContext, draft: FactDraft) -> None:
    for noun in TROOPS.finditer(ctx.body):
        count = find_count(ctx.body[max(0, noun.start() - 25) : noun.start()])
        if count is None or not 10 <= count.value <= MAX_TROOPS:
            continue
        draft.quantity = int(count.value)
        offset = max(0, noun.start() - 25)
        draft.anchor(ctx.absolute(offset + count.start), ctx.absolute(noun.end()))
        return


def _where(ctx: SentenceContext, draft: FactDraft, subject: Ref) -> None:
    for ref in ctx.entities_in(0, len(ctx.body), EntityType.place, EntityType.country):
        if ref.key == subject.key or (draft.object and ref.key == draft.object.key):
            continue
        before = ctx.text[max(ctx.sentence.start, ref.start - 12) : ref.start]
        if WHERE.search(before):
            draft.scope = ctx.name_of(ref.key)
            draft.anchor(ref.start, ref.end)
            return


def _statement(ctx: SentenceContext, draft: FactDraft) -> str:
    subject = ctx.name_of(draft.subject.key)
    verb = say.tense(draft.modality, "held", "plans to hold", "proposed holding")
    name = f"the {draft.item} exercise" if draft.item else "a military exercise"
    partner = f" with {ctx.name_of(draft.object.key)}" if draft.object else ""
    where = f" in {draft.scope}" if draft.scope else ""
    troops = f" involving {say.number(draft.quantity)} troops" if draft.quantity else ""
    return f"{subject} {verb} {name}{partner}{where}{troops}{say.period(draft.period)}."
