"""`/corrections` on a real server over the demo database: making, listing and undoing
corrections, the token they need, and what a bad one is told."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api_server import build_demo, serving

TOKEN = "corrections-token-5678"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("api-corrections")
    db = folder / "write.db"
    with sqlite3.connect(build_demo(folder)) as source, sqlite3.connect(db) as copy:
        source.backup(copy)  # with what is still in its write-ahead log
    with serving(db, TOKEN) as url:
        yield url


def _post(base: str, body: Any, headers: dict[str, str] | None = AUTH) -> httpx.Response:
    return httpx.post(f"{base}/corrections", json=body, headers=headers, timeout=120)


def _truce_violations(base: str) -> tuple[str, list[dict[str, Any]]]:
    items = httpx.get(f"{base}/arrangements", params={"type": "truce"}).json()["items"]
    truce = next(a for a in items if a["start"] == "2016-05-05")
    shown = httpx.get(f"{base}/arrangements/{truce['id']}").json()
    return truce["id"], shown["violations"]


def test_writes_need_the_token(base: str) -> None:
    body = {"action": "confirm", "kind": "event", "id": "evt-x", "author": "ana"}
    for headers in (None, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        refused = _post(base, body, headers)
        assert refused.status_code == 401 and "bearer token" in refused.json()["detail"]
    undo = httpx.post(f"{base}/corrections/1/undo", json={"author": "ana"})
    assert undo.status_code == 401
    assert httpx.get(f"{base}/corrections").status_code == 200  # reading is open


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"action": "reject", "kind": "evnt", "id": "x", "author": "a"},
            "unknown kind 'evnt'; valid kinds: event",
        ),
        (
            {"action": "hide", "kind": "event", "id": "x", "author": "a"},
            "unknown action 'hide'; valid actions: reject",
        ),
        (
            {
                "action": "set",
                "kind": "event",
                "id": "x",
                "field": "colour",
                "value": 1,
                "author": "a",
            },
            "unknown field 'colour' of an event; valid fields: actor1, event_type, place, fatalities",
        ),
        (
            {
                "action": "set",
                "kind": "event",
                "id": "x",
                "field": "fatalities",
                "value": "many",
                "author": "a",
            },
            "fatalities takes a whole number",
        ),
        (
            {"action": "reject", "kind": "event", "id": "evt-nope", "author": "a"},
            "no event with id 'evt-nope'",
        ),
        (
            {"action": "merge", "kind": "arrangement", "id": "arr-x", "author": "a"},
            "`merge` needs a target",
        ),
        ({"action": "reject", "kind": "event", "id": "evt-x"}, "missing author"),
        ({"action": "reject", "kind": "event", "id": 7, "author": "a"}, "id must be text"),
        ([1, 2], "not a JSON object"),
    ],
)
def test_bad_corrections_get_422_naming_the_problem(base: str, body: Any, message: str) -> None:
    answer = _post(base, body)
    assert answer.status_code == 422, answer.text
    assert message in answer.json()["detail"]


def test_reject_a_violation_then_undo_it(base: str) -> None:
    arrangement_id, before = _truce_violations(base)
    event_id = before[0]["event_id"]
    body = {
        "action": "reject",
        "kind": "violation",
        "id": f"{arrangement_id}/{event_id}",
        "field": None,
        "value": None,
        "target": None,
        "reason": "the shelling was outside the truce's area",
        "author": "ana",
    }
    made = _post(base, body)
    assert made.status_code == 201, made.text
    correction = made.json()
    assert set(correction) == {
        "id",
        "action",
        "kind",
        "record_id",
        "field",
        "value",
        "target",
        "reason",
        "author",
        "created",
        "undone",
        "orphaned",
    }
    assert correction["record_id"] == f"{arrangement_id}/{event_id}"
    assert correction["undone"] is False and correction["created"].endswith("Z")
    _, after = _truce_violations(base)
    assert event_id not in {v["event_id"] for v in after}
    listed = httpx.get(f"{base}/violations", params={"arrangement": arrangement_id}).json()
    assert event_id not in {v["event_id"] for v in listed["items"]}
    every = httpx.get(f"{base}/corrections").json()["corrections"]
    assert correction in every
    assert httpx.get(f"{base}/corrections", params={"orphaned": "true"}).json() == {
        "corrections": []
    }

    undone = httpx.post(
        f"{base}/corrections/{correction['id']}/undo",
        json={"author": "bob", "reason": None},
        headers=AUTH,
        timeout=120,
    )
    assert undone.status_code == 200, undone.text
    assert undone.json()["undone"] is True and undone.json()["id"] == correction["id"]
    _, restored = _truce_violations(base)
    assert event_id in {v["event_id"] for v in restored}
    again = httpx.post(
        f"{base}/corrections/{correction['id']}/undo", json={"author": "bob"}, headers=AUTH
    )
    assert again.status_code == 422 and "already undone" in again.json()["detail"]
    missing = httpx.post(f"{base}/corrections/99999/undo", json={"author": "bob"}, headers=AUTH)
    assert missing.status_code == 404 and "no correction with id 99999" in missing.json()["detail"]


def test_set_an_event_field_marks_it_corrected(base: str) -> None:
    events = httpx.get(f"{base}/events", params={"limit": 500}).json()["items"]
    event = next(e for e in events if e["fatalities"] == 3)
    body = {
        "action": "set",
        "kind": "event",
        "id": event["id"],
        "field": "fatalities",
        "value": 4,
        "author": "ana",
        "reason": "hospital figures",
    }
    made = _post(base, body)
    assert made.status_code == 201 and made.json()["value"] == 4
    shown = httpx.get(f"{base}/events/{event['id']}").json()
    assert shown["fatalities"] == 4 and shown["corrected"] == ["fatalities"]
    rejected = _post(
        base, {"action": "reject", "kind": "event", "id": event["id"], "author": "ana"}
    )
    assert rejected.status_code == 201
    assert httpx.get(f"{base}/events/{event['id']}").status_code == 404
    listed = httpx.get(f"{base}/events", params={"limit": 500}).json()["items"]
    assert event["id"] not in {e["id"] for e in listed}


def test_merge_arrangements_through_the_api(base: str, tmp_path: Path) -> None:
    items = httpx.get(f"{base}/arrangements", params={"type": "cessation_of_hostilities"}).json()
    first, second = sorted(items["items"], key=lambda a: a["start"])[:2]
    body = {
        "action": "merge",
        "kind": "arrangement",
        "id": first["id"],
        "target": second["id"],
        "author": "ana",
    }
    assert _post(base, body).status_code == 201
    merged = httpx.get(f"{base}/arrangements/{first['id']}").json()
    assert "merge" in merged["corrected"]
    assert httpx.get(f"{base}/arrangements/{second['id']}").status_code == 404
    summaries = httpx.get(f"{base}/arrangements").json()["items"]
    assert second["id"] not in {a["id"] for a in summaries}
    assert next(a for a in summaries if a["id"] == first["id"])["corrected"] == ["merge"]
