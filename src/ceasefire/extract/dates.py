"""Dates in text, absolute ("4 May 2016", "May 5") or relative ("two days ago", "on Thursday",
"أمس"), resolved against the document's publication date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.numbers import Number
from ceasefire.ingest.dates import parse_date

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ABSOLUTE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b"
)  # matched on lowercased text
_REACH = 16  # characters around a number in which a date holding it can begin or end
_AGO = re.compile(r"\s+(?:ago|earlier|back)\b", re.IGNORECASE)
_BEFORE = re.compile(r"قبل\s+$")


class DateMention(NamedTuple):
    start: int
    end: int
    date: str


def find_dates(
    text: str, hits: list[Hit], numbers: list[Number], lex: Lexicon, published: str | None
) -> list[DateMention]:
    """Dates in `text`; relative ones only when `published` is known."""
    base = date.fromisoformat(published) if published else None
    found = [d for d in (_absolute(m, base) for m in _absolute_matches(text, numbers)) if d]
    if base is not None:
        found += _relative(text, hits, numbers, lex, base)
    return sorted(found, key=lambda d: d.start)


def _absolute_matches(text: str, numbers: list[Number]) -> list[re.Match[str]]:
    """Absolute dates hold a number: the date pattern runs only around the numbers found."""
    matches: dict[int, re.Match[str]] = {}
    lowered = text.lower()
    for number in numbers:
        window = (max(0, number.start - _REACH), min(len(text), number.end + _REACH))
        for match in _ABSOLUTE.finditer(lowered, *window):
            if match.start() <= number.start < match.end():
                matches.setdefault(match.start(), match)
    return [matches[start] for start in sorted(matches)]


def _absolute(match: re.Match[str], base: date | None) -> DateMention | None:
    text = match.group()
    has_year = bool(re.search(r"\d{4}", text))
    if not has_year and base is None:
        return None
    parsed = _parse(text if has_year else f"{text} {base.year}")  # type: ignore[union-attr]
    if parsed is None:
        return None
    if not has_year and base is not None and date.fromisoformat(parsed) > base + timedelta(days=7):
        parsed = _parse(f"{text} {base.year - 1}") or parsed  # "December 30" in a January paper
    return DateMention(match.start(), match.end(), parsed)


@lru_cache(maxsize=4096)
def _parse(text: str) -> str | None:
    """An English date the pattern above found: the standard library reads the usual shapes
    at once; dateparser, slower, reads the rest."""
    cleaned = _ORDINAL.sub(r"\1", text.replace(",", " ").replace(".", " "))
    cleaned = " ".join(cleaned.split())
    for shape in _SHAPES:
        try:
            return datetime.strptime(cleaned, shape).date().isoformat()
        except ValueError:
            continue
    return parse_date(text, languages=["en"])


_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")
_SHAPES = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


def _relative(
    text: str, hits: list[Hit], numbers: list[Number], lex: Lexicon, base: date
) -> list[DateMention]:
    found: list[DateMention] = []
    for hit in hits:
        if hit.kind == "relative_day":
            day = base + timedelta(days=lex.relative_days[hit.key])
            found.append(DateMention(hit.start, hit.end, day.isoformat()))
        elif hit.kind == "weekday":
            back = (base.weekday() - lex.weekdays[hit.key]) % 7
            found.append(DateMention(hit.start, hit.end, (base - timedelta(days=back)).isoformat()))
        elif hit.kind == "ago_unit":
            mention = _ago(text, hit, numbers, lex, base)
            if mention:
                found.append(mention)
    return found


def _ago(
    text: str, unit: Hit, numbers: list[Number], lex: Lexicon, base: date
) -> DateMention | None:
    """ "two days ago" / "قبل يومين" / "قبل ثلاثة أيام": a count of units before publication."""
    count = next((n for n in numbers if 0 <= unit.start - n.end <= 2), None)
    first = count.start if count else unit.start
    tail = _AGO.match(text, unit.end)
    if tail:
        start, end = first, tail.end()
    else:
        window = max(0, first - 10)
        head = _BEFORE.search(text, window, first)
        if head is None:
            return None
        start, end = head.start(), unit.end
    days = lex.ago_units[unit.key] * (count.value if count else 1)
    return DateMention(start, end, (base - timedelta(days=days)).isoformat())
