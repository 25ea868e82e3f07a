"""Contracts told by their value: 'The Pentagon awarded two contracts worth $7.6bn', 'the
Navy awarded Lockheed a $271 million extension', 'Northrop won a contract worth up to $3.9bn
to design an interceptor' (a seller won it: its buyer is named after 'from', else it is the
buyer of the article's last deal). Called by `procurement` when no weapons are counted.
"""

import re
from bisect import bisect_left

from app.enums import FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.facts import deal_parties as parties
from app.extraction.quantities import Quantity, find_money

CONTRACT = re.compile(r"\b(?:contracts?|deals?|extension)\b", re.IGNORECASE)
AWARD = lexicon.word_pattern(lexicon.AWARD_VERBS)
WIN = lexicon.word_pattern(lexicon.WIN_VERBS)
# "contract worth an eye-popping $7.6 billion", "a $37.4 million ($24.7 million) contract".
WORTH = re.compile(r"^\s+(?:worth|valued\s+at|totall?ing|of)\s+(?:[\w-]+\s+){0,2}?$",
                   re.IGNORECASE)  # fmt: skip
BEFORE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?$")
WORK = re.compile(rf"\bto\s+(?:{lexicon.alternation(lexicon.CONTRACT_WORK + lexicon.CONTRACT_STUDY)})\s+(?:an?\s+|the\s+)?"
                  r"(?P<work>[\w-]+(?:\s+(?!(?:to|for|from|with|and|of|in|on|at|by|that|which)\b)"
                  r"[\w-]+){0,4})", re.IGNORECASE)  # fmt: skip
FROM_BUYER = re.compile(r"\b(?:from|by)\s+(?:the\s+)?", re.IGNORECASE)
TO_SELLER = re.compile(r"\b(?:to|with)\s+(?:the\s+)?", re.IGNORECASE)
AND_ANOTHER = re.compile(r"\s+and\s+")
VERB_REACH = 40
PRICE_REACH = 60  # characters between a contract's verb and its first word


def find(ctx: SentenceContext) -> list:
    if not CONTRACT.search(ctx.body):
        return []
    moneys = find_money(ctx.body)
    if not moneys:
        return []
    for noun in CONTRACT.finditer(ctx.body):
        price = _price(ctx.body, noun, moneys)
        if price is None:
            continue
        start = max(0, min(noun.start(), price.start) - VERB_REACH)
        verbs = [*AWARD.finditer(ctx.body, start, noun.start()),
                 *WIN.finditer(ctx.body, start, noun.start())]  # fmt: skip
        if not verbs:
            continue
        verb = max(verbs, key=lambda m: m.start())
        won = WIN.fullmatch(verb.group(0)) is not None
        buyer, seller = _won(ctx, verb, noun) if won else _awarded(ctx, verb, noun, price)
        if buyer is None:
            continue
        return [_fact(ctx, buyer, seller, verb, noun, price)]
    return []


def _price(body: str, noun: re.Match, moneys: list[Quantity]) -> Quantity | None:
    """The amount written right before the noun or after its 'worth' (only amounts near
    it are tried: a sentence of many amounts and contracts stays linear)."""
    first = bisect_left(moneys, noun.start() - PRICE_REACH, key=lambda m: m.start)
    for money in moneys[first:]:
        if money.start > noun.end() + PRICE_REACH:
            break
        if money.end <= noun.start() and BEFORE.match(body, money.end, noun.start()):
            return money
        if money.start >= noun.end() and WORTH.match(body[noun.end() : money.start]):
            return money
    return None


# How far (characters between sentences) a deal's buyer carries to 'X won a contract'.
BUYER_REACH = 300


def _won(ctx: SentenceContext, verb: re.Match, noun: re.Match) -> tuple[Ref | None, Ref | None]:
    """'Northrop won a contract (from the Navy)': the winner sells."""
    seller = parties.buyer(ctx, verb.start())
    if seller is None or seller.start is None:
        return None, None
    buyer = parties.after_cue(ctx, FROM_BUYER, noun.end(), seller,
                              min(len(ctx.body), noun.end() + 60))  # fmt: skip
    if buyer is None:
        last, told_end = ctx.state.notes.get("buyer") or (None, 0)
        near = ctx.sentence.start - told_end <= BUYER_REACH  # the next sentence or two
        if near and isinstance(last, str) and last != seller.key and last in ctx.table.records:
            buyer = Ref(last)
    return buyer, seller


def _awarded(ctx: SentenceContext, verb: re.Match, noun: re.Match,
             price: Quantity) -> tuple[Ref | None, Ref | None]:  # fmt: skip
    """'The Navy awarded Lockheed a $271 million extension', '... contracts worth $7.6bn to
    Lockheed Martin and Northrop Grumman' (two sellers: none is the deal's)."""
    buyer = parties.buyer(ctx, verb.start())
    if buyer is None:
        return None, None
    gap = re.match(r"\s+", ctx.body[verb.end() :])
    seller = parties.named_at(ctx, verb.end() + (gap.end() if gap else 0))
    if seller is None:
        after = max(noun.end(), price.end)
        seller = parties.after_cue(ctx, TO_SELLER, after, buyer, min(len(ctx.body), after + 40))
        if (
            seller is not None
            and seller.end is not None
            and AND_ANOTHER.match(ctx.text, seller.end)
        ):
            seller = None
    if seller is not None and seller.key == buyer.key:
        seller = None
    return buyer, seller


def _fact(ctx: SentenceContext, buyer: Ref, seller: Ref | None, verb: re.Match,
          noun: re.Match, price: Quantity):  # fmt: skip
    work = WORK.search(ctx.body, noun.end(), min(len(ctx.body), noun.end() + 120))
    item = " ".join(work.group("work").split()) if work else "contract"
    draft = FactDraft(FactType.procurement, buyer, "contracted", object=seller, item=item,
                      value=price.value, unit=price.unit, value_qualifier=price.qualifier,
                      attributed=True, confidence=0.7)  # fmt: skip
    for start, end in ((verb.start(), verb.end()), (noun.start(), noun.end()),
                       (price.start, price.end)):  # fmt: skip
        draft.anchor(ctx.absolute(start), ctx.absolute(end))
    low = min(verb.start(), noun.start(), price.start)
    high = max(verb.end(), noun.end(), price.end)
    draft.modality = lexicon.modality_of(ctx.body, verb.start(), verb.end())
    draft.period = period_near(ctx, low, high)
    name = ctx.name_of(buyer.key)
    verb_words = say.tense(draft.modality, "awarded", "plans to award", "proposed awarding")
    to = f" to {ctx.name_of(seller.key)}" if seller else ""
    statement = (f"{name} {verb_words} a contract worth {say.money(price.value, price.unit)}"
                 f"{to} for {item}{say.period(draft.period)}.")  # fmt: skip
    return build_fact(ctx, draft, statement)
