"""Alliances: 'joined X in 1994, as well as Y in 1996', 'is a member of X', 'became the 32nd
member of X', 'X recognised Y as a partner', 'Y is one of six partners in X', 'the NATO-led X'.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_for, period_near, runs_to_end
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.facts import memberships
from app.extraction.gates import Gated
from app.extraction.quantities import ORDINAL_WORDS, find_periods

GROUPS = (EntityType.organization, EntityType.program)
ORDINALS = "|".join(ORDINAL_WORDS)
# Each is followed by the items, the rest of the sentence (see runs_to_end).
JOINED = Gated("joined|acceded|entered", re.compile(r"\b(?:joined|acceded to|entered)\s+"))
# "became the 32nd member of": becoming one is joining, with the year it happened.
# ("was officially accepted as a full member", "became a full-fledged, tenth member": an
# adverb after the verb, and up to three of the words a membership is qualified by.)
MEMBER = Gated("member|part", re.compile(r"\b(?P<be>is|was|becomes|became|has become|have become|has been|remains|are|were)\s+"
                    r"(?:(?:now|officially|formally|already|also|currently)\s+)?(?P<admitted>(?:accepted|admitted|welcomed)\s+as\s+)?(?:a\s+|an\s+|the\s+)?"
                    rf"(?:(?:full|founding|full-fledged|fully-fledged|permanent|newest|latest|new|\d{{1,3}}(?:st|nd|rd|th)|{ORDINALS})[\s,]+){{0,3}}"
                    r"(?P<kind>member|part|participant)\s+(?:state\s+)?(?:of|in)\s+"))  # fmt: skip
# "NATO has recognized Ukraine as an Enhanced Opportunities Partner": the named one is
# the partner, the recogniser the group.
RECOGNISED = Gated("recogni|accepted|admitted", re.compile(r"\b(?:recogni[sz]e[sd]?|accepted|admitted)\s+(?P<who>(?:the\s+)?[A-Z][\w’'-]*"
                        r"(?:\s+[A-Z][\w’'-]*){0,3})\s+as\s+(?:an?\s+|the\s+)?(?:[A-Z][\w-]*\s+){0,3}"
                        r"(?P<kind>[Pp]artner|[Mm]ember|[Oo]bserver|[Aa]lly)\b"))  # fmt: skip
# "Ukraine is now one of six partners in the X Programme, along with A, B and C".
ONE_OF = Gated("partners|members|observers", re.compile(r"\b(?:is|was|became|remains)\s+(?:now\s+)?one\s+of\s+(?:the\s+)?[\w-]{1,12}\s+"
                    r"(?P<kind>partners|members|observers)\s+(?:in|of)\s+"))  # fmt: skip
# "Finland became NATO's 31st member": the group named before the membership.
OWN_MEMBER = Gated("member|partner|observer", re.compile(r"\b(?P<be>became|becomes|has become|have become|is|was|remains)\s+(?:an?\s+)?(?P<group>[A-Z][\w-]*)"
                        r"(?:['’]s)?\s+(?:\d{1,3}(?:st|nd|rd|th)\s+|newest\s+|latest\s+)?(?:full\s+)?"
                        r"(?P<kind>member|partner|observer)\b"))  # fmt: skip
BECOME = ("became", "becomes", "has become", "have become")
ALONG_WITH = re.compile(r"\s*,?\s+(?:along|together)\s+with\s+")
KINDS = {
    "partner": "partner_of",
    "member": "member_of",
    "observer": "observer_of",
    "ally": "partner_of",
}
PEOPLE = (EntityType.person,)
ITEM_SPLIT = re.compile(
    r",?\s+as well as\s+|;\s+|,\s+and\s+|,\s+(?=the\s)|\s+and\s+(?=(?:the\s+)?[A-Z])"
)
LED = Gated("-led", re.compile(r"\b(?P<leader>[A-Z][\w]*)-led\b"))


def find(ctx: SentenceContext) -> list:
    facts = []
    if ctx.subject is not None:
        for pattern, predicate in ((JOINED, "joined"), (MEMBER, "member_of")):
            match = runs_to_end(pattern, ctx.body)
            if match is None:
                continue
            if predicate == "member_of" and match.group("kind") == "part":
                predicate = "part_of"
            elif predicate == "member_of" and (match.group("be") in BECOME
                                               or match.group("admitted")):  # fmt: skip
                predicate = "joined"
            facts.extend(_items(ctx, match, predicate))
        facts.extend(_own_member(ctx))
        facts.extend(_recognised(ctx))
        facts.extend(_one_of(ctx))
    facts.extend(_led_by(ctx))
    facts.extend(memberships.find(ctx))
    return facts


def _recognised(ctx: SentenceContext) -> list:
    """'X recognised Y as a partner': Y is a partner of X (the sentence's subject)."""
    match = RECOGNISED.search(ctx.body)
    if match is None or ctx.type_of(ctx.subject.key) is not EntityType.organization:
        return []
    member = ctx.first_entity(match.start("who"), match.end("who"), EntityType.country,
                              EntityType.organization)  # fmt: skip
    if member is None or member.key == ctx.subject.key:
        return []
    predicate = KINDS[match.group("kind").lower()]
    return [_fact(ctx, member, ctx.subject, predicate, match, period_for(ctx))]


def _own_member(ctx: SentenceContext) -> list:
    """'Finland became NATO's 31st member in 2023': joined, or a member of, the group."""
    match = OWN_MEMBER.search(ctx.body)
    group = ctx.first_entity(match.start("group"), match.end("group"), *GROUPS) if match else None
    if group is None or group.key == ctx.subject.key:
        return []
    if ctx.subject.end is None or ctx.entities_in(
        ctx.subject.end - ctx.sentence.start, match.start(), EntityType.country,
        EntityType.organization,
    ):  # fmt: skip
        return []  # "Moscow warned that once Georgia becomes a NATO member": not Moscow
    predicate = "joined" if match.group("be") in BECOME else KINDS[match.group("kind")]
    period = period_near(ctx, match.start(), match.end())
    if period is not None and predicate != "joined":
        period = type(period)(period.start_year, None, period.start, period.end)
    return [_fact(ctx, ctx.subject, group, predicate, match, period)]


def _one_of(ctx: SentenceContext) -> list:
    """'Y is one of six partners in X, along with A and B': each of them a partner of X."""
    match = ONE_OF.search(ctx.body)
    if match is None:
        return []
    group = ctx.first_entity(match.end(), min(len(ctx.body), match.end() + 80), *GROUPS)
    if group is None or group.key == ctx.subject.key:
        return []
    predicate = KINDS[match.group("kind")[:-1]]
    members = [ctx.subject]
    along = ALONG_WITH.match(ctx.body, group.end - ctx.sentence.start)
    if along:
        end = ctx.body.find(";", along.end())
        members += ctx.entities_in(along.end(), len(ctx.body) if end < 0 else end,
                                   EntityType.country)  # fmt: skip
    return [_fact(ctx, member, group, predicate, match, None) for member in members]


def _fact(ctx: SentenceContext, member: Ref, group: Ref, predicate: str, match, period):
    draft = FactDraft(FactType.alliance, member, predicate, object=group, attributed=True,
                      confidence=0.85, period=period)  # fmt: skip
    draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
    verb = {"partner_of": "is a partner of", "member_of": "is a member of",
            "observer_of": "is an observer of", "joined": "joined"}[predicate]  # fmt: skip
    statement = (f"{ctx.name_of(member.key)} {verb} {ctx.name_of(group.key)}"
                 f"{say.period(period)}.")  # fmt: skip
    return build_fact(ctx, draft, statement)


# ", the US government said": who reports the membership, not a group joined.
REPORTED = re.compile(
    r",\s+(?:the\s+)?[^,;]{1,60}?\s+(?:said|says|reported|reports|announced|told)\b"
)


def _items(ctx: SentenceContext, match: re.Match, predicate: str) -> list:
    facts, cursor = [], match.end()
    reported = REPORTED.search(ctx.body, match.end())
    for piece in ITEM_SPLIT.split(ctx.body[match.end() : reported.start() if reported else None]):
        start = ctx.body.index(piece, cursor)
        cursor = start + len(piece)
        # A programme named in the item is what was joined, not the body that leads it.
        group = (
            _group_meant(ctx, piece, match.start())
            or ctx.first_entity(start, cursor, EntityType.program)
            or ctx.first_entity(start, cursor, *GROUPS)
        )
        if group is None or group.key == ctx.subject.key:
            continue
        periods = [p for p in find_periods(piece, ctx.state.published_year)
                   if not _inside_name(ctx, start + p.start)]  # fmt: skip
        # A person joining a firm or a body is a career move, not an alliance.
        kind = FactType.event if ctx.type_of(ctx.subject.key) in PEOPLE else FactType.alliance
        draft = FactDraft(kind, ctx.subject, predicate, object=group,
                          attributed=True, confidence=0.9)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.start()) + 1)
        if periods:
            period = periods[0]
            draft.period = type(period)(period.start_year, period.end_year,
                                        ctx.absolute(start + period.start), ctx.absolute(start + period.end))  # fmt: skip
            if predicate in ("member_of", "part_of") and "since" not in piece:
                draft.period = type(period)(
                    period.start_year, None, draft.period.start, draft.period.end
                )
        verb = {"joined": "joined", "member_of": "is a member of", "part_of": "is part of"}[
            predicate
        ]
        if predicate == "joined" and kind is FactType.alliance:
            verb = say.tense(lexicon.modality_of(ctx.body, match.start(), match.end()),
                             "joined", "is to join", "proposed to join")  # fmt: skip
        statement = (f"{ctx.name_of(ctx.subject.key)} {verb} {ctx.name_of(group.key)}"
                     f"{say.period(draft.period)}.")  # fmt: skip
        facts.append(build_fact(ctx, draft, statement))
    return facts


GROUP_ANAPHOR = re.compile(r"the\s+(?:organi[sz]ation|alliance|bloc|grouping|group)\b")


def _group_meant(ctx: SentenceContext, piece: str, before: int) -> Ref | None:
    """'... accepted as a full member of the organization': the group named just before."""
    found = GROUP_ANAPHOR.match(piece)
    if found is None:
        return None
    named = [
        ref
        for ref in ctx.entities_in(max(0, before - 300), before, EntityType.organization)
        if memberships.is_bloc(ctx, ref.key)
    ]  # "... the IAEA, became a member": no bloc
    last = ctx.state.last_organization_subject
    key = named[-1].key if named else (last if last and memberships.is_bloc(ctx, last) else None)
    if key is None or key not in ctx.table.records:
        return None
    at = ctx.absolute(ctx.body.index(piece, before))
    return Ref(key, at, at + found.end())


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
