"""Small span helpers shared by the extractors."""

from __future__ import annotations

_MAX_SKIPPED = 2


def follows(text: str, start: int, ends: set[int], skippable: frozenset[str] = frozenset()) -> bool:
    """Is `start` right after one of `ends`, across spaces and up to two `skippable` words
    ("from the eastern Aleppo" still has "from" before "Aleppo")?"""
    before = text[:start].rstrip(" ")
    for _ in range(_MAX_SKIPPED + 1):
        if len(before) in ends:
            return True
        head, _, word = before.rpartition(" ")
        if word.lower() not in skippable:
            return False
        before = head.rstrip(" ")
    return False


def precedes(text: str, end: int, starts: set[int]) -> bool:
    """Does one of `starts` come right after `end`, across spaces only?"""
    rest = text[end:]
    return end + len(rest) - len(rest.lstrip(" ")) in starts
