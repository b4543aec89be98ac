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


def stretches(
    spans: Iterable[tuple[int, int]], before: int, after: int, size: int
) -> list[tuple[int, int]]:
    """Stretches of a text of `size` characters around `spans` (`before` characters before
    each, `after` after it), merged where they touch: where a few spans ask for a closer
    reading, only those parts of the text are read."""
    windows: list[tuple[int, int]] = []
    for span_start, span_end in sorted(spans):
        start, end = max(0, span_start - before), min(size, span_end + after)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows
