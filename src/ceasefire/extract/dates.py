"""Dates in text, absolute ("4 May 2016", "May 5") or relative ("two days ago", "on Thursday",
"أمس"), resolved against the document's publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from ceasefire import knowledge
from ceasefire.extract.covering import stretches
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import has_arabic, normalize_term
from ceasefire.extract.numbers import Number
from ceasefire.extract.patterns import Found, pattern, tokenize

_REACH = 16  # characters around a run of digits in which a date holding it can begin or end
# runs of digits, around which written dates are sought (a digit first: the regular
# expression engine then scans for digits alone)
_DIGITS = re.compile(r"\d\d*")
# the same in a text of ASCII alone (most English news), where \d is 0-9: a range is read
# faster than the Unicode category of each character
_ASCII_DIGITS = re.compile(r"[0-9][0-9]*")
# The date patterns of knowledge/grammar.yaml: English day first, month first, Arabic.
_WRITTEN = ("date_day_month", "date_month_day")
_WRITTEN_ARABIC = ("date_day_month_ar",)
_AGO = pattern("ago_after")
_BEFORE = pattern("ago_before")
_MONTH_ONLY = pattern("month_only_before")


class DateMention(NamedTuple):
    start: int
    end: int
    date: str


def shifted(day: date, days: int) -> str | None:
    """`day` moved by `days`, as YYYY-MM-DD; None when that falls outside the calendar
    ("a million days ago", or a publication date at the calendar's edge)."""
    try:
        return (day + timedelta(days=days)).isoformat()
    except OverflowError:
        return None


# the kinds of hits `find_dates` and `find_past_months` read: callers may give them those alone
DATE_KINDS = frozenset(
    {"forward", "cue", "month", "month_short", "relative_day", "weekday", "ago_unit"}
)


def find_dates(
    text: str, hits: list[Hit], numbers: list[Number], lex: Lexicon, published: str | None
) -> list[DateMention]:
    """Dates in `text`; relative ones only when `published` is known."""
    base = date.fromisoformat(published) if published else None
    forward = _Forward(text, hits)
    found = _written(text, hits, base, forward)
    base = dateline_day(text, found) or base
    if base is not None:
        ahead: dict[int, int] = {}
        relative = _relative(text, hits, numbers, lex, base, forward, ahead)
        starts = {d.start for d in found}
        found += [d for d in relative if not _names_a_date_given(d, starts, text)]
        found = _alone_in_effect(sorted(found, key=lambda d: d.start), text)
        return _anchored(found, ahead, text, base)
    return sorted(found, key=lambda d: d.start)


def dateline_day(text: str, found: list[DateMention]) -> date | None:
    """The day an article gives itself in its dateline ("21 Jul 2016 Dozens of civilians
    ...", "Published November 13 2017"): a full date that opens the text, after nothing or
    a dateline's words (dates.yaml `dateline_lead`). Its relative days ("on Sunday") count
    from it, not from a publication date given apart, which may be another day (a feed's
    date, a copy's)."""
    first = found[0] if found else None
    if first is None or len(first.date) != len("2016-07-21"):
        return None
    lead = normalize_term(text[: first.start].strip(" \t\n,:|-"))
    if lead and lead not in _dateline_leads():
        return None
    try:
        return date.fromisoformat(first.date)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _dateline_leads() -> frozenset[str]:
    """The normalized phrases of dates.yaml `dateline_lead`."""
    return _normalized(knowledge.load("dates")["dateline_lead"])


def _alone_in_effect(found: list[DateMention], text: str) -> list[DateMention]:
    """ "has come into effect", "دخلت حيز التنفيذ" (dates.yaml `window` `in_effect_now`) date
    their sentence to the day of publication only when no other date does."""
    phrases = in_effect_now()
    kept = []
    for index, mention in enumerate(found):
        neighbours = [(found[index - 1], mention)] if index else []
        neighbours += [(mention, found[index + 1])] if index + 1 < len(found) else []
        if normalize_term(text[mention.start : mention.end]) in phrases and any(
            not _SENTENCE_END.search(text, first.end, second.start) for first, second in neighbours
        ):
            continue
        kept.append(mention)
    return kept


@lru_cache(maxsize=1)
def _passable() -> frozenset[str]:
    """The words of dates.yaml `window` `onset` and `skippable`, one by one."""
    window = knowledge.load("dates")["window"]
    phrases = [w for group in ("onset", "skippable") for ws in window[group].values() for w in ws]
    return frozenset(word for phrase in phrases for word in normalize_term(phrase).split())


@lru_cache(maxsize=1)
def in_effect_now() -> frozenset[str]:
    """The normalized phrases of dates.yaml `window` `in_effect_now`."""
    return _normalized(knowledge.load("dates")["window"]["in_effect_now"])


def _normalized(lists: dict[str, list[str]]) -> frozenset[str]:
    """The phrases of a knowledge list by language, normalized, in one set."""
    return frozenset(normalize_term(w) for words in lists.values() for w in words)


def _anchored(
    found: list[DateMention], ahead: dict[int, int], text: str, base: date
) -> list[DateMention]:
    """A weekday looking ahead counts from the past date just before it in its sentence, not
    from publication: "on Friday the ministry announced a truce from Saturday" in a Monday
    paper is the Saturday after that Friday. `ahead` maps such weekdays' starts to their day
    of the week (Monday 0)."""
    if not ahead:
        return found
    kept = list(found)
    for index, mention in enumerate(found):
        weekday = ahead.get(mention.start)
        if weekday is None or index == 0:
            continue
        anchor = found[index - 1]
        if anchor.date >= base.isoformat() or _SENTENCE_END.search(text, anchor.end, mention.start):
            continue
        day = date.fromisoformat(anchor.date)
        moved = shifted(day, (weekday - day.weekday()) % 7)
        if moved is not None:
            kept[index] = mention._replace(date=moved)
    return kept


def is_month_name(word: str) -> bool:
    """Is `word` an English month written as a name ("May", not the modal "may")?"""
    return word[:1].isupper() and word.lower() in _months()


def find_past_months(text: str, hits: list[Hit], published: str | None) -> list[DateMention]:
    """Months named without a day after a word of time ("in May", "في شباط/فبراير";
    grammar.yaml `month_only_before`) that lie before the month of publication: the sentence
    looks back at something earlier."""
    if not published:
        return []
    base = date.fromisoformat(published)
    found = []
    for hit in hits:
        if hit.kind != "month" or _digits_follow(text, hit.end):
            continue
        start = _MONTH_ONLY.start_of(text, hit.start)
        month = _months().get(hit.key)
        if start is None or month is None or month == base.month:
            continue
        year = base.year if month < base.month else base.year - 1
        found.append(DateMention(start, hit.end, date(year, month, 1).isoformat()))
    return sorted(found, key=lambda d: d.start)


def _digits_follow(text: str, end: int) -> bool:
    """Do digits follow a month name, after spaces and maybe another name after a slash
    ("شباط/فبراير 2016")?"""
    if text[end : end + 1] == "/":
        end += 1
        while end < len(text) and text[end].isalpha():
            end += 1
    while end < len(text) and text[end].isspace():
        end += 1
    return end < len(text) and text[end].isdigit()


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Every month name of knowledge/months.yaml, normalized, with its number."""
    tables = knowledge.load("months")
    return {
        normalize_term(name) if has_arabic(name) else name.lower(): number
        for table in tables.values()
        for name, number in table.items()
    }


def _names_a_date_given(weekday: DateMention, starts: set[int], text: str) -> bool:
    """ "Monday 12 September", "Saturday, 27 February": the weekday names the date beside it
    (one of the absolute dates, which begin at `starts`, within three characters after it)."""
    end = weekday.end
    return any(
        start in starts and not text[end:start].strip(" ,")
        for start in range(end, end + _BESIDE + 1)
    )


_BESIDE = 3  # characters at most between a weekday and the date it names


def _written(text: str, hits: list[Hit], base: date | None, forward: _Forward) -> list[DateMention]:
    """Dates written out ("12 May 2016", "May 12", "٦ أيار/مايو", "2016-05-12"): the
    patterns run only around runs of digits beside a month's name, which every written date
    holds."""
    names = _WRITTEN + (_WRITTEN_ARABIC if has_arabic(text) else ())
    found: dict[int, DateMention] = {}
    months = sorted(h.start for h in hits if h.kind in ("month", "month_short"))
    runs = list((_ASCII_DIGITS if text.isascii() else _DIGITS).finditer(text))
    for start, end in _windows(text, months, runs):
        tokens = tokenize(text, start, end)
        for name in names:
            for match in pattern(name).finds_in(tokens):
                mention = _dated(match, base, forward)
                if mention is not None and match.start not in found:
                    found[match.start] = mention
    for year, month, day in _iso(text, runs):
        when = _day(int(year.group()), int(month.group()), int(day.group()))
        if when is not None:
            found.setdefault(year.start(), DateMention(year.start(), day.end(), when.isoformat()))
    for first, second, year in _numeric(text, runs):
        when = _day_first(int(first.group()), int(second.group()), int(year.group()))
        if when is not None:
            found.setdefault(
                first.start(), DateMention(first.start(), year.end(), when.isoformat())
            )
    return [found[start] for start in sorted(found)]


def _numeric(text: str, runs: list[_Run]) -> list[tuple[_Run, _Run, _Run]]:
    """The dates written with numbers alone, day or month first ("15-11-2014", "07.04.2017",
    "3/5/2016"): two runs of one or two digits and a run of four, joined by one mark (the
    same twice: "-", "/" or ".")."""
    found = []
    for index in range(len(runs) - 2):
        first, second, year = runs[index], runs[index + 1], runs[index + 2]
        mark = text[first.end()] if first.end() < len(text) else ""
        if (
            mark in _DATE_MARKS
            and first.end() - first.start() <= 2
            and second.start() == first.end() + 1
            and second.end() - second.start() <= 2
            and year.start() == second.end() + 1
            and text[second.end()] == mark
            and year.end() - year.start() == 4
            and (first.start() == 0 or not text[first.start() - 1].isalnum())
        ):
            found.append((first, second, year))
    return found


_DATE_MARKS = frozenset("-/.")


def _day_first(first: int, second: int, year: int) -> date | None:
    """The date of a numeric day, month and year: day first, as most of the world writes it,
    unless only the other order gives a calendar day ("5/13/2016")."""
    return _day(year, second, first) or _day(year, first, second)


_Run = re.Match[str]


def _iso(text: str, runs: list[_Run]) -> list[tuple[_Run, _Run, _Run]]:
    r"""The dates written 2016-05-12, as the runs of digits of their year, month and day: a
    run of four digits, a hyphen, a run of two, a hyphen, a run of two (as the expression
    `(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)` would match them), read from the runs of digits
    already found rather than by another pass over the text."""
    found = []
    for index in range(len(runs) - 2):
        year, month, day = runs[index], runs[index + 1], runs[index + 2]
        if (
            year.end() - year.start() == 4
            and month.start() == year.end() + 1
            and text[year.end()] == "-"
            and month.end() - month.start() == 2
            and day.start() == month.end() + 1
            and text[month.end()] == "-"
            and day.end() - day.start() == 2
        ):
            found.append((year, month, day))
    return found


def _windows(text: str, months: list[int], runs: list[_Run]) -> list[tuple[int, int]]:
    """Stretches of text around the runs of digits (`runs`) that have a month's name beside
    them (at `months`) or letters written onto them ("12جوان"), merged where they touch."""
    spans = []
    for run in runs:
        index = bisect_left(months, run.start() - _REACH)
        glued = run.end() < len(text) and text[run.end()].isalpha()
        if glued or (index < len(months) and months[index] < run.end() + _REACH):
            spans.append(run.span())
    return stretches(spans, _REACH, _REACH, len(text))


def _dated(match: Found, base: date | None, forward: _Forward) -> DateMention | None:
    """The date a written date's parts give; one without a year takes the year its tense
    gives (`_year_of`), or none when there is no publication date to read it against."""
    month = _months().get(_month_key(match.parts["month"]))
    if month is None:
        return None
    year = match.parts.get("year")
    if year is None and base is None:
        return None
    when = _day(int(year) if year else base.year, month, int(match.parts["day"]))  # type: ignore[union-attr]
    if when is None:
        return None
    if year is None and base is not None:
        ahead = forward.looks_ahead(match.start, match.end)
        future = forward.in_future_sentence(match.start)
        when = _day(_year_of(when, base, ahead, future), month, when.day)
        if when is None:
            return None
    return DateMention(match.start, match.end, when.isoformat())


def _month_key(name: str) -> str:
    return normalize_term(name) if has_arabic(name) else name.lower()


def _day(year: int, month: int, day: int) -> date | None:
    """The day, or None when the calendar has no such day (31 April, 29 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_of(when: date, base: date, ahead: bool, future: bool = False) -> int:
    """The year of a date written without one, `when` being it in the year of publication:
    the year before when that is more than a week after publication ("December 30" in a
    January paper), unless the words before it or its sentence look ahead and it is less
    than half a year away ("will declare a truce from 8 May" in an April paper); the year
    after when the words before it look ahead and it is more than half a year past ("will
    start on 3 January" in a December paper, but "a week from 12 June" in a July paper)."""
    if when.isoformat() > _week_after(base):
        soon = (when - base).days <= _AHEAD_DAYS
        return base.year if (ahead or future) and soon else base.year - 1
    if ahead and (base - when).days > _AHEAD_DAYS:
        return base.year + 1
    return base.year


_AHEAD_DAYS = 183  # how far ahead a date without a year in a sentence looking ahead may lie


def _week_after(base: date) -> str:
    """A week after `base`: a date without a year later than this is of the year before."""
    return shifted(base, 7) or date.max.isoformat()


def _relative(
    text: str,
    hits: list[Hit],
    numbers: list[Number],
    lex: Lexicon,
    base: date,
    forward: _Forward,
    ahead: dict[int, int],
) -> list[DateMention]:
    """Relative dates; the weekdays read as looking ahead are noted in `ahead` (start: day of
    the week), to be counted from an earlier date of their sentence (`_anchored`)."""
    found: list[DateMention] = []
    ends: dict[int, int] = {}
    for index, number in enumerate(numbers):
        ends.setdefault(number.end, index)
    for hit in hits:
        if hit.kind == "relative_day":
            if _names_another_day(text, hit) or (
                hit.key in in_effect_now() and forward.in_future_sentence(hit.start)
            ):
                continue
            day = shifted(base, lex.relative_days[hit.key])
        elif hit.kind == "weekday":
            looks_ahead = forward.looks_ahead(hit.start, hit.end)
            day = _weekday(base, lex.weekdays[hit.key], looks_ahead)
            if looks_ahead:
                ahead[hit.start] = lex.weekdays[hit.key]
        elif hit.kind == "ago_unit":
            mention = _ago(text, hit, numbers, ends, lex, base)
            if mention:
                found.append(mention)
            continue
        else:
            continue
        if day is not None:
            found.append(DateMention(hit.start, hit.end, day))
    return found


def _names_another_day(text: str, hit: Hit) -> bool:
    """ "اليوم السابق" (the day before), "اليوم الأول" (the first day): a word for "today"
    followed by one of dates.yaml `not_today_after` counts from some other date."""
    following = _NEXT_WORD.match(text, hit.end)
    return following is not None and normalize_term(following.group(1)) in _not_today_after()


_NEXT_WORD = re.compile(r"\s*([^\W_]+)")
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _not_today_after() -> frozenset[str]:
    words = knowledge.load("dates")["not_today_after"]
    return frozenset(normalize_term(w) for by_language in words.values() for w in by_language)


def _weekday(base: date, weekday: int, ahead: bool) -> str | None:
    """The latest such weekday on or before `base` (news usage: "on Thursday" in a Saturday
    paper), or the next on or after it when the words around it look ahead."""
    if ahead:
        return shifted(base, (weekday - base.weekday()) % 7)
    return shifted(base, -((base.weekday() - weekday) % 7))


class _Forward:
    """Where the `forward` words of knowledge/dates.yaml stand, to ask of a weekday whether
    one is just before it in its sentence ("will take effect on Friday") or just after it
    ("الجمعة المقبلة"); of a date, likewise. Looked up by offset, not by a scan of every
    word."""

    GAP = 24  # characters at most between a `before` word and the weekday ("will begin on ")
    REACH = 120  # characters read back for a `before` word across times of day

    def __init__(self, text: str, hits: list[Hit]) -> None:
        self.text = text
        self.before = {h.end for h in hits if h.kind == "forward" and h.key == "before"}
        self.before_ends = sorted(self.before)
        self.after = {h.start for h in hits if h.kind == "forward" and h.key == "after"}
        self.future = sorted(
            h.end
            for h in hits
            if (h.kind == "cue" and h.key == "future")
            or (h.kind == "forward" and h.key == "before")
        )

    def in_future_sentence(self, start: int) -> bool:
        """Does a word looking ahead (knowledge/cues.yaml `future`, or a `forward` word) stand
        before `start` in its sentence ("Russia will declare a truce in the region from 8
        May")? Only the nearest such word before `start` is asked."""
        index = bisect_right(self.future, start) - 1
        return index >= 0 and not _SENTENCE_END.search(self.text, self.future[index], start)

    def looks_ahead(self, start: int, end: int) -> bool:
        """Do the words around the span `start`-`end` look ahead?"""
        if any(end + gap in self.after for gap in range(3)):
            return True
        for word_end in range(max(0, start - self.GAP), start + 1):
            if word_end in self.before and not _SENTENCE_END.search(self.text, word_end, start):
                return True
        return self._ahead_across_times(start)

    def _ahead_across_times(self, start: int) -> bool:
        """Is a `before` word followed, up to `start`, only by onset words, times of day and
        time zones (dates.yaml `window`)? "will begin at 6 a.m. local time (0300 GMT) on
        Wednesday" looks ahead however many such words stand between."""
        nearest = bisect_right(self.before_ends, start) - 1
        if nearest < 0 or self.before_ends[nearest] < start - self.REACH:
            return False  # no `before` word ends in reach: the usual case
        head = self.text[max(0, start - self.REACH) : start]
        ends = list(_SENTENCE_END.finditer(head))
        offset = max(0, start - self.REACH) + (ends[-1].end() if ends else 0)
        passable = _passable()
        for word in reversed(list(_WORD.finditer(self.text, offset, start))):
            if word.end() in self.before:
                return True
            text = normalize_term(word.group())
            if not (text in passable or text.isdigit() or len(text) == 1):
                return False
        return False


# A full stop ends a sentence unless it follows a one-letter word: "4 a.m. local time".
# (The set of marks first: the regular expression engine scans for them alone.)
_SENTENCE_END = re.compile(r"[.!?؟;\n](?<!\b[^\W\d_]\.)")


def _ago(
    text: str,
    unit: Hit,
    numbers: list[Number],
    ends: dict[int, int],
    lex: Lexicon,
    base: date,
) -> DateMention | None:
    """ "two days ago" / "قبل يومين" / "قبل ثلاثة أيام": a count of units before publication.
    `numbers` end at the offsets `ends` gives (each to the numbers' first index there)."""
    count = _count_before(unit.start, numbers, ends)
    first = count.start if count else unit.start
    tail = _AGO.end_of(text, unit.end)
    if tail is not None:
        start, end = first, tail
    else:
        head = _BEFORE.start_of(text, first)
        if head is None:
            return None
        start, end = head, unit.end
    days = lex.ago_units[unit.key] * (count.value if count else 1)
    day = shifted(base, -days)
    return DateMention(start, end, day) if day else None


_COUNT_GAP = 2  # characters at most between a count and its unit ("two days")


def _count_before(start: int, numbers: list[Number], ends: dict[int, int]) -> Number | None:
    """The first of `numbers` (in their order) that ends at most `_COUNT_GAP` characters
    before `start`: looked up by its end offset, not by a scan of every number."""
    indexes = [ends[end] for end in range(start - _COUNT_GAP, start + 1) if end in ends]
    return numbers[min(indexes)] if indexes else None
