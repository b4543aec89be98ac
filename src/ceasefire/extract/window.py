"""When a ceasefire mention starts and ends, from the dates of its sentence."""

from __future__ import annotations

import re
from datetime import date

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.dates import shifted
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.sentences import Sentence

_DURATION = re.compile(
    r"(?<!\d)(\d{1,5})[\s-]*(hours?|days?|weeks?|ساعة|ساعات|يوما|يوم|أيام)", re.IGNORECASE
)
_DAYS_PER_UNIT = {"hour": 1 / 24, "day": 1, "week": 7, "ساع": 1 / 24, "يوم": 1, "أيا": 1}


def mention_window(
    analysis: Analysis, sentence: Sentence, lex: Lexicon
) -> tuple[str | None, str | None]:
    """Start: the first date of the sentence; end: a date after "until", or start + duration."""
    dates = analysis.within(analysis.dates, sentence)
    ends = [d for d in dates if analysis.tokens.before(d.start, lex.words["until"])]
    starts = [d for d in dates if d not in ends]
    start = starts[0].date if starts else None
    end = ends[0].date if ends else _after_duration(analysis.text, sentence, start)
    return start, end


def _after_duration(text: str, sentence: Sentence, start: str | None) -> str | None:
    if start is None:
        return None
    match = _DURATION.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    unit = match.group(2).lower()[:4].rstrip("s")
    per_unit = next((v for k, v in _DAYS_PER_UNIT.items() if unit.startswith(k)), None)
    if per_unit is None:
        return None
    days = max(1, round(int(match.group(1)) * per_unit))
    return shifted(date.fromisoformat(start), days)
