"""Sorted lookups over spans (mentions, periods): which lie inside a stretch of text,
which contain one. Binary search instead of scans, so rules stay linear; no imports.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, Protocol, TypeVar


class HasSpan(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=HasSpan)


class SpanIndex(Generic[S]):
    """Spans sorted by (start, -end): the order a reader meets them, longest first."""

    def __init__(self, spans: Iterable[S]) -> None:
        self.items: list[S] = sorted(spans, key=lambda span: (span.start, -span.end))
        self.starts = [span.start for span in self.items]
        # The furthest end among items[: i + 1] (accumulate: one C loop, built per sentence).
        self._reach: list[int] = list(accumulate((span.end for span in self.items), max))

    def __len__(self) -> int:
        return len(self.items)

    def within(self, start: int, end: int) -> list[S]:
        """Spans inside [start, end), in index order."""
        low, high = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [span for span in self.items[low:high] if span.end <= end]

    def first_within(self, start: int, end: int, keep=None, skips: int = 8) -> S | None:
        """The first span inside [start, end) in index order (that `keep` keeps, passing at
        most `skips` it does not), read without listing the rest (a claim takes its first
        period: listing them all made a long sentence quadratic)."""
        for at in range(bisect_left(self.starts, start), bisect_left(self.starts, end)):
            if self.items[at].end <= end:
                if keep is None or keep(self.items[at]):
                    return self.items[at]
                skips -= 1
                if skips < 0:
                    return None
        return None

    def from_position(self, start: int) -> int:
        """Index of the first span starting at or after `start`."""
        return bisect_left(self.starts, start)

    def before(self, start: int) -> int:
        """How many spans start before `start`."""
        return bisect_left(self.starts, start)

    def covers(self, start: int, end: int) -> bool:
        """Some span contains [start, end)."""
        count = bisect_right(self.starts, start)
        return bool(count) and self._reach[count - 1] >= end

    def starting_at(self, start: int) -> list[S]:
        low, high = bisect_left(self.starts, start), bisect_right(self.starts, start)
        return self.items[low:high]
