"""The records of SCHEMA.md, as plain dataclasses.

This module imports nothing of the package; every other module may import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


@dataclass(slots=True)
class Evidence:
    """Character offsets into a document's cleaned text, and the text they span."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Place:
    name: str
    canonical: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    kind: str  # country, admin1, city, locality or landmark
    evidence: Evidence | None = None


@dataclass(slots=True)
class Actor:
    name: str
    canonical: str
    country: str | None
    agent: str
    code: str | None
    evidence: Evidence | None = None


@dataclass(slots=True)
class Ceasefire:
    """One mention of a ceasefire arrangement in one document."""

    type: str
    term: str
    status: str
    evidence: Evidence
    characterized_by: list[Actor] = field(default_factory=list)
    parties: list[Actor] = field(default_factory=list)
    sponsors: list[Actor] = field(default_factory=list)
    mediators: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # where it was negotiated, signed or announced, which is not its scope
    venues: list[Place] = field(default_factory=list)
    # what the text says it does not cover: {"places": [Place], "actors": [Actor]}
    excluded: dict[str, list[Any]] = field(default_factory=lambda: {"places": [], "actors": []})
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class Event:
    type: str
    evidence: Evidence
    subtype: str | None = None
    plover: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    place: Place | None = None
    date: str | None = None
    fatalities: int | None = None


@dataclass(slots=True)
class Displacement:
    count: int | None
    evidence: Evidence
    origin: Place | None = None
    destination: Place | None = None
    conditional: bool = False
    reported_by: Actor | None = None


@dataclass(slots=True)
class Source:
    outlet: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Document:
    """One cleaned article, ready for extraction and storage."""

    id: str
    text: str
    title: str | None = None
    language: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    source_path: str | None = None
    source_line: int | None = None
    encoding: str | None = None
    raw: bytes = b""
    raw_hash: str = ""
    content_hash: str = ""
    signature: bytes = b""
    records: dict[str, Any] | None = None
    extracted_with: str | None = None
    extract_error: str | None = None  # why extraction failed, when it did
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Failure:
    """An input item that could not become a Document, kept with its reason for retry."""

    source: str
    reason: str
    line: int | None = None
    item_id: str | None = None
    raw: bytes | None = None

    @property
    def where(self) -> str:
        return failure_where(self.source, self.line)


def failure_where(source: str, line: int | None) -> str:
    """`file` or `file:line`, the way a person points at a bad input."""
    return source if line is None else f"{source}:{line}"


@dataclass(slots=True)
class Result:
    """The extraction output for one document (SCHEMA.md "Output")."""

    id: str
    title: str | None = None
    language: str | None = None
    published: str | None = None
    source: Source = field(default_factory=Source)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    ceasefires: list[Ceasefire] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    displacement: list[Displacement] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    text: str | None = None

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        """The SCHEMA.md JSON object; `text` only when asked for."""
        data = plain(self)
        if not with_text:
            data.pop("text")
        return data


def plain(value: Any) -> Any:
    """Records as dicts and lists, for JSON (`dataclasses.asdict` without its deep copies)."""
    names = _FIELDS.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


_FIELDS: dict[type, tuple[str, ...]] = {}
