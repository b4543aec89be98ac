"""Resolution on the shipped demo corpus, in a real database: arrangements, events, violations."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from ceasefire.demo import corpus_dir
from ceasefire.pipeline import ingest
from ceasefire.resolve import resolve
from ceasefire.store import DocumentStore, open_store
from ceasefire.store.resolved import ResolvedStore

SALAHEDDINE = {
    "corpus/2016-05-06-levant-wire-salaheddine-shelling.txt",
    "meridian-times-2016-05-06-salaheddine-shelling",
    "euphrates-post-2016-05-06-salaheddine-shelling",
}
MAARAT = "corpus/2016-05-05-northern-monitor-maarat-al-numan-strike.txt"


def _build(tmp: Path, db: str, files: list[str] | None = None) -> DocumentStore:
    """Ingest the demo corpus (or some of its files, in the order given) and resolve it."""
    corpus = tmp / "corpus"
    if not corpus.exists():
        shutil.copytree(corpus_dir(), corpus)
    store = DocumentStore(open_store(db))
    with contextlib.chdir(tmp):
        for batch in [[name] for name in files] if files else [["corpus"]]:
            ingest(batch, store)
            resolve(store.engine)
    return store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ResolvedStore:
    tmp = tmp_path_factory.mktemp("demo")
    return ResolvedStore(_build(tmp, str(tmp / "demo.db")).engine)


def _arrangements(store: ResolvedStore) -> list[dict[str, Any]]:
    return [row["record"] for row in store.arrangement_rows()]


def _one(records: list[dict[str, Any]], **where: Any) -> dict[str, Any]:
    """The single arrangement of a type whose start and places match."""
    found = [
        r
        for r in records
        if r["type"] == where["type"]
        and (r["start"] or "").startswith(where["month"])
        and where["place"] in {p["canonical"] for p in r["places"]}
    ]
    assert len(found) == 1, (where, [(r["type"], r["start"], r["places"]) for r in records])
    return found[0]


def test_demo_arrangements_are_separate_with_types_dates_and_places(demo: ResolvedStore) -> None:
    records = _arrangements(demo)
    expected = [
        ("cessation_of_hostilities", "2016-02", "Syria"),
        ("regime_of_calm", "2016-04-30", "Latakia"),
        ("truce", "2016-05-05", "Aleppo"),
        ("cessation_of_hostilities", "2016-09", "Syria"),
        ("humanitarian_pause", "2016-10-20", "Aleppo"),
        ("local_agreement", "2016-12", "Aleppo"),
        ("comprehensive_ceasefire", "2016-12-30", "Syria"),
    ]
    found = [_one(records, type=t, month=m, place=p) for t, m, p in expected]
    assert len({r["id"] for r in found}) == len(expected) == len(records)
    ghouta = found[1]
    assert {p["canonical"] for p in ghouta["places"]} >= {"Latakia", "Rif-dimashq"}
    february, september = found[0], found[3]
    assert february["start"] < "2016-03" <= "2016-09" <= september["start"]
    assert [p["kind"] for p in found[-1]["places"]] == ["country"]


def test_aleppo_arrangement_keeps_both_characterizations_with_quotes(demo: ResolvedStore) -> None:
    aleppo = _one(_arrangements(demo), type="truce", month="2016-05-05", place="Aleppo")
    said = {(c["actor"]["canonical"], c["term"].lower()): c for c in aleppo["characterizations"]}
    us = said[("United States", "truce")]
    russia = said[("Russia", "regime of calm")]
    assert (us["type"], russia["type"]) == ("truce", "regime_of_calm")
    assert "truce" in us["evidence"]["text"]
    assert "regime of calm" in russia["evidence"]["text"]
    assert us["document_id"] != russia["document_id"]
    assert ("Russia", "نظام التهدئة") in said  # the Arabic reports' wording, kept as said
    statuses = [t["status"] for t in aleppo["timeline"]]
    assert "extended" in statuses
    assert aleppo["end"] >= "2016-05-07"  # extended past the first 48 hours
    assert aleppo["area"]["type"] == "Polygon"


def test_three_outlets_report_one_shelling(demo: ResolvedStore) -> None:
    shelling = [
        e for e in demo.event_rows() if {s["document_id"] for s in e["sources"]} >= SALAHEDDINE
    ]
    assert len(shelling) == 1
    [event] = shelling
    assert event["date"] == "2016-05-06"
    assert event["fatalities"] == 3
    assert event["place"]["canonical"] == "Aleppo"


def test_shelling_in_aleppo_violates_the_aleppo_arrangement_not_idlib(demo: ResolvedStore) -> None:
    aleppo = _one(_arrangements(demo), type="truce", month="2016-05-05", place="Aleppo")
    events = {e["id"]: e for e in demo.event_rows()}
    against = demo.violation_rows(aleppo["id"])
    sources = [{s["document_id"] for s in events[v["event_id"]]["sources"]} for v in against]
    assert any(s >= SALAHEDDINE for s in sources)
    idlib = [e for e in events.values() if {s["document_id"] for s in e["sources"]} == {MAARAT}]
    assert idlib and idlib[0]["place"]["admin1"] == "Idlib"
    assert idlib[0]["id"] not in {v["event_id"] for v in against}
    assert all(0 < v["score"] <= 1 and v["evidence"]["text"] for v in against)


def test_order_of_arrival_does_not_change_the_result(tmp_path: Path, db_url: str) -> None:
    """Files one at a time, newest first, each resolved on arrival, against all at once."""
    at_once = ResolvedStore(_build(tmp_path, str(tmp_path / "once.db")).engine)
    corpus = sorted(p.name for p in corpus_dir().iterdir() if not p.name.endswith(".md"))
    one_by_one = ResolvedStore(
        _build(tmp_path, db_url, [f"corpus/{name}" for name in reversed(corpus)]).engine
    )
    for store in (at_once, one_by_one):
        assert store.counts()["arrangements"] >= 7
    assert _dump(one_by_one) == _dump(at_once)


def _dump(store: ResolvedStore) -> str:
    return json.dumps(
        {
            "arrangements": sorted(_arrangements(store), key=lambda r: r["id"]),
            "events": sorted(store.event_rows(), key=lambda r: r["id"]),
            "violations": store.violation_rows(),
        },
        sort_keys=True,
    )


def test_one_new_document_resolves_only_itself(tmp_path: Path) -> None:
    corpus = sorted(p.name for p in corpus_dir().iterdir() if not p.name.endswith(".md"))
    store = _build(tmp_path, str(tmp_path / "inc.db"), [f"corpus/{n}" for n in corpus])
    late = tmp_path / "late.jsonl"
    late.write_text(
        json.dumps(
            {
                "id": "late-aleppo-shelling",
                "published": "2016-05-07",
                "text": "Shelling killed two civilians in the Salaheddine district of Aleppo on "
                "Saturday, monitors said, a day after three died there.",
            }
        )
        + "\n"
    )
    ingest([str(late)], store)
    summary = resolve(store.engine)
    assert summary.documents == 1
    assert summary.arrangements <= 2


def test_a_changed_document_is_resolved_again(tmp_path: Path) -> None:
    """A document re-ingested with other text loses its old mentions and reports."""
    store = DocumentStore(open_store(str(tmp_path / "changed.db")))
    path = tmp_path / "news.jsonl"

    def write(text: str) -> None:
        doc = {"id": "yemen-1", "published": "2016-05-05", "text": text}
        path.write_text(json.dumps(doc) + "\n")
        ingest([str(path)], store)
        resolve(store.engine)

    write("In Yemen, a truce between the Houthis and the government was announced in Taiz.")
    resolved = ResolvedStore(store.engine)
    [truce] = _arrangements(resolved)
    assert truce["type"] == "truce" and truce["places"][0]["country"] == "YE"
    write("Talks between the Houthis and the government resumed in Kuwait on Thursday.")
    assert _arrangements(resolved) == []
    assert resolved.counts()["mentions"] == 0
