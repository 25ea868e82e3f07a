"""What an untyped capitalised name is, read from its head word and the words around it:
cue patterns (bounded windows, linear) and the typing they drive. Imports gazetteer and people.
"""

import re
from functools import lru_cache

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.chunks import Chunk
from app.extraction.people import NOT_NAME, TITLE_WORDS

# Right before a name that no list knows: what the name must be ("member of the Quad").
GROUP_CUES = re.compile(
    r"(?:member of|members of|part of|joined|join|left|leave|withdrew from|ally of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
ATTRIBUTION_CUES = re.compile(
    r"(?:according to|reported by|reporting by|report by|data from|cited by|as per)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
CUE_CHARS = 60  # the longest cue above, its "the" and a few spaces
# Right after an untyped name: what only an organisation does or is.
ORG_AFTER = re.compile(
    r"[)’'s]{0,3}\s(?:reported|reports|reporting|terrorists?|militants?|fighters|insurgents?"
    r"|rebels?|jihadists?|militia|militiamen|gunmen|extremists|group)\b"
)
# Right before an untyped name: what kind of body it is ("defence firm Babcock").
BODY_NOUNS = (
    r"company|firm|group|giant|maker|manufacturer|contractor|conglomerate|agency|broadcaster"
    r"|newspaper|daily|outlet|network|party|bank|lender|insurer|airline"
    r"|watchdog|think[- ]tank|militia|movement|shipbuilder|shipyard|startup|start-up"
    r"|subsidiary|supplier|developer|producer|regulator|exchange|university|institute"
)
ORG_BEFORE = re.compile(rf"\b(?:{BODY_NOUNS})\s$")
ORG_APPOSITION = re.compile(rf",\s(?:a|an|the)\s(?:[\w’'-]{{1,20}}\s){{0,3}}?(?:{BODY_NOUNS})\b")
ACRONYM_ACTS = re.compile(
    r"[’']?s?\s(?:said|says|reported|reports|announced|stated|added|confirmed|denied|told"
    r"|warned|claimed|urged|condemned|welcomed|awarded|approved|issued|inducted|signed"
    r"|spokes(?:man|woman|person)|chief|head|officials?)\b"
)
# After a long name: its acronym in parentheses, and what the acronym does ("Inter-Services
# Public Relations (ISPR) said"): the name is a body's.
LONG_FORM_ACTS = re.compile(r"\s?\((?P<acronym>[A-Z][A-Za-z]{1,7})\)(?=[’']?s?\s[a-z])")
TERM_BEFORE = re.compile(r"\b[a-z][a-z-]+\s\($")  # "combat ship (LCS)"
ACRONYM_CITED = re.compile(r"\b(?:told|by|from|with|at)\s(?:the\s)?$")
# Right before: what names a drill or an operation ("exercise Iron Defender").
PROGRAM_BEFORE = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres|maneuvers|operation|codenamed|dubbed)\s[\"“‘]?$"
)
# Right after: "Cobra Gold military exercise", "the Vanguard programme".
PROGRAM_AFTER = re.compile(
    r"(?:\s\d{1,4})?\s(?:(?:military|naval|joint|air|annual|multinational)\s)?"
    r"(?:exercises?|drills?|war\sgames|manoeuvres|maneuvers|programme|program|initiative)\b"
)
# Right after: a named show or fair ("the IDEX defence show"), which counts as a programme.
SHOW_AFTER = re.compile(
    r"\s(?:(?:defen[cs]e|arms|military|air|trade|industry)\s)?"
    r"(?:show|exhibition|expo|exposition|fair|airshow|festival)\b"
)
COMPASS = {"S": "South", "N": "North", "E": "East", "W": "West"}
PROGRAM_WORD = re.compile(r"\s(programme|program)\b")  # "Next-Generation Interceptor program"
# Right before: a preposition of place ("in Gwoza", "near Bama").
PLACE_BEFORE = re.compile(
    r"""(?<![A-Z]\w\w\s)(?<![A-Z]\w\s)\b
    (?:in|near|outside|around|towards?|into|at|between|off|capital
      |(?:province|city|town|village|region|state|district|county|island|port)\sof
      |(?:north|south|east|west)(?:east|west)?\sof)\s(?:the\s)?$""",
    re.VERBOSE,
)
PLURAL_NOUN = re.compile(r"(?:ies|ers|ists|ions|ants|ents|ives)$")  # "Allies", "Partners"
# After a country's name or demonym: its currency, which names no country ("US dollars").
CURRENCY_AFTER = re.compile(
    r"\s(?:dollars?|pounds?|lira|rupees?|rupiah|yuan|renminbi|yen|riyals?|rials?|dirhams?"
    r"|dinars?|rubles?|roubles?|francs?|kronor|krona|kroner|krone|pesos?|reais|rand)\b"
)
NUMBER_AFTER = re.compile(r"[ -](\d{1,4})\b(?![.,]\d)")  # "Iron Defender 25", "West 2025"


BODY_BEFORE_COUNTRY = {"Bank", "Air", "Radio", "Television"}


def classify(chunk: Chunk) -> EntityType | None:
    return _classify(chunk.text, chunk.head)


@lru_cache(maxsize=4096)  # pure (the gazetteers are fixed), and names recur
def _classify(text: str, head: str) -> EntityType | None:
    if text in gz.country_by_surface():
        return EntityType.country
    if text in gz.capital_to_country() or text in gz.PLACES:
        return EntityType.place
    if text in gz.KNOWN_ORGANIZATIONS:
        return EntityType.organization
    words = text.split()
    if len(words) == 2 and words[0] in BODY_BEFORE_COUNTRY and words[1] in gz.country_by_surface():
        return EntityType.organization  # "Bank Indonesia", "Air India", "Radio Romania"
    if (
        len(words) >= 2
        and words[-1] in gz.country_by_surface()
        and " ".join(words[:-1]) in gz.KNOWN_ORGANIZATIONS
    ):
        return EntityType.organization  # "Thales Australia": a firm's national arm
    if len(words) >= 2 and words[0] in COMPASS_WORDS and " ".join(words[1:]) in gz.PLACES:
        return EntityType.place  # "Western Finnmark", "Northern Sinai"
    if words[-1] == "Corridor" and len(words) >= 2 and words[-2] in PROJECT_CORRIDORS:
        return EntityType.program  # "Southern Gas Corridor": a pipeline project, no place
    head_type = gz.type_from_head(head)
    if words[-1] == "Intelligence" and len(words) >= 2 and words[-2] in FIELDS_OF_INTELLIGENCE:
        return None  # "Artificial Intelligence" is a field, not an agency
    if len(words) >= 2 and head_type in (None, EntityType.place) and words[0] in FIRMS_NAMED_FIRST:
        return EntityType.organization  # "Hanwha Ocean", "Boeing Defense": the firm's arm
    at = words.index("of") if "of" in words else 0
    if at >= 2 and words[at - 1] == "General" and words[at - 2] in GENERAL_POSTS:
        return EntityType.position  # "Secretary General of the Council": no rank
    return head_type


GENERAL_POSTS = {"Secretary", "Director", "Inspector", "Attorney"}
FIELDS_OF_INTELLIGENCE = {"Artificial", "Business", "Source", "Signals", "Human", "Market",
                          "Competitive", "Emotional", "General", "Machine"}  # fmt: skip
# Known firms whose name opens a longer one of their own ("Hanwha Ocean", "Airbus Helicopters").
FIRMS_NAMED_FIRST = {"Hanwha", "Hyundai", "Boeing", "Airbus", "Lockheed", "Raytheon", "Northrop",
                     "Thales", "Leonardo", "Saab", "Rheinmetall", "Rafael", "Elbit", "Embraer",
                     "Dassault", "Kongsberg", "Mitsubishi", "Kawasaki", "Samsung",
                     "Huawei", "Babcock", "Fincantieri", "Navantia", "Baykar", "Aselsan", "Rostec",
                     "Tata", "Mahindra", "Adani", "Bharat", "Textron", "Honeywell", "Safran"}  # fmt: skip
COMPASS_WORDS = {"Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower",
                 "Northeastern", "Northwestern", "Southeastern", "Southwestern"}  # fmt: skip
PROJECT_CORRIDORS = {"Gas", "Energy", "Economic", "Transport", "Trade", "Transit", "Digital",
                     "Pipeline", "Rail", "Railway"}  # fmt: skip


def type_from_context(table, chunk: Chunk, before: str, after: str, previous) -> EntityType | None:
    """An untyped chunk that the words around it type: a source, a group, a named drill."""
    if chunk.tokens[0].is_acronym and len(chunk.tokens) == 1:
        # An unknown acronym is a body only where it acts or is cited: "NRK reported",
        # "told NRK", "(NAN)" closing a report; "two LCS ships", "a littoral combat ship
        # (LCS)" is no body, and neither are its later mentions.
        if chunk.text in table.terms:
            return None
        if SHOW_AFTER.match(after):
            return EntityType.program  # "the IDEX defence show"
        if TERM_BEFORE.search(before) and after.startswith(")"):
            table.terms.add(chunk.text)
            return None
        if (
            ACRONYM_ACTS.match(after)
            or ACRONYM_CITED.search(before)
            or after.startswith(")")
            or ORG_BEFORE.search(before)  # "the Turkish shipbuilder STM"
        ):
            return EntityType.organization
        return None
    if ATTRIBUTION_CUES.search(before) or GROUP_CUES.search(before):
        return EntityType.organization
    if len(chunk.tokens) >= 2 and chunk.tokens[0].text in COMPASS_WORDS:
        rest = table.records.get(table.resolve(chunk.text.split(" ", 1)[1]) or "")
        if rest is not None and rest.type is EntityType.place:
            return EntityType.place  # "Western Finnmark", after "Finnmark"
    if (
        len(chunk.tokens) > 1
        and (long_form := LONG_FORM_ACTS.match(after)) is not None
        and long_form.group("acronym")[0] == chunk.text[0]
        and ACRONYM_ACTS.match(after, long_form.end())
    ):
        return EntityType.organization
    if ORG_AFTER.match(after) or ORG_BEFORE.search(before) or ORG_APPOSITION.match(after):
        return EntityType.organization
    if (
        PROGRAM_BEFORE.search(before) or PROGRAM_AFTER.match(after) or SHOW_AFTER.match(after)
    ) and not all(
        part in gz.country_by_surface() for t in chunk.tokens for part in t.text.split("-")
    ):
        return EntityType.program  # not "the Russian-Belarusian exercise"
    if chunk.tokens[0].text in ("Exercise", "Operation") and len(chunk.tokens) > 1:
        return EntityType.program  # "Exercise Talisman Sabre"
    if (
        len(chunk.tokens) <= 3
        and len(chunk.text) > 2  # "in Li": a word cut off, not a town
        and plain_name(table, chunk)
        and PLACE_BEFORE.search(before)
        and not PLURAL_NOUN.search(chunk.text)
    ):
        at = before.endswith(("at ", "at the "))
        if not at or (len(chunk.tokens) == 1 and not chunk.tokens[0].possessive):
            return EntityType.place  # "at Sydney", not "at Bank of Ireland" or "at Babcock's"
    if previous is not None and previous[2] is EntityType.place and plain_name(table, chunk):
        # "at Bama, Dikwa and Gwoza": a list goes on in the kind it began with.
        between = table.text[previous[0].end : chunk.start]
        return EntityType.place if between in (", ", " and ", ", and ") else None
    return None


def plain_name(table, chunk: Chunk) -> bool:
    """No given name, acronym, title or common word in it: could be a town ('in Gwoza')."""
    return not any(
        t.text in gz.given_names()
        or t.is_acronym
        or t.text in TITLE_WORDS
        or t.text in NOT_NAME
        or t.text.lower() in table.common_words()
        for t in chunk.tokens
    )
