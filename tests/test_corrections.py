"""Corrections on the demo corpus: each kind survives `resolve --all` and `reextract --all`,
undoing them brings back exactly what resolution made, and one whose record vanished is
listed as orphaned. On a SQLite file, and on PostgreSQL when the test command started one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from ceasefire import corrections
from ceasefire.demo import corpus_dir
from ceasefire.store import open_store
from ceasefire.store.resolved import ResolvedStore
from ceasefire.store.schema import corrections as corrections_table
from cli_helpers import json_lines, run


def _demo_store(url: str) -> Any:
    """The demo corpus ingested and resolved, its documents named `corpus/<file>`."""
    stored = run("ingest", "corpus", "--db", url, "-q", cwd=corpus_dir().parent)
    assert stored.returncode == 0, stored.stderr
    return open_store(url)


def _state(engine: Any) -> str:
    """Every shown arrangement, event and violation candidate, as one comparable text."""
    store = ResolvedStore(engine)
    shown = [store.arrangement_rows(), store.event_rows(), store.violation_rows()]
    return json.dumps(shown, sort_keys=True, default=str)


def _arrangement(engine: Any, kind: str, start: str) -> dict[str, Any]:
    rows = ResolvedStore(engine).arrangement_rows(kind=kind)
    return next(r["record"] for r in rows if r["record"]["start"] == start)


def _event(engine: Any, **wanted: Any) -> dict[str, Any]:
    def fits(event: dict[str, Any]) -> bool:
        place = (event.get("place") or {}).get("canonical")
        return all((place if k == "place" else event.get(k)) == v for k, v in wanted.items())

    return next(e for e in ResolvedStore(engine).event_rows() if fits(e))


def _records(engine: Any) -> dict[str, Any]:
    """The demo's records each correction is about, found by what they say, not by id."""
    truce = _arrangement(engine, "truce", "2016-05-05")
    coh_feb = _arrangement(engine, "cessation_of_hostilities", "2016-02-27")["id"]
    coh_sep = _arrangement(engine, "cessation_of_hostilities", "2016-09-12")["id"]
    dropped_event = _event(engine, type="violence_against_civilians", date="2016-09-19")
    # candidates whose event stays (the dropped event's document is marked irrelevant below): one
    # rejected, one confirmed; a merge may move them to another arrangement
    by_sources = {
        f"{v['arrangement_id']}/{v['event_id']}": len(
            _event_by_id(engine, v["event_id"])["sources"]
        )
        for v in ResolvedStore(engine).violation_rows()
        if v["event_id"] != dropped_event["id"]
    }
    assert len(by_sources) >= 2, by_sources
    local = _arrangement(engine, "local_agreement", "2016-12-15")
    last = local["mentions"][-1]
    return {
        "truce": truce["id"],
        "rejected_violation": min(by_sources, key=lambda k: (by_sources[k], k)),
        "confirmed_violation": max(by_sources, key=lambda k: (by_sources[k], k)),
        "calm": _arrangement(engine, "regime_of_calm", "2016-04-30")["id"],
        "coh_feb": coh_feb,
        "coh_sep": coh_sep,
        "local": local["id"],
        "nationwide": _arrangement(engine, "comprehensive_ceasefire", "2016-12-30")["id"],
        "mention": f"{last['document_id']}#{last['ceasefire_index']}",
        "munich": _event(engine, place="Munich")["id"],
        "maarat": _event(engine, fatalities=3, date="2016-05-05")["id"],
        "battle": _event(engine, type="battles", date="2016-04-27")["id"],
        "dropped_event": dropped_event,
    }


def _event_by_id(engine: Any, event_id: str) -> dict[str, Any]:
    return next(e for e in ResolvedStore(engine).event_rows() if e["id"] == event_id)


def _correct_everything(engine: Any, r: dict[str, Any]) -> dict[str, int]:
    """One correction of each kind; returns their ids by name."""

    def add(name: str, action: str, kind: str, record_id: str, **given: Any) -> None:
        made[name] = corrections.add(engine, action, kind, record_id, author="ana", **given)["id"]

    made: dict[str, int] = {}
    add("reject_violation", "reject", "violation", r["rejected_violation"], reason="elsewhere")
    add("confirm_violation", "confirm", "violation", r["confirmed_violation"])
    add("reject_event", "reject", "event", r["munich"], reason="talks, not a battle")
    add("actor", "set", "event", r["maarat"], field="actor1", value="Russia")
    add("toll", "set", "event", r["maarat"], field="fatalities", value=5)
    add("type", "set", "event", r["battle"], field="event_type", value="violence_against_civilians")
    add("place", "set", "event", r["battle"], field="place", value="Idlib")
    add("status", "set", "arrangement", r["calm"], field="status", value="in_force")
    add("end", "set", "arrangement", r["calm"], field="end", value="2016-05-02")
    add("parties", "set", "arrangement", r["calm"], field="parties", value="Syrian government")
    add("sponsors", "set", "arrangement", r["calm"], field="sponsors", value=["Russia"])
    add("mediators", "set", "arrangement", r["calm"], field="mediators", value="United Nations")
    add("scope", "set", "arrangement", r["calm"], field="scope", value="Latakia")
    add("merge", "merge", "arrangement", r["coh_feb"], target=r["coh_sep"])
    add("move", "move", "mention", r["mention"], target=r["nationwide"])
    add("dropped_toll", "set", "event", r["dropped_event"]["id"], field="fatalities", value=2)
    add("irrelevant", "reject", "document", r["dropped_event"]["sources"][0]["document_id"])
    return made


def _assert_corrected(engine: Any, r: dict[str, Any]) -> None:
    store = ResolvedStore(engine)
    by_event = {v["event_id"]: v for v in store.violation_rows()}
    assert r["rejected_violation"].split("/")[1] not in by_event
    confirmed = by_event[r["confirmed_violation"].split("/")[1]]
    assert confirmed["corrected"] == ["confirm"] and confirmed["confirmed"] is True
    events = {e["id"]: e for e in store.event_rows()}
    assert r["munich"] not in events and r["dropped_event"]["id"] not in events
    maarat = events[r["maarat"]]
    assert maarat["actor1"]["canonical"] == "Russia" and maarat["fatalities"] == 5
    assert set(maarat["corrected"]) == {"actor1", "fatalities"}
    battle = events[r["battle"]]
    assert battle["type"] == "violence_against_civilians"
    assert battle["place"]["canonical"] == "Idlib"
    calm = store.arrangement(r["calm"])
    assert (calm["status"], calm["end"]) == ("in_force", "2016-05-02")
    assert [a["canonical"] for a in calm["parties"]] == ["Syrian government"]
    assert [a["canonical"] for a in calm["sponsors"]] == ["Russia"]
    assert [a["canonical"] for a in calm["mediators"]] == ["United Nations"]
    assert [p["canonical"] for p in calm["places"]] == ["Latakia"]
    assert set(calm["corrected"]) >= {"status", "end", "parties", "scope"}
    assert store.arrangement(r["coh_sep"]) is None
    merged = store.arrangement(r["coh_feb"])
    assert "merge" in merged["corrected"] and len(merged["mentions"]) >= 50
    nationwide = store.arrangement(r["nationwide"])
    keys = {f"{m['document_id']}#{m['ceasefire_index']}" for m in nationwide["mentions"]}
    assert r["mention"] in keys and "move" in nationwide["corrected"]
    local = store.arrangement(r["local"])
    assert r["mention"] not in {
        f"{m['document_id']}#{m['ceasefire_index']}" for m in local["mentions"]
    }


def _orphaned(engine: Any) -> set[int]:
    return {c["id"] for c in corrections.listing(engine, orphaned=True)}


def test_corrections_survive_resolution_and_undo_restores(db_url: str, tmp_path: Path) -> None:
    engine = _demo_store(db_url)
    pristine = _state(engine)
    records = _records(engine)
    made = _correct_everything(engine, records)
    _assert_corrected(engine, records)
    # the event of a document marked irrelevant vanished: its correction is orphaned
    assert _orphaned(engine) == {made["dropped_toll"]}

    again = run("resolve", "--all", "--db", db_url)
    assert again.returncode == 0, again.stderr
    assert "corrections no longer apply" in again.stdout
    _assert_corrected(engine, records)
    listed = json_lines(run("corrections", "--orphaned", "--json", "--db", db_url).stdout)
    assert [c["id"] for c in listed] == [made["dropped_toll"]]
    assert listed[0]["orphaned"] is True and listed[0]["author"] == "ana"

    redone = run("reextract", "--all", "--db", db_url, "-q")
    assert redone.returncode == 0, redone.stderr
    _assert_corrected(engine, records)

    corrections.undo(engine, made["irrelevant"], author="bob", reason="relevant after all")
    assert _orphaned(engine) == set()  # its event is back, and corrected again
    assert _event_by_id(engine, records["dropped_event"]["id"])["fatalities"] == 2
    for name in reversed(list(made)):
        if name != "irrelevant":
            undone = corrections.undo(engine, made[name], author="bob")
            assert undone["undone"] is True
    assert _state(engine) == pristine


def test_a_correction_follows_its_record_when_the_id_changes(sqlite_url: str) -> None:
    """A record whose id changed (knowledge that shifts its report's position) is found by
    its document and evidence sentence."""
    engine = _demo_store(sqlite_url)
    maarat = _event(engine, fatalities=3, date="2016-05-05")
    made = corrections.add(
        engine, "set", "event", maarat["id"], field="fatalities", value=4, author="ana"
    )
    with engine.begin() as conn:  # as if the event had been known under another id
        conn.execute(
            update(corrections_table)
            .where(corrections_table.c.id == made["id"])
            .values(record_id="evt-000000000000")
        )
    result = run("resolve", "--all", "--db", sqlite_url)
    assert result.returncode == 0, result.stderr
    shown = corrections.listing(engine)[0]
    assert shown["record_id"] == maarat["id"] and shown["orphaned"] is False
    assert _event_by_id(engine, maarat["id"])["fatalities"] == 4


def test_cli_correct_reports_bad_input_and_shares_corrections(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    engine = _demo_store(db)
    maarat = _event(engine, fatalities=3, date="2016-05-05")["id"]
    bad = {
        (
            "set",
            "evnt",
            "x",
            "fatalities",
            "1",
        ): "unknown kind 'evnt'; valid kinds: event, violation",
        (
            "set",
            "event",
            maarat,
            "colour",
            "1",
        ): "unknown field 'colour' of an event; valid fields: actor1",
        ("set", "event", "evt-nope", "fatalities", "1"): "no event with id 'evt-nope'",
        ("set", "event", maarat, "fatalities", "many"): "fatalities takes a whole number",
        ("set", "arrangement", "arr-x", "status", "in_force"): "no arrangement with id 'arr-x'",
        ("set", "arrangement", "arr-x", "status", "done"): "valid values: proposed, agreed",
        ("reject", "mention", "doc#1"): "'reject' does not apply to a mention; valid actions: move",
        ("reject", "violation", "no-slash"): "ARRANGEMENT_ID/EVENT_ID",
    }
    for args, message in bad.items():
        result = run("correct", *args, "--db", db)
        assert result.returncode == 2, (args, result.stdout)
        assert message in result.stderr and "Traceback" not in result.stderr

    made = run(
        "correct",
        "set",
        "event",
        maarat,
        "fatalities",
        "6",
        "--db",
        db,
        "--reason",
        "hospital count",
        "--author",
        "ana",
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("correction 1: set event") and "by ana" in made.stdout
    shared = tmp_path / "shared.jsonl"
    assert run("corrections", "export", "-o", str(shared), "--db", db).returncode == 0

    other = str(tmp_path / "other.db")
    _demo_store(other)
    for expected in (
        "imported 1 corrections (0 already here)",
        "imported 0 corrections (1 already here)",
    ):
        result = run("corrections", "import", str(shared), "--db", other)
        assert result.returncode == 0 and expected in result.stdout, result.stderr
    listed = json_lines(run("corrections", "--json", "--db", other).stdout)
    assert len(listed) == 1 and listed[0]["reason"] == "hospital count"
    assert _event_by_id(open_store(other), maarat)["fatalities"] == 6

    undone = run("correct", "undo", "1", "--db", other)
    assert undone.returncode == 0 and "(undone)" in undone.stdout
    assert _event_by_id(open_store(other), maarat)["fatalities"] == 3
    assert "already undone" in run("correct", "undo", "1", "--db", other).stderr


@pytest.fixture(autouse=True)
def _no_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "tester")
