"""One pass of an Aho-Corasick automaton (pyahocorasick) finds every known term in a text.

Patterns come from the knowledge files, each tagged with what it names. A hit counts only at
word boundaries; before an Arabic term, attached proclitics (و ف ب ل ك ال) are allowed.
A pattern written with an initial capital (a proper name) only matches a capitalized word, so
"Turkey" the country is never "a turkey"; one in capitals ("US", "WHO") only matches
capitals. Where hits overlap, the longest wins; hits of the
same span but different kinds (a name that is both a place and an actor) are all kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import ahocorasick

from ceasefire import knowledge
from ceasefire.extract.normalize import Normalized, normalize, normalize_term


@dataclass(frozen=True, slots=True)
class Entry:
    """What a pattern names: its kind ("place", "actor", "term", ...) and a key into that table."""

    kind: str
    key: str
    case: str = "any"  # "any"; "initial": a capital first letter; "upper": all capitals


class Hit(NamedTuple):
    start: int
    end: int
    kind: str
    key: str
    text: str


class Matcher:
    """All patterns of all kinds in one automaton, searched in one pass."""

    def __init__(self, patterns: Iterable[tuple[str, Entry]]) -> None:
        # Two automatons: one-word names that must be capitalized ("Aleppo", "UN") are matched
        # in the text as written, where they cannot match inside lowercase words ("under");
        # everything else in the lowercased text. They store ints, indexes into the entries
        # (an int automaton pickles fast).
        lowered: dict[str, list[tuple[str, str, str]]] = {}
        cased: dict[str, list[tuple[str, str, str]]] = {}
        for pattern, entry in patterns:
            value = (entry.kind, entry.key, entry.case)
            if entry.case != "any" and pattern.isalpha():
                term = normalize_term(pattern)
                term = term.upper() if entry.case == "upper" else term[:1].upper() + term[1:]
                table = cased
            else:
                term, table = normalize_term(pattern), lowered
            if term and value not in table.setdefault(term, []):
                table[term].append(value)
        self._values: list[tuple[int, tuple[tuple[str, str, str], ...]]] = []
        self._lowered = self._compile(lowered)
        self._cased = self._compile(cased)
        self._proclitics = _proclitics()

    def _compile(self, table: dict[str, list[tuple[str, str, str]]]) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for term, entries in table.items():
            automaton.add_word(term, len(self._values))
            self._values.append((len(term), tuple(entries)))
        automaton.make_automaton()
        return automaton

    def find(
        self, text: str, kinds: frozenset[str] | None = None, resolve: bool = True
    ) -> list[Hit]:
        """Every hit in `text` in text order, overlaps resolved unless `resolve` is false."""
        found: list[Hit] = []
        for automaton, norm in (
            (self._lowered, normalize(text)),
            (self._cased, normalize(text, lower=False)),
        ):
            self._collect(automaton, norm, text, kinds, found)
        return resolve_overlaps(found) if resolve else found

    def _collect(
        self,
        automaton: ahocorasick.Automaton,
        norm: Normalized,
        text: str,
        kinds: frozenset[str] | None,
        found: list[Hit],
    ) -> None:
        string, values, size = norm.text, self._values, len(norm.text)
        for end_index, value in automaton.iter(string):
            length, entries = values[value]
            end_n = end_index + 1
            if end_n < size and string[end_n].isalnum():  # inside a longer word: the usual case
                continue
            start_n = end_n - length
            if (
                start_n
                and string[start_n - 1].isalnum()
                and not self._after_proclitic(string, start_n)
            ):
                continue
            if norm.offsets is None:
                start, end = start_n, end_n
            else:
                start, end = norm.original(start_n), norm.original(end_index) + 1
            span = text[start:end]
            for kind, key, case in entries:
                if (kinds is None or kind in kinds) and (case == "any" or _case_fits(case, span)):
                    found.append(Hit(start, end, kind, key, span))

    def _after_proclitic(self, string: str, start: int) -> bool:
        """Does an Arabic word start at `start` behind attached proclitics ("وبحلب")?"""
        if not _is_arabic(string[start]):
            return False
        word_start = start - 1
        while word_start > 0 and string[word_start - 1].isalnum():
            word_start -= 1
        return string[word_start:start] in self._proclitics


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

    Hits are swept in text order into clusters of overlapping spans; most clusters hold one
    span and are kept as they are, the others are settled longest first.
    """
    ordered = sorted(hits, key=lambda h: (h.start, -h.end, h.kind))
    kept: list[Hit] = []
    cluster: list[Hit] = []
    reach = -1
    for hit in ordered:
        if cluster and hit.start >= reach:
            kept += cluster if len(cluster) == 1 else _settle(cluster)
            cluster = []
        cluster.append(hit)
        reach = max(reach, hit.end) if len(cluster) > 1 else hit.end
    kept += _settle(cluster)
    return sorted(kept, key=lambda h: (h.start, h.end, h.kind))


def _settle(cluster: list[Hit]) -> list[Hit]:
    """Longest first, a hit stays unless it overlaps a kept hit of another span."""
    if len({(h.start, h.end) for h in cluster}) == 1:
        return cluster
    kept: list[Hit] = []
    for hit in sorted(cluster, key=lambda h: (h.start - h.end, h.start)):
        if all(
            (k.start, k.end) == (hit.start, hit.end) or k.end <= hit.start or hit.end <= k.start
            for k in kept
        ):
            kept.append(hit)
    return kept
