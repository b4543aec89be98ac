"""Numbers in text: digits ("400,000", "1.5 million", "٤٠٠ ألف"), words ("three", "a dozen"),
and vague quantities ("dozens", "hundreds of thousands"), with their spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit

# 400,000 · 1.5 · 12 · ٤٠٠ · ٤٠٠٫٥ (Arabic-Indic digits and separators)
_DIGITS = re.compile(
    r"(?<![\w.,٫٬])\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?(?![\w])|(?<![\w.,٫٬])\d+(?:[.٫]\d+)?(?![\w])"
)
_MULTIPLIER_GAP = re.compile(r"\s{1,3}$")


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    value: int
    vague: bool = False


def find_numbers(text: str, hits: list[Hit], lex: Lexicon) -> list[Number]:
    """Every number in `text`, a multiplier word after digits folded in ("400 thousand")."""
    multipliers = sorted((h for h in hits if h.kind == "multiplier"), key=lambda h: h.start)
    found = [_with_multiplier(text, m, multipliers, lex) for m in _DIGITS.finditer(text)]
    taken = [(n.start, n.end) for n in found]
    for hit in hits:
        if hit.kind not in ("number", "vague") or _inside(hit, taken):
            continue
        table = lex.numbers["words" if hit.kind == "number" else "vague"]
        found.append(Number(hit.start, hit.end, table[hit.key], vague=hit.kind == "vague"))
    return sorted(found, key=lambda n: n.start)


def _with_multiplier(
    text: str, match: re.Match[str], multipliers: list[Hit], lex: Lexicon
) -> Number:
    raw = match.group().translate(_TO_ASCII).replace(",", "")
    value = float(raw)
    end = match.end()
    for hit in multipliers:
        if hit.start >= end and not text[end : hit.start].strip():
            value *= lex.numbers["multipliers"][hit.key]
            end = hit.end
            break
        if hit.start > end + 3:
            break
    return Number(match.start(), end, round(value))


def _inside(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(start <= hit.start and hit.end <= end for start, end in spans)


_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")
