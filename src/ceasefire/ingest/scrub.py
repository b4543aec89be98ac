"""Text that every database can store: no NUL or other control characters, no lone surrogates.

Python strings can hold what UTF-8 cannot encode (a lone surrogate from a JSON "\\ud800", or
from a file name in another encoding) and what PostgreSQL refuses in text (NUL). Article text
and metadata are scrubbed of them once, as they enter; identifiers are refused instead,
because a changed id would no longer name what the sender meant.
"""

from __future__ import annotations

import os
import re

# C0 controls but tab, newline and carriage return; DEL; the surrogate block.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> tuple[str, str | None]:
    """`text` with control characters dropped and lone surrogates replaced by U+FFFD, and a
    warning saying what was changed (None when nothing was)."""
    if _UNSTORABLE.search(text) is None:
        return text, None
    surrogates = len(_SURROGATE.findall(text))
    controls = len(_UNSTORABLE.findall(text)) - surrogates
    cleaned = _UNSTORABLE.sub(lambda m: "\ufffd" if _SURROGATE.match(m.group()) else "", text)
    parts = []
    if controls:
        parts.append(f"{controls} control character(s) (NUL and the like) removed")
    if surrogates:
        parts.append(f"{surrogates} lone surrogate(s) replaced with U+FFFD")
    return cleaned, "; ".join(parts)


def unstorable(value: str) -> str | None:
    """What makes `value` unfit as an identifier, or None when it is fit."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    char = found.group()
    what = "a lone surrogate" if _SURROGATE.match(char) else "a control character"
    return f"{what} (U+{ord(char):04X}) at position {found.start()}"


def printable(value: str) -> str:
    """`value` safe to store and show: unstorable characters written as escapes ("\\ud800",
    "\\x00"). For names and messages that must be kept even when they hold such characters."""
    if _UNSTORABLE.search(value) is None:
        return value
    return _UNSTORABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def path_name(path: str) -> str:
    """A file path as text: a name in another encoding than the file system's (undecodable
    bytes, which Python holds as lone surrogates) gets its bytes written as escapes
    ("caf\\xe9.txt"), so that it can be stored and shown."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return printable(os.fsencode(path).decode("utf-8", "backslashreplace"))
    return printable(path)
