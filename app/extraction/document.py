"""Sentences and word tokens with their offsets in the article text."""

import re
from dataclasses import dataclass
from typing import NamedTuple

ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Maj", "Capt", "Adm", "Sgt", "St",
                 "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                 "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp", "U.S", "U.K", "e.g", "i.e"}  # fmt: skip
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n\s*\n")
LAST_WORD = re.compile(r"([\w.]+)[.!?]?$")
# Words with inner hyphens and apostrophes, numbers with separators; punctuation is skipped
# (names are joined only across single spaces, so offsets alone tell where it was).
TOKEN = re.compile(r"[^\W_]+(?:[-’'.,][^\W_]+)*")
# "NATO-led", "Moscow-based": the name is the part before the hyphen.
NAME_SUFFIX = re.compile(
    r"-(?:led|based|backed|funded|owned|run|made|style|era|related|brokered|built|era)$"
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
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        letters = self.text.replace("-", "")
        return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def split_sentences(text: str) -> list[Sentence]:
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.end() if match.group(0)[0] in ".!?" else match.start()
        previous_word = LAST_WORD.search(text, max(start, match.start() - 12), match.start() + 1)
        if previous_word and previous_word.group(1).rstrip(".") in ABBREVIATIONS:
            continue
        sentences.append(_sentence(text, start, end))
        start = match.end()
    sentences.append(_sentence(text, start, len(text)))
    return [sentence for sentence in sentences if sentence.text]


def _sentence(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of `text`, offsets shifted by `offset`; possessives split off the name."""
    tokens = []
    for match in TOKEN.finditer(text):
        word = match.group(0)
        start = match.start() + offset
        if word[0].isupper() and "-" in word and (suffix := NAME_SUFFIX.search(word)):
            word = word[: suffix.start()]
        if word.endswith(("’s", "'s")) and len(word) > 2:
            tokens.append(Token(word[:-2], start, start + len(word) - 2, True))
        else:
            tokens.append(Token(word, start, start + len(word)))
    return tokens
