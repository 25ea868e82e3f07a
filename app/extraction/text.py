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


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def first_sentence(text: str, *, max_length: int = 200) -> str:
    """The first sentence of `text`, whitespace-normalised, as a fallback headline."""
    body = " ".join(text.split())
    match = _SENTENCE_END.search(body)
    sentence = body[: match.start()] if match else body
    if len(sentence) > max_length:
        sentence = sentence[:max_length].rsplit(" ", 1)[0] + "…"
    return sentence
