"""Patterns behind a gate: a pattern that cannot match without one of a few literal words
runs only on text that holds one. Imports nothing of the package.

Most sentences hold none of a rule's words, and an `in` test (or one scan for literals)
is many times cheaper than a regex scan that fails at every offset. Every match the
pattern can make must hold one of the words. A case-blind pattern is gated on the
lower-cased text, with "ı" and "ſ" read as "i" and "s" (the engine matches them so) and
no combining dot ("İ" lowers to "i" and a dot; the engine reads it as "i"). A gate reads
the whole text: only patterns searched a bounded number of times per sentence are gated
(one searched in window after window of a sentence would cost quadratic time).
"""

import re
import sys
from collections.abc import Iterator
from functools import lru_cache


class Gated:
    """`pattern`, run only when the text holds one of the "|"-separated `words`, or a match
    of the `gate` pattern (anywhere in it: a word outside [pos, endpos) lets through no
    more than the plain pattern finds)."""

    __slots__ = ("gate", "lower", "pattern", "words")

    def __init__(self, gate: str | re.Pattern, pattern: re.Pattern, *, fold: bool = False) -> None:
        """`fold`: test lower-case words on the lower-cased text (a case-sensitive pattern
        of many capitalised cues is gated by one word per cue)."""
        self.gate = gate if isinstance(gate, re.Pattern) else None
        self.words = () if self.gate else tuple(gate.split("|"))
        self.pattern, self.lower = pattern, fold or bool(pattern.flags & re.IGNORECASE)

    def opens(self, text: str) -> bool:
        if self.lower:
            text = fold(text)
        if self.gate is not None:
            return self.gate.search(text) is not None
        return holds_any(text, self.words)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.pattern.search(text, pos, endpos) if self.opens(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.pattern.match(text, pos, endpos) if self.opens(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        return self.pattern.finditer(text, pos, endpos) if self.opens(text) else iter(())


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words`: a pattern of literal alternatives, tested for a
    match only, costs several times as much."""
    for word in words:  # noqa: SIM110 (a loop: any() sets up a generator per call)
        if word in text:
            return True
    return False


@lru_cache(maxsize=8)  # the sentence being read: lowered once, not once per gate
def fold(text: str) -> str:
    """`text` lower-cased so that a case-blind pattern's lower-case words are in it
    wherever the pattern matches them."""
    folded = text.lower()
    if text.isascii():  # O(1); the replacements only for the rare other text
        return folded
    return folded.replace("ı", "i").replace("ſ", "s").replace("\u0307", "")
