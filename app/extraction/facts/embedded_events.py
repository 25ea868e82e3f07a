"""Events stated inside a sentence that makes another claim, so run among the claim rules:
deliveries ('X took delivery this week of ...', '..., with the first to be delivered in
2027') and invasions named as nouns ("Russia's invasion of Ukraine", 'the Russian invasion of
Ukraine in 2022').
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.gates import Gated

TOOK_DELIVERY = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:took|takes|taken|take)\s+delivery\b"
)
# "with the first to be delivered in 2027", "the first batch is due to be delivered by 2026"
FIRST_DELIVERED = Gated(
    "delivered",
    re.compile(
        r"\b(?:the\s+)?first(?:\s+(?:batch|deliveries|delivery|units?|ones?|aircraft|jets|ships))?"
        r"(?:\s+of\s+(?:the|them|these)\b(?:\s+[\w-]+){0,4}?)?\s+(?:(?:is|are|will\s+be)\s+)?"
        r"(?:(?:scheduled|expected|due|set|slated|planned)\s+)?to\s+be\s+delivered\s+(?:in|by)\s+"
    ),
)
NOMINAL = re.compile(
    r"(?:['’]s|\b(?P<demonym>[A-Z][a-z]+))\s+(?:full-scale\s+|illegal\s+|unprovoked\s+)?"
    r"(?P<noun>invasion|annexation|occupation)\s+of\s+(?:the\s+)?"
)
CUE_NOMINAL = Gated("invasion|annexation|occupation", re.compile(r"invasion|annexation|occupation"))
NOMINAL_VERBS = {"invasion": "invaded", "annexation": "annexed", "occupation": "occupied"}
NOMINAL_YEAR_REACH = 20  # "... of Ukraine in February, 2022": the year just after is its own
# "... of Scarborough Shoal, a contested shoal, in 2012": the year past an apposition
APPOSITION = re.compile(r",[^,;]{1,100},\s+(?:in\s+)?")
CLAUSE = re.compile(r"[;,]|\s(?:as|while|and|but)\s")
SELLERS = (EntityType.country, EntityType.organization)


def find(ctx: SentenceContext) -> list:
    facts = _nominal(ctx) if CUE_NOMINAL.search(ctx.body) else []
    subject = ctx.subject
    if subject is None or subject.end is None:
        return facts
    at = subject.end - ctx.sentence.start
    if took := TOOK_DELIVERY.match(ctx.body, at):
        stop = CLAUSE.search(ctx.body, took.end())
        end = stop.start() if stop else len(ctx.body)
        seller = ctx.first_entity(took.end(), end, *SELLERS)
        seller = seller if seller is not None and seller.key != subject.key else None
        draft = FactDraft(FactType.event, subject, "took_delivery", object=seller,
                          attributed=True, confidence=0.75)  # fmt: skip
        draft.anchor(subject.start, ctx.absolute(end))
        draft.period = period_near(ctx, took.start(), took.end())
        source = f" from {ctx.name_of(seller.key)}" if seller else ""
        facts.append(build_fact(ctx, draft, f"{ctx.name_of(subject.key)} took delivery of arms"
                                            f"{source}{say.period(draft.period)}."))  # fmt: skip
    if first := FIRST_DELIVERED.search(ctx.body, at):
        period = period_near(ctx, first.end(), first.end() + 4)
        if period is not None and period.start == ctx.absolute(first.end()):
            draft = FactDraft(FactType.event, subject, "first_delivery", period=period,
                              attributed=True, confidence=0.75)  # fmt: skip
            draft.modality = lexicon.modality_of(ctx.body, first.start(), first.end())
            draft.anchor(subject.start, period.end)
            facts.append(build_fact(ctx, draft, f"The first deliveries to "
                                                f"{ctx.name_of(subject.key)} are due"
                                                f"{say.period(period)}."))  # fmt: skip
    return facts


def _nominal(ctx: SentenceContext) -> list:
    """ "Russia's invasion of Ukraine": Russia invaded Ukraine."""
    facts = []
    for match in NOMINAL.finditer(ctx.body):
        if match.group("demonym"):
            actor = ctx.first_entity(
                match.start("demonym"), match.end("demonym"), EntityType.country
            )
        else:
            before = ctx.entities_in(max(0, match.start() - 60), match.start(), *SELLERS)
            actor = before[-1] if before and before[-1].end == ctx.absolute(match.start()) else None
        target = ctx.first_entity(match.end(), match.end() + 60, *SELLERS, EntityType.place)
        if actor is None or target is None or target.start != ctx.absolute(match.end()):
            continue
        if target.key == actor.key:
            continue
        verb = NOMINAL_VERBS[match.group("noun")]
        draft = FactDraft(FactType.event, actor, verb, object=target, confidence=0.7)
        draft.anchor(actor.start, target.end)
        at = target.end - ctx.sentence.start
        draft.period = _own_year(ctx, at)
        draft.modality = "asserted"  # named as a thing that happened
        facts.append(build_fact(ctx, draft, f"{ctx.name_of(actor.key)} {verb} "
                                            f"{ctx.name_of(target.key)}{say.period(draft.period)}."))  # fmt: skip
    return facts


def _own_year(ctx: SentenceContext, at: int):
    """The period written just after the target (sentence offset `at`), or past its
    apposition; none further on."""
    for period in ctx.periods(at, at + NOMINAL_YEAR_REACH + 110):
        gap = ctx.text[ctx.absolute(at) : period.start]
        if len(gap) <= NOMINAL_YEAR_REACH or APPOSITION.fullmatch(gap):
            return period
        return None
    return None
