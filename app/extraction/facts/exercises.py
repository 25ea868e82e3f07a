"""Exercises: who drills, with whom, where, when and how many troops ('Finland and Sweden
held the Northern Response exercise in the Baltic Sea with 20,000 troops', 'Exercise
Talisman Sabre, involving 30,000 personnel from 13 nations, began in Queensland', 'the
Russian-Belarusian exercise West 2025'); troops told in the next sentence ('About 4,500
U.S. personnel are taking part') belong to the exercise just named.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import gazetteer as gz
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.facts.exercise_troops import CUES, listed_after, statement, told_after, troops
from app.extraction.gates import fold, holds_any

NOUN = lexicon.word_pattern(lexicon.EXERCISE_NOUNS)
VERB = lexicon.word_pattern(lexicon.EXERCISE_VERBS)
# "the Iron Defender-25 exercise", "Exercise Talisman Sabre", "exercises dubbed 'Zapad'":
# a bounded run of capitalised words beside the noun is the exercise's name.
_NAME = r"(?P<name>(?:[A-Z][\w-]*|\d{2,4})(?:\s+(?:[A-Z][\w-]*|\d{2,4})){0,4})"
NAME_BEFORE = re.compile(
    rf"{_NAME}[\"”’']?\s+(?:military\s+|joint\s+|naval\s+)?(?:exercises?|drills?)\b"
)
NAME_AFTER = re.compile(rf"\b(?:[Ee]xercises?|[Dd]rills?)\s+(?:(?:dubbed|called|named|code-?named)\s+)?[\"“‘']?{_NAME}")  # fmt: skip
WHERE = re.compile(r"\b(?:in|off|near|across|over)\s+(?:the\s+)?$")
PARTIES = (EntityType.country, EntityType.organization)
# "a signal to Russia", "directed against Iran": whom an exercise is aimed at takes no part.
TARGET = re.compile(r"\b(?:to|against|towards?|at)\s+(?:the\s+)?$", re.IGNORECASE)
# "the joint Russian-Belarusian exercise": participants named right before the noun.
# Spaces, then separator tokens each followed by its spaces: a run of spaces or hyphens splits
# one way only (the old `(?:[\s-]+|...)*` was `(a+)*`, exponential on a failing run).
LINK = re.compile(r"\s*(?:(?:[-,]|\b(?:and|joint|military|naval|air|land|sea|war|annual|combined|"
                  r"large-scale|multinational|bilateral|trilateral|major)\b)\s*)*",
                  re.IGNORECASE)  # fmt: skip
# "Norway plans its largest exercise": a plan said of the exercise, not by a modal verb.
PLANS = re.compile(r"\b(?:plans|planned|is\s+planning|are\s+planning|prepares|is\s+preparing|"
                   r"are\s+preparing)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)  # fmt: skip
# "the exercise, first held in 1982,": its history, not this holding of it.
HISTORY = re.compile(r"\b(?:first|last|previously|once)\s+$", re.IGNORECASE)
DEFINITE = re.compile(r"\b(?:the|these|this)\s+$", re.IGNORECASE)
NOT_NAMES = {"The", "A", "An", "Joint", "Military", "Naval", "Air", "Army", "This", "These",
             "Large-scale", "Major", "Annual", "Combined", "Multinational"}  # fmt: skip
# "a ceasefire monitoring exercise", "a fundraising exercise": exercises that are not drills.
CIVIL = re.compile(r"\b(?:monitoring|fundraising|branding|mapping|accounting|budgeting|"
                   r"consultation|listening|public relations|paper|academic|pr)\s+$", re.IGNORECASE)  # fmt: skip


# A word of every cue in CUES, lower-cased: most sentences hold none, and `in` is cheaper.
CUE_WORDS = ("exercis", "drill", "manoeuvres", "maneuvers", "games")


def find(ctx: SentenceContext) -> list:
    if not holds_any(fold(ctx.body), CUE_WORDS) or not CUES.search(ctx.body):
        return told_after(ctx) or listed_after(ctx)
    nouns = [n for n in NOUN.finditer(ctx.body)
             if not CIVIL.search(ctx.body, max(0, n.start() - 30), n.start())]  # fmt: skip
    if not nouns:
        return []
    chains = [_named_before_noun(ctx, noun) for noun in nouns]
    names = [_name_at(ctx.body, noun) for noun in nouns]
    best = max(range(len(nouns)), key=lambda i: (bool(chains[i]) + bool(names[i]), -i))
    noun, chain, name = nouns[best], chains[best], names[best] or _named(ctx.body)
    parties = _parties(ctx)
    # "the Russian-Belarusian exercise": the pair drills; "X joined the NATO exercise": X
    if len(chain) < 2:
        chain = []
    subject = chain[0] if chain else _subject(ctx, parties)
    verb = next((v for v in VERB.finditer(ctx.body)
                 if not HISTORY.search(ctx.body, max(0, v.start() - 12), v.start())), None)  # fmt: skip
    if subject is None or (verb is None and name is None):
        _remember(ctx, noun, name, None)
        return []  # "exercise" as in "exercising restraint", or talk of drills in general
    draft = FactDraft(FactType.exercise, subject, "held_exercise", attributed=True,
                      confidence=0.7)  # fmt: skip
    draft.anchor(ctx.absolute(noun.start()), ctx.absolute(noun.end()))
    others = [p for p in (chain[1:] if chain else parties) if p.key != subject.key]
    if len({p.key for p in others}) == 1:
        draft.object = others[0]
    if name is not None:
        draft.item = name.group("name")
        draft.anchor(ctx.absolute(name.start("name")), ctx.absolute(name.end("name")))
    troops(ctx, draft)
    _where(ctx, draft, subject)
    trigger = verb or noun
    draft.modality = lexicon.modality_of(ctx.body, trigger.start(), trigger.end())
    if draft.modality == "asserted" and any(
        PLANS.search(ctx.body, max(0, n.start() - 60), n.start()) for n in nouns[:3]
    ):
        draft.modality = "planned"
    # the claim runs over every span it rests on: "held X ... with 3,000 troops in 2025"
    spans = [(start - ctx.sentence.start, end - ctx.sentence.start) for start, end in draft.anchors]
    low = min([trigger.start(), *(start for start, _ in spans)])
    high = min(len(ctx.body), max([trigger.end(), *(end for _, end in spans)]))
    draft.period = period_near(ctx, low, high)
    _inherit(ctx, draft, noun, name)
    _remember(ctx, noun, name, draft)
    if not (draft.item or draft.quantity or draft.object or draft.scope):
        return []  # talk of drills in general, with nothing that tells one from another
    return [build_fact(ctx, draft, statement(say.named(ctx, draft), draft))]


def _parties(ctx: SentenceContext) -> list[Ref]:
    """Who may take part: not whom it is aimed at. (A speaker takes part as often as
    not: 'the Navy said its ships joined the drills'.)"""
    return [ref for ref in ctx.entities_in(0, len(ctx.body), *PARTIES)
            if not TARGET.search(ctx.text, max(0, ref.start - 12), ref.start)]  # fmt: skip


def _subject(ctx: SentenceContext, parties: list[Ref]) -> Ref | None:
    keys = {ref.key for ref in parties}
    if ctx.subject is not None and ctx.subject.key in keys:
        return ctx.subject  # the sentence's own subject first, then whoever is named first
    countries = [p for p in parties if ctx.type_of(p.key) is EntityType.country]
    return (countries or parties or [None])[0]


def _named_before_noun(ctx: SentenceContext, noun: re.Match) -> list[Ref]:
    """The countries or bodies named right before the noun ('Russian-Belarusian exercise')."""
    chain, position = [], noun.start()
    refs = ctx.entities_in(max(0, noun.start() - 80), noun.start(), *PARTIES)
    for ref in sorted(refs, key=lambda r: r.start, reverse=True):
        end = ref.end - ctx.sentence.start
        if end > position or not LINK.fullmatch(ctx.body, end, position):
            break
        chain.insert(0, ref)
        position = ref.start - ctx.sentence.start
    return chain


def _name_at(body: str, noun: re.Match) -> re.Match | None:
    """A name written right beside this noun ('exercise West 2025', 'Cobra Gold exercise')."""
    after = NAME_AFTER.match(body, noun.start())
    if after is not None and _real(after):
        return after
    for before in NAME_BEFORE.finditer(body, max(0, noun.start() - 60), noun.end()):
        if before.end() == noun.end() and _real(before):
            return before
    return None


def _real(match: re.Match) -> bool:
    """A name is more than filler words and demonyms ('The Polish exercise' has none)."""
    words = match.group("name").split()
    while words and words[0] in NOT_NAMES:
        words.pop(0)
    demonyms = gz.demonym_to_country()
    return not all(part in demonyms for word in words for part in word.split("-"))


def _named(body: str) -> re.Match | None:
    for pattern in (NAME_AFTER, NAME_BEFORE):
        for match in pattern.finditer(body):
            if _real(match):
                return match
    return None


def _inherit(ctx: SentenceContext, draft: FactDraft, noun: re.Match, name) -> None:
    """'the drills' right after 'the exercise Joint Viking, which starts next year': the
    same exercise, with its name and year."""
    last = ctx.state.notes.get("exercise")
    if name is not None or not isinstance(last, dict) or not last.get("item"):
        return
    if ctx.sentence.start - last["end"] > 5 or not DEFINITE.search(
        ctx.body, max(0, noun.start() - 8), noun.start()
    ):
        return
    draft.item = draft.item or last["item"]
    if draft.period is None:
        draft.period = last.get("period")


def _remember(ctx: SentenceContext, noun: re.Match, name, draft: FactDraft | None) -> None:
    period = draft.period if draft is not None else None
    if period is None and name is not None:  # its year, said anywhere near its name
        near = ctx.periods(max(0, noun.start() - 60), min(len(ctx.body), name.end() + 60))
        period = min(near, key=lambda p: abs(p.start - ctx.absolute(name.end())), default=None)
    ctx.state.notes["exercise"] = {
        "end": ctx.sentence.end,
        "item": draft.item if draft is not None else (name.group("name") if name else None),
        "period": period,
        "subject": draft.subject.key if draft is not None else None,
        "modality": draft.modality if draft is not None else None,
    }


def _where(ctx: SentenceContext, draft: FactDraft, subject: Ref) -> None:
    for ref in ctx.entities_in(0, len(ctx.body), EntityType.place, EntityType.country):
        if ref.key == subject.key or (draft.object and ref.key == draft.object.key):
            continue
        before = ctx.text[max(ctx.sentence.start, ref.start - 12) : ref.start]
        if WHERE.search(before):
            draft.scope = ctx.name_of(ref.key)
            draft.anchor(ref.start, ref.end)
            return
