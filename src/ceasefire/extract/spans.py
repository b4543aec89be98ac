"""The words next to a span, for rules such as "a place after 'in'" or "a city before 'said'".

Context words are looked up here rather than matched by the automaton: they are short and
frequent ("in", "to", "من"), and reading the one or two words beside a candidate, by one
anchored match forwards in the text or backwards in the reversed text, is cheaper than
matching them everywhere.
"""

from __future__ import annotations

import re
from functools import cache

from ceasefire.extract.normalize import fold, normalize_term

_WORD_MARKS = "'’-"  # besides letters, digits and "_" (\w), what a word may hold
_TOKEN_CHARS = rf"[\w{_WORD_MARKS}]"
# A word and the spaces before it, read forwards from a span's end or, in the reversed text,
# backwards from its start: one anchored match finds the word next to a span.
_SPACED_WORD = re.compile(rf"(\s*)({_TOKEN_CHARS}+)")
# the next word, whatever stands between
_NEXT_WORD = re.compile(rf"[^\w{_WORD_MARKS}]*({_TOKEN_CHARS}+)")
_WORD_PART = re.compile(rf"{_TOKEN_CHARS}+")
_MAX_SKIPPED = 2
# two word characters in a row: a word runs across the offset between them, as is asked of
# every candidate (one anchored match)
_TWO_WORD_CHARS = re.compile(rf"{_TOKEN_CHARS}{{2}}")


class Tokens:
    """The words of a text around any offset, read on demand: no index of every word is
    built, since only the one or two words beside a few hundred candidates are ever read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._reversed = text[::-1]
        self._folded = fold(text)  # one pass for the whole text when it can keep its length

    def _word(self, start: int, end: int) -> str:
        """The normalized form of the word at text[start:end]."""
        if self._folded is not None:
            return self._folded[start:end]
        return normalize_term(self.text[start:end])

    def before(
        self, start: int, words: frozenset[str], skippable: frozenset[str] = frozenset()
    ) -> bool:
        """Is one of `words` right before `start`, across spaces and up to two `skippable`
        words? One- and two-word cues count ("from", "out of"), and so does an attached Arabic
        proclitic ("بحلب": "ب" before "حلب")."""
        text, reversed_text, folded = self.text, self._reversed, self._folded
        size = len(text)
        if 0 < start < size and _TWO_WORD_CHARS.match(text, start - 1):  # inside a word
            part = _WORD_PART.match(reversed_text, size - start)
            return part is not None and normalize_term(text[size - part.end() : start]) in words
        tails = _pair_ends(words)[1]
        position = start
        for _ in range(_MAX_SKIPPED + 1):
            match = _SPACED_WORD.match(reversed_text, size - position)
            if match is None:  # no word, or something other than spaces in between
                return False
            word_start, word_end = size - match.end(2), size - match.start(2)
            if folded is not None:  # `_word`, written out: this is asked of every candidate
                word = folded[word_start:word_end]
            else:
                word = normalize_term(text[word_start:word_end])
            if word in words:
                return True
            if word in tails:
                previous = _NEXT_WORD.match(reversed_text, match.end(2))
                if previous is not None:
                    first = self._word(size - previous.end(1), size - previous.start(1))
                    if f"{first} {word}" in words:
                        return True
            if word[:1] in _CONJUNCTIONS and _without_conjunction(word) in words:
                return True
            if word not in skippable:
                return False
            position = word_start
        return False

    def after(self, end: int, words: frozenset[str]) -> bool:
        """Is one of `words` (one or two words long) right after `end`, across spaces only?
        The rest of a word the span ends inside counts too ("Damascus’s": "’s")."""
        text = self.text
        if 0 < end < len(text) and _TWO_WORD_CHARS.match(text, end - 1):  # inside a word
            rest = _WORD_PART.match(text, end)
            return rest is not None and normalize_term(rest.group()) in words
        match = _SPACED_WORD.match(text, end)
        if match is None:
            return False
        word = self._word(match.start(2), match.end(2))
        if word in words:
            return True
        if word not in _pair_ends(words)[0]:
            return False
        following = _NEXT_WORD.match(text, match.end(2))
        return (
            following is not None
            and f"{word} {self._word(following.start(1), following.end(1))}" in words
        )


def _in_word(char: str) -> bool:
    """Is `char` one of `_TOKEN_CHARS` (\\w is what `str.isalnum` accepts, and "_")?"""
    return char.isalnum() or char == "_" or char in _WORD_MARKS


@cache
def _pair_ends(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """What stands before and after each space of the cues of several words ("out of":
    "out", "of"; "north west of": also "north west", "west of"): one word joined to the next
    by a space makes such a cue only if it is one of these. A pair of words is built only
    then (most cue lists have no such cue, and most words read begin or end none). Words
    read may hold spaces themselves (a hyphen normalizes to one), hence every split."""
    heads, tails = set(), set()
    for cue in words:
        for index, char in enumerate(cue):
            if char == " ":
                heads.add(cue[:index])
                tails.add(cue[index + 1 :])
    return frozenset(heads), frozenset(tails)


_CONJUNCTIONS = frozenset("وف")


def _without_conjunction(word: str) -> str:
    """ "وإلى" is "إلى": drop an Arabic conjunction prefix."""
    return word[1:] if len(word) > 2 and word[0] in _CONJUNCTIONS else word
