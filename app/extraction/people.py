"""People in capitalised chunks: by titles and ranks before the name, by the name's own
shape (a known given name, initials, a surname ending) and by the words around it
("Stoltenberg said", "said Pete Hegseth", "Hegseth, the defence secretary,").

Pure functions over tokens and bounded windows of text; imports only the gazetteer.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from app.extraction import gazetteer as gz
from app.extraction.chunks import PARTICLES, Chunk
from app.extraction.document import Token

# Words that are titles, ranks or posts: before a name they are the person's aliases.
TITLE_WORDS = gz.PERSON_TITLES | gz.POSITION_HEADS | gz.RANK_WORDS
# Capitalised words that are never part of a person's name.
NOT_NAME = {
    "New", "North", "South", "East", "West", "Central", "National", "International",
    "Global", "World", "United", "Republic", "Federal", "State", "States", "Royal", "Islamic",
    "Democratic", "People", "Peoples", "Union", "Northern", "Southern", "Eastern", "Western",
    "Upper", "Lower", "Greater", "Grand", "Great", "Joint", "Special", "General", "Defence",
    "Defense", "Military", "Naval", "Air", "Army", "Navy", "Foreign", "Affairs", "Interior",
    "Security", "Public", "Civil", "Strategic", "Nuclear", "Budget", "Economic", "Trade",
    "Finance", "Energy", "Exercise", "Operation", "Project", "Mission", "Cup", "League",
    "Games", "Olympic", "Olympics", "Championship", "Day", "Week", "Year", "Reports", "News",
    "Photo", "Photos", "Video", "Home", "Published", "Read", "More", "Share", "Watch",
    "Related", "Sign", "Subscribe", "Advertisement", "Copyright", "Update", "Breaking",
}  # fmt: skip
# Surname endings common enough to tell a person by ("Hasanov", "Davtyan", "Kovalenko").
SURNAME_SHAPE = re.compile(
    r"(?:[oe]va?|yeva?|[iy]ana?|yan|enko|chuk|escu|[sc]k[iy]|ska|vi[cć]h?|dze|shvili|o[gğ]lu"
    r"|zadeh|pour|ayev|[ao]yeva?|sson|sen|ez|poulos|idis|ashvili)$"
)
ROLES = (
    r"member|analyst|expert|spokes(?:man|woman|person)|minister|secretary|director|head"
    r"|chief|professor|researcher|fellow|commander|official|lawmaker|senator|president"
    r"|leader|ambassador|envoy|chair(?:man|woman|person)?|founder|author|journalist|editor"
    r"|correspondent|economist|advis[eo]r|officer|deputy|general|colonel|captain|admiral"
    r"|player|batter|bowler|coach|striker|runner|athlete|presenter|manager|executive|ceo"
    r"|governor|mayor|candidate|activist|lawyer|judge|prosecutor|scholar|historian"
    r"|scientist|pilot|soldier|veteran|son|daughter|wife|husband|father|mother|premier"
    r"|opener|spinner|batsman|keeper|goalkeeper|midfielder|winger|boxer|champion|star|boy"
    r"|girl|colleague|successor|predecessor|chairman|businessman|businesswoman|entrepreneur"
)
# Right before a name: a verb of saying, "by", or a role in lower case ("analyst X").
PERSON_BEFORE = re.compile(
    rf"(?:^|\b)(?:said|says|by|By|counterpart|named|appointed|replace[sd]?|replacing"
    rf"|introduced|thanked|told|asked|quoted|quoting|{ROLES})\s$",
)
# Right after a name: a verb people do, an apposition with a role, or "who".
PERSON_AFTER = re.compile(
    rf"""(?:,?\s(?:said|says|told|added|noted|stated|asserted|wrote|explained|argued|believes|insisted|tweeted|remarked
        |recalled|admitted|replied|thanked|was\snamed|was\sappointed|has\sbeen\sappointed
        |will\sbecome|scored|smashed|himself|herself|told\s(?:reporters|journalists))\b
      |\s(?:government|govt|administration)\b
      |,\s(?:who|whose)\b
      |,\s\d{{2}},
      |,\s(?:a|an|the|its|his|her|their)\s(?:[\w’'-]{{1,20}}\s){{0,3}}?(?:{ROLES})s?\b
      |\s\((?:\d|[LR]\)|left\)|right\)))""",
    re.VERBOSE,
)
# Endings of English nouns and adjectives, seldom of surnames ("Gross Domestic Product").
WORD_SHAPE = re.compile(r"(?:ion|ment|ance|ence|ity|ous|ary|ure|ive|uct|ics|tic|ism|ship)$")
WINDOW = 60  # characters of context read on either side: a bound, so linear


@dataclass
class PersonMatch:
    titles: list[Token]  # ranks, honorifics and posts before the name
    name: list[Token]


def name_shaped(token: Token) -> bool:
    return _name_shaped(token.text)


@lru_cache(maxsize=4096)  # pure (of the word and fixed word lists), and names recur
def _name_shaped(word: str) -> bool:
    acronym = Token(word, 0, 0).is_acronym
    if word[2:3] == "-" and word[3:4].isupper() and word[:2] in ("al", "el"):
        word = word[3:]  # "al-Sisi" is shaped as "Sisi" is
    if not word[:1].isupper() or acronym or any(ch.isdigit() for ch in word):
        return False
    if word in _never_in_names():
        return False
    if "-" in word and all(part in TITLE_WORDS for part in word.split("-")):
        return False  # "Colonel-General"
    return gz.type_from_head(word) is None


@cache
def _never_in_names() -> frozenset[str]:
    """Words no person's name is made of: titles, function words, countries, capitals,
    known places and bodies (one lookup instead of six)."""
    return frozenset(
        NOT_NAME | TITLE_WORDS | gz.NON_ENTITY_WORDS | set(gz.country_by_surface())
        | set(gz.capital_to_country()) | gz.PLACES | gz.KNOWN_ORGANIZATIONS
    )  # fmt: skip


SHIP_PREFIXES = {"USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "BRP", "KD", "SLNS",
                 "TCG", "ROKS", "JS", "FS", "ARA", "BNS", "PNS", "KRI", "RSS", "HTMS"}  # fmt: skip
# Title words that only qualify a post after them ("Defence Minister"): before a name
# alone they name no one ("the Defence Festival", "Industry Exhibition").
MODIFIERS = {"Defence", "Defense", "Foreign", "Finance", "Economy", "Interior", "Justice",
             "Trade", "Industry", "Energy", "Home", "Prime", "Vice", "Supreme", "Associate"}  # fmt: skip


def is_title(word: str) -> bool:
    return word in TITLE_WORDS or all(part in TITLE_WORDS for part in word.split("-"))


def find_person(
    chunk: Chunk, text: str, next_is_post: bool = False, after_owner: bool = False
) -> PersonMatch | None:
    """The person a chunk names, if it names one: after titles, or by shape or context."""
    tokens = _without_of_owner(chunk.tokens)
    if tokens and tokens[0].text in SHIP_PREFIXES:
        return None  # "USS Rodney M. Davis", "BRP Miguel Malvar": a ship, named for someone
    start = len(tokens)
    while start > 0 and (name_shaped(tokens[start - 1]) or _inner_particle(tokens, start - 1)):
        start -= 1
    while start < len(tokens) and tokens[start].text in PARTICLES:
        start += 1
    name, prefix = tokens[start:], tokens[:start]
    words = [t for t in name if t.text not in PARTICLES]
    if not words or len(words) > 4:
        return None
    if prefix and is_title(prefix[-1].text) and prefix[-1].text not in MODIFIERS:
        return PersonMatch(prefix, name)
    if len(words) >= 2 and prefix and any(is_title(t.text) and t.text not in MODIFIERS
                                          for t in prefix):  # fmt: skip
        return PersonMatch(prefix, name)  # "US Secretary of State Antony Blinken"
    if len(words) >= 2 and len(prefix) == 1 and prefix[0].text in gz.demonym_to_country():
        return PersonMatch([], name)  # "Kenyan Eliud Kipchoge"
    given = next((i for i, t in enumerate(name[:-1]) if t.text in gz.given_names()), None)
    if given is not None:
        return PersonMatch([], name[given:])
    if len(words) < 2:
        return None
    if any(len(t.text) == 1 for t in words[:-1]) or SURNAME_SHAPE.search(words[-1].text):
        return PersonMatch([], name)
    if after_owner and not any(WORD_SHAPE.search(t.text) for t in words):
        return PersonMatch([], name)
    if next_is_post or _context_says_person(text, name[0].start, name[-1].end):
        return PersonMatch([], name)
    return None


def _without_of_owner(tokens: list[Token]) -> list[Token]:
    """'Ivan Havlik of Slovakia', 'Ana Soto of NATO': the name before its country or body."""
    at = next((i for i in (len(tokens) - 2, len(tokens) - 3) if i >= 2 and tokens[i].text == "of"),
              None)  # fmt: skip
    if at is None:
        return tokens
    owner = " ".join(t.text for t in tokens[at + 1 :])
    if owner in gz.country_by_surface() or owner in gz.KNOWN_ORGANIZATIONS:
        return tokens[:at]
    return tokens


def _inner_particle(tokens: list[Token], index: int) -> bool:
    return 0 < index < len(tokens) - 1 and tokens[index].text in PARTICLES


def _context_says_person(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - WINDOW) : start]
    if PERSON_BEFORE.search(before):
        return True
    return PERSON_AFTER.match(text, end, end + WINDOW) is not None
