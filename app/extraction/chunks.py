"""Capitalised runs of words that may be names: 'Defense Ministry of Azerbaijan',
'Azerbaijani Air and Air Defence Force', but not 'Armenia and Azerbaijan'.
"""

import re
from dataclasses import dataclass

from app.extraction import gazetteer as gz
from app.extraction.document import DOTTED, Token

CONNECTORS = ("of the", "of", "for the", "for", "de", "in", "to", "on the", "on")
# Longer runs of capitalised words are Title Case prose or noise, not names; and a name
# is copied into every statement about it, so an unbounded one costs quadratic time.
NAME_WORDS, NAME_CHARS = 16, 120


@dataclass
class Chunk:
    tokens: list[Token]
    text: str
    start: int
    end: int

    @property
    def head(self) -> str:
        words = self.text.split()
        for index, word in enumerate(words):
            if index and word in ("of", "for", "on", "to"):
                return words[index - 1]
        return words[-1]


def adjacent(first: Token, second: Token, text: str | None = None) -> bool:
    """Only a single space between: punctuation, quotes or a line break end a name; but an
    initial or an abbreviated title runs on over its full stop ("R. Koteeswaran")."""
    gap = second.start - first.end
    if gap <= 1:
        return not first.possessive
    return (
        gap == 2
        and text is not None
        and text[first.end] == "."
        and text[first.end + 1] == " "
        and (
            len(first.text) == 1 or first.text in ABBREVIATED_TITLES or DOTTED.fullmatch(first.text)
        )
        and first.text[0].isupper()
        and second.text not in gz.country_by_surface()  # "S. China Sea" is no initial's
    )


ABBREVIATED_TITLES = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt",
                      "Brig", "Adm", "Sgt", "Cpl", "Cmdr", "Rev", "Sen", "Rep", "Gov", "St"}  # fmt: skip
# Lower-case words inside a person's name: joined only between capitalised words.
PARTICLES = ("da", "de", "di", "du", "dos", "das", "del", "della", "van", "von", "der", "ter",
             "bin", "ibn", "al", "el")  # fmt: skip


def chunks_of(tokens: list[Token], text: str | None = None) -> list[Chunk]:
    """Runs of capitalised words, joined by 'of', 'for' and, before a head word, 'and'.

    With `text` (the string the offsets index), initials and abbreviated titles join the
    word after their full stop."""
    chunks: list[Chunk] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (
            not token.capitalized
            or token.text in gz.NON_ENTITY_ACRONYMS
            or PLURAL_ACRONYM.fullmatch(token.text)
            or (token.text in gz.NON_ENTITY_WORDS and not _opens_known_name(tokens, index))
            or token.text in gz.LEADING_MODIFIERS
        ) and not _ordinal_opens(tokens, index):
            index += 1
            continue
        run = [token]
        index += 1
        while index < len(tokens) and not run[-1].possessive:
            nxt = tokens[index]
            if (
                nxt.capitalized
                and adjacent(run[-1], nxt, text)
                and nxt.text != "I"
                and not PLURAL_ACRONYM.fullmatch(nxt.text)
                and not MODEL.fullmatch(nxt.text)
            ):
                run.append(nxt)
                index += 1
                continue
            joined = _join_connector(tokens, index, run)
            if joined is None:
                break
            run, index = joined
        if len(run) <= NAME_WORDS and run[-1].end - run[0].start <= NAME_CHARS:
            chunks.append(_chunk(run))
    return chunks


CONNECTOR_WORDS = [(c, c.split()) for c in (*CONNECTORS, "and", *PARTICLES)]
CONNECTOR_STARTS = {words[0] for _, words in CONNECTOR_WORDS}


def _ordinal_opens(tokens: list[Token], index: int) -> bool:
    """'10th Armoured Division', '1st Army': an ordinal opens the name after it."""
    token = tokens[index]
    return (
        token.text[:1].isdigit()
        and ORDINAL.fullmatch(token.text) is not None
        and index + 1 < len(tokens)
        and tokens[index + 1].capitalized
        and adjacent(token, tokens[index + 1])
    )


PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+s")  # "LGAs", "MPs", "T20Is": no names
# A weapon's model ends a name: "the Iraqi Air Force F-16 jets" (not "G-20", a group).
MODEL = re.compile(r"(?!G-?\d)[A-Z][A-Za-z]{0,3}-(?!(?:19|20)\d\d)\d{1,4}[A-Za-z]{0,3}")
ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _opens_known_name(tokens: list[Token], index: int) -> bool:
    """'The Hindu', 'Associated Press': a known name that opens with a function word."""
    if index + 1 >= len(tokens) or not adjacent(tokens[index], tokens[index + 1]):
        return False
    return f"{tokens[index].text} {tokens[index + 1].text}" in gz.KNOWN_ORGANIZATIONS


def _join_connector(tokens: list[Token], index: int, run: list[Token]):
    """Extend `run` over a connector at `index` when capitalised words follow it."""
    if index >= len(tokens) or tokens[index].text not in CONNECTOR_STARTS:
        return None  # the common case, decided at once
    for connector, words in CONNECTOR_WORDS:
        window = tokens[index : index + len(words)]
        if [t.text for t in window] != words:
            continue
        if not all(adjacent(a, b) for a, b in zip([run[-1], *window], window, strict=False)):
            return None
        after = index + len(words)
        if after >= len(tokens):
            return None
        follower = tokens[after]
        if not adjacent(window[-1], follower):
            return None
        allowed = follower.capitalized or (connector == "for" and follower.text.isdigit())
        if not allowed or follower.text in gz.NON_ENTITY_WORDS:
            return None
        tail_end = after
        while (
            tail_end + 1 < len(tokens)
            and tokens[tail_end + 1].capitalized
            and adjacent(tokens[tail_end], tokens[tail_end + 1])
            and not tokens[tail_end].possessive
        ):
            tail_end += 1
        tail = tokens[after : tail_end + 1]
        if connector == "and" and not _and_joins(run, tail):
            return None
        if connector == "in" and not tail[-1].text.endswith("Office"):
            return None
        if connector == "to" and run[-1].text not in ("Ambassador", "Envoy", "Representative"):
            return None  # "Ambassador to Japan", not "Chile to Peru"
        if connector.startswith("on") and run[-1].text not in gz.PROGRAM_HEADS:
            return None  # "Treaty on the Non-Proliferation ...", not "Chile on Monday"
        if connector in PARTICLES and connector != "de" and len(tail) > 2:
            return None  # 'da Silva', not 'da' before a run of Title Case
        run.extend(window)  # in place: a long chain of connectors is not copied each time
        run.extend(tail)
        return run, tail_end + 1
    return None


def _and_joins(left: list[Token], right: list[Token]) -> bool:
    """'Air and Air Defence Force' is one name; 'Armenia and Azerbaijan' is two, and so
    are two people with their posts."""
    if gz.type_from_head(left[-1].text):
        return False
    if any(t.text in gz.POSITION_HEADS or t.text in gz.given_names() for t in left[-NAME_WORDS:]):
        return False
    if len(left) <= NAME_WORDS and " ".join(t.text for t in left) in gz.country_by_surface():
        return False
    if " ".join(t.text for t in right) in gz.KNOWN_ORGANIZATIONS or any(
        " ".join(t.text for t in left[start:]) in gz.KNOWN_ORGANIZATIONS
        for start in range(max(0, len(left) - 3), len(left))
    ):
        return False  # "Northrop Grumman and General Dynamics": two known firms
    return gz.type_from_head(right[-1].text) is not None


def _chunk(run: list[Token]) -> Chunk:
    start, end = run[0].start, run[-1].end
    text = " ".join(token.text for token in run)
    return Chunk(run, text, start, end)
