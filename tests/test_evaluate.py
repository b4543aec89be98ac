"""The scorers, on small CSVs written here (floors on the shared data: test_eval_gate.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ceasefire.evaluate import acled_date, haversine_km, score_agreements, score_places


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_acled_dates_and_distances() -> None:
    assert acled_date("9-May-20") == "2020-05-09"
    assert acled_date("2016-05-04") == "2016-05-04"
    assert acled_date("soon") is None
    assert haversine_km(36.2, 37.16, 36.2, 37.16) == 0
    assert 290 < haversine_km(36.20, 37.16, 33.51, 36.29) < 320  # Aleppo to Damascus


def test_place_scorer_counts_hits_and_misses(tmp_path: Path) -> None:
    rows = [
        {
            "event_date": "6-May-16",
            "notes": "Shells hit Aleppo city, killing three.",
            "latitude": "36.2",
            "longitude": "37.16",
            "country": "Syria",
            "location": "Aleppo",
        },
        {
            "event_date": "6-May-16",
            "notes": "Clashes were reported in Homs.",
            "latitude": "36.2",
            "longitude": "37.16",
            "country": "Syria",
            "location": "Aleppo",
        },
        {
            "event_date": "6-May-16",
            "notes": "Clashes were reported overnight.",
            "latitude": "36.2",
            "longitude": "37.16",
            "country": "Syria",
            "location": "Aleppo",
        },
    ]
    report = score_places(_write(tmp_path / "acled.csv", rows), worst=3)
    scores = {s.name: (s.hits, s.total) for s in report.scores}
    assert scores["location within 25 km"] == (1, 3)
    assert scores["country"] == (2, 3)
    assert scores["rows with a place found"] == (2, 3)
    assert report.errors[0].startswith("no place: Aleppo")


def test_agreement_scorer(tmp_path: Path) -> None:
    rows = [
        {"Agt": "Arsal 24-Hour Ceasefire Agreement", "Stage": "Cea"},
        {"Agt": "Agreement between two factions in a village", "Stage": "Cea"},
        {"Agt": "Treaty for Brotherhood and Cooperation", "Stage": "SubPar"},
    ]
    report = score_agreements(_write(tmp_path / "pax.csv", rows))
    scores = {s.name.split()[0]: (s.hits, s.total) for s in report.scores}
    assert scores == {"precision": (1, 1), "recall": (1, 2), "accuracy": (2, 3)}


def test_event_scorer_types_tolls_and_agents(tmp_path: Path) -> None:
    from ceasefire.evaluate import acled_type, macro_f1, score_events

    assert acled_type("Explosions/Remote violence") == "explosions_remote_violence"
    assert macro_f1([("a", "a"), ("b", "a")]) == pytest.approx((2 / 3 + 0) / 2)
    base = {"latitude": "36.2", "longitude": "37.16", "country": "Syria", "event_date": "6-May-16"}
    rows = [
        {
            **base,
            "notes": "Government forces shelled Aleppo, killing 3 civilians.",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "fatalities": "3",
            "actor1": "Military Forces of Syria (2000-)",
        },
        {
            **base,
            "notes": "Protesters gathered in Aleppo. No injuries were reported.",
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "fatalities": "0",
            "actor1": "Protesters (Syria)",
        },
        {
            **base,
            "notes": "A quiet day in Aleppo. Unknown fatalities coded as 10.",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "fatalities": "10",
            "actor1": "",
        },
    ]
    report = score_events(_write(tmp_path / "acled.csv", rows))
    scores = {s.name: (s.hits, s.total) for s in report.scores}
    assert scores["event type accuracy"] == (2, 3)
    assert scores["sub-event type accuracy"] == (2, 3)
    assert scores["fatalities exact (notes state a toll)"] == (2, 2)
    assert scores["actor1 agent type"] == (2, 2)
    assert report.notes[0].startswith("event type macro-F1")


def test_acled_country_names_map_through_every_country_name() -> None:
    from ceasefire.evaluate import _country_code

    assert _country_code("Syria") == "SY"
    assert _country_code("Palestine") == "PS"  # GeoNames: "Palestinian Territory"
    assert _country_code(" Lebanon ") == "LB"
    assert _country_code("Atlantis") is None


def test_fakes_cause_of_a_clash_is_shooting_only_where_gunfire_is_said() -> None:
    from ceasefire import extract, knowledge
    from ceasefire.evaluate import article_cause, main_event

    causes = knowledge.load("fakes_labels")["causes"]

    def cause(text: str) -> str:
        return article_cause(main_event(extract(text, published="2016-07-10")), causes)

    assert cause("Clashes between rebels and government forces killed 29 near Aleppo.") == "unknown"
    assert cause("Rebels and soldiers exchanged fire in Daraa, killing 4 fighters.") == "shooting"
    assert cause("Government forces shelled Douma, killing 12 civilians.") == "shelling"
    assert cause("Militants executed 20 civilians in Palmyra.") == "execution"
    assert cause("Gunmen attacked a checkpoint in Daraa, killing 2 civilians.") == "shooting"
    assert cause("No one was hurt.") == "unknown"
