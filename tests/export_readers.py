"""Reading an export back the way analysts do (pandas, DuckDB, geopandas, openpyxl), and the
rows the store holds in the same plain shape, so that tests compare the two."""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ceasefire.export import Request
from ceasefire.export.table import Column, Table


def expected(engine: Any, kind: str, **filters: str) -> tuple[list[Column], list[dict[str, Any]]]:
    """The table's columns and rows as the store gives them (nothing written)."""
    from ceasefire.export import _TABLES

    request = Request(kind, "csv", **filters)
    table: Table = _TABLES[kind](engine, request.checked())
    return table.columns, [row for row, _ in table.rows]


def plain(value: Any, column: Column) -> Any:
    """One value in one comparable shape, whatever the reader gave: None for missing, dates
    as ISO text, counts as int, coordinates as float."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if column.type == "date":
        if isinstance(value, datetime):
            return value.date().isoformat()
        return value.isoformat() if isinstance(value, date) else str(value)[:10]
    if column.type == "int":
        return int(value)
    if column.type == "float":
        return float(value)
    if column.type == "bool":
        return value if isinstance(value, bool) else str(value) == "True"
    return str(value)


def normalized(columns: list[Column], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{c.name: plain(row.get(c.name), c) for c in columns} for row in rows]


def read_back(path: Path, fmt: str, columns: list[Column]) -> list[dict[str, Any]]:
    """The rows of an export file, read by the library an analyst would use."""
    if fmt == "csv":
        import pandas

        frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
        assert list(frame.columns) == [c.name for c in columns]
        return normalized(columns, frame.to_dict("records"))
    if fmt == "jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        return normalized(columns, [json.loads(line) for line in lines])
    if fmt == "parquet":
        import pandas

        frame = pandas.read_parquet(path)
        assert list(frame.columns) == [c.name for c in columns]
        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        return normalized(columns, rows)
    if fmt == "geojson":
        import geopandas

        frame = geopandas.read_file(path)
        names = [c.name for c in columns]
        assert [c for c in frame.columns if c != "geometry"] == names
        rows = frame[names].astype(object).where(frame[names].notna(), None)
        return normalized(columns, rows.to_dict("records"))
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        [sheet] = book.worksheets
        header, *body = list(sheet.iter_rows(values_only=True))
        assert list(header) == [c.name for c in columns]
        # a streamed sheet states no dimensions: read-only openpyxl stops a row at its last value
        width = len(header)
        rows = [dict(zip(header, (*v, *(None,) * (width - len(v))), strict=True)) for v in body]
        return normalized(columns, rows)
    raise AssertionError(fmt)


def duckdb_rows(path: Path, columns: list[Column]) -> list[dict[str, Any]]:
    """A Parquet export as DuckDB reads it."""
    import duckdb

    relation = duckdb.sql(f"SELECT * FROM read_parquet('{path}')")
    assert relation.columns == [c.name for c in columns]
    return normalized(
        columns, [dict(zip(relation.columns, r, strict=True)) for r in relation.fetchall()]
    )
