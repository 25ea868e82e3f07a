"""Sentences and word tokens with their offsets in the article text.

Sentence ends know abbreviations, initials, datelines and line-broken headlines; every
pattern here is linear-time (runs are matched once, from their first character).
"""

import re
from dataclasses import dataclass
from typing import NamedTuple

# After these the full stop never ends a sentence: titles, ranks, "approx.", "e.g.".
NEVER_FINAL = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr",
    "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Rev", "Hon", "Sen", "Rep", "Gov", "Pres", "Supt",
    "Insp", "Fr", "St", "Mt", "Ft", "Messrs", "approx", "Approx", "est", "ca", "vs", "v",
    "cf", "e.g", "i.e", "incl", "viz", "Sr", "Jr",
}  # fmt: skip
# Before a number these are no end either: "No. 3", "Jan. 5", "Rs. 300".
BEFORE_NUMBER = {
    "No", "Nos", "no", "Art", "Vol", "Fig", "Ch", "Sec", "Para", "pp", "p", "Rs", "Tk", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}  # fmt: skip
# These end a sentence only when a typical sentence opener follows: "the U.S. The ...".
MAYBE_FINAL = {"Inc", "Ltd", "Co", "Corp", "Plc", "Bros", "LLC", "etc", "a.m", "p.m"}
OPENERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And",
    "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "However",
    "Meanwhile", "Also", "After", "Before", "When", "While", "According", "If", "As", "For",
    "So", "Yet", "Some", "Many", "Officials", "Earlier", "Last", "Next", "Since", "Still",
}  # fmt: skip
# A line that ends in one of these goes on in the next line (a hard-wrapped sentence).
LINE_GOES_ON = {"the", "of", "and", "a", "an", "to", "in", "for", "by", "with", "on", "at",
                "from", "or", "as", "that", "its", "their", "his", "her"}  # fmt: skip

# A boundary candidate: closing punctuation and the blanks after it, or a run of blanks with
# a line break. Each alternative starts only where its run starts (the look-behinds), so a
# long run of dots or spaces is matched once, not once per character.
BOUNDARY = re.compile(
    r"(?<![.!?])(?P<stop>[.!?]++)[\"”’')\]]*+(?P<blank>\s++)"
    r"|(?<!\s)(?P<line>[^\S\n]*+\n\s*+)"
    # "... the military said.The missile ...": a stop that lost its space in the copy (not
    # a site's name: "News.Az", "Report.az")
    r"|(?<=[a-z][a-z])(?P<glued>\.)(?=[A-Z][a-z]{2}|(?:It|He|We)\b)"
)
LAST_WORD = re.compile(r"(?:^|(?<=[\s(\"“‘]))([\w.’'-]{1,24}?)$")
NEXT_WORD = re.compile(r"[\"“‘(\[]?([^\W\d_][\w’'-]{0,20}|\d)")
DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S, U.K, e.g
LIST_NUMBER = re.compile(r"[^\S\n]*\d{1,3}[^\S\n]?")  # a line's own "12." or "12 ."

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
NAME_WORD = r"[A-Z][A-Za-z'’.-]{1,20}"
# "MADRID (Reuters) -", "NEW DELHI, Sept 25 (PTI) —", "Kyiv, Ukraine — ": where a
# paragraph opens with a place, an optional date and wire, and a dash. Never an entity.
DATELINE = re.compile(
    rf"""(?P<city>{NAME_WORD}(?:[ ]{NAME_WORD}){{0,3}})
    (?P<region>,[ ]{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}}|[ ]\[[A-Z]{{2,3}}\])?
    (?P<date>,?[ ]{MONTH}[ ]\d{{1,2}}(?:,[ ]\d{{4}})?)?
    (?P<wire>[ ]?\([A-Z][A-Za-z.&/-]{{1,15}}(?:[ ][A-Za-z.&/-]{{1,15}}){{0,3}}\))?
    (?:[ ]?[-–—]{{1,2}}[ ]|[ ]?(?P<colon>:)[ ]|(?<=\d)(?P<bare>[ ])(?=[A-Z]))""",
    re.VERBOSE,
)
# A line that is only a date and a time ("Wednesday, 27 November 2013", "27 August 2024
# 18:42 (UTC+04:00)"): a page's furniture, not a sentence.
DATE_LINE = re.compile(
    rf"""(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ ])?
    (?:\d{{1,2}}[ ]{MONTH},?[ ]\d{{4}}|{MONTH}[ ]\d{{1,2}},?[ ]\d{{4}}|\d{{4}}-\d\d-\d\d)
    (?:,?[ ]\d{{1,2}}:\d\d(?:[ ]?[APap]\.?[Mm]\.?)?)?
    (?:[ ]?\((?:UTC|GMT)[^)]{{0,8}}\))?""",
    re.VERBOSE,
)

# A dateline on a line of its own: "VIENTIANE, Nov. 16, Kyodo".
DATELINE_ONLY = re.compile(
    rf"[A-Z][A-Z'’.-]{{2,20}}(?:[ ][A-Z][A-Z'’.-]{{1,20}}){{0,2}},?[ ]{MONTH}[ ]\d{{1,2}}"
    rf"(?:,[ ]\d{{4}})?(?:,?[ ][A-Z][A-Za-z.&-]{{1,15}}(?:[ ][A-Z][A-Za-z.&-]{{1,15}})?)?\.?"
)
# A wire's or photographer's credit closing a paragraph: "(Yonhap)", "(AFP/Getty Images)".
CREDIT = re.compile(r"\([A-Z][\w.&/ -]{1,40}\)")
# A dateline cut into sentences by its full stops: "Baku. 31 August. REPORT.AZ/" (the city's
# sentence is dropped when a day and a month follow it).
DOTTED_DATELINE = re.compile(rf"{NAME_WORD}(?:[ ]{NAME_WORD})?\.[ ]\d{{1,2}}[ ]{MONTH}[., ]")
# Words with inner hyphens and apostrophes, numbers with separators; punctuation is skipped
# (names are joined only across single spaces, so offsets alone tell where it was).
TOKEN = re.compile(r"[^\W_]+(?:[-’'.,][^\W_]+)*")
# The tokens names are made of: all but words that open in a lower-case ASCII letter
# (other than the connectors names use). Words are matched from their first letter only.
NAME_TOKEN = re.compile(
    r"(?<![^\W_])(?<![^\W_][-’'.,])"
    r"(?:(?:al|el)-(?=[A-Z])[^\W_]+(?:[-’'.,][^\W_]+)*"  # "al-Sisi"
    r"|(?:of|the|for|and|in|to|on|d[aeiu]|dos|das|del|della|van|von|der|ter|bin|ibn|al|el)"
    r"(?![^\W_]|[-’'.,][^\W_])|(?![a-z])[^\W_]+(?:[-’'.,][^\W_]+)*)"
)
# "NATO-led", "Moscow-based": the name is the part before the hyphen.
NAME_SUFFIX = re.compile(
    r"-(?:led|based|backed|funded|owned|run|made|style|era|related|brokered|built)$"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


class Token(NamedTuple):
    """A word and its offsets (a tuple: tokens are made by the thousand)."""

    text: str
    start: int
    end: int
    possessive: bool = False

    @property
    def capitalized(self) -> bool:
        # "al-Sisi", "al-Qaeda": an Arabic article before a capital is part of the name.
        text = self.text
        return text[:1].isupper() or (text[:3] in ("al-", "el-") and text[3:4].isupper())

    @property
    def is_acronym(self) -> bool:
        letters = self.text.replace("-", "")
        return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def split_sentences(text: str) -> list[Sentence]:
    """The article's sentences, datelines and date-only lines left out, in text order."""
    sentences, start = [], 0
    wrapped = hard_wrapped(text)
    for match in BOUNDARY.finditer(text):
        if match.group("glued"):
            if _glued_end(text, match):
                _add(sentences, text, start, match.end())
                start = match.end()
        elif (not wrapped or match.group("line") is None) and _ends_sentence(text, match):
            end = match.start("blank") if match.group("stop") else match.start()
            _add(sentences, text, start, end)
            start = match.end()
    _add(sentences, text, start, len(text))
    return sentences


SITE_ENDINGS = ("Com", "Org", "Net", "Gov", "Edu", "Info", "Biz")


def _glued_end(text: str, match: re.Match) -> bool:
    """A glued stop ends a sentence unless an abbreviation ("Maj.Gen.") or a site's name
    ("Amazon.Com") has it."""
    previous = LAST_WORD.search(text, max(0, match.start() - 24), match.start())
    if previous is not None and previous.group(1).lstrip("'’-").rsplit(".", 1)[-1] in NEVER_FINAL:
        return False  # ("Maj.Gen.Ana": the word before this stop is "Gen")
    return not text.startswith(SITE_ENDINGS, match.end())


def hard_wrapped(text: str) -> bool:
    """Text broken into lines of about the same length, mid-sentence (a wire's copy): there a
    line break is a space, and only a paragraph break or a full stop ends a sentence."""
    lines = text.split("\n")
    if len(lines) < 5:
        return False
    full = [line for line in lines[:-1] if line.strip()]
    if len(full) < 4:
        return False
    open_ended = sum(not line.rstrip().endswith((".", "!", "?", '"', "”", ":")) for line in full)
    even = sum(30 <= len(line) <= 100 for line in full)
    return open_ended >= 0.5 * len(full) and even >= 0.7 * len(full)


def _ends_sentence(text: str, match: re.Match) -> bool:
    blank = match.group("blank") or match.group("line")
    if blank.count("\n") >= 2:
        return True  # a paragraph break ends whatever came before
    after = NEXT_WORD.match(text, match.end())
    if after is None:
        return text[match.end() : match.end() + 1] in ("-", "–", "—", "•", "*")
    word = after.group(1)
    if not (word[0].isupper() or word[0].isdigit() or after.group(0)[0] in '"“‘(['):
        return False
    if match.group("stop") is None:  # a line break after a line with no closing stop
        before = text[max(0, match.start() - 1) : match.start()]
        previous = LAST_WORD.search(text, max(0, match.start() - 24), match.start())
        return before not in ",;:-–(" and not (previous and previous.group(1) in LINE_GOES_ON)
    if match.group("stop") != ".":
        return True
    line_start = text.rfind("\n", 0, match.start()) + 1
    if (
        "\n" not in blank
        and match.start() - line_start <= 6
        and LIST_NUMBER.fullmatch(text, line_start, match.start())
    ):
        return False  # "2. Argentina": a numbered list's item goes on after its number
    previous = LAST_WORD.search(text, max(0, match.start() - 24), match.start())
    if previous is None:
        return True
    last = previous.group(1).lstrip("'’-")
    if last in NEVER_FINAL or (len(last) == 1 and last.isupper()):
        return False  # a title, an abbreviation or an initial ("Rodrigo R. Duterte")
    if last in BEFORE_NUMBER and word[0].isdigit():
        return False
    if last in MAYBE_FINAL or DOTTED.fullmatch(last):
        return word in OPENERS or "\n" in blank
    return True


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return
    if end - start < 60 and (
        DATE_LINE.fullmatch(text, start, end)
        or DATELINE_ONLY.fullmatch(text, start, end)
        or CREDIT.fullmatch(text, start, end)
    ):
        return
    # Datelines open paragraphs only, in capitals.
    if (start == 0 or text[start - 1] == "\n") and text[start].isupper():
        dotted = DOTTED_DATELINE.match(text, start, start + 60)
        if dotted is not None and dotted.end() > end:
            return  # "Baku." of "Baku. 31 August."
        dateline = dateline_at(text, start, end)
        if dateline is not None:
            start = dateline
    if start < end:
        sentences.append(Sentence(start, end, text[start:end]))


def dateline_at(text: str, start: int, end: int) -> int | None:
    """Where the body begins when [start, end) opens with a dateline, else None."""
    match = DATELINE.match(text, start, end)
    if match is None or match.end() >= end:
        return None
    city = match.group("city")
    # A city alone must be shouted ("MADRID -"), and longer than an acronym ("US - China").
    shouted = len(city) >= 4 and city.upper() == city
    if match.group("bare") and not (shouted and match.group("date")):
        return None  # "MUMBAI Dec 31 India named ..."
    if match.group("colon") and not (shouted or match.group("date")):
        return None  # "Kyiv: a city at war" is a sentence; "DUBAI: Iran's ..." a dateline
    if not (shouted or match.group("wire") or match.group("region") or match.group("date")):
        return None
    return match.end()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of `text`, offsets shifted by `offset`; possessives split off the name."""
    return _tokens(TOKEN, text, offset)


def name_tokens(text: str, offset: int = 0) -> list[Token]:
    """The tokens of `tokenize` that names are built from: capitalised words, numbers, the
    connectors ('of', 'the', 'for', 'and', 'in', 'to', 'on') and particles ('da', 'bin')."""
    return _tokens(NAME_TOKEN, text, offset)


def _tokens(pattern: re.Pattern, text: str, offset: int) -> list[Token]:
    tokens = []
    append = tokens.append
    new = tuple.__new__  # the same Token as Token(...), without its Python-level __new__
    for match in pattern.finditer(text):
        word = match.group()
        start = match.start() + offset
        if "-" in word and word[0].isupper() and (suffix := NAME_SUFFIX.search(word)):
            word = word[: suffix.start()]
        if (
            word[-1] == "s"
            and word[-2:-1] in ("’", "'")
            and len(word) > 2
            and word[:-2] != "People"
        ):
            append(new(Token, (word[:-2], start, start + len(word) - 2, True)))
        else:
            append(new(Token, (word, start, start + len(word), False)))
    return tokens
