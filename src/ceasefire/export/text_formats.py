"""CSV (the csv module), JSONL and GeoJSON, written row by row as the rows are read."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any, BinaryIO

from ceasefire.export.table import Table

OnRow = Callable[[int], object]


def _text(out: BinaryIO) -> io.TextIOWrapper:
    """A text view of the binary output that leaves it open for the caller."""
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)


def write_csv(table: Table, out: BinaryIO, on_row: OnRow) -> int:
    """A header of the column names, then one line per row; a missing value is empty."""
    text = _text(out)
    writer = csv.writer(text, lineterminator="\n")
    names = [c.name for c in table.columns]
    writer.writerow(names)
    count = 0
    for row, _ in table.rows:
        writer.writerow(["" if row.get(n) is None else row[n] for n in names])
        count += 1
        on_row(1)
    text.flush()
    text.detach()
    return count


def write_jsonl(table: Table, out: BinaryIO, on_row: OnRow) -> int:
    """One JSON object per line, every column present (null when missing)."""
    names = [c.name for c in table.columns]
    count = 0
    for row, _ in table.rows:
        line = json.dumps({n: row.get(n) for n in names}, ensure_ascii=False)
        out.write(line.encode("utf-8") + b"\n")
        count += 1
        on_row(1)
    return count


def write_geojson(table: Table, out: BinaryIO, on_row: OnRow) -> int:
    """A FeatureCollection whose Features have flat properties (every column, scalars only),
    which QGIS and geopandas read as the layer's columns; a record with no place has a null
    geometry."""
    names = [c.name for c in table.columns]
    out.write(b'{"type": "FeatureCollection", "name": ' + _json(table.name) + b', "features": [')
    count = 0
    for row, geometry in table.rows:
        feature = {
            "type": "Feature",
            "geometry": geometry,
            "properties": {n: row.get(n) for n in names},
        }
        out.write((b",\n" if count else b"\n") + _json(feature))
        count += 1
        on_row(1)
    out.write(b"\n]}\n")
    return count


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
