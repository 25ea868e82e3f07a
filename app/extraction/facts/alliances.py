"""Alliances: 'joined X in 1994, as well as Y in 1996', 'is a member of X', 'is part of X',
'the NATO-led X', a programme named after the organisation that runs it.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import statements as say
from app.extraction.context import FactDraft, Ref, SentenceContext, build_fact, runs_to_end
from app.extraction.quantities import find_periods

GROUPS = (EntityType.organization, EntityType.program)
# Each is followed by the items, the rest of the sentence (see runs_to_end).
JOINED = re.compile(r"\b(?:joined|acceded to|entered)\s+")
MEMBER = re.compile(r"\b(?:is|was|became|has been|remains|are|were)\s+(?:a\s+|an\s+)?(?:full\s+|"
                    r"founding\s+)?(?P<kind>member|part|participant)\s+(?:state\s+)?(?:of|in)\s+")  # fmt: skip
ITEM_SPLIT = re.compile(r",?\s+as well as\s+|;\s+|,\s+and\s+|,\s+(?=the\s)")
LED = re.compile(r"\b(?P<leader>[A-Z][\w]*)-led\b")


def find(ctx: SentenceContext) -> list:
    facts = []
    if ctx.subject is not None:
        for pattern, predicate in ((JOINED, "joined"), (MEMBER, "member_of")):
            match = runs_to_end(pattern, ctx.body)
            if match is None:
                continue
            if predicate == "member_of" and match.group("kind") == "part":
                predicate = "part_of"
            facts.extend(_items(ctx, match, predicate))
    facts.extend(_led_by(ctx))
    return facts


def _items(ctx: SentenceContext, match: re.Match, predicate: str) -> list:
    facts, cursor = [], match.end()
    for piece in ITEM_SPLIT.split(ctx.body[match.end() :]):
        start = ctx.body.index(piece, cursor)
        cursor = start + len(piece)
        # A programme named in the item is what was joined, not the body that leads it.
        group = ctx.first_entity(start, cursor, EntityType.program) or ctx.first_entity(
            start, cursor, *GROUPS
        )
        if group is None or group.key == ctx.subject.key:
            continue
        periods = [p for p in find_periods(piece) if not _inside_name(ctx, start + p.start)]
        draft = FactDraft(FactType.alliance, ctx.subject, predicate, object=group,
                          attributed=True, confidence=0.9)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.start()) + 1)
        if periods:
            period = periods[0]
            draft.period = type(period)(period.start_year, period.end_year,
                                        ctx.absolute(start + period.start), ctx.absolute(start + period.end))  # fmt: skip
            if predicate == "member_of" and "since" not in piece:
                draft.period = type(period)(
                    period.start_year, None, draft.period.start, draft.period.end
                )
        verb = {"joined": "joined", "member_of": "is a member of", "part_of": "is part of"}[
            predicate
        ]
        statement = (f"{ctx.name_of(ctx.subject.key)} {verb} {ctx.name_of(group.key)}"
                     f"{say.period(draft.period)}.")  # fmt: skip
        facts.append(build_fact(ctx, draft, statement))
    return facts


def _inside_name(ctx: SentenceContext, offset: int) -> bool:
    absolute = ctx.absolute(offset)
    return ctx.covered(absolute, absolute + 1)


def _led_by(ctx: SentenceContext) -> list:
    """'NATO-led X' and 'NATO Planning and Review Process': X is led by NATO."""
    facts = []
    for match in LED.finditer(ctx.body):
        leader = ctx.first_entity(
            match.start("leader"), match.end("leader"), EntityType.organization
        )
        led = ctx.first_entity(
            match.end(), len(ctx.body), EntityType.program, EntityType.organization
        )
        if leader and led and led.key != leader.key:
            facts.append(_led(ctx, led, leader, ctx.absolute(match.start()), led.end))
    for ref in ctx.entities_in(0, len(ctx.body), EntityType.program):
        first_word = ctx.text[ref.start : ref.end].split()[0]
        leader_key = ctx.table.resolve(first_word)
        if (
            leader_key
            and leader_key != ref.key
            and ctx.type_of(leader_key) is EntityType.organization
        ):
            leader = Ref(leader_key, ref.start, ref.start + len(first_word))
            facts.append(_led(ctx, ref, leader, ref.start, ref.end))
    return facts


def _led(ctx: SentenceContext, led: Ref, leader: Ref, start: int, end: int):
    draft = FactDraft(FactType.alliance, Ref(led.key, led.start, led.end), "led_by",
                      object=Ref(leader.key, leader.start, leader.end), confidence=0.75)  # fmt: skip
    draft.anchor(start, end)
    statement = f"{ctx.name_of(led.key)} is led by {ctx.name_of(leader.key)}."
    return build_fact(ctx, draft, statement)
