"""Sentence spans: the unit of evidence, and the window in which words are related.

A sentence ends at . ! ? ؟ or a paragraph break, except after an initial or a known
abbreviation ("U.S.", "Dr.", "Jan."), which would otherwise split names and dates.

A span longer than MAX_SENTENCE characters (a text with no sentence ends: a table, a dump, a
hostile input) is cut at the last space before the limit. Extractors relate every pair of
words within a sentence, so an unbounded sentence would make extraction quadratic in the
text's length; news sentences stay far below the limit (the longest in the development data
has about 1,650 characters).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter
from typing import NamedTuple

# A mark that ends a sentence (and the quotes or brackets that close it, before a space),
# a blank line, or a line break before a list's bullet. Written to begin with the set of
# characters every match begins with, which the regular expression engine then scans for
# alone, rather than trying each alternative at every offset of the text.
_END = re.compile(r"[.!?؟\n](?:(?<=[.!?؟])[\"'”’»)\]]*(?=\s)|(?<=\n)(?:\s*\n|(?=\s*[-•*])))")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt maj sgt capt st no jan feb mar apr jun jul aug sep sept oct nov "
    "dec u.s u.n u.k e.g i.e vs etc".split()
)


_NON_SPACES = re.compile(r"\S*")  # \S: what `str.isspace` does not accept

MAX_SENTENCE = 3000


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text` as spans, in order; whitespace around them is left out."""
    spans: list[Sentence] = []
    start = 0
    reversed_text = text[::-1]  # the word before a dot is read backwards from it
    for match in _END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(text, reversed_text, match.start()):
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


def _is_abbreviation(text: str, reversed_text: str, dot: int) -> bool:
    # the characters before the dot back to a space, by one match in the reversed text
    size = len(text)
    word_start = size - _NON_SPACES.match(reversed_text, size - dot).end()  # type: ignore[union-attr]
    word = text[word_start:dot].lower().lstrip("(\"'“")
    return len(word) == 1 or word in _ABBREVIATIONS


def _add(spans: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add_one(spans, text, start, cut)
        start = cut
    _add_one(spans, text, start, end)


def _add_one(spans: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + len(chunk) - len(chunk.lstrip())
        spans.append(Sentence(offset, offset + len(stripped), stripped))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding character `offset`: the last that starts at or before it, found
    by binary search (in C: `bisect` by the sentences' starts), if it ends after it.
    `sentences` are in text order and do not overlap, as `split_sentences` gives them."""
    index = sentence_index(sentences, offset)
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """The index of the last sentence that starts at or before `offset` (-1: none)."""
    return bisect_right(sentences, offset, key=_START) - 1


_START = itemgetter(0)  # a Sentence's start
