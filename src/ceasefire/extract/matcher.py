"""One pass of an Aho-Corasick automaton (pyahocorasick) finds every known term in a text.

Patterns come from the knowledge files, each tagged with what it names. A hit counts only at
word boundaries; before an Arabic term, attached proclitics (و ف ب ل ك ال) are allowed.
A pattern written with an initial capital (a proper name) only matches a capitalized word, so
"Turkey" the country is never "a turkey"; one in capitals ("US", "WHO") only matches
capitals. Where hits overlap, the longest wins; hits of the
same span but different kinds (a name that is both a place and an actor) are all kept.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from ceasefire import knowledge
from ceasefire.extract.normalize import Normalized, normalize, normalize_term


@dataclass(frozen=True, slots=True)
class Entry:
    """What a pattern names: its kind ("place", "actor", "term", ...) and a key into that table."""

    kind: str
    key: str
    case: str = "any"  # "any"; "initial": a capital first letter; "upper": all capitals


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    kind: str
    key: str
    text: str


class Matcher:
    """All patterns of all kinds in one automaton, searched in one pass."""

    def __init__(self, patterns: Iterable[tuple[str, Entry]]) -> None:
        grouped: dict[str, list[tuple[str, str, str]]] = {}
        for pattern, entry in patterns:
            term = normalize_term(pattern)
            value = (entry.kind, entry.key, entry.case)
            if term and value not in grouped.setdefault(term, []):
                grouped[term].append(value)
        # The automaton stores ints (it pickles fast); they index the terms' entries.
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._values: list[tuple[int, tuple[tuple[str, str, str], ...]]] = []
        for term, entries in grouped.items():
            self._automaton.add_word(term, len(self._values))
            self._values.append((len(term), tuple(entries)))
        self._automaton.make_automaton()
        self._proclitics = _proclitics()

    def find(
        self, text: str, kinds: frozenset[str] | None = None, resolve: bool = True
    ) -> list[Hit]:
        """Every hit in `text` in text order, overlaps resolved unless `resolve` is false."""
        norm = normalize(text)
        found: list[Hit] = []
        for end_index, value in self._automaton.iter(norm.text):
            length, entries = self._values[value]
            start_n, end_n = end_index - length + 1, end_index + 1
            if not self._bounded(norm, start_n, end_n):
                continue
            start, end = norm.original(start_n), norm.original(end_n - 1) + 1
            for kind, key, case in entries:
                if kinds is not None and kind not in kinds:
                    continue
                if not _case_fits(case, text[start:end]):
                    continue
                found.append(Hit(start, end, kind, key, text[start:end]))
        return resolve_overlaps(found) if resolve else found

    def _bounded(self, norm: Normalized, start: int, end: int) -> bool:
        string = norm.text
        if end < len(string) and string[end].isalnum():
            return False
        if start == 0 or not string[start - 1].isalnum():
            return True
        word_start = start - 1
        while word_start > 0 and string[word_start - 1].isalnum():
            word_start -= 1
        return _is_arabic(string[start]) and string[word_start:start] in self._proclitics


def case_of(pattern: str) -> str:
    """How a pattern's capitals constrain the text: "UN", "ISIS" only match capitals."""
    letters = [ch for ch in pattern if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return "upper"
    return "initial" if pattern[:1].isupper() else "any"


def _case_fits(case: str, span: str) -> bool:
    if case == "any":
        return True
    if case == "initial":
        return span[:1].isupper()
    return all(ch.isupper() for ch in span if ch.isalpha())


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


@cache
def _proclitics() -> frozenset[str]:
    return frozenset(normalize_term(p) for p in knowledge.load("arabic")["proclitics"])


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Drop hits overlapped by a longer one; keep same-span hits of every kind.

    Longest first, each hit is checked against its neighbours among the spans kept so far,
    which never overlap one another: O(n log n).
    """
    kept: list[Hit] = []
    starts: list[int] = []
    ends: list[int] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        at = bisect_left(starts, hit.start)
        same = at < len(starts) and starts[at] == hit.start and ends[at] == hit.end
        if not same and (
            (at > 0 and ends[at - 1] > hit.start) or (at < len(starts) and starts[at] < hit.end)
        ):
            continue
        kept.append(hit)
        if not same:
            starts.insert(at, hit.start)
            ends.insert(at, hit.end)
    return sorted(kept, key=lambda h: (h.start, h.end, h.kind))
