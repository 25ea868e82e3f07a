"""Structure: 'X have three branches: A, B and C', 'Associated forces include A, B and C',
'X is the Azerbaijani government ministry', 'X ..., associated with Y', 'about 500 brigade
soldiers are serving in Y'. The whole is the subject.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import gazetteer as gz
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, runs_to_end
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.gates import Gated
from app.extraction.quantities import find_count

PARTS = {"branches": "branch", "services": "service", "components": "component",
         "divisions": "division", "brigades": "brigade", "commands": "command", "fleets": "fleet",
         "units": "unit", "corps": "corps", "districts": "district", "departments": "department"}  # fmt: skip
HAS_PARTS = Gated("branches|services|components|divisions|brigades|commands|fleets|units|corps|districts|departments", re.compile(
    r"\b(?:has|have|consists? of|comprises?|is composed of|is made up of|includes?)\s+"
    r"(?P<count>[\w\s]{1,20}?)\s+(?P<noun>" + "|".join(PARTS) + r")\b\s*(?::|,?\s+(?:namely|including))\s*"
))  # fmt: skip
ASSOCIATED = Gated(
    "orce",
    re.compile(
        r"\b(?P<kind>associated|affiliated|auxiliary|reserve|paramilitary|other)\s+forces\s+"
        r"(?:include|are|comprise)\s+",
        re.IGNORECASE,
    ),
)
GOVERNMENT_BODY = Gated(
    "ministry|agency|department|body|institution",
    re.compile(
        r"\bis\s+(?:the|a|an)\s+(?P<demonym>[A-Z][\w]+)\s+(?:government\s+|state\s+)?"
        r"(?P<kind>ministry|agency|department|body|institution)\b"
    ),
)
PERSONNEL = Gated(
    "personnel|troops|soldiers|service|sailors|airmen|members|staff|people",
    re.compile(
        r"\b(?:employs?|has|have|numbers?|comprises?|counts?|includes?|fields?)\s+(?P<count>(?:[^.;,]|(?<=\d)[.,](?=\d)){1,40}?)\s+"
        r"(?:active(?:-duty)?\s+|serving\s+|reserve\s+)?(?P<noun>personnel|troops|soldiers|servicemen|"
        r"service members|sailors|airmen|members|staff|people)\b"
    ),
)
# "about 500 brigade soldiers are serving in Lithuania": a unit's strength in a place; the
# unit is the one last named with that word ("brigade"), else the sentence's subject.
SERVING_IN = Gated(
    "serving|stationed|deployed|based",
    re.compile(
        r"\b(?P<count>(?:about|around|some|nearly|almost|over|more than|up to)\s+)?(?<![\d,.])(?P<n>\d[\d,.]{0,15})\s+"
        r"(?:(?P<unit>[a-z]+)\s+)?(?:soldiers|troops|personnel|servicemen|service members)\s+(?:are|were|"
        r"is|will be)\s+(?:currently\s+|now\s+|already\s+|permanently\s+)?(?:serving|stationed|deployed|"
        r"based)\s+in\s+(?:the\s+)?"
    ),
)
UNIT_REACH = 400  # characters back that "brigade" may look for the brigade it means
ASSOCIATED_WITH = Gated(
    "associated with|affiliated with", re.compile(r"\b(?:associated|affiliated) with\s+(?:the\s+)?")
)
ITEM_END = re.compile(r",\s*which\b|;|\.$")
ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=the\s|[A-Z])")
UNITS = (EntityType.organization,)


def find(ctx: SentenceContext) -> list:
    facts = []
    # Both are followed by the items, the rest of the sentence (see runs_to_end).
    if match := runs_to_end(HAS_PARTS, ctx.body):
        # The whole is the name just before the verb: "X said the Y have three branches".
        wholes = ctx.entities_in(0, match.start(), *UNITS)
        if wholes:
            facts.extend(_parts(ctx, match, max(wholes, key=lambda ref: ref.end)))
    if match := runs_to_end(ASSOCIATED, ctx.body):
        whole = ctx.subject or (Ref(ctx.state.last_organization_subject)
                                if ctx.state.last_organization_subject else None)  # fmt: skip
        if whole is not None:
            facts.extend(
                _members(ctx, match, whole, "has_associated_force", "a force associated with")
            )
    facts.extend(_serving_in(ctx))
    if ctx.subject is not None:
        facts.extend(_government_body(ctx))
        facts.extend(_associated_with(ctx))
        facts.extend(_personnel(ctx))
    return facts


def _serving_in(ctx: SentenceContext) -> list:
    """'Currently, about 500 brigade soldiers are serving in Lithuania'."""
    match = SERVING_IN.search(ctx.body)
    if match is None:
        return []
    place = ctx.first_entity(match.end(), match.end() + 40, EntityType.place, EntityType.country)
    count = find_count(ctx.body[match.start() : match.end("n")])
    whole = _unit_named(ctx, match.group("unit")) if match.group("unit") else ctx.subject
    if place is None or count is None or whole is None or place.start != ctx.absolute(match.end()):
        return []
    draft = FactDraft(FactType.structure, whole, "troops_in", object=place, value=count.value,
                      unit="soldier", value_qualifier=count.qualifier, confidence=0.8)  # fmt: skip
    draft.anchor(ctx.absolute(match.start()), place.end)
    statement = (f"{ctx.name_of(whole.key)} has "
                 f"{say.quantity(count.value, count.qualifier, 'soldiers')} in "
                 f"{ctx.name_of(place.key)}.")  # fmt: skip
    return [build_fact(ctx, draft, statement)]


def _unit_named(ctx: SentenceContext, word: str) -> Ref | None:
    """The body last mentioned before the sentence whose name has `word` in it."""
    for mention in ctx.table.mentions_before(ctx.sentence.start, UNIT_REACH):
        record = ctx.table.records.get(mention.key)
        if record and record.type in UNITS and word in record.name.lower().split():
            return Ref(record.key)
    return None


def _personnel(ctx: SentenceContext) -> list:
    """'The X Armed Forces employ around 1.4 million active personnel'."""
    match = PERSONNEL.search(ctx.body)
    if match is None or ctx.type_of(ctx.subject.key) is not EntityType.organization:
        return []
    count = find_count(match.group("count"))
    if count is None:
        return []
    draft = FactDraft(FactType.structure, ctx.subject, "personnel_count", value=count.value,
                      unit="person", value_qualifier=count.qualifier, confidence=0.8)  # fmt: skip
    draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
    statement = (f"{ctx.name_of(ctx.subject.key)} have "
                 f"{say.quantity(count.value, count.qualifier, match.group('noun'))}.")  # fmt: skip
    return [build_fact(ctx, draft, statement)]


def _parts(ctx: SentenceContext, match: re.Match, whole: Ref) -> list:
    facts = []
    noun = match.group("noun")
    count = find_count(match.group("count"))
    if count is not None:
        draft = FactDraft(FactType.structure, whole, f"{PARTS[noun]}_count", value=count.value,
                          unit=PARTS[noun], value_qualifier=count.qualifier, confidence=0.9)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end("noun")))
        statement = f"{ctx.name_of(whole.key)} have {say.number(count.value)} {noun}."
        facts.append(build_fact(ctx, draft, statement))
    predicate = f"has_{PARTS[noun]}"
    return facts + _members(ctx, match, whole, predicate, f"a {PARTS[noun]} of")


def _members(ctx, match, whole: Ref, predicate: str, relation: str) -> list:
    """One fact per named member of the list that follows the match."""
    start = match.end()
    stop = ITEM_END.search(ctx.body, start)
    end = stop.start() if stop else len(ctx.body)
    facts = []
    for member in ctx.entities_in(start, end, *UNITS):
        if member.key == whole.key or ctx.table.records[member.key].country:
            continue
        draft = FactDraft(FactType.structure, whole, predicate, object=member, confidence=0.85)
        draft.anchor(ctx.absolute(match.start()), member.end)
        statement = f"{ctx.name_of(member.key)} is {relation} {ctx.name_of(whole.key)}."
        facts.append(build_fact(ctx, draft, statement))
    return facts


def _government_body(ctx: SentenceContext) -> list:
    """'X is the Azerbaijani government ministry': the country has X."""
    match = GOVERNMENT_BODY.search(ctx.body)
    country = gz.demonym_to_country().get(match.group("demonym")) if match else None
    key = ctx.table.resolve(country.name) if country else None
    if key is None or key == ctx.subject.key:
        return []
    kind = match.group("kind")
    draft = FactDraft(
        FactType.structure, Ref(key), f"has_{kind}", object=ctx.subject, confidence=0.8
    )
    draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
    statement = f"{ctx.name_of(ctx.subject.key)} is a {kind} of the government of {country.name}."
    return [build_fact(ctx, draft, statement)]


def _associated_with(ctx: SentenceContext) -> list:
    match = ASSOCIATED_WITH.search(ctx.body)
    if match is None:
        return []
    other = ctx.first_entity(match.end(), len(ctx.body), EntityType.organization)
    if other is None or other.key == ctx.subject.key:
        return []
    draft = FactDraft(
        FactType.structure, ctx.subject, "associated_with", object=other, confidence=0.8
    )
    statement = f"{ctx.name_of(ctx.subject.key)} is associated with {ctx.name_of(other.key)}."
    return [build_fact(ctx, draft, statement)]
