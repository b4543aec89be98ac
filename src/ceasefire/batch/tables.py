"""A partition's output as Parquet files: documents and failures (what `load` stores), and the
mentions, events and displacement of its documents, one row each, for analysts to read as
they are (pandas, DuckDB, Spark).

documents and failures keep every field of `Document` and `Failure` and each row's position
in the partition, so that `load` stores the items in the order `ingest` would have. The
mention and displacement rows are those of `ceasefire export` (docs/exports.md).
"""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any

from ceasefire.export.binary_formats import arrow_schema, set_dates
from ceasefire.export.others import (
    DISPLACEMENT_COLUMNS,
    MENTION_COLUMNS,
    displacement_row,
    mention_row,
)
from ceasefire.export.table import Row, columns, names
from ceasefire.mentions import mentions_of
from ceasefire.records import Document, Failure

TABLES = ("documents", "failures", "mentions", "events", "displacement")
EVENT_COLUMNS = columns(
    "document_id index:int published:date type subtype plover date:date actor1 actor2 "
    "place place_kind country admin1 latitude:float longitude:float fatalities:int evidence"
)


def _arrow() -> Any:
    import pyarrow as pa

    return pa


def _schemas() -> dict[str, Any]:
    pa = _arrow()
    text, number, binary = pa.string(), pa.int64(), pa.binary()
    document = [pa.field("position", number)]
    for f in fields(Document):
        kind = {"raw": binary, "signature": binary, "source_line": number}.get(f.name, text)
        if f.name == "warnings":
            kind = pa.list_(text)
        document.append(pa.field(f.name, kind))
    failure = [pa.field("position", number)] + [
        pa.field(f.name, {"line": number, "raw": binary}.get(f.name, text)) for f in fields(Failure)
    ]
    return {
        "documents": pa.schema(document),
        "failures": pa.schema(failure),
        "mentions": arrow_schema(MENTION_COLUMNS),
        "events": arrow_schema(EVENT_COLUMNS),
        "displacement": arrow_schema(DISPLACEMENT_COLUMNS),
    }


def write_partition(out: Path, name: str, results: list[Document | Failure]) -> dict[str, int]:
    """Write the five tables of one partition; each file appears whole or not at all.
    Returns the rows of each table."""
    rows: dict[str, list[Row]] = {table: [] for table in TABLES}
    for position, item in enumerate(results):
        if isinstance(item, Failure):
            rows["failures"].append({"position": position, **_fields(item)})
            continue
        document = _fields(item)
        document["records"] = None if item.records is None else json.dumps(item.records)
        rows["documents"].append({"position": position, **document})
        _record_rows(item, rows)
    schemas = _schemas()
    for table in TABLES:
        _write(out / table / f"{name}.parquet", rows[table], schemas[table])
    return {table: len(found) for table, found in rows.items()}


def _fields(item: Document | Failure) -> Row:
    return {f.name: getattr(item, f.name) for f in fields(item)}


def _record_rows(doc: Document, rows: dict[str, list[Row]]) -> None:
    records = doc.records or {}
    for mention in mentions_of(doc.id, doc.published, records, frozenset(), doc.title):
        rows["mentions"].append(mention_row(mention.to_json()))
    plain = {"id": doc.id, "published": doc.published}
    for index, record in enumerate(records.get("events", [])):
        rows["events"].append(event_row(plain, index, record))
    for index, record in enumerate(records.get("displacement", [])):
        rows["displacement"].append(displacement_row(plain, index, record))


def event_row(doc: dict[str, Any], index: int, record: dict[str, Any]) -> Row:
    """One event report of one document (before reports of one act are made one event)."""
    place = record.get("place") or {}
    return {
        "document_id": doc["id"],
        "index": index,
        "published": doc.get("published"),
        "type": record["type"],
        "subtype": record.get("subtype"),
        "plover": record.get("plover"),
        "date": record.get("date"),
        "actor1": names([record["actor1"]] if record.get("actor1") else []),
        "actor2": names([record["actor2"]] if record.get("actor2") else []),
        "place": place.get("canonical"),
        "place_kind": place.get("kind"),
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "fatalities": record.get("fatalities"),
        "evidence": record["evidence"]["text"],
    }


def _write(path: Path, rows: list[Row], schema: Any) -> None:
    import pyarrow.parquet as pq

    pa = _arrow()
    set_dates(rows, [f.name for f in schema if f.type == pa.date32()])
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=schema)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    pq.write_table(table, partial)
    os.replace(partial, path)


def read_items(out: Path, name: str) -> list[Document | Failure]:
    """The documents and failures of one partition, in their order."""
    import pyarrow.parquet as pq

    found: list[tuple[int, Document | Failure]] = []
    for row in pq.read_table(out / "documents" / f"{name}.parquet").to_pylist():
        position = row.pop("position")
        row["records"] = None if row["records"] is None else json.loads(row["records"])
        row["warnings"] = row["warnings"] or []
        found.append((position, Document(**row)))
    for row in pq.read_table(out / "failures" / f"{name}.parquet").to_pylist():
        position = row.pop("position")
        found.append((position, Failure(**row)))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]
