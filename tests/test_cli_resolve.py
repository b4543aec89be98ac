"""The resolution commands, run as a user runs them, on the demo database."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from ceasefire.demo import corpus_dir
from cli_helpers import json_lines, run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("cli-demo")
    result = run("demo", "--db", "demo.db", "--no-serve", cwd=tmp)
    assert result.returncode == 0, result.stderr
    assert "arrangements" in result.stdout and "regime_of_calm" in result.stdout
    return tmp / "demo.db"


def _aleppo(db: Path) -> dict[str, Any]:
    listed = json_lines(run("arrangements", "--db", str(db), "--json", "--place", "Aleppo").stdout)
    return next(a for a in listed if a["type"] == "truce" and a["start"] == "2016-05-05")


def test_arrangements_lists_records_and_filters(demo_db: Path) -> None:
    every = json_lines(run("arrangements", "--db", str(demo_db), "--json").stdout)
    assert len(every) >= 7
    assert set(every[0]) >= {"id", "type", "status", "places", "area", "characterizations"}
    pauses = json_lines(
        run("arrangements", "--db", str(demo_db), "--json", "--type", "humanitarian_pause").stdout
    )
    assert pauses and {a["type"] for a in pauses} == {"humanitarian_pause"}
    late = json_lines(
        run("arrangements", "--db", str(demo_db), "--json", "--since", "2016-12-01").stdout
    )
    assert late and all(a["start"] >= "2016-09" for a in late)
    table = run("arrangements", "--db", str(demo_db), "--place", "Latakia").stdout
    assert "regime_of_calm" in table and "comprehensive_ceasefire" not in table


def test_arrangement_shows_who_calls_it_what_with_quotes(demo_db: Path) -> None:
    aleppo = _aleppo(demo_db)
    shown = run("arrangement", aleppo["id"], "--db", str(demo_db))
    assert shown.returncode == 0, shown.stderr
    out = " ".join(shown.stdout.split())
    assert "who calls it what" in out and "United States" in out and "Russia" in out
    assert "regime of calm" in out and "violation candidates:" in out
    lines = json_lines(run("arrangement", aleppo["id"], "--db", str(demo_db), "--json").stdout)
    assert lines[0]["id"] == aleppo["id"]
    assert all(v["arrangement_id"] == aleppo["id"] for v in lines[1:]) and len(lines) > 1


def test_unknown_arrangement_is_a_clear_error(demo_db: Path) -> None:
    for args in (["arrangement", "arr-nope"], ["violations", "--arrangement", "arr-nope"]):
        result = run(*args, "--db", str(demo_db))
        assert result.returncode == 1
        assert "no arrangement with id 'arr-nope'" in result.stderr
        assert "Traceback" not in result.stderr


def test_events_and_violations_print_schema_records(demo_db: Path) -> None:
    events = json_lines(run("events", "--db", str(demo_db), "--json", "--limit", "0").stdout)
    assert max(len(e["sources"]) for e in events) >= 3
    assert all(e["id"].startswith("evt-") and e["evidence"]["text"] for e in events)
    found = json_lines(run("violations", "--db", str(demo_db), "--json").stdout)
    assert found and set(found[0]) == {
        "arrangement_id",
        "event_id",
        "score",
        "reasons",
        "attributed_to",
        "evidence",
    }
    assert all(
        v["score"] == round(min(sum(r["weight"] for r in v["reasons"]), 1.0), 3) for v in found
    )
    again = run("resolve", "--db", str(demo_db))
    assert again.returncode == 0 and "resolved 0 documents" in again.stdout


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_violation_alerts_post_to_a_webhook(tmp_path: Path) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    db = str(tmp_path / "alerts.db")
    try:
        stored = run("ingest", str(corpus_dir()), "--db", db, "--no-resolve", "-q")
        assert stored.returncode == 0, stored.stderr
        url = f"http://127.0.0.1:{server.server_port}/alerts"
        result = run("resolve", "--db", db, "--webhook", url, "--alert-threshold", "2")
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    assert _Hook.received and "alerts posted" in result.stdout
    assert all(
        a["violations"] >= 2 and a["arrangement_id"].startswith("arr-") for a in _Hook.received
    )


def test_unreachable_webhook_is_reported(tmp_path: Path) -> None:
    db = str(tmp_path / "alerts.db")
    run("ingest", str(corpus_dir()), "--db", db, "--no-resolve", "-q")
    result = run(
        "resolve", "--db", db, "--webhook", "http://127.0.0.1:9/none", "--alert-threshold", "1"
    )
    assert result.returncode == 1
    assert "webhook http://127.0.0.1:9/none refused the alert" in result.stderr
