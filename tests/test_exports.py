"""Exports read back by pandas, DuckDB, geopandas and openpyxl hold the store's rows and values,
on the demo corpus and on real articles."""

from __future__ import annotations

import csv
import json
import time
from datetime import datetime
from pathlib import Path

import pytest

from api_server import build_demo
from ceasefire.export import KINDS, Request, write_export
from ceasefire.store import open_store
from cli_helpers import run
from conftest import SHARED
from export_readers import duckdb_rows, expected, normalized, read_back

FORMATS = ("csv", "jsonl", "geojson", "parquet", "xlsx")
CASES = [
    (kind, fmt)
    for kind in KINDS
    for fmt in FORMATS
    if not (fmt == "geojson" and kind in ("documents", "characterizations"))
]
FAKES = SHARED / "data" / "fakes-syria-news-dev.csv"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("exports"))


@pytest.fixture(scope="module")
def fakes_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The FA-KES articles (its dev split, as published) ingested as documents."""
    if not FAKES.exists():
        pytest.skip(f"no FA-KES articles at {FAKES}")
    folder = tmp_path_factory.mktemp("fakes")
    lines = []
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            published = datetime.strptime(row["date"].strip(), "%m/%d/%y").date().isoformat()
            text = f"{row['article_title']}\n\n{row['article_content']}"
            lines.append(
                json.dumps({"id": f"fakes-{row['unit_id']}", "text": text, "published": published})
            )
    assert len(lines) == 384
    source = folder / "fakes.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("ingest", str(source), "--db", str(folder / "fakes.db"), "-q")
    assert result.returncode == 0, result.stderr
    return folder / "fakes.db"


def _round_trip(db: Path, kind: str, fmt: str, folder: Path) -> None:
    engine = open_store(str(db))
    columns, rows = expected(engine, kind)
    path = folder / f"{kind}.{fmt}"
    with path.open("wb") as out:
        written = write_export(engine, Request(kind, fmt), out)
    assert written == len(rows)
    assert read_back(path, fmt, columns) == normalized(columns, rows)
    if fmt == "parquet":
        assert duckdb_rows(path, columns) == normalized(columns, rows)


@pytest.mark.parametrize(("kind", "fmt"), CASES)
def test_demo_export_reads_back_as_stored(
    demo_db: Path, tmp_path: Path, kind: str, fmt: str
) -> None:
    _round_trip(demo_db, kind, fmt, tmp_path)


@pytest.mark.parametrize(("kind", "fmt"), [c for c in CASES if c[0] != "documents"])
def test_real_articles_export_reads_back_as_stored(
    fakes_db: Path, tmp_path: Path, kind: str, fmt: str
) -> None:
    _round_trip(fakes_db, kind, fmt, tmp_path)


def test_rows_are_the_stored_records(demo_db: Path) -> None:
    """The exported rows carry the stored records' own values, not the mapping's alone."""
    from ceasefire.store.resolved import ResolvedStore

    engine = open_store(str(demo_db))
    store = ResolvedStore(engine)
    _, events = expected(engine, "events")
    stored = {e["id"]: e for e in store.event_rows()}
    assert {row["id"] for row in events} == set(stored)
    for row in events:
        record = stored[row["id"]]
        assert row["type"] == record["type"] and row["subtype"] == record["subtype"]
        assert row["event_date"] == record["date"]
        assert row["fatalities"] == (record["fatalities"] or 0)
        assert row["notes"] == record["evidence"]["text"]
        assert row["reports"] == len(record["sources"])
    _, arrangements = expected(engine, "arrangements")
    records = {r["record"]["id"]: r["record"] for r in store.arrangement_rows()}
    assert {row["id"] for row in arrangements} == set(records)
    for row in arrangements:
        record = records[row["id"]]
        assert (row["type"], row["status"], row["start"], row["end"]) == (
            record["type"],
            record["status"],
            record["start"],
            record["end"],
        )
        assert row["reports"] == len(record["mentions"])
        weekly = [int(n) for week in (row["violations_per_week"] or "").split("; ") if week
                  for n in [week.rsplit(": ", 1)[1]]]
        assert sum(weekly) == row["violation_candidates"]
    _, characterizations = expected(engine, "characterizations")
    assert len(characterizations) == sum(len(r["characterizations"]) for r in records.values())


def test_parquet_columns_are_typed(demo_db: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    engine = open_store(str(demo_db))
    path = tmp_path / "events.parquet"
    with path.open("wb") as out:
        write_export(engine, Request("events", "parquet"), out)
    schema = pq.read_schema(path)
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("reports").type == pa.int64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("notes").type == pa.string()


def test_geojson_properties_are_flat_and_nationwide_is_the_country(
    demo_db: Path, tmp_path: Path
) -> None:
    import geopandas

    engine = open_store(str(demo_db))
    path = tmp_path / "arrangements.geojson"
    with path.open("wb") as out:
        write_export(engine, Request("arrangements", "geojson"), out)
    data = json.loads(path.read_text(encoding="utf-8"))
    for feature in data["features"]:
        for value in feature["properties"].values():
            assert value is None or isinstance(value, str | int | float | bool)
    frame = geopandas.read_file(path)
    nationwide = frame[frame["nationwide"]]
    assert len(nationwide) >= 2
    assert set(nationwide.geom_type) == {"MultiPolygon"}
    syria = nationwide.geometry.iloc[0]
    assert syria.contains(geopandas.points_from_xy([36.29], [33.51])[0])  # Damascus
    assert (
        len(
            syria.exterior.coords
            if syria.geom_type == "Polygon"
            else syria.geoms[0].exterior.coords
        )
        > 10
    )
    assert set(frame[~frame["nationwide"]].geom_type) == {"MultiPoint"}


def test_cli_writes_files_with_a_summary_and_streams_to_stdout(
    demo_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "events.xlsx"
    started = time.perf_counter()
    done = run("export", "events", "--format", "xlsx", "-o", str(target), "--db", str(demo_db))
    assert done.returncode == 0, done.stderr
    assert "wrote 17 events to" in done.stderr or "wrote" in done.stderr
    assert target.exists() and not list(tmp_path.glob(".*.part"))
    assert time.perf_counter() - started < 60
    listed = run("export", "arrangements", "--type", "truce", "--db", str(demo_db))
    assert listed.returncode == 0, listed.stderr
    rows = list(csv.DictReader(listed.stdout.splitlines()))
    assert rows and {row["type"] for row in rows} == {"truce"}


def test_exports_are_the_same_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    """The demo corpus ingested into PostgreSQL and into SQLite exports the same rows."""
    from ceasefire.demo import corpus_dir

    sqlite_db = str(tmp_path / "same.db")
    for db in (pg_url, sqlite_db):
        done = run("ingest", str(corpus_dir()), "--db", db, "-q")
        assert done.returncode == 0, done.stderr
    for kind in KINDS:
        exported = []
        for db in (pg_url, sqlite_db):
            _, rows = expected(open_store(db), kind)
            exported.append([{k: v for k, v in row.items() if k != "ingested_at"} for row in rows])
        assert exported[0] == exported[1], kind
        assert exported[0] or kind == "displacement"


def test_exports_mark_what_corrections_changed(tmp_path: Path) -> None:
    from ceasefire import corrections
    from ceasefire.store.resolved import ResolvedStore

    engine = open_store(str(build_demo(tmp_path)))
    arrangement = ResolvedStore(engine).arrangement_rows()[0]["record"]["id"]
    corrections.add(engine, "set", "arrangement", arrangement, author="ana", field="status",
                    value="in_force")
    _, rows = expected(engine, "arrangements")
    marked = {row["id"]: row["corrected"] for row in rows}
    assert marked[arrangement] == "status"
    assert all(v is None for k, v in marked.items() if k != arrangement)
