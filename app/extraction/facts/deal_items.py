"""What a deal buys: counted weapons ('97 Tejas Mark-1A fighter jets'), weapons named
without a count ('land-based Tomahawk cruise missiles'), and the general heads ('vehicles',
'aircraft') that are weapons only when a military word says so. Patterns and helpers of
the procurement rules; imports none of them.
"""

import re

from app.extraction import lexicon
from app.extraction.quantities import NUMBER_WORDS

_ANY_ARMS = lexicon.alternation(lexicon.ARMS_NOUNS + lexicon.SINGULAR_ARMS_NOUNS)
# The phrase ends at its last arms noun: "missile batteries", "tank fighter planes".
_ARMS = rf"(?:{_ANY_ARMS})(?!\s+(?:{_ANY_ARMS})\b)"
SINGULAR = re.compile(rf"\b(?:{lexicon.alternation(lexicon.SINGULAR_ARMS_NOUNS)})$", re.IGNORECASE)
ONE = ("a", "an", "one", "1")
# "97 Tejas Mark-1A fighter jets": a count, then up to five words of name, ending with an
# arms noun; bounded, so a failing try never scans the rest of the sentence.
# A count starts no amount's inner digits ("$3.9bn" holds no count 9) nor a model's
# number ("Block-4").
_COUNT = (r"(?<![\d.,$€£¥₹\-–—/])(?P<count>\d{1,3}(?:[,.]\d{3})*|" + "|".join(NUMBER_WORDS)
          + r"|(?:an?|one)(?=\s+(?:additional|new|further|single|more(?!\s+than))\b))")  # fmt: skip
ITEM = re.compile(
    # ("24 of Denmark's ageing F-16 jets": a share of another's arms)
    rf"\b{_COUNT}\s+(?:more\s+|new\s+|additional\s+|of\s+(?:the|its|their|[A-Z][\w-]*['’]s)\s+)?"
    rf"(?P<item>(?:(?!(?:and|or|from|with|to|for|in|on|at|by|that|which)\b)[\w-]+\s+){{0,5}}?"
    rf"(?:{_ARMS}))\b",
    re.IGNORECASE,
)
# Words that start no item: units, scales, people and kinds ("6 types of drones").
_NOT_ITEM = (r"percent|per cent|per|years?|months?|days?|weeks?|hours|times|people|persons|"
             r"officers|soldiers|troops|jobs|companies|countries|nations|states|recipients|"
             r"clients|customers|buyers|million|billion|"
             r"trillion|thousand|hundred|crore|lakh|bn|mn|km|kilomet\w*|miles|tons|tonnes|"
             r"met\w*|than|of|types?|kinds?|class(?:es)?|models?|variants?|versions?|dollars?|"
             r"euros?|pounds|yen|rupees|won|yuan|roubles|rubles|will|would|are|were|have|had")  # fmt: skip
NOT_ITEM = re.compile(rf"(?:{_NOT_ITEM})\b", re.IGNORECASE)
# No month right before: one fixed-width lookbehind per month ending ("Oct 25", "March 3").
_NOT_AFTER_MONTH = "".join(rf"(?<!{end}\s)" for end in (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "ept",
    "uary", "arch", "pril", "June", "July", "gust", "mber", "ober"))  # fmt: skip
# Without an arms noun: a count and a short noun phrase ("up to 400 Tomahawks"), read only
# close after a deal's own verb or noun, in its clause.
# (Not a day of a date, "signed on Oct 25 and is ...", and no function word for an item.)
ITEM_AFTER_TRIGGER = re.compile(
    rf"\b{_NOT_AFTER_MONTH}{_COUNT}\s+(?:more\s+|new\s+|additional\s+|used\s+)?"
    rf"(?P<item>(?!(?:{_NOT_ITEM}|and|or|is|are|was|were|the|to|in|on|at|but)\b)[A-Za-z][\w-]*(?:\s+(?!(?:and|from|for|to|"
    r"with|worth|at|in|on|by|under|over|that|which|as|valued|costing)\b)[A-Za-z][\w-]*){0,4})"
)
# Counted contracts are no weapons: "two contracts worth $7.6bn" is read by `contracts`.
CONTRACTS = re.compile(r"\b(?:contracts?|deals?|orders?|agreements?)$", re.IGNORECASE)
# No count: the deal's verb, a few linking words, then the weapons ("to buy land-based
# Tomahawk cruise missiles", "purchases during 2022 included aircraft").
_WORD = (r"(?!(?:and|or|to|for|from|with|of|in|on|at|by|that|which|as|is|are|was|were|will|"
         r"the|its|their|a|an)\b)\(?[\w-]+\)?")  # fmt: skip
COUNTLESS = re.compile(
    r"\s+(?:(?:of|the|a|an|new|more|its|their|additional|further|included|includes|include)"
    r"\s+|(?:during|in)\s+(?:19|20)\d\d\s+){0,3}"
    rf"(?P<item>(?:{_WORD}\s+){{0,6}}?(?:{_ARMS}))(?![\w-])",
    re.IGNORECASE,
)
LISTED = re.compile(r",\s+(?:[\w-]+\s+){0,3}[\w-]+")
GENERIC = re.compile(rf"(?:{lexicon.alternation(lexicon.GENERIC_ARMS_NOUNS)})$", re.IGNORECASE)
MILITARY = lexicon.word_pattern(lexicon.MILITARY_WORDS)
ELLIPSIS = re.compile(rf"{_COUNT}(?=\s+from\b)", re.IGNORECASE)
WEAPONS_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{_ARMS})\b", re.IGNORECASE)


def nearest_item(body: str, trigger: re.Match) -> re.Match | None:
    """Of the counted arms in the sentence, the first after the deal's verb, else the last
    before it ('6 types of drones ... an order for 24 drones': the order's 24). One weapon
    ('an additional frigate') only after the deal's word: 'a new vessel ordered by the Navy'
    is one of an order, and its size is said elsewhere."""
    items = [item for item in ITEM.finditer(body) if not NOT_ITEM.match(item.group("item"))
             and (item.group("count").lower() in ONE or not SINGULAR.search(item.group("item")))]  # fmt: skip
    after = [item for item in items if item.start() >= trigger.start()]
    before = [item for item in items if item.start() < trigger.start()
              and item.group("count").lower() not in ("a", "an")]  # fmt: skip
    if after:
        return after[0]
    return before[-1] if before else None


def generic(item: re.Match) -> bool:
    """A general head ('vehicles', 'aircraft') that no military word qualifies, in the
    item or in the list it starts ('aircraft, air defence systems, missiles')."""
    if not GENERIC.search(item.group("item")):
        return False
    listed = LISTED.match(item.string, item.end())
    return not MILITARY.search(
        item.string, item.start("item"), listed.end() if listed else item.end()
    )
