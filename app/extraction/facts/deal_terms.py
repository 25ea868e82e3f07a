"""The terms of a deal: its price (the amount nearest its words, not one converted in
brackets) and its period (a year the text writes before a month read as this year).
Helpers of the procurement rules; imports none of them.
"""

import re
from itertools import pairwise

from app.extraction.context import SentenceContext
from app.extraction.drafts import FactDraft
from app.extraction.quantities import Period, find_money

YEAR = re.compile(r"(?:19|20)\d\d")
PERIOD_REACH = 60
PRICE_REACH = 80  # characters from the deal's words within which its price is written
CONVERSION = re.compile(r"\s*\(\s*(?:about\s+|around\s+|some\s+)?")


def dated(ctx: SentenceContext, found: Period | None, low: int, high: int) -> Period | None:
    """'signed a contract in October to buy missiles from fiscal 2026': a year the text
    writes tells the deal's period better than a month or weekday read as this year."""
    if found is None or YEAR.search(ctx.text, found.start, found.end):
        return found
    written = [p for p in ctx.periods(max(0, low - PERIOD_REACH), high + PERIOD_REACH)
               if YEAR.search(ctx.text, p.start, p.end)
               and not ctx.in_aside(p.start - ctx.sentence.start, low)]  # fmt: skip
    return written[0] if len(written) == 1 else found


def price(ctx: SentenceContext, draft: FactDraft, low: int, high: int) -> None:
    moneys = find_money(ctx.body)
    # "254 billion yen ($1.7 billion)": the amount in brackets is the first one converted
    converted = {m.start for o, m in pairwise(moneys)
                 if CONVERSION.fullmatch(ctx.body, o.end, m.start)}  # fmt: skip
    near = [m for m in moneys
            if m.start < high + PRICE_REACH and m.end > low - PRICE_REACH
            and m.start not in converted and not ctx.in_aside(m.start, low)]  # fmt: skip
    if near:  # the amount closest to the deal, not one of another clause
        price = min(near, key=lambda m: max(low - m.end, m.start - high, 0))
        draft.value, draft.unit, draft.value_qualifier = price.value, price.unit, price.qualifier
        draft.anchor(ctx.absolute(price.start), ctx.absolute(price.end))
