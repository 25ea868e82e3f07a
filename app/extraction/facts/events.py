"""Events: a named actor doing something ('took part in the opening of ...', 'met X and Y',
'neutralised five terrorists'). The fallback for sentences no other rule claims; the
phrasings that name their actor elsewhere than first are in event_phrasings.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.entities import armed_forces_of
from app.extraction.facts import event_phrasings as phrasings
from app.extraction.quantities import find_count

EVENT_VERB = rf"(?:{lexicon.alternation(lexicon.EVENT_VERBS)})\b"
VERB = re.compile(
    # "X on April 8, 2019 designated ...": a short dated phrase may stand before the verb
    r"^[\s,]*(?:on\s+[\w ,]{3,30}?,?\s+(?=[a-z]))?(?:(?:has|have|had)\s+been\s+|(?:is|are|was|were|has|have|had|will|would|"
    r"can|could)\s+)?(?:\w+ly\s+)?(?:on\s+[A-Z]\w+\s+)?(?P<verb>(?:took|got|gave|met|held|made|won|lost|began|"
    r"opened|visited|launched|signed|announced|supports?|supported|hosted|attended|test-fired|test-launched|"
    r"received|sent|deployed|conducted|\w+ed|\w+ing|(?!(?:is|has|was|its|as|us|this|thus|"
    r"always|perhaps|sometimes|across|besides)\b)[a-z]{3,}s))\b"
)
# "Germany will deploy a brigade to ...": a plan, said with the verb's base form.
MODAL_VERB = re.compile(
    rf"^[\s,]*(?:will|would|shall|plans?\s+to|intends?\s+to|is\s+to|are\s+to)\s+(?:\w+ly\s+)?"
    rf"(?:also\s+)?(?P<verb>{EVENT_VERB})"
)
# "troops have in a series of operations neutralised ...": an adverbial before the verb.
ADVERBIAL_VERB = re.compile(
    rf"^\s*(?:(?:has|have|had|were|was|will)\s+)?(?:on\s+\w+\s+)?(?:in|during)\s+[^,.;]{{1,80}}?\s+"
    rf"(?P<verb>{EVENT_VERB})"
)
# "X is expected to debate ...": a plan or a guess, not something that happened.
SPECULATIVE = re.compile(r"^\s*(?:is|are|was|were)\s+(?:expected|likely|set|due|planned|scheduled|"
                         r"supposed|unlikely|rumoured|rumored)\s+to\b")  # fmt: skip
HAPPENING = re.compile(EVENT_VERB, re.IGNORECASE)
ACTORS_ACT = re.compile(
    # "ASEAN defence ministers discuss ...": one modifier may stand before the actors
    rf"^[\s,]*(?:[a-z-]+\s+)?(?:{lexicon.alternation(lexicon.ACTOR_NOUNS)})\s+(?:(?:have|has|had|"
    rf"were|was|will)\s+)?(?:\w+ly\s+)?(?:on\s+\w+\s+)?(?P<verb>{EVENT_VERB})"
)
# What may stand between the actor and its verb: an acronym in brackets ("Board (YAŞ)"),
# a relative pronoun ("Algiers, which severed ..."), "said its troops".
# Or the body's ship or unit, and its name ("the Navy (TLDM) corvette, KD Lekir, fired").
BETWEEN = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:,\s+(?:which|who)\b|\s+said\s+(?:that\s+)?(?:its|their)\s+"
    r"(?:troops|forces|soldiers|personnel|units)\b|\s+(?:ship|vessel|corvette|frigate|destroyer|"
    r"submarine|warship|patrol\s+boat|jets?|aircraft|drones?|battalion|brigade|unit|"
    # or its weapons by model: "the Iraqi Air Force F-16 jets carried out", "Iraqi F-16s"
    r"[A-Z]{1,4}-?\d{1,4}[A-Za-z]?s?(?:\s+(?:jets|fighters|aircraft|drones|helicopters))?)"
    r"(?:,\s+[A-Z][\w.’'-]*(?:\s+[A-Z0-9][\w.’'-]*){0,3},)?)?"
)
OWN_FORCES = re.compile(r"\b(?:its|their)\s+(?:armed forces|army|military)\b")
# The object is in the verb's clause: not past a comma, "while", "after" or a new clause.
CLAUSE_END = re.compile(r"[,;:(]|\s(?:while|whereas|but|after|before|as|when|amid|which|who|under|"
                        r"led\s+by|chaired\s+by|headed\s+by|and\s+(?:has|have|had|was|were|is|are|will))\s")  # fmt: skip
# A place is what the verb concerns only when it follows closely: "visited Tokyo",
# "gathered in the Kazakh capital of Astana"; not "... in a ceremony in Panama City".
PLACE_LEAD = re.compile(r"^\s*(?:(?:in|to|at|into|over|on|from)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                        r"(?:(?:capital|city|port|town)(?:\s+city)?\s+(?:of\s+)?)?$")  # fmt: skip
# Whom a meeting was with: every person the clause names ("met X and Y").
MEETING_VERBS = ("met", "meets", "meet", "held talks", "hosted", "hosts", "received")
KILL_VERBS = ("killed", "neutralised", "neutralized", "captured", "arrested", "rescued",
              "destroyed", "shot down", "intercepted", "seized", "downed", "kill", "kills")  # fmt: skip
COUNTED = re.compile(r"\s+(?P<count>(?:at least |some |about |around |over |more than )?"
                     r"(?:\d[\d,]{0,15}|[a-z]+(?:-[a-z]+)?))\b")  # fmt: skip
# Wins and signings of contracts are procurement's; a sports win is no event of this corpus;
# "X, which supports Y" is a stance, not a happening.
NOT_HAPPENING = re.compile(r"(?:won|wins)\b|signed\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                           r"(?:contracts?|orders?)\b")  # fmt: skip
STANCES = ("supports", "supported", "support")
# "... as India squared the series": a second actor's clause after a conjunction.
CHAINED = re.compile(r"\s(?:as|while|whereas|but)\s+(?:the\s+)?")
CHAIN_REACH = 120
AND_ACTOR = re.compile(r"\s+and\s+(?:the\s+)?")
ACTORS = (EntityType.country, EntityType.organization, EntityType.person)
OBJECTS = (EntityType.organization, EntityType.program, EntityType.country, EntityType.person)
PEOPLE = (EntityType.person,)


def find(ctx: SentenceContext) -> list:
    found = phrasings.find(ctx)
    if found:
        return found
    actor = _actor(ctx)
    return _event(ctx, *actor) if actor else []


def _event(ctx: SentenceContext, subject: Ref, at: int, chained: bool = False) -> list:
    """The event whose actor's words end at `at`, and one more that a conjunction chains
    to it ('X scored a century as Y beat Z')."""
    partner = _co_actor(ctx, subject, at)  # "Japan and China discussed ..."
    if partner is not None:
        at = partner.end - ctx.sentence.start
    after = ctx.body[at:]
    between = BETWEEN.match(after)
    offset = at + between.end()
    after = ctx.body[offset:]
    match = VERB.match(after)
    if match is None or not HAPPENING.match(after, match.start("verb")):
        match = MODAL_VERB.match(after) or ADVERBIAL_VERB.match(after) or ACTORS_ACT.match(after)
    if match is None or SPECULATIVE.match(after) or NOT_HAPPENING.match(after, match.start("verb")):
        return []  # no verb right after the actor, or one that names no happening
    verb, verb_end = match.group("verb").lower(), offset + match.end()
    if verb in STANCES and "," in ctx.body[at:offset]:
        return []
    draft = FactDraft(FactType.event, subject, _predicate(verb), confidence=0.6,
                      attributed=True)  # fmt: skip
    # the verb phrase's own words say whether it is a plan ('will deploy')
    draft.modality = lexicon.modality_of(ctx.body, offset, verb_end)
    # the date written nearest the verb ('X on Wednesday presented ...'), not the first
    # year of the rest of the sentence ('... next year's budget')
    draft.period = period_near(ctx, at, verb_end) or phrasings.day_after(ctx, verb_end)
    if verb in KILL_VERBS:
        measured = MEASURED.match(ctx.body, verb_end)
        if measured is not None:  # "seized over 27,000kg of ...": an amount, not a count
            amount = find_count(measured.group("amount"))
            if amount is not None:
                draft.value, draft.unit = amount.value, UNITS[measured.group("unit").lower()]
                draft.value_qualifier = amount.qualifier
        else:
            draft.quantity = _count(ctx.body, verb_end)
    end = len(ctx.body.rstrip(".!? "))
    draft.anchor(subject.start, ctx.absolute(end))
    objects = _objects(ctx, subject, verb, verb_end) or ([partner] if partner else [])
    if not objects and verb in MEETING_VERBS:
        return []  # "met with representatives": no one named, nothing to tell
    facts = []
    for target in objects or [None]:
        draft.object = target
        facts.append(build_fact(ctx, draft, phrasings.statement_of(ctx, subject)))
    chain = CHAINED.search(ctx.body, verb_end, min(len(ctx.body), verb_end + CHAIN_REACH))
    if chain and not chained:
        second = ctx.first_entity(chain.end(), chain.end() + 60, *OBJECTS)
        if second is not None and second.start == ctx.absolute(chain.end()):
            facts += _event(ctx, second, second.end - ctx.sentence.start, chained=True)
    return facts


def _co_actor(ctx: SentenceContext, subject: Ref, at: int) -> Ref | None:
    """A second actor joined to the first by 'and': the one the event concerns."""
    joined = AND_ACTOR.match(ctx.body, at)
    if joined is None:
        return None
    other = ctx.first_entity(joined.end(), joined.end() + 60, *ACTORS)
    if other is None or other.start != ctx.absolute(joined.end()) or other.key == subject.key:
        return None
    return other


def _actor(ctx: SentenceContext) -> tuple[Ref, int] | None:
    """Who acts, and where (a sentence offset) the words after the actor start."""
    subject = ctx.subject
    if subject is None or subject.end is None:
        return phrasings.group_actor(ctx) or phrasings.bare_troops(ctx)
    at = subject.end - ctx.sentence.start
    holder = phrasings.post_holder(ctx, subject, at)  # "Turkiye's defence minister has met"
    return holder or (subject, at)


def _objects(ctx: SentenceContext, subject: Ref, verb: str, start: int) -> list[Ref]:
    stop = CLAUSE_END.search(ctx.body, start)
    end = stop.start() if stop else len(ctx.body)
    if verb in MEETING_VERBS:
        people = [ref for ref in ctx.entities_in(start, end, *PEOPLE) if ref.key != subject.key]
        if people:
            return people
    own = OWN_FORCES.search(ctx.body, start, end)
    found = ctx.first_entity(start, end, *OBJECTS) or phrasings.definite_name(ctx, start, end)
    place = ctx.first_entity(start, end, EntityType.place)
    if place is not None and PLACE_LEAD.match(ctx.text[ctx.absolute(start) : place.start]):
        found = place
    if own and (found is None or ctx.absolute(own.start()) < found.start):
        country = ctx.state.last_country
        key = armed_forces_of(ctx.table, country) if country else None
        if key is not None:
            ctx.table.mention(ctx.absolute(own.start()), ctx.absolute(own.end()), ctx.text, key,
                              "anaphor")  # fmt: skip
            return [Ref(key, ctx.absolute(own.start()), ctx.absolute(own.end()))]
    if found is None or found.key == subject.key:
        return []
    return [found]


MEASURED = re.compile(r"\s+(?P<amount>(?:(?:at least|some|about|around|over|more than)\s+)?"
                      r"\d[\d,.]*)\s?(?P<unit>kg|kilograms?|tonnes?|tons?|grams?|litres?|liters?)\b",
                      re.IGNORECASE)  # fmt: skip
UNITS = {"kg": "kg", "kilogram": "kg", "kilograms": "kg", "tonne": "t", "tonnes": "t",
         "ton": "t", "tons": "t", "gram": "g", "grams": "g", "litre": "l", "litres": "l",
         "liter": "l", "liters": "l"}  # fmt: skip


def _count(body: str, start: int) -> int | None:
    """How many the verb struck: 'neutralised five terrorists' is 5."""
    match = COUNTED.match(body, start)
    count = find_count(match.group("count")) if match else None
    return int(count.value) if count is not None and count.value.is_integer() else None


def _predicate(verb: str) -> str:
    return re.sub(r"\W+", "_", verb.lower())
