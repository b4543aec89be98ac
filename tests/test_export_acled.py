"""The demo's events CSV is ACLED-shaped: ACLED's column names, value sets and codes, and
`ceasefire eval events` reads it back as ACLED rows."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from api_server import build_demo
from cli_helpers import run

# ACLED's column names and value sets as its codebook publishes them (written out here, not
# read from the project's mapping, so that the mapping is what is checked).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities",
]  # fmt: skip
EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}  # fmt: skip
ISO_NUMERIC = {"Syria": "760", "Germany": "276", "Turkey": "792", "Lebanon": "422", "Iraq": "368"}


@pytest.fixture(scope="module")
def events_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("acled")
    db = build_demo(folder)
    path = folder / "events.csv"
    done = run("export", "events", "--format", "csv", "-o", str(path), "--db", str(db), "-q")
    assert done.returncode == 0, done.stderr
    return path


def test_events_csv_has_acled_columns_and_values(events_csv: Path) -> None:
    with events_csv.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
        rows = list(reader)
    assert len(rows) >= 10
    for row in rows:
        assert row["sub_event_type"] in EVENT_TYPES[row["event_type"]], row
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["event_date"]), row
        assert row["year"] == row["event_date"][:4]
        assert row["time_precision"] in {"1", "2", "3"}
        inters = [int(row[k]) for k in ("inter1", "inter2") if row[k]]
        assert all(1 <= i <= 8 for i in inters), row
        if inters:
            low, *high = sorted(inters)
            assert int(row["interaction"]) == low * 10 + (high[0] if high else 0), row
        else:
            assert row["interaction"] == ""
        if row["event_type"] == "Protests" and row["inter1"]:
            assert row["inter1"] == "6"
        assert re.fullmatch(r"\d{1,3}", row["iso"]), row
        if row["country"] in ISO_NUMERIC:
            assert row["iso"] == ISO_NUMERIC[row["country"]]
        assert row["event_id_cnty"][:3].isupper()
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
        assert row["geo_precision"] in {"1", "2", "3"}
        assert int(row["fatalities"]) >= 0
        assert row["notes"].strip()
    assert {row["country"] for row in rows} >= {"Syria"}


def test_eval_events_reads_the_export_as_acled_rows(events_csv: Path) -> None:
    rows = sum(1 for _ in csv.DictReader(events_csv.open(encoding="utf-8", newline="")))
    done = run("eval", "events", str(events_csv))
    assert done.returncode == 0, done.stderr
    assert f"{rows} ACLED rows" in done.stdout
    accuracy = re.search(r"event type accuracy\s+([\d.]+)", done.stdout)
    assert accuracy and float(accuracy.group(1)) > 0.5, done.stdout
