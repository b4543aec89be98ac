"""What every export format writes: named, typed columns and rows that fill them.

A row is a dict of plain values (str, int, float, bool or None; dates as `YYYY-MM-DD`
strings, lists already joined): the flat shape spreadsheets, data frames and GIS layers read
as columns. Each format turns the column types into its own (Parquet date32 and int64, XLSX
date cells); CSV and JSONL write the values as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

ColumnType = Literal["str", "int", "float", "date", "bool"]
JOIN = "; "  # between the items of a list in one cell ("Russia; Turkey")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType = "str"


Row = dict[str, Any]
Geometry = dict[str, Any] | None


@dataclass(slots=True)
class Table:
    """One export: its columns, and its rows as they are read, each with its geometry (or
    None) for GeoJSON."""

    name: str
    columns: list[Column]
    rows: Iterator[tuple[Row, Geometry]]


def columns(spec: str) -> list[Column]:
    """Columns from "name:type name ..." (type `str` when left out): a table reads as its
    list of names."""
    found = []
    for word in spec.split():
        name, _, kind = word.partition(":")
        found.append(Column(name, kind or "str"))  # type: ignore[arg-type]
    return found


def joined(values: Any) -> str | None:
    """Items of a list in one cell, in order, each once; None when there are none."""
    items = [str(v) for v in dict.fromkeys(values) if v not in (None, "")]
    return JOIN.join(items) if items else None


def names(actors: list[dict[str, Any]] | None) -> str | None:
    """Actors' canonical names in one cell."""
    return joined(a["canonical"] for a in actors or [])


def place_names(places: list[dict[str, Any]] | None) -> str | None:
    return joined(p["canonical"] for p in places or [])


def place_ids(places: list[dict[str, Any]] | None) -> str | None:
    """GeoNames ids of places (landmarks have none), in one cell."""
    return joined(p.get("geonameid") for p in places or [])
