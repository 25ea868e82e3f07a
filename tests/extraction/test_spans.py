"""Sorted span lookups (app.extraction.spans): what lies inside a stretch of text."""

from dataclasses import dataclass

from app.extraction.spans import SpanIndex


@dataclass
class Span:
    start: int
    end: int


def test_the_first_span_inside_a_stretch_is_the_first_that_ends_inside_it():
    index = SpanIndex([Span(12, 15), Span(3, 30), Span(5, 8), Span(3, 4)])
    assert index.within(3, 20) == [Span(3, 4), Span(5, 8), Span(12, 15)]
    assert index.first_within(3, 20) == Span(3, 4)  # (3, 30) starts first but ends outside
    assert index.first_within(6, 20) == Span(12, 15)
    assert index.first_within(13, 20) is None
    assert index.first_within(0, 0) is None
