"""Publication dates: normalizing given dates and reading a dateline at an article's top."""

from __future__ import annotations

import re
from datetime import date, datetime
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
            found = parse_date(match.group(1))
            if found:
                return found
    return None


def _western_digits(text: str) -> str:
    return "".join(str(int(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text)


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
