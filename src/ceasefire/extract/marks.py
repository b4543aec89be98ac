"""Where in a text the terms written with punctuation may stand ("u.s. air force", "st. paul",
"ma'arrat"): around the marks they hold, so that their automaton reads those stretches of a
text, not all of it.

Each term is anchored at its first mark, and the letters and digits written right before
that mark in the term (its stem: "s" in "u.s.", "st" in "st. paul", "" in "halle (saale)"
before the bracket) must stand right before the same mark in the text: a term matches only
at word boundaries, so the text's run of letters before the mark is the stem exactly. Most
full stops and commas of news follow other words, and no stretch is read around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple


class MarkSites(NamedTuple):
    """The anchors of a set of terms (a tuple: the lexicon cache pickles it)."""

    marks: re.Pattern[str] | None  # the anchoring marks; None when no term holds one
    stems: dict[str, frozenset[str]]  # mark -> the stems written right before it
    longest: int  # the longest stem
    before: int  # a term begins at most this many characters before its anchor
    after: int  # and ends at most this many after it


def mark_sites(terms: Iterable[str], is_mark: Callable[[str], bool]) -> MarkSites:
    """The anchors of `terms` (normalized), each at its first character that `is_mark`;
    every term must hold one."""
    stems: dict[str, set[str]] = {}
    before = after = 0
    for term in terms:
        index = next(i for i, ch in enumerate(term) if is_mark(ch))
        stems.setdefault(term[index], set()).add(term[_stem_start(term, index, index) : index])
        before, after = max(before, index), max(after, len(term) - index)
    marks = re.compile(f"[{re.escape(''.join(sorted(stems)))}]") if stems else None
    return MarkSites(
        marks,
        {mark: frozenset(found) for mark, found in stems.items()},
        max((len(s) for found in stems.values() for s in found), default=0),
        before,
        after,
    )


def _stem_start(string: str, index: int, longest: int) -> int:
    """Where the letters and digits right before `index` begin; -1 when there are more than
    `longest` of them."""
    start = index
    while start > 0 and string[start - 1].isalnum():
        start -= 1
        if index - start > longest:
            return -1
    return start


def stretches(sites: MarkSites, string: str) -> list[tuple[int, int]]:
    """The stretches of `string` where one of the terms may stand: around each anchoring
    mark written after one of its stems, merged where they touch."""
    if sites.marks is None:
        return []
    found: list[tuple[int, int]] = []
    size = len(string)
    for match in sites.marks.finditer(string):
        at = match.start()
        stem = _stem_start(string, at, sites.longest)
        if stem < 0 or string[stem:at] not in sites.stems[match.group()]:
            continue
        start, end = max(0, at - sites.before), min(size, at + sites.after)
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    return found
