"""Text helpers shared by the seed loader and the extraction pipeline: quotes, slugs, titles.

Offsets are Python `str` indices (Unicode code points): `text[start:end] == quote`.
"""

import re
import unicodedata


class QuoteError(ValueError):
    """A quote that cannot be pinned to exactly one place in the text."""


def find_all(text: str, needle: str, *, whole_word: bool = False) -> list[int]:
    """Start offsets of every (optionally whole-word) occurrence of `needle` in `text`."""
    if not needle:
        raise QuoteError("an empty quote matches everywhere")
    if whole_word:
        pattern = rf"(?<!\w){re.escape(needle)}(?!\w)"
        return [match.start() for match in re.finditer(pattern, text)]
    starts, position = [], text.find(needle)
    while position != -1:
        starts.append(position)
        position = text.find(needle, position + 1)
    return starts


def locate_quote(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """(start, end) of `quote` in `text`.

    Without `occurrence` the quote must occur exactly once; with it (1-based) the
    quote must occur at least that many times. Anything else raises QuoteError,
    so an annotation never silently points at the wrong span.
    """
    starts = find_all(text, quote)
    if not starts:
        raise QuoteError(f"quote not found in the text: {quote!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise QuoteError(
                f"quote occurs {len(starts)} times, give more context or an occurrence: {quote!r}"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise QuoteError(f"quote occurs {len(starts)} times, not {occurrence}: {quote!r}")
    start = starts[occurrence - 1]
    return start, start + len(quote)


def slugify(value: str, *, max_length: int = 80) -> str:
    """A lowercase ASCII slug; never empty and never all digits (digits mean an id)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    if not slug or slug.isdigit():
        slug = f"n-{slug}" if slug else "untitled"
    return slug


# What shows nothing: whitespace (as str.isspace() has it) and the zero-width characters
# (U+200B-U+200D, U+2060, U+FEFF), as a character class in escapes that Python's and
# ECMAScript's regexes read alike (`\s` differs between dialects).
BLANK = r"\t-\r\x1c- \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
LEADING_BLANKS = re.compile(f"[{BLANK}]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def first_sentence(text: str, *, max_length: int = 200) -> str:
    """The first sentence of `text`, whitespace-normalised, as a fallback headline."""
    # Only the opening is read: what lies beyond max_length is cut anyway.
    start = LEADING_BLANKS.match(text).end()
    body = " ".join(text[start : start + max_length * 4].split())
    match = _SENTENCE_END.search(body)
    return _shortened(body[: match.start()] if match else body, max_length)


def _shortened(sentence: str, max_length: int) -> str:
    if len(sentence) > max_length:
        sentence = sentence[:max_length].rsplit(" ", 1)[0] + "…"
    return sentence


_FIRST_LINE = re.compile(r"\s*(?P<line>[^\n]*+)\n(?P<gap>\s*)(?P<next>\S?)")
_LINE_GOES_ON = (".", "!", "?", '"', "”", ",", ";", ":", "-", "–")


def title_of(text: str, *, max_length: int = 200) -> str:
    """The headline when the text opens with one, else the first sentence.

    A headline is a first line that does not end like a sentence or a clause, followed
    by a blank line, or by a line break and a line that starts with a capital or digit.
    """
    found = _FIRST_LINE.match(text, LEADING_BLANKS.match(text).end())
    if found is not None and found.group("next"):
        line = " ".join(found.group("line").split())
        blank = "\n" in found.group("gap")
        starts_anew = found.group("next")[0].isupper() or found.group("next")[0].isdigit()
        if line and not line.endswith(_LINE_GOES_ON) and (blank or starts_anew):
            return _shortened(line, max_length)
    return first_sentence(text, max_length=max_length)
