"""The raw item that readers yield and `prepare` turns into a Document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class RawItem:
    """One input document before cleaning: a whole file, a JSONL line or a feed entry."""

    doc_id: str
    source: str
    kind: str  # "text", "html", "jsonl" or "feed"
    raw: bytes
    line: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)
