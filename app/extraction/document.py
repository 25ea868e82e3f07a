"""Sentences and word tokens with their offsets in the article text."""

import re
from dataclasses import dataclass

ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Maj", "Capt", "Adm", "Sgt", "St",
                 "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                 "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp", "U.S", "U.K", "e.g", "i.e"}  # fmt: skip
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n\s*\n")
# Words (with inner hyphens and apostrophes), numbers with separators, or one symbol.
TOKEN = re.compile(r"[^\W_](?:[\w]|[-’'.,](?=[^\W_]))*|[^\w\s]", re.UNICODE)
# "NATO-led", "Moscow-based": the name is the part before the hyphen.
NAME_SUFFIX = re.compile(
    r"-(?:led|based|backed|funded|owned|run|made|style|era|related|brokered|built|era)$"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
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
        previous_word = re.search(r"([\w.]+)[.!?]?$", text[start : match.start() + 1])
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
        word, start, end = match.group(0), match.start() + offset, match.end() + offset
        word = word.rstrip(".,")
        end = start + len(word)
        suffix = NAME_SUFFIX.search(word)
        if suffix and word[:1].isupper():
            word, end = word[: suffix.start()], start + suffix.start()
        if word.endswith(("’s", "'s")) and len(word) > 2:
            tokens.append(Token(word[:-2], start, end - 2, possessive=True))
            continue
        if word:
            tokens.append(Token(word, start, end))
    return tokens
