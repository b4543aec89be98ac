"""Spans indexed once so that "does one of them cover this offset / this span?" takes a
binary search, not a scan of every span: checking each of n mentions against n spans would
make extraction time grow with the square of a text's length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Covering:
    """Spans (start, end) sorted by start, with the furthest end reached by any span that
    starts at or before each of them: a span starting at or before `offset` covers it exactly
    when that furthest end lies past it."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def _furthest(self, offset: int) -> int | None:
        """The furthest end of the spans that start at or before `offset`, if any do."""
        index = bisect_right(self._starts, offset) - 1
        return self._reach[index] if index >= 0 else None

    def holds(self, offset: int) -> bool:
        """Does a span hold character `offset` (start <= offset < end)?"""
        furthest = self._furthest(offset)
        return furthest is not None and furthest > offset

    def covers(self, start: int, end: int) -> bool:
        """Does a span contain start..end (its start <= start and end <= its end)?"""
        furthest = self._furthest(start)
        return furthest is not None and furthest >= end
