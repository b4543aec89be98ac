"""The words next to a span, for rules such as "a place after 'in'" or "a city before 'said'".

Context words are looked up here rather than matched by the automaton: they are short and
frequent ("in", "to", "من"), and checking the one or two words beside a candidate, in a token
index built once per document, is cheaper than matching them everywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ceasefire.extract.normalize import fold, normalize_term

_TOKEN = re.compile(r"[\w'’-]+")
_MAX_SKIPPED = 2


class Tokens:
    """The words of a text: where each starts and ends, and its normalized form."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [match.span() for match in _TOKEN.finditer(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self._folded = fold(text)  # one pass for the whole text when it can keep its length

    def word(self, index: int) -> str:
        """The normalized form of word `index`."""
        start, end = self.starts[index], self.ends[index]
        if self._folded is not None:
            return self._folded[start:end]
        return normalize_term(self.text[start:end])

    def before(
        self, start: int, words: frozenset[str], skippable: frozenset[str] = frozenset()
    ) -> bool:
        """Is one of `words` right before `start`, across spaces and up to two `skippable`
        words? One- and two-word cues count ("from", "out of"), and so does an attached Arabic
        proclitic ("بحلب": "ب" before "حلب")."""
        index = bisect_left(self.starts, start) - 1
        if index >= 0 and self.ends[index] > start:  # the span starts inside a word
            return normalize_term(self.text[self.starts[index] : start]) in words
        position, text, ends = start, self.text, self.ends
        pairs = _has_pairs(words)
        for _ in range(_MAX_SKIPPED + 1):
            if index < 0:
                return False
            end = ends[index]
            if end != position and text[end:position].strip():
                return False
            word = self.word(index)
            if word in words:
                return True
            if pairs and index > 0 and f"{self.word(index - 1)} {word}" in words:
                return True
            if word[:1] in _CONJUNCTIONS and _without_conjunction(word) in words:
                return True
            if word not in skippable:
                return False
            position = self.starts[index]
            index -= 1
        return False

    def after(self, end: int, words: frozenset[str]) -> bool:
        """Is one of `words` (one or two words long) right after `end`, across spaces only?
        The rest of a word the span ends inside counts too ("Damascus’s": "’s")."""
        index = bisect_left(self.starts, end)
        if index > 0 and self.ends[index - 1] > end:
            return normalize_term(self.text[end : self.ends[index - 1]]) in words
        if index >= len(self.starts) or self.text[end : self.starts[index]].strip():
            return False
        word = self.word(index)
        if word in words:
            return True
        return (
            _has_pairs(words)
            and index + 1 < len(self.starts)
            and f"{word} {self.word(index + 1)}" in words
        )


@cache
def _has_pairs(words: frozenset[str]) -> bool:
    """Does the cue list hold two-word cues ("out of")? Most do not: their pairs go unbuilt."""
    return any(" " in w for w in words)


_CONJUNCTIONS = frozenset("وف")


def _without_conjunction(word: str) -> str:
    """ "وإلى" is "إلى": drop an Arabic conjunction prefix."""
    return word[1:] if len(word) > 2 and word[0] in _CONJUNCTIONS else word
