"""A mistyped filter is an error naming the valid values, on the command line (exit 2) and
in the HTTP API (422); a --db file that does not exist is an error for every command that
does not build a database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_server import build_demo, serving
from cli_helpers import run

ARRANGEMENT_TYPES = "humanitarian_pause, regime_of_calm, truce"
BAD = [
    (["--type", "trcue"], "unknown --type 'trcue'; valid values: " + ARRANGEMENT_TYPES),
    (["--since", "2016-13-01"], "--since '2016-13-01' is not a date"),
    (["--since", "May 2016"], "--since 'May 2016' is not a date: write it YYYY-MM-DD"),
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("filters"))


@pytest.fixture(scope="module")
def api(demo_db: Path) -> Iterator[str]:
    with serving(demo_db) as base:
        yield base


@pytest.mark.parametrize(("command", "kind"), [("arrangements", None), ("export", "arrangements")])
@pytest.mark.parametrize(("options", "message"), BAD)
def test_cli_refuses_a_mistyped_filter(
    demo_db: Path, command: str, kind: str | None, options: list[str], message: str
) -> None:
    args = [command, *([kind] if kind else []), *options, "--db", str(demo_db)]
    done = run(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert message in done.stderr
    assert done.stdout == ""


def test_cli_refuses_an_unknown_event_type_and_country(demo_db: Path) -> None:
    done = run("events", "--type", "airstrike", "--db", str(demo_db))
    assert done.returncode == 2
    assert "unknown --type 'airstrike'; valid values: " in done.stderr
    assert "air_drone_strike" in done.stderr and "battles" in done.stderr
    done = run("export", "events", "--country", "Syria", "--db", str(demo_db))
    assert done.returncode == 2
    assert (
        "unknown --country 'SYRIA'; valid values: AD, AE," in done.stderr and "SY," in done.stderr
    )
    done = run("export", "documents", "--format", "shapefile", "--db", str(demo_db))
    assert (
        done.returncode == 2 and "valid values: csv, jsonl, geojson, parquet, xlsx" in done.stderr
    )


@pytest.mark.parametrize(
    "args",
    [
        ["documents"],
        ["show", "some-id"],
        ["events"],
        ["arrangements"],
        ["arrangement", "arr-1"],
        ["violations"],
        ["resolve"],
        ["reextract"],
        ["retry"],
        ["export", "events"],
    ],
)
def test_a_missing_database_is_an_error(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "no-such.db"
    done = run(*args, "--db", str(missing), cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"no database at {missing}" in done.stderr
    assert "`ceasefire ingest` and `ceasefire demo` create one" in done.stderr
    assert not missing.exists()


def test_ingest_creates_its_database(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Russia extended the truce in Aleppo.\n", encoding="utf-8")
    done = run("ingest", str(source), "--db", str(tmp_path / "new.db"), "-q")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/arrangements?type=trcue", "unknown type 'trcue'; valid values: " + ARRANGEMENT_TYPES),
        ("/export/arrangements.csv?type=trcue", "unknown type 'trcue'; valid values: "),
        ("/events?type=airstrike", "unknown type 'airstrike'; valid values: "),
        ("/events?since=2016-13-01", "since '2016-13-01' is not a date"),
        ("/export/events.csv?since=2016-13-01", "since '2016-13-01' is not a date"),
        ("/arrangements?since=May%202016", "since 'May 2016' is not a date: write it YYYY-MM-DD"),
        ("/export/events.parquet?until=May%202016", "until 'May 2016' is not a date"),
        ("/events?country=XX", "unknown country 'XX'; valid values: AD, AE,"),
        ("/export/events.geojson?country=XX", "unknown country 'XX'; valid values: AD, AE,"),
        ("/places?country=ZZ", "unknown country 'ZZ'; valid values: "),
        ("/export/docs.csv", "unknown kind 'docs'; valid values: events, arrangements"),
        ("/export/events.shp", "unknown format 'shp'; valid values: csv, jsonl, geojson"),
        ("/export/violations.csv?place=Aleppo", "violations cannot be filtered by place"),
    ],
)
def test_api_refuses_a_mistyped_filter(api: str, path: str, message: str) -> None:
    answer = httpx.get(api + path, timeout=30)
    assert answer.status_code == 422, answer.text
    assert message in answer.json()["detail"]


def test_api_export_downloads_with_filters(api: str) -> None:
    answer = httpx.get(api + "/export/arrangements.csv?type=truce&country=sy", timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    lines = answer.text.splitlines()
    assert lines[0].startswith("id,country,") and len(lines) >= 2
    assert all(",truce," in line for line in lines[1:])
    parquet = httpx.get(api + "/export/events.parquet", timeout=30)
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"
