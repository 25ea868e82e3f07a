"""Events whose actor is not the sentence's first name: 'was attended by A and B', 'was
signed by A and B', 'the meeting of X took place in Y', 'ministers from X gathered',
'44 X fighters surrendered to troops', 'X ... is being transferred to Y'.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.entities import armed_forces_of
from app.extraction.gates import Gated
from app.extraction.quantities import find_count
from app.extraction.subjects import reporting_prefix_end

# ("74 packages were found by the Navy": what was acted on may be counted.)
PASSIVE_BY = re.compile(
    r"\b(?P<thing>(?:[Tt]he|[Aa]n?|(?<![\d.,])(?P<count>\d[\d,]*))\s+(?:[\w-]+\s+){0,4}?)(?P<aux>was|were|will\s+be|is\s+to\s+be|has\s+been|"
    r"have\s+been|had\s+been|would\s+be|is\s+being)\s+(?:officially\s+|formally\s+|jointly\s+|also\s+)?"
    r"(?P<verb>attended|signed|opened|inaugurated|hosted|chaired|found|seized|intercepted|"
    r"arrested|captured|detained|fired|launched|conducted|organi[sz]ed|approved|destroyed|"
    r"shot\s+down|rescued|recovered|confiscated)\s+by\s+(?:the\s+)?"
)
PRESENT = {"attended": "attends", "signed": "signs", "opened": "opens",
           "inaugurated": "inaugurates", "hosted": "hosts", "chaired": "chairs"}  # fmt: skip
BASE = {"attended": "attend", "signed": "sign", "opened": "open", "inaugurated": "inaugurate",
        "hosted": "host", "chaired": "chair", "found": "find", "seized": "seize",
        "intercepted": "intercept", "arrested": "arrest", "captured": "capture",
        "detained": "detain", "fired": "fire", "launched": "launch", "conducted": "conduct",
        "organised": "organise", "organized": "organize", "approved": "approve",
        "destroyed": "destroy", "shot down": "shoot down", "rescued": "rescue",
        "recovered": "recover", "confiscated": "confiscate"}  # fmt: skip
# Where a clause opens (sentence start, after a comma or "and"), and a count that is a date.
CLAUSE_OPENING = re.compile(r"(?:^|,\s+|\band\s+)(?=[^,]*$)")
YEARLIKE = re.compile(r"(?:19|20)\d\d\b|\d{1,2}\s+[A-Z][a-z]+\b")
# Done by a body as well as by people: the actor is whoever "by" names first.
BODY_ACTS = set(BASE) - set(PRESENT)
LIST_END = re.compile(r";|,\s+(?:who|which|where|when)\b|\.(?:\s|$)")
AND = re.compile(r",?\s+and\s+")
MEETING_OF = re.compile(r"\b(?:meeting|summit|session|conference|talks)\s+of\s+(?:the\s+)?")
TAKES_PLACE = re.compile(
    r"(?:\s+[a-z-]+){0,2}?\s+(?:will\s+take\s+place|took\s+place|takes\s+place|was\s+held|were\s+held|will\s+be\s+held|"
    r"is\s+to\s+be\s+held|is\s+(?:scheduled|expected|set|due)\s+to\s+(?:take\s+place|be\s+held))\b"
)
# "Defense ministers from the SCO member nations ...": the group acts through its people.
GROUP_OF = re.compile(
    r"(?:the\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:ministers|officials|leaders|delegates|delegations?|"
    r"representatives|chiefs|commanders|envoys)\s+(?:from|of)\s+(?:the\s+)?",
    re.IGNORECASE,
)
GROUP_TAIL = re.compile(r"(?:\s*\([^()]{1,20}\))?(?:\s+member\s+(?:nations|states|countries))?")
BARE_TROOPS = re.compile(r"(?:the\s+)?(?:troops|soldiers)\b", re.IGNORECASE)
# "Turkiye's defence minister has met ...": the person who holds that post acts.
POST = re.compile(r"['’]s\s+(?P<post>(?:(?:defen[cs]e|foreign|prime|interior|finance)\s+)?"
                  r"(?:minister|president|chancellor|premier))\b", re.IGNORECASE)  # fmt: skip
SURRENDERED = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:and\s+their\s+families\s+)?(?:have\s+|has\s+|had\s+)?"
    r"(?P<verb>surrendered)\s+to\s+(?:the\s+)?(?:troops|soldiers|forces|army|military)\b"
)
COUNT_BEFORE = re.compile(r"(?:^|\s)(?P<count>\d[\d,]{0,15}|[a-z]+)\s+$")
TRANSFERRED = re.compile(
    r"(?:,[^,;]{1,160},)?\s+(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\s+(?:being\s+)?"
    r"(?:\w+ly\s+)?(?P<verb>transferred|deployed|relocated|redeployed|moved|stationed)\s+to\s+"
)
DAY = re.compile(r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                 r"February|March|April|May|June|July|August|September|October|November|December|"
                 r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\b")  # fmt: skip
DEFINITE = re.compile(r"\s*the\s+(?P<word>[A-Z][a-z]{3,})\b(?!\s+[A-Z])")
ARMY_NAME = re.compile(r"\b(?:Army|Armed Forces|Forces|Military|Navy|Guards?|Troops)\b")
CUE_MEETING = Gated(
    "meeting|summit|session|conference|talks",
    re.compile(r"\b(?:meeting|summit|session|conference|talks) of\b"),
)
CUE_MOVED = Gated("ed to", re.compile(r"(?:transferred|deployed|relocated|moved|stationed) to\b"))
UNITS = (EntityType.organization,)
PARTIES = (EntityType.person, EntityType.organization)


def find(ctx: SentenceContext) -> list:
    # A word each pattern needs, looked for first: most sentences have none of them.
    body = ctx.body
    return (
        (" by " in body and _passive_by(ctx))
        or (CUE_MEETING.search(body) and _meeting_place(ctx))
        or ("surrender" in body and _surrendered(ctx))
        or (CUE_MOVED.search(body) and _transferred(ctx))
        or []
    )


def _passive_by(ctx: SentenceContext) -> list:
    """'The ceremony will be attended by A, B and C': each attends it; 'the agreement was
    signed by A ... and B': A signed it with B."""
    match = PASSIVE_BY.search(ctx.body)
    if match is None:
        return []
    stop = LIST_END.search(ctx.body, match.end())
    end = stop.start() if stop else len(ctx.body)
    verb, thing = " ".join(match.group("verb").split()), match.group("thing").strip()
    # the thing leaves the sentence's start: "X attended the ceremony", not "The ceremony"
    thing = thing[0].lower() + thing[1:]
    modality = lexicon.modality_of(ctx.body, match.start("aux"), match.end())
    period = period_near(ctx, match.start(), match.end())
    if verb == "signed":
        first = ctx.first_entity(match.end(), end, *PARTIES)
        joined = AND.search(ctx.body, first.end - ctx.sentence.start, end) if first else None
        other = ctx.first_entity(joined.end(), end, *PARTIES) if joined else None
        pairs = [(first, other)] if first else []
    elif verb in BODY_ACTS:
        opens = CLAUSE_OPENING.search(ctx.body, 0, match.start("thing"))
        if opens is None or opens.end() != match.start("thing") or YEARLIKE.match(thing):
            return []  # "In 2023 missiles were fired by ...": the thing must open its clause
        actor = ctx.first_entity(match.end(), end, *PARTIES, EntityType.country)
        pairs = [(actor, None)] if actor is not None and actor.start == ctx.absolute(
            match.end()) else []  # fmt: skip
    else:
        pairs = [(ref, None) for ref in ctx.entities_in(match.end(), end, EntityType.person)]
    counted = match.group("count") and verb in BODY_ACTS  # what was seized, not what signed
    count = find_count(match.group("count")) if counted else None
    facts = []
    for actor, other in pairs:
        draft = FactDraft(FactType.event, actor, verb, object=other, period=period,
                          modality=modality, attributed=True, confidence=0.7)  # fmt: skip
        if count is not None and count.value.is_integer():
            draft.quantity = int(count.value)
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
        tail = f" with {ctx.name_of(other.key)}" if other else ""
        words = say.tense(modality, verb, f"will {BASE[verb]}", f"proposed to {BASE[verb]}")
        facts.append(build_fact(ctx, draft, f"{ctx.name_of(actor.key)} {words} {thing}{tail}"
                                            f"{say.period(period)}."))  # fmt: skip
    return facts


def _meeting_place(ctx: SentenceContext) -> list:
    """'The next meeting of X will take place in 2018 in China': X meets in China."""
    for match in MEETING_OF.finditer(ctx.body):
        group = ctx.first_entity(match.end(), match.end() + 80, *UNITS)
        if group is None or group.start != ctx.absolute(match.end()):
            continue
        held = TAKES_PLACE.match(ctx.body, group.end - ctx.sentence.start)
        if held is None:
            continue
        stop = lexicon.CLAUSE_START.search(ctx.body, held.end())
        end = min(stop.start() if stop else len(ctx.body), held.end() + 60)
        place = ctx.first_entity(held.end(), end, EntityType.place, EntityType.country)
        modality = lexicon.modality_of(ctx.body, held.start(), held.end())
        period = period_near(ctx, held.start(), held.end())
        draft = FactDraft(FactType.event, group, "met_in", object=place, period=period,
                          modality=modality, attributed=True, confidence=0.7)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(held.end()))
        where = f" in {ctx.name_of(place.key)}" if place else ""
        words = say.tense(modality, "met", "will meet", "proposed to meet")
        return [build_fact(ctx, draft, f"{ctx.name_of(group.key)} {words}{where}"
                                       f"{say.period(period)}.")]  # fmt: skip
    return []


def _surrendered(ctx: SentenceContext) -> list:
    """'44 X terrorists have surrendered to troops': X surrendered to the army last named."""
    for group in ctx.entities_in(0, len(ctx.body), *UNITS):
        at = group.end - ctx.sentence.start
        match = SURRENDERED.match(ctx.body, at)
        if match is None:
            continue
        before = ctx.body[
            max(0, group.start - ctx.sentence.start - 20) : group.start - ctx.sentence.start
        ]
        count = COUNT_BEFORE.search(before)
        quantity = find_count(count.group("count")) if count else None
        troops = _army(ctx)
        draft = FactDraft(FactType.event, group, "surrendered_to", object=troops,
                          attributed=True, confidence=0.7)  # fmt: skip
        draft.quantity = int(quantity.value) if quantity and quantity.value.is_integer() else None
        draft.anchor(group.start, ctx.absolute(match.end()))
        draft.period = period_near(ctx, at, match.end())
        to = f" to {ctx.name_of(troops.key)}" if troops else ""
        return [build_fact(ctx, draft, f"{ctx.name_of(group.key)} fighters surrendered{to}"
                                       f"{say.period(draft.period)}.")]  # fmt: skip
    return []


def _transferred(ctx: SentenceContext) -> list:
    """'X, with three battalions, is being transferred to Y': X deploys to Y."""
    for unit in ctx.entities_in(0, len(ctx.body), *UNITS):
        match = TRANSFERRED.match(ctx.body, unit.end - ctx.sentence.start)
        if match is None:
            continue
        target = ctx.first_entity(match.end(), match.end() + 40, EntityType.place,
                                  EntityType.country)  # fmt: skip
        if target is None or target.start != ctx.absolute(match.end()):
            return []
        draft = FactDraft(FactType.event, unit, f"{match.group('verb')}_to", object=target,
                          attributed=True, confidence=0.7)  # fmt: skip
        draft.anchor(unit.start, target.end)
        draft.period = period_near(ctx, match.start("verb"), match.end())
        draft.modality = lexicon.modality_of(ctx.body, match.start("verb"), match.end())
        words = say.tense(draft.modality, "deploys", "will deploy", "proposed to deploy")
        return [build_fact(ctx, draft, f"{ctx.name_of(unit.key)} {words} to "
                                       f"{ctx.name_of(target.key)}{say.period(draft.period)}.")]  # fmt: skip
    return []


def group_actor(ctx: SentenceContext) -> tuple[Ref, int] | None:
    """'Defense ministers from the X (X) member nations gathered': X, and where the verb
    may start."""
    begin = reporting_prefix_end(ctx.body)
    match = GROUP_OF.match(ctx.body, begin)
    if match is None:
        return None
    group = ctx.first_entity(match.end(), match.end() + 80, *UNITS, EntityType.country)
    if group is None or group.start != ctx.absolute(match.end()):
        return None
    tail = GROUP_TAIL.match(ctx.body, group.end - ctx.sentence.start)
    return group, tail.end()


def bare_troops(ctx: SentenceContext) -> tuple[Ref, int] | None:
    """'According to the post, troops had on Monday conducted ...': the army last named."""
    begin = reporting_prefix_end(ctx.body)
    match = BARE_TROOPS.match(ctx.body, begin)
    army = _army(ctx) if match else None
    if army is None:
        return None
    return Ref(army.key, ctx.absolute(match.start()), ctx.absolute(match.end())), match.end()


def post_holder(ctx: SentenceContext, subject: Ref, at: int) -> tuple[Ref, int] | None:
    """'X's defence minister has met ...': the person the article names in that post."""
    if ctx.type_of(subject.key) is EntityType.position:  # the post found as a name
        for person, position, _, _ in ctx.table.appositions:
            if position == subject.key:
                return Ref(person, subject.start, subject.end), at
        return None
    if ctx.type_of(subject.key) is not EntityType.country:
        return None
    match = POST.match(ctx.body, at)
    if match is None:
        return None
    post = match.group("post").lower().replace("defense", "defence")
    for person, position, _, _ in ctx.table.appositions:
        record = ctx.table.records.get(position)
        name = record.name.lower().replace("defense", "defence") if record else ""
        if name.startswith(post) and name.endswith(ctx.name_of(subject.key).lower()):
            return Ref(person, subject.start, ctx.absolute(match.end())), match.end()
    return None


def day_after(ctx: SentenceContext, start: int):
    """'... in a ceremony in Panama City, on Saturday, November 15': a day the sentence
    dates further on, when none is written near the verb."""
    for period in ctx.periods(start):
        if DAY.match(ctx.text, period.start) and not ctx.in_aside(
            period.start - ctx.sentence.start, start
        ):
            return period
    return None


def definite_name(ctx: SentenceContext, start: int, end: int) -> Ref | None:
    """'designated the Guards a ...': the one body whose name has that last word."""
    match = DEFINITE.match(ctx.body, start)
    if match is None or match.end() > end:
        return None
    keys = _organizations_by_word(ctx).get(match.group("word"), set())
    if len(keys) != 1:
        return None
    return Ref(keys.pop(), ctx.absolute(match.start("word")), ctx.absolute(match.end("word")))


def _organizations_by_word(ctx: SentenceContext) -> dict[str, set[str]]:
    """Word of a name -> the organisations named with it, built once per article (a scan
    of every record per sentence was quadratic); rebuilt only if records were added."""
    records = ctx.table.records
    cached = ctx.state.notes.get("organizations_by_word")
    if cached is not None and cached[0] == len(records):
        return cached[1]
    by_word: dict[str, set[str]] = {}
    for key, record in records.items():
        if record.type is EntityType.organization:
            for word in record.name.split():
                by_word.setdefault(word, set()).add(key)
    ctx.state.notes["organizations_by_word"] = (len(records), by_word)
    return by_word


def _army(ctx: SentenceContext) -> Ref | None:
    """The armed force the article last made a subject, or its country's armed forces."""
    key = ctx.state.last_organization_subject
    if key is not None and not ARMY_NAME.search(ctx.name_of(key)):
        key = None
    if key is None and ctx.state.last_country:
        key = armed_forces_of(ctx.table, ctx.state.last_country)
    return Ref(key) if key else None


def statement_of(ctx: SentenceContext, subject: Ref) -> str:
    """The sentence itself, with the subject's canonical name where the text names it."""
    sentence = ctx.body.rstrip(".!? ")
    name = ctx.name_of(subject.key)
    surface = ctx.text[subject.start : subject.end] if subject.start is not None else name
    for lead in ("", "The ", "the "):  # "The Democratic People's Republic ...": "North Korea ..."
        if sentence.startswith(lead + surface):
            return f"{name}{sentence[len(lead) + len(surface) :]}."
    if surface in sentence:
        return sentence.replace(surface, name, 1) + "."
    return f"{sentence} ({name})."
