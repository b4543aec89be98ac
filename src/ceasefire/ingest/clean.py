"""Plain-text cleaning: headline, repeated headline, page furniture at the edges, byline.

Furniture is only ever removed from the top and bottom edges of an article, and only when a
line is a known furniture phrase, a bare number, or an emoji-led menu item; a sentence in the
body is never touched, whatever its language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ceasefire import knowledge

_MAX_TITLE_WORDS = 30
_MAX_FURNITURE_CHARS = 60  # menu labels and widgets are short; longer lines are prose
_SENTENCE_END = (".", "!", "…", "۔")


@dataclass(slots=True)
class Cleaned:
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None


def clean_text(raw: str, title: str | None = None) -> Cleaned:
    """Find a plain-text article's headline and body, dropping furniture at its edges.

    With a known `title`, copies of it at the top are dropped and no headline is guessed.
    The cleaned text opens with the headline, once: a headline is the article's first claim
    ("Thailand, Cambodia agree to ceasefire"), often the only one to name where.
    """
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = _trim_edges(lines)
    if title:
        lines = _drop_repeats(lines, title)
    else:
        title, lines = _take_title(lines)
    author, outlet = _find_byline(lines)
    return Cleaned(_with_headline(title, _join(lines)), title, author, outlet)


def _with_headline(title: str | None, body: str) -> str:
    if not title or not title.strip():
        return body
    return f"{title.strip()}\n\n{body}" if body else title.strip()


def normalize_title(title: str | None) -> str:
    """Whitespace-collapsed, casefolded headline, for comparing two headlines."""
    return " ".join((title or "").split()).casefold()


def _join(lines: list[str]) -> str:
    text = "\n".join(line.strip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _trim_edges(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and _is_furniture(lines[start]):
        start += 1
    while end > start and _is_furniture(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if len(stripped) > _MAX_FURNITURE_CHARS:
        return False
    if _is_number(stripped) or _is_emoji_led(stripped):
        return True
    return _phrase_key(stripped) in _furniture_phrases()


def _is_number(text: str) -> bool:
    return all(ch.isdigit() or ch in "()[]+-., " for ch in text)


def _is_emoji_led(text: str) -> bool:
    first = text[0]
    return unicodedata.category(first) == "So" or 0x1F000 <= ord(first) <= 0x1FAFF


def _phrase_key(text: str) -> str:
    """Lowercase words only: 'Comments (12)' and 'التعليقات (0)' become 'comments', 'التعليقات'."""
    kept = [ch if ch.isalpha() or ch.isspace() else " " for ch in text.casefold()]
    return " ".join("".join(kept).split())


@cache
def _furniture_phrases() -> frozenset[str]:
    data = knowledge.load("furniture")["phrases"]
    return frozenset(_phrase_key(p) for phrases in data.values() for p in phrases)


@cache
def _byline_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in knowledge.load("furniture")["bylines"])


def _take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The first line is the headline when it is short and stands apart from the body."""
    if not lines:
        return None, lines
    first = lines[0].strip()
    rest = lines[1:]
    stands_apart = not rest or not rest[0].strip() or _same(rest[0], first)
    looks_like_headline = len(first.split()) <= _MAX_TITLE_WORDS and not first.endswith(
        _SENTENCE_END
    )
    if not (stands_apart and looks_like_headline) or not any(line.strip() for line in rest):
        return None, lines
    return first, _drop_repeats(rest, first)


def _drop_repeats(lines: list[str], title: str) -> list[str]:
    """Remove copies of the headline among the first lines (page furniture repeats it)."""
    head = lines[:5]
    if any(_same(line, title) for line in head):
        lines = [line for line in head if not _same(line, title)] + lines[5:]
    elif head and normalize_title(head[0]).startswith(normalize_title(title) + " "):
        lines = [head[0].strip()[len(title.strip()) :], *lines[1:]]
    return _trim_edges(lines)


def _same(a: str, b: str) -> bool:
    return normalize_title(a) == normalize_title(b)


def _find_byline(lines: list[str]) -> tuple[str | None, str | None]:
    """A byline on the last or first body line: 'Rosana Boumonsef in Annahar.'"""
    candidates = [line.strip() for line in (lines[-1:] + lines[:1]) if line.strip()]
    for line in candidates:
        for pattern in _byline_patterns():
            match = pattern.match(line)
            if match:
                author, outlet = match.groupdict().get("author"), match.groupdict().get("outlet")
                return author, outlet.rstrip(".") if outlet else None
    return None, None
