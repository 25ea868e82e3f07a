"""The article's marked-up text: every character escaped, overlapping spans cut into
segments, each fact's passage recoverable from its segments, in linear time."""

import re
import time
from html import unescape

from app.web.marking import Span, in_context, marked_text

SEGMENT = re.compile(r'<(mark|span) class="seg[^"]*"([^>]*)>(.*?)</\1>', re.S)


def passage(html: str, fact_id: int) -> str:
    """The text of the fact's segments, in order, as a browser would read it."""
    return "".join(
        unescape(text)
        for _, attrs, text in SEGMENT.findall(html)
        if re.search(rf'data-f="(?:[^"]* )?{fact_id}(?: [^"]*)?"', attrs)
    )


def plain(html: str) -> str:
    without_backrefs = re.sub(r'<a class="backref"[^>]*>\d+</a>', "", html)
    return unescape(re.sub(r"<[^>]+>", "", without_backrefs))


def test_overlapping_and_nested_spans_each_keep_their_text():
    text = "Alpha beta gamma delta epsilon."
    spans = [Span(0, 16, "fact", 1), Span(6, 22, "fact", 2), Span(6, 10, "entity", 7),
             Span(11, 16, "fact", 3), Span(0, 16, "fact", 4)]  # fmt: skip
    html = marked_text(text, spans)
    assert plain(html) == text
    for span in spans:
        if span.kind == "fact":
            assert passage(html, span.key) == text[span.start : span.end]
    assert html.count('id="passage-1"') == 1 and html.count('id="passage-4"') == 1
    assert 'data-e="7"' in html and 'href="#fact-2"' in html


def test_hostile_text_is_escaped():
    text = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    html = marked_text(text, [Span(0, 8, "fact", 1), Span(30, 35, "entity", 2)])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert plain(html) == text


def test_spans_out_of_range_or_empty_mark_nothing():
    text = "Short."
    spans = [Span(3, 3, "fact", 1), Span(4, 99, "fact", 2), Span(-5, 2, "entity", 3)]
    html = marked_text(text, spans)
    assert plain(html) == text
    assert passage(html, 2) == "t."
    assert 'data-f="1"' not in html


def test_marking_is_linear_in_the_text():
    def seconds(size: int) -> float:
        text = "word " * size
        spans = [Span(i, i + 40, "fact", i) for i in range(0, len(text) - 40, 50)]
        spans += [Span(i, i + 4, "entity", i) for i in range(0, len(text) - 4, 25)]
        started = time.perf_counter()
        marked_text(text, spans)
        return time.perf_counter() - started

    small, large = seconds(20_000), seconds(80_000)
    assert large < small * 4 * 2.5  # four times the text: about four times the time


def test_context_is_a_window_around_the_quote():
    text = "a" * 500 + "QUOTE" + "b" * 500
    found = in_context(text, 500, 505, width=100)
    assert found.quote == "QUOTE" and found.before == "a" * 100 and found.after == "b" * 100
    assert found.clipped_before and found.clipped_after
    assert not in_context("QUOTE", 0, 5).clipped_before


def test_deeply_nested_spans_keep_the_page_linear():
    # Found in review: every segment listed every fact covering it, so n nested quotes
    # made n² ids (4,000 of them: 76 MB of HTML). A segment now names at most MAX_IDS.
    def size(nested: int) -> int:
        text = "word " * (2 * nested + 10)
        spans = [Span(5 * i, len(text) - 5 * i, "fact", i + 1) for i in range(nested)]
        return len(marked_text(text, spans))

    small, large = size(250), size(2000)
    assert large < 10 * small  # 8 times the spans: about 8 times the page, not 64
