"""An article's text as HTML with its facts' evidence and its entity mentions highlighted,
built from the offsets; every character of the text is escaped. Imports no web framework.

Spans may overlap (two facts quoting one sentence, a mention inside a quote), so the text
is cut at every span's start and end into segments, each marked with the spans covering
it: one pass over the sorted boundaries, linear in the text's length plus the spans'.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import islice, pairwise

from markupsafe import Markup, escape

MAX_IDS = 16


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "fact" or "entity"
    key: int


def segments(length: int, spans: list[Span]):
    """(start, end, facts covering it, entities covering it, facts starting, facts ending),
    for every segment of [0, length) between consecutive span boundaries. A segment names
    at most MAX_IDS of the spans covering it, so that spans nested a thousand deep (which
    no page could show apart anyway) keep the page linear in size and time."""
    opening: dict[int, list[Span]] = defaultdict(list)
    closing: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:  # an empty or out-of-range span marks nothing
            opening[start].append(span)
            closing[end].append(span)
    bounds = sorted({0, length, *opening, *closing})
    # The spans covering the current segment, by kind, key -> how many times (a span given
    # twice counts twice); a key leaves as its count falls to 0, so no pass looks for it.
    active: dict[str, dict[int, int]] = {"fact": {}, "entity": {}}
    for start, end in pairwise(bounds):
        for span in closing.get(start, ()):
            covering = active[span.kind]
            covering[span.key] -= 1
            if not covering[span.key]:
                del covering[span.key]
        for span in opening.get(start, ()):
            covering = active[span.kind]
            covering[span.key] = covering.get(span.key, 0) + 1
        yield (
            start,
            end,
            sorted(islice(active["fact"], MAX_IDS)),
            sorted(islice(active["entity"], MAX_IDS)),
            sorted({s.key for s in opening.get(start, ()) if s.kind == "fact"}),
            sorted({s.key for s in closing.get(end, ()) if s.kind == "fact"}),
        )


def marked_text(text: str, spans: list[Span]) -> Markup:
    """The text with each segment in a `<mark>` (evidence) or `<span>` (a mention only);
    a fact's first segment is its passage's anchor (`passage-ID`), and a link back to the
    fact follows its last."""
    out: list[str] = []
    for start, end, facts, entities, starting, ending in segments(len(text), spans):
        piece = str(escape(text[start:end]))
        for fact_id in starting[1:]:  # one id per element: the others get an anchor of their own
            out.append(f'<span class="anchor" id="passage-{fact_id}" tabindex="-1"></span>')
        if facts or entities:
            tag = "mark" if facts else "span"
            classes = " ".join(c for c, on in (("ev", facts), ("men", entities)) if on)
            attrs = [f'class="seg {classes}"']
            if facts:
                attrs.append(f'data-f="{" ".join(map(str, facts))}"')
            if entities:
                attrs.append(f'data-e="{" ".join(map(str, entities))}"')
            if starting:
                attrs.append(f'id="passage-{starting[0]}" tabindex="-1"')
            out.append(f"<{tag} {' '.join(attrs)}>{piece}</{tag}>")
        else:
            out.append(piece)
        for fact_id in ending:
            out.append(
                f'<a class="backref" href="#fact-{fact_id}" data-back="{fact_id}" '
                f'aria-label="Back to fact {fact_id}">{fact_id}</a>'
            )
    return Markup("".join(out))


@dataclass(frozen=True)
class Context:
    before: str
    quote: str
    after: str
    clipped_before: bool
    clipped_after: bool


def in_context(text: str, start: int, end: int, width: int = 300) -> Context:
    """The quote text[start:end] with up to `width` characters either side."""
    first, last = max(0, start - width), min(len(text), end + width)
    return Context(text[first:start], text[start:end], text[end:last], first > 0, last < len(text))
