"""Numbers in text: digits ("400,000", "1.5 million", "٤٠٠ ألف"), words ("three", "a dozen"),
and vague quantities ("dozens", "hundreds of thousands"), with their spans.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from functools import cache
from typing import NamedTuple

from ceasefire import knowledge
from ceasefire.extract.covering import Covering
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit

# 400,000 · 1.5 · 12 · ٤٠٠ · ٤٠٠٫٥ (Arabic-Indic digits and separators)
# A run of digits and separators is a candidate (a cheap scan); it is a number when it reads
# as one in full and stands apart from letters.
_DIGIT_RUN = re.compile(r"\d[\d,٬.٫]*")
_ASCII_DIGIT_RUN = re.compile(r"[0-9][0-9,.]*")  # the same in a text of ASCII alone
_NUMBER = re.compile(r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?|\d+(?:[.٫]\d+)?")
_SPACES = re.compile(r"\s*")
# A quantity past this is no count of people, money or days that the news gives (a serial
# number, a phone number, garbage); it is not read, which also keeps every stored count
# inside a 64-bit integer column.
LARGEST = 10**15


class Number(NamedTuple):
    start: int
    end: int
    value: int
    vague: bool = False


# the kinds of hits `find_numbers` reads: callers may give it those alone
NUMBER_KINDS = frozenset({"multiplier", "clock", "number", "vague"})


def find_numbers(text: str, hits: list[Hit], lex: Lexicon) -> list[Number]:
    """Every number in `text`, a multiplier word after digits folded in ("400 thousand")."""
    multipliers = sorted((h for h in hits if h.kind == "multiplier"), key=lambda h: h.start)
    starts = [h.start for h in multipliers]
    clocks = _Clocks(text, hits)
    found = [
        _with_multiplier(text, m, multipliers, starts, lex)
        for m in _digit_numbers(text)
        if not clocks.tells_time(m)
    ]
    taken = Covering((n.start, n.end) for n in found)  # a number word inside these is read
    found = [n for n in found if n.value <= LARGEST]
    read_until = -1  # the end of the last number word read with its multipliers
    words = [h for h in hits if h.kind == "number"]
    units = {h.start: h for h in words if lex.numbers["words"][h.key] < 10}
    for hit in hits:
        if (
            hit.kind not in ("number", "vague")
            or hit.start < read_until
            or taken.covers(hit.start, hit.end)
        ):
            continue
        if hit.kind == "vague":
            found.append(Number(hit.start, hit.end, lex.numbers["vague"][hit.key], vague=True))
            continue
        number = _word_times(text, _with_unit(text, hit, units, lex), multipliers, starts, lex)
        read_until = number.end
        found.append(number)
    return sorted(found, key=lambda n: n.start)


def _with_unit(text: str, word: Hit, units: dict[int, Hit], lex: Lexicon) -> tuple[Hit, int]:
    """A number word with the unit that follows a word of tens ("twenty-eight", "thirty
    five"), as the span of both and their sum."""
    value = lex.numbers["words"][word.key]
    if value < 20 or value % 10 or value >= 100:
        return word, value
    after = word.end + 1
    unit = units.get(after) if text[word.end : after] in ("-", " ") else None
    if unit is None:
        return word, value
    return word._replace(end=unit.end), value + lex.numbers["words"][unit.key]


def _word_times(
    text: str, read: tuple[Hit, int], multipliers: list[Hit], starts: list[int], lex: Lexicon
) -> Number:
    """A number word (with its unit: `_with_unit`) times the multiplier words right after
    it: "two million", "a hundred thousand", "عشرة آلاف"; `starts` are the multipliers'
    start offsets."""
    word, value = read
    end = word.end
    index = bisect_left(starts, end)
    while index < len(multipliers) and value <= LARGEST:
        hit = multipliers[index]
        if hit.start < end:  # the word itself ("ألف" is a word and a multiplier)
            index += 1
            continue
        if hit.start > _SPACES.match(text, end).end():  # type: ignore[union-attr]
            break
        value, end = value * lex.numbers["multipliers"][hit.key], hit.end
        index += 1
    return Number(word.start, end, value if value <= LARGEST else LARGEST + 1)


class _Clocks:
    """Times of day among digits: "1600 GMT", "6 p.m.", "0500 hours" (the `clock` words of
    knowledge/numbers.yaml right after the digits), and "06:00"; and a page's counters
    ("Views 1662", the `counter` words right before). They are not counts."""

    def __init__(self, text: str, hits: list[Hit]) -> None:
        self.text = text
        self.zone = {h.start for h in hits if h.kind == "clock" and h.key == "zone"}
        self.military = {h.start for h in hits if h.kind == "clock" and h.key == "military"}
        self.counters = {h.end for h in hits if h.kind == "clock" and h.key == "counter"}

    def tells_time(self, match: re.Match[str]) -> bool:
        start, end, digits = match.start(), match.end(), match.group()
        if start - 1 in self.counters and self.text[start - 1] == " ":
            return True  # "Views 1662": a page's counter, no count either
        if _HOUR_MINUTE.match(self.text, end) or (start > 1 and _minutes_of(self.text, start)):
            return True
        after = _SPACES.match(self.text, end).end()  # type: ignore[union-attr]
        if after in self.zone:
            return digits.isdigit() and int(digits) <= 2359
        return after in self.military and _HHMM.fullmatch(digits) is not None


_HOUR_MINUTE = re.compile(r":\d\d\b")  # the hour of "06:00"


def _minutes_of(text: str, start: int) -> bool:
    """The minutes of "06:00"."""
    return text[start - 1] == ":" and text[start - 2].isdigit()


_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def _digit_numbers(text: str) -> list[re.Match[str]]:
    numbers = []
    for run in (_ASCII_DIGIT_RUN if text.isascii() else _DIGIT_RUN).finditer(text):
        start, end = run.span()
        while end > start and text[end - 1] in ",.٫٬":
            end -= 1  # a sentence's full stop or a list's comma is not part of the number
        if (start and not _stands_apart(text, start)) or (end < len(text) and text[end].isalnum()):
            continue
        match = _NUMBER.fullmatch(text, start, end)
        if match:
            numbers.append(match)
    return numbers


def _stands_apart(text: str, start: int) -> bool:
    """Is the run of digits at `start` apart from the word before it? Arabic proclitics
    written onto the digits ("و3000 مدني": and 3000 civilians) are no word of their own."""
    before = text[start - 1]
    if before in ",.٫٬":
        return False
    if not before.isalnum():
        return True
    word_start = start - 1
    while word_start and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:start] in _proclitics()


@cache
def _proclitics() -> frozenset[str]:
    """The Arabic proclitics of knowledge/arabic.yaml ("و", "ب", "وب")."""
    return frozenset(knowledge.load("arabic")["proclitics"])


def _with_multiplier(
    text: str, match: re.Match[str], multipliers: list[Hit], starts: list[int], lex: Lexicon
) -> Number:
    """The number, times the multiplier word right after it; `starts` are the multipliers'
    start offsets, to begin the search at the first one past the digits."""
    raw = match.group().translate(_TO_ASCII).replace(",", "")
    value = float(raw) if len(raw) < 20 else math.inf  # float() of 5,000 digits is slow
    end = match.end()
    blank_until = _SPACES.match(text, end).end()  # type: ignore[union-attr]
    for index in range(bisect_left(starts, end), len(multipliers)):
        hit = multipliers[index]
        if hit.start <= blank_until:  # only spaces between: not text[end:hit.start].strip()
            value *= lex.numbers["multipliers"][hit.key]
            end = hit.end
            break
        if hit.start > end + 3:
            break
    return Number(match.start(), end, round(value) if value <= LARGEST else LARGEST + 1)


_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")
