"""Delivery events: 'X took delivery this week of ...', '..., with the first to be delivered
in 2027'. Run beside procurement: a delivery is its own happening in a sentence of a deal.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import FactDraft, SentenceContext, build_fact, period_near

TOOK_DELIVERY = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:took|takes|taken|take)\s+delivery\b"
)
# "with the first to be delivered in 2027", "the first batch is due to be delivered by 2026"
FIRST_DELIVERED = re.compile(
    r"\b(?:the\s+)?first(?:\s+(?:batch|deliveries|delivery|units?|ones?|aircraft|jets|ships))?"
    r"(?:\s+of\s+(?:the|them|these)\b(?:\s+[\w-]+){0,4}?)?\s+(?:(?:is|are|will\s+be)\s+)?"
    r"(?:(?:scheduled|expected|due|set|slated|planned)\s+)?to\s+be\s+delivered\s+(?:in|by)\s+"
)
CLAUSE = re.compile(r"[;,]|\s(?:as|while|and|but)\s")
SELLERS = (EntityType.country, EntityType.organization)


def find(ctx: SentenceContext) -> list:
    subject = ctx.subject
    if subject is None or subject.end is None:
        return []
    facts = []
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
