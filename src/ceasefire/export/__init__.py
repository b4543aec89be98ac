"""Exports: stored records as CSV, JSONL, GeoJSON, Parquet or XLSX, for spreadsheets, pandas,
R, QGIS and DuckDB. `write_export` is the one function behind `ceasefire export` and the
HTTP API's `/export/{kind}.{format}`; docs/exports.md lists every column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import BinaryIO

from sqlalchemy import Engine

from ceasefire import filters as checks
from ceasefire.export.arrangements import arrangements_table, characterizations_table
from ceasefire.export.binary_formats import MissingLibrary, write_parquet, write_xlsx
from ceasefire.export.events import events_table
from ceasefire.export.others import (
    displacement_table,
    documents_table,
    mentions_table,
    violations_table,
)
from ceasefire.export.table import Table
from ceasefire.export.text_formats import write_csv, write_geojson, write_jsonl
from ceasefire.store.queries import Filters

__all__ = ["FORMATS", "KINDS", "MEDIA_TYPES", "ExportError", "Request", "write_export"]


class ExportError(ValueError):
    """An export that cannot be made as asked; the message says what to ask instead."""


_TABLES: dict[str, Callable[[Engine, Filters], Table]] = {
    "events": events_table,
    "arrangements": arrangements_table,
    "characterizations": characterizations_table,
    "mentions": mentions_table,
    "violations": violations_table,
    "displacement": displacement_table,
    "documents": documents_table,
}
KINDS = tuple(_TABLES)
_WRITERS = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "geojson": write_geojson,
    "parquet": write_parquet,
    "xlsx": write_xlsx,
}
FORMATS = tuple(_WRITERS)
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The filters each kind can be narrowed by (as the listings mean them).
_PLACED = ("type", "since", "until", "country", "place", "actor")
ACCEPTS: dict[str, tuple[str, ...]] = {
    "events": _PLACED,
    "arrangements": _PLACED,
    "characterizations": _PLACED,
    "mentions": ("since", "until", "country", "arrangement"),
    "violations": ("since", "until", "country", "arrangement"),
    "displacement": ("since", "until"),
    "documents": ("since", "until"),
}
_NO_PLACE = ("documents", "characterizations")


@dataclass(slots=True)
class Request:
    """What to export: a kind, a format, and filters (None: not narrowed)."""

    kind: str
    format: str
    type: str | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    place: str | None = None
    actor: str | None = None
    arrangement: str | None = None

    def checked(self, label: Callable[[str], str] = str) -> Filters:
        """The store's filters, once every value is known to be valid for this kind;
        `label` spells a filter's name in messages as the caller's interface does."""
        checks.check_choice(self.kind, KINDS, label("kind"))
        checks.check_choice(self.format, FORMATS, label("format"))
        if self.format == "geojson" and self.kind in _NO_PLACE:
            raise ExportError(
                f"{self.kind} have no place: export them as csv, jsonl, parquet or xlsx"
            )
        given = [f.name for f in fields(self)[2:] if getattr(self, f.name) is not None]
        extra = [label(name) for name in given if name not in ACCEPTS[self.kind]]
        if extra:
            accepted = ", ".join(label(name) for name in ACCEPTS[self.kind])
            raise ExportError(
                f"{self.kind} cannot be filtered by {', '.join(extra)}; they can be by {accepted}"
            )
        check_type = (
            checks.check_event_type if self.kind == "events" else checks.check_arrangement_type
        )
        return Filters(
            country=checks.check_country(self.country, label("country")),
            place=self.place,
            kind=check_type(self.type, label("type")),
            actor=self.actor,
            since=checks.check_date(self.since, label("since")),
            until=checks.check_date(self.until, label("until")),
            arrangement=self.arrangement,
        )


def write_export(
    engine: Engine, request: Request, out: BinaryIO, on_row: Callable[[int], object] | None = None
) -> int:
    """Write the records `request` selects to `out` (binary) as they are read, calling
    `on_row(n)` as rows are written; returns how many rows were written. Raises
    `FilterError` or `ExportError` before writing anything when the request is not valid."""
    f = request.checked()
    table = _TABLES[request.kind](engine, f)
    try:
        return _WRITERS[request.format](table, out, on_row or (lambda _: None))
    except MissingLibrary as exc:
        raise ExportError(str(exc)) from None
