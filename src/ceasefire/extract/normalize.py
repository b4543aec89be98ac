"""Text normalized for matching, with a way back to the original offsets.

Latin and Cyrillic are lowercased; Arabic letter variants are unified and diacritics dropped
(knowledge/arabic.yaml). Every hit found in the normalized text maps back to the exact span of
the original, which is what evidence must quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ceasefire import knowledge


@dataclass(slots=True)
class Normalized:
    text: str
    offsets: list[int] | None  # original index of each normalized char; None: the same

    def original(self, index: int) -> int:
        """The original offset of normalized offset `index` (which may be len(text))."""
        if self.offsets is None:
            return index
        if index >= len(self.offsets):
            return self.offsets[-1] + 1 if self.offsets else 0
        return self.offsets[index]


@cache
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    data = knowledge.load("arabic")
    one_to_one = {ord(k): v for k, v in data["unify"].items() if len(v) == 1}
    one_to_one.update({ord(ws): " " for ws in "\n\r\t\xa0\u2009\u202f"})
    # Hyphens join transliterated names in some spellings and not others: "Deir-ez-Zor".
    one_to_one.update({ord(dash): " " for dash in "-\u2010\u2011"})
    dropped = "".join(k for k, v in data["unify"].items() if not v) + data["diacritics"]
    return one_to_one, re.compile(f"[{re.escape(dropped)}]")


def normalize(text: str, lower: bool = True) -> Normalized:
    """Lowercase (unless `lower` is false), unify Arabic letters, drop Arabic diacritics;
    keep the offset map."""
    unify, dropped = _tables()
    lowered = text.lower() if lower else text
    if len(lowered) != len(text):  # a few characters lowercase to two; keep one
        lowered = "".join(ch.lower()[0] for ch in text)
    unified = lowered.translate(unify)
    if not _may_drop(unified, dropped):
        return Normalized(unified, None)
    kept = [i for i, ch in enumerate(unified) if not dropped.match(ch)]
    return Normalized("".join(unified[i] for i in kept), kept)


def _may_drop(text: str, dropped: re.Pattern[str]) -> bool:
    """Does `text` hold a character normalizing drops? Those are all Arabic marks: an ASCII
    text (most English news) holds none, which `str.isascii` tells without a scan by
    `dropped`, a character class that the regular expression engine tries at every offset."""
    return not text.isascii() and dropped.search(text) is not None


# The code points U+0600-U+06FF are those whose UTF-8 encoding begins with one of these
# bytes (which no other character's encoding holds: continuation bytes are 0x80-0xBF).
_ARABIC_LEADS = (b"\xd8", b"\xd9", b"\xda", b"\xdb")


def has_arabic(text: str) -> bool:
    """Does the text hold a letter of the Arabic script (U+0600-U+06FF)? Asked of whole
    texts: the bytes of their UTF-8 encoding are searched (with `memchr`), several times
    faster than a character class is by the regular expression engine."""
    if text.isascii():
        return False
    encoded = text.encode("utf-8", "surrogatepass")
    return any(lead in encoded for lead in _ARABIC_LEADS)


def fold(text: str) -> str | None:
    """Lowercased, Arabic-unified text of the same length as `text`, or None when the text
    holds characters that normalizing would drop or split (then use `normalize`)."""
    unify, dropped = _tables()
    lowered = text.lower()
    if len(lowered) != len(text) or _may_drop(text, dropped):
        return None
    return lowered.translate(unify)


@lru_cache(maxsize=1 << 16)
def normalize_term(term: str) -> str:
    """A knowledge term in the form the matcher stores it."""
    return " ".join(normalize(term).text.split())
