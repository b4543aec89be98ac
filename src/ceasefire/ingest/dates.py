"""Publication dates: normalizing given dates and reading a dateline at an article's top."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import cache

from ceasefire import knowledge

_DATELINE_LINES = 3
# "Aleppo, 4 May 2016", "4 أيار/مايو 2016", "May 4, 2016", "2016-05-04"
_CANDIDATE = re.compile(
    r"(\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\s+[^\W\d_]+(?:\s[^\W\d_]+)?(?:/[^\W\d_]+)?\s+\d{4}"
    r"|[^\W\d_]+\s+\d{1,2},?\s+\d{4})"
)


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` from a date, a datetime or an ISO-like string; None when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return parse_date(text)


# News is published after the first wire services and not after tomorrow (the publisher's
# time zone may be ahead of this machine's); a date outside is a typo or a placeholder.
EARLIEST = date(1900, 1, 1)
_AHEAD = timedelta(days=2)


def implausible(day: str) -> str | None:
    """Why `day` (YYYY-MM-DD) cannot be a publication date, or None when it can."""
    latest = date.today() + _AHEAD
    if not EARLIEST.isoformat() <= day <= latest.isoformat():
        return (
            f"not a plausible publication date (expected {EARLIEST.isoformat()} "
            f"to {latest.isoformat()})"
        )
    return None


def plausible(day: str | None) -> str | None:
    """`day` when it can be a publication date, else None (for dates read from a page or a
    dateline, which are guesses that may be dropped)."""
    return day if day is not None and implausible(day) is None else None


def parse_date(text: str, languages: list[str] | None = None) -> str | None:
    """A written date ("4 May 2016", "٤ أيار ٢٠١٦") as `YYYY-MM-DD`, or None."""
    import dateparser

    normalized = _normalize_months(text)
    parsed = dateparser.parse(
        normalized,
        languages=languages or ["en", "ar", "ru", "fr"],
        settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date().isoformat() if parsed else None


def find_dateline(text: str) -> str | None:
    """The date of a dateline in the first lines of an article, if it has one."""
    for line in text.strip().split("\n")[:_DATELINE_LINES]:
        if len(line) > 80:
            continue
        for match in _CANDIDATE.finditer(_western_digits(line)):
            found = plausible(parse_date(match.group(1)))
            if found:
                return found
    return None


def _western_digits(text: str) -> str:
    """Decimal digits of any script as ASCII ("٤" → "4"); other characters that Unicode counts
    as digits but not as decimal ones ("²", "①") are left as they are."""
    return "".join(
        str(value)
        if not ch.isascii() and (value := unicodedata.decimal(ch, None)) is not None
        else ch
        for ch in text
    )


def _normalize_months(text: str) -> str:
    """Replace Levantine month names (and "أيار/مايو" pairs) with month numbers' English names."""
    text = _western_digits(text)
    for name, number in _levantine_months():
        if name in text:
            english = date(2000, number, 1).strftime("%B")
            text = re.sub(re.escape(name) + r"(?:/[^\W\d_]+)?", english, text)
    return text


@cache
def _levantine_months() -> tuple[tuple[str, int], ...]:
    months = knowledge.load("months")["levantine_arabic"]
    # Longest first, so that "تشرين الثاني" is replaced before any shorter name inside it.
    return tuple(sorted(months.items(), key=lambda item: -len(item[0])))
