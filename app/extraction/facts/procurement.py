"""Procurement: who buys what, how many, from whom, for how much ('India signed a Rs 62,370
crore contract with HAL for 97 Tejas jets', 'Poland ordered 96 Apache helicopters from the
US', 'Manila will buy 12 more FA-50 fighters for $700 million').
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import FactDraft, Ref, SentenceContext, build_fact, period_near
from app.extraction.quantities import NUMBER_WORDS, find_money, parse_number

TRIGGER = lexicon.word_pattern(lexicon.PROCURE_VERBS + lexicon.PROCURE_NOUNS)
# "97 Tejas Mark-1A fighter jets": a count, then up to five words of name, ending with an
# arms noun; bounded, so a failing try never scans the rest of the sentence.
# A count starts no amount's inner digits ("$3.9bn" holds no count 9) nor a model's
# number ("Block-4").
_COUNT = (r"(?<![\d.,$€£¥₹-])(?P<count>\d{1,3}(?:[,.]\d{3})*|" + "|".join(NUMBER_WORDS)
          + r"|(?:an?|one)(?=\s+(?:additional|new|further|single|more)\b))")  # fmt: skip
ITEM = re.compile(
    rf"\b{_COUNT}\s+(?:more\s+|new\s+|additional\s+|of\s+(?:the|its)\s+)?"
    rf"(?P<item>(?:[\w-]+\s+){{0,5}}?(?:{lexicon.alternation(lexicon.ARMS_NOUNS)}))\b",
    re.IGNORECASE,
)
# Words that start no item: units, scales, people and kinds ("6 types of drones").
_NOT_ITEM = (r"percent|per cent|per|years?|months?|days?|weeks?|hours|times|people|persons|"
             r"officers|soldiers|troops|jobs|companies|countries|nations|million|billion|"
             r"trillion|thousand|hundred|crore|lakh|bn|mn|km|kilomet\w*|miles|tons|tonnes|"
             r"met\w*|than|of|types?|kinds?|class(?:es)?|models?|variants?|versions?|dollars?|"
             r"euros?|pounds|yen|rupees|won|yuan|roubles|rubles")  # fmt: skip
# Without an arms noun: a count and a short noun phrase ("up to 400 Tomahawks"), read only
# close after a deal's own verb or noun.
ITEM_AFTER_TRIGGER = re.compile(
    rf"\b{_COUNT}\s+(?:more\s+|new\s+|additional\s+|used\s+)?"
    rf"(?P<item>(?!(?:{_NOT_ITEM})\b)[A-Za-z][\w-]*(?:\s+(?!(?:and|from|for|to|"
    r"with|worth|at|in|on|by|under|over|that|which|as|valued|costing)\b)[A-Za-z][\w-]*){0,4})"
)
TRIGGER_REACH = 80
SELLER_CUE = re.compile(r"\b(?:from|with|by)\s+(?:the\s+)?", re.IGNORECASE)
# "Turkey will supply drones to Pakistan": the seller acts, the buyer comes after "to".
SUPPLY = re.compile(r"^(?:to supply|will supply|supplied|supplies|delivered|delivers|deliver|"
                    r"approved the sale|sale)$",
                    re.IGNORECASE)  # fmt: skip
TO_BUYER = re.compile(r"\bto\s+(?:the\s+)?", re.IGNORECASE)
APPROVAL = re.compile(r"\b(?:approved|cleared|green-?lit|authori[sz]ed)\b", re.IGNORECASE)
BUYERS = (EntityType.country, EntityType.organization)
MAX_QUANTITY = 100_000  # more "units" than this is a budget line, not a count of weapons
CUES = re.compile(r"buy|bought|purchas|procur|order|acqui|deliver|contract|deal|suppl|receiv|"
                  r"inked|sealed|awarded|sale")  # fmt: skip


def find(ctx: SentenceContext) -> list:
    if not CUES.search(ctx.body):
        return []
    trigger = TRIGGER.search(ctx.body)
    if trigger is None:
        return []
    item = _nearest_item(ctx.body, trigger) or _item_after(ctx.body, trigger)
    if item is None:
        return []  # no count of weapons: a budget line or a deal in general, not a purchase
    buyer = _buyer(ctx, trigger.start())
    if buyer is None:
        return []
    count = item.group("count").lower()
    quantity = 1 if count in ("a", "an") else parse_number(count.replace(".", ","))
    if quantity is None or not 1 <= quantity <= MAX_QUANTITY:
        return []
    draft = FactDraft(FactType.procurement, buyer, _predicate(trigger.group(0)),
                      quantity=int(quantity), item=" ".join(item.group("item").split()),
                      attributed=True, confidence=0.75)  # fmt: skip
    draft.anchor(ctx.absolute(trigger.start()), ctx.absolute(trigger.end()))
    draft.anchor(ctx.absolute(item.start()), ctx.absolute(item.end()))
    draft.object = _seller(ctx, min(trigger.start(), item.start()), buyer,
                           max(trigger.end(), item.end()) + CUE_REACH)  # fmt: skip
    by = BY_BUYER.match(ctx.body, item.end()) if item.end() < len(ctx.body) else None
    if by:  # "vessels ordered by the Navy": right after the item, and nothing said of a seller
        receiver = ctx.first_entity(by.end(), min(len(ctx.body), by.end() + 60), *BUYERS)
        if receiver is not None and receiver.key != buyer.key:
            draft.subject, draft.object = receiver, None
    elif draft.object is None:
        draft.object = _maker(ctx, trigger.start(), item.end(), buyer)
    if SUPPLY.match(" ".join(trigger.group(0).split())):
        receiver = _after(ctx, TO_BUYER, item.end(), buyer)
        if receiver is not None:
            draft.subject, draft.object = receiver, buyer
    low, high = min(trigger.start(), item.start()), max(trigger.end(), item.end())
    near = [m for m in find_money(ctx.body)
            if m.start < high + PRICE_REACH and m.end > low - PRICE_REACH
            and not ctx.in_aside(m.start, low)]  # fmt: skip
    if near:  # the amount closest to the deal, not one of another clause
        price = min(near, key=lambda m: max(low - m.end, m.start - high, 0))
        draft.value, draft.unit, draft.value_qualifier = price.value, price.unit, price.qualifier
        draft.anchor(ctx.absolute(price.start), ctx.absolute(price.end))
    draft.modality = lexicon.modality_of(ctx.body, trigger.start(), trigger.end())
    if draft.modality == "asserted" and APPROVAL.search(ctx.body, 0, item.start()):
        draft.modality = "planned"  # approved, not yet bought
    draft.period = period_near(
        ctx, min(trigger.start(), item.start()), max(trigger.end(), item.end())
    )
    return [build_fact(ctx, draft, _statement(ctx, draft))]


def _nearest_item(body: str, trigger: re.Match) -> re.Match | None:
    """Of the counted arms in the sentence, the first after the deal's verb, else the last
    before it ('6 types of drones ... an order for 24 drones': the order's 24)."""
    items = [item for item in ITEM.finditer(body) if not NOT_ITEM.match(item.group("item"))]
    after = [item for item in items if item.start() >= trigger.start()]
    return after[0] if after else (items[-1] if items else None)


NOT_ITEM = re.compile(rf"(?:{_NOT_ITEM})\b", re.IGNORECASE)


def _item_after(body: str, trigger: re.Match) -> re.Match | None:
    for found in TRIGGER.finditer(body, trigger.start()):
        item = ITEM_AFTER_TRIGGER.search(body, found.end(), found.end() + TRIGGER_REACH)
        if item is not None:
            return item
    return None


def _buyer(ctx: SentenceContext, trigger: int) -> Ref | None:
    """The country or organisation nearest before the trigger, else the sentence's subject
    when it is one, else the country the article last named."""
    before = ctx.entities_in(0, trigger, *BUYERS)
    if before:
        return max(before, key=lambda ref: ref.start)
    if ctx.subject is not None and ctx.type_of(ctx.subject.key) in BUYERS:
        return ctx.subject
    if ctx.state.last_country:
        return Ref(ctx.state.last_country)
    return None


BY_BUYER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:ordered|bought|purchased|procured|acquired|"
                      r"commissioned)\s+by\s+(?:the\s+)?", re.IGNORECASE)  # fmt: skip
PRICE_REACH = 80
CUE_REACH = 30  # characters after the deal's last word within which its seller's cue stands  # characters from the deal's words within which its price is written


def _maker(ctx: SentenceContext, start: int, end: int, buyer: Ref) -> Ref | None:
    """'13 Turkish drones', 'American Reaper drones': a demonym in the deal names the
    country the weapons come from."""
    for mention in ctx.mentions:
        if (
            mention.role == "demonym"
            and ctx.absolute(start) <= mention.start < ctx.absolute(end)
            and mention.key != buyer.key
            and mention.key in ctx.table.records
        ):
            return Ref(mention.key, mention.start, mention.end)
    return None


def _seller(ctx: SentenceContext, start: int, buyer: Ref, end: int) -> Ref | None:
    """'from X', 'with X', 'by X' after the deal names the seller or maker."""
    return _after(ctx, SELLER_CUE, start, buyer, end)


def _after(ctx: SentenceContext, cue_pattern: re.Pattern, start: int, other: Ref,
           end: int | None = None) -> Ref | None:  # fmt: skip
    """The country or organisation named right after a cue, other than `other`; the cue
    within reach of the deal (a "by X" two clauses on is another deal's)."""
    stop = min(len(ctx.body), start + 2 * CUE_REACH if end is None else end)
    for cue in cue_pattern.finditer(ctx.body, start, stop):
        found = ctx.first_entity(cue.end(), min(len(ctx.body), cue.end() + 80), *BUYERS)
        if found is not None and found.key != other.key and found.start == ctx.absolute(cue.end()):
            return found
    return None


def _predicate(trigger: str) -> str:
    word = trigger.lower().split()[0]
    if word in ("signed", "inked", "sealed", "awarded", "deal", "contract", "agreement"):
        return "contracted"
    if word.startswith(("deliver", "receiv", "took", "take", "taken", "suppl")):
        return "received"
    return "ordered"


def _statement(ctx: SentenceContext, draft: FactDraft) -> str:
    buyer = ctx.name_of(draft.subject.key)
    done = "received" if draft.predicate == "received" else "ordered"
    verb = say.tense(draft.modality, done, "plans to buy", "proposed buying")
    seller = f" from {ctx.name_of(draft.object.key)}" if draft.object else ""
    price = f" for {say.money(draft.value, draft.unit)}" if draft.value is not None else ""
    return f"{buyer} {verb} {draft.quantity} {draft.item}{seller}{price}{say.period(draft.period)}."
