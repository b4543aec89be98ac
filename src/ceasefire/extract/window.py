"""When a ceasefire mention starts and ends.

A sentence often holds several dates, and the first is seldom the start: "the UN announced on
Thursday a truce starting Friday" names the day of the statement, then the start. Each date of
the term's sentence is read by the words before it (knowledge/dates.yaml `window`), across
times of day, time zones and the term itself:
- after an onset word ("starting", "took effect at midnight on", "اعتبارا من") it is the start;
- after an end word ("until", "حتى نهاية") it is the end;
- up to three words after a speaking verb ("said on Tuesday", "قالت الوزارة أمس") it dates a
  statement.
The start is the first onset date; else, when the sentence says the arrangement has taken
effect and gives no other date, the day of publication (a `relative` expression of dates.yaml);
else the first date that is neither an end nor a statement's; else, when the sentence dates a
statement or an end or speaks of a start, an onset date of a sentence next to it ("A truce was
agreed, the ministry said on Tuesday. It took effect at noon on Wednesday."); else the date of
the statement. A sentence telling an end and how long the arrangement lasted dates its start
that long before the end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from ceasefire import knowledge
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.dates import DateMention, in_effect_now, shifted
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.normalize import normalize_term
from ceasefire.extract.patterns import pattern
from ceasefire.extract.sentences import Sentence

_DURATION = pattern("duration")  # knowledge/grammar.yaml; units in dates.yaml `unit_hours`
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # a run of letters or digits: one word
_NEIGHBOURS = 2  # sentences on each side in which an onset date is sought
_LOOKS_AHEAD = ("future", "negation")  # cue groups: "will take effect", "has not taken effect"


@dataclass(frozen=True, slots=True)
class _Words:
    """The normalized word lists of knowledge/dates.yaml `window`."""

    onset: frozenset[str]  # in a sentence, they speak of its start
    onset_ends: frozenset[str]  # the last words of the `onset` phrases of several words
    before_date: frozenset[str]  # `onset` and `onset_at_date`: right before a date, a start
    skippable: frozenset[str]
    report_skippable: frozenset[str]
    end: frozenset[str]
    lasted: frozenset[str]
    in_effect_now: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = knowledge.load("dates")
    window = data["window"]

    def flat(lists: dict[str, list[str]]) -> frozenset[str]:
        return frozenset(normalize_term(w) for words in lists.values() for w in words)

    return _Words(
        onset=flat(window["onset"]),
        onset_ends=frozenset(p.split()[-1] for p in flat(window["onset"]) if " " in p),
        before_date=flat(window["onset"]) | flat(window["onset_at_date"]),
        skippable=flat(window["skippable"]),
        report_skippable=flat(window["report_skippable"]),
        end=flat(window["end"]),
        lasted=flat(window["lasted"]),
        in_effect_now=in_effect_now(),
    )


@dataclass(frozen=True, slots=True)
class _Reading:
    """The dates of one sentence, sorted by what the words before them make them."""

    onsets: list[DateMention]
    ends: list[DateMention]
    plain: list[DateMention]
    reported: list[DateMention]
    now: list[DateMention]  # "has come into effect": the day of publication


def mention_window(
    analysis: Analysis, sentence: Sentence, lex: Lexicon
) -> tuple[str | None, str | None]:
    """Start and end of the mentions of `sentence` (see the module's docstring); the end is a
    date after an end word, or the start plus a duration the sentence gives ("72-hour")."""
    reading = _read(analysis, sentence, lex)
    lasted = _lasted(analysis, sentence, reading)
    if lasted is not None:
        return lasted
    start = _start(analysis, sentence, reading, lex)
    end = reading.ends[0].date if reading.ends else _after_duration(analysis, sentence, start)
    return start, end


def _start(analysis: Analysis, sentence: Sentence, reading: _Reading, lex: Lexicon) -> str | None:
    if reading.onsets:
        return reading.onsets[0].date
    if reading.now and not _looks_ahead(analysis, sentence):
        return reading.now[0].date
    if reading.plain:
        return reading.plain[0].date
    if reading.reported or reading.ends or _speaks_of_onset(analysis, sentence):
        nearby = _neighbour_onset(analysis, sentence, lex)
        if nearby is not None:
            return nearby
    return reading.reported[0].date if reading.reported else None


def _speaks_of_onset(analysis: Analysis, sentence: Sentence) -> bool:
    """Does the sentence hold an onset word ("will begin at 6 a.m.", "never began")?
    Only a sentence dating a statement or an end, or speaking of a start, takes the start a
    sentence next to it gives: "the truce has not held" is about no particular day."""
    onset, ends = _words().onset, _words().onset_ends
    words = [word for _, word in _words_before(analysis, sentence, sentence.end)]
    return any(
        word in onset or (index and word in ends and f"{words[index - 1]} {word}" in onset)
        for index, word in enumerate(words)
    )


def _lasted(
    analysis: Analysis, sentence: Sentence, reading: _Reading
) -> tuple[str | None, str] | None:
    """ "Fighting resumed on Sunday as a truce that lasted 24 hours ended", "انتهاء هدنة دامت
    24 ساعة": a sentence telling an arrangement's end and how long it lasted (a `lasted` word
    of dates.yaml `window` before the duration) dates the end; the start is that long before.
    """
    if reading.onsets or not reading.plain:
        return None
    if not any(analysis.hits_in(sentence, "status", key) for key in _ENDED):
        return None
    duration = _duration(analysis, sentence)
    if duration is None or not analysis.tokens.before(duration[0], _words().lasted):
        return None
    end = reading.plain[0].date
    return shifted(date.fromisoformat(end), -duration[1]), end


_ENDED = ("collapsed", "expired", "ended")  # triggers of knowledge/statuses.yaml that end a truce


def _read(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> _Reading:
    """The dates of `sentence` sorted by the words before them; read once per sentence, for
    the sentence's own mentions and for those of the sentences next to it that look here for
    an onset."""
    memo: dict[tuple[int, int], _Reading]
    memo = analysis.memo.setdefault("window_readings", {})  # type: ignore[assignment]
    span = (sentence.start, sentence.end)
    if span not in memo:
        memo[span] = _reading(analysis, sentence, lex)
    return memo[span]


def _reading(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> _Reading:
    words = _words()
    reading = _Reading([], [], [], [], [])
    text = analysis.text
    for mention in analysis.within(analysis.dates, sentence):
        if normalize_term(text[mention.start : mention.end]) in words.in_effect_now:
            reading.now.append(mention)
        elif _preceded_by(analysis, sentence, mention.start, words.before_date):
            reading.onsets.append(mention)
        elif analysis.tokens.before(mention.start, lex.words["until"]) or _preceded_by(
            analysis, sentence, mention.start, words.end
        ):
            reading.ends.append(mention)
        elif _reported(analysis, sentence, mention.start, lex.words["spoken"]):
            reading.reported.append(mention)
        else:
            reading.plain.append(mention)
    return reading


def _preceded_by(analysis: Analysis, sentence: Sentence, offset: int, cues: frozenset[str]) -> bool:
    """Is one of `cues` (one or two words) the first word before `offset`, in `sentence`, that
    is not skippable: a number, a single letter ("a.m."), a word of dates.yaml `window`
    `skippable`, or a word of a ceasefire term ("the first day of the truce, Saturday")?"""
    skippable = _words().skippable
    terms = analysis.hits_in(sentence, "term")
    before = _words_before(analysis, sentence, offset)
    for index in range(len(before) - 1, -1, -1):
        start, word = before[index]
        if word in cues:
            return True
        if index and f"{before[index - 1][1]} {word}" in cues:
            return True
        if not (
            word in skippable
            or word.isdigit()
            or len(word) == 1
            or any(start < t.end and t.start < start + len(word) for t in terms)
        ):
            return False
    return False


def _reported(analysis: Analysis, sentence: Sentence, offset: int, spoken: frozenset[str]) -> bool:
    """Does a speaking verb stand at most `_REPORT_REACH` words before `offset` (not counting
    dates.yaml `window` `report_skippable`)? "the army said on Tuesday", and, the speaker
    after the verb, "قالت الوزارة يوم الثلاثاء", "أعلنت وزارة الدفاع أمس"."""
    skippable = _words().report_skippable
    counted = 0
    for _, word in reversed(_words_before(analysis, sentence, offset)):
        if word in spoken or (word[:1] in _CONJUNCTIONS and word[1:] in spoken):
            return True
        if word not in skippable:
            counted += 1
            if counted == _REPORT_REACH:
                return False
    return False


_REPORT_REACH = 3  # words: a verb, and a speaker of up to two words after it in Arabic
_CONJUNCTIONS = frozenset("وف")  # Arabic conjunctions written onto the next word


def _words_before(analysis: Analysis, sentence: Sentence, offset: int) -> list[tuple[int, str]]:
    """The words of `sentence` before `offset`, normalized, with their starts; the sentence
    read from the one before it when that ends at a one-letter abbreviation ("4 a.m. local
    time on Monday" cut after "a.m.")."""
    first = _clause_start(analysis, sentence)
    if offset > sentence.end:
        return _words_between(analysis.text, first, offset)
    words = _sentence_words(analysis, first, sentence.end)
    index = bisect_left(words.ends, offset)
    found = words.words[:index]
    if index < len(words.ends) and words.starts[index] < offset:  # a word cut at `offset`
        cut = words.starts[index]
        found.append((cut, normalize_term(analysis.text[cut:offset])))
    return found


def _words_between(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(m.start(), normalize_term(m.group())) for m in _WORD.finditer(text, start, end)]


class _SentenceWords(NamedTuple):
    """The normalized words of a stretch with their starts and ends, read once."""

    words: list[tuple[int, str]]
    starts: list[int]
    ends: list[int]


def _sentence_words(analysis: Analysis, start: int, end: int) -> _SentenceWords:
    """The words of text[start:end], kept with the analysis: each date of a sentence reads the
    words before it, and a sentence with many dates would otherwise read them many times."""
    memo = analysis.memo.setdefault("window_words", {})
    key = (start, end)
    found = memo.get(key)  # type: ignore[attr-defined]
    if found is None:
        matches = list(_WORD.finditer(analysis.text, start, end))
        found = memo[key] = _SentenceWords(  # type: ignore[index]
            [(m.start(), normalize_term(m.group())) for m in matches],
            [m.start() for m in matches],
            [m.end() for m in matches],
        )
    return found


def _clause_start(analysis: Analysis, sentence: Sentence) -> int:
    sentences = analysis.sentences
    index = bisect_left(sentences, sentence.start, key=_start_of)
    if index == 0:
        return sentence.start
    previous = sentences[index - 1].text.rstrip()
    last = previous.rsplit(maxsplit=1)[-1] if previous else ""
    cut = previous.endswith(".") and len(last.rstrip(".").rsplit(".", 1)[-1]) == 1
    return sentences[index - 1].start if cut else sentence.start


def _start_of(sentence: Sentence) -> int:
    return sentence.start


def _looks_ahead(analysis: Analysis, sentence: Sentence) -> bool:
    """Does the sentence speak of what will, could or did not happen ("ستدخل حيز التنفيذ")?"""
    return any(analysis.hits_in(sentence, "cue", group) for group in _LOOKS_AHEAD)


def _neighbour_onset(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> str | None:
    """An onset date of the nearest sentence, up to `_NEIGHBOURS` away, that gives one."""
    sentences = analysis.sentences
    index = bisect_left(sentences, sentence.start, key=_start_of)
    for distance in range(1, _NEIGHBOURS + 1):
        for other in (index + distance, index - distance):
            if 0 <= other < len(sentences):
                onsets = _read(analysis, sentences[other], lex).onsets
                if onsets:
                    return onsets[0].date
    return None


def _after_duration(analysis: Analysis, sentence: Sentence, start: str | None) -> str | None:
    if start is None:
        return None
    duration = _duration(analysis, sentence)
    return None if duration is None else shifted(date.fromisoformat(start), duration[1])


def _duration(analysis: Analysis, sentence: Sentence) -> tuple[int, int] | None:
    """The first duration of the sentence ("72-hour", "ثلاثة أيام" in digits): where it
    starts, and its length in whole days (at least one). Sought once per sentence: both the
    start and the end of its mentions may ask."""
    memo: dict[tuple[int, int], tuple[int, int] | None]
    memo = analysis.memo.setdefault("durations", {})  # type: ignore[assignment]
    span = (sentence.start, sentence.end)
    if span not in memo:
        memo[span] = _first_duration(analysis.text, sentence)
    return memo[span]


def _first_duration(text: str, sentence: Sentence) -> tuple[int, int] | None:
    found = _DURATION.finds(text, sentence.start, sentence.end)
    if not found:
        return None
    hours = _unit_hours().get(normalize_term(found[0].parts["unit"]))
    if hours is None:
        return None
    return found[0].start, max(1, round(int(found[0].parts["count"]) * hours / 24))


@lru_cache(maxsize=1)
def _unit_hours() -> dict[str, int]:
    return {
        normalize_term(unit): hours for unit, hours in knowledge.load("dates")["unit_hours"].items()
    }
