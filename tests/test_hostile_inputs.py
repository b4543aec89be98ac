"""Inputs that once stopped the pipeline, fed to the real `ceasefire` command: each is kept
as a failure or stored, and nothing else of the run is lost."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from api_server import serving
from ceasefire.pipeline import ingest
from ceasefire.resolve import resolve
from ceasefire.store import DocumentStore, open_store
from cli_helpers import json_lines, run

GOOD = [
    {
        "id": "good-1",
        "published": "2016-05-05",
        "text": "Russia announced a regime of calm in Aleppo on Wednesday. Syrian warplanes "
        "struck Idlib on 4 May 2016, killing three civilians.",
    },
    {
        "id": "good-2",
        "published": "2016-05-06",
        "text": "The truce in Aleppo was extended by 72 hours, the United States said.",
    },
]


def _jsonl(path: Path, objects: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


def _ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM documents")}


def _unresolved(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM documents WHERE NOT resolved").fetchone()[0]


def _arrangements(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM arrangements").fetchone()[0]


# ------------------------------------------------------------ one document stops resolution


@pytest.mark.parametrize(
    ("published", "words"),
    [("0001-01-01", "On Wednesday"), ("9999-12-31", "Tomorrow")],
)
def test_a_publication_date_at_the_calendars_edge_is_refused(
    tmp_path: Path, published: str, words: str
) -> None:
    bad = {"id": "edge", "published": published, "text": f"{words}, shelling killed 4 in Idlib."}
    db = tmp_path / "t.db"
    result = run("ingest", str(_jsonl(tmp_path / "in.jsonl", [bad, *GOOD])), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert f'"published" is {published}: not a plausible publication date' in result.stderr
    assert _ids(db) == {"good-1", "good-2"}
    assert _unresolved(db) == 0 and _arrangements(db) > 0
    later = run("ingest", str(_jsonl(tmp_path / "more.jsonl", [{**GOOD[0], "id": "g3"}])),
                "--db", str(db))
    assert later.returncode == 0, later.stderr
    assert _unresolved(db) == 0


def test_a_toll_of_hundreds_of_digits_is_no_toll(tmp_path: Path) -> None:
    toll = "9" * 400
    bad = {
        "id": "toll",
        "published": "2016-05-05",
        "text": f"Shelling killed {toll} people in Idlib on 4 May 2016.",
    }
    db = tmp_path / "t.db"
    result = run("ingest", str(_jsonl(tmp_path / "in.jsonl", [bad, *GOOD])), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert _ids(db) == {"toll", "good-1", "good-2"}
    assert _unresolved(db) == 0
    shown = json_lines(run("show", "toll", "--db", str(db), "--json").stdout)[0]
    [event] = shown["records"]["events"]
    assert event["fatalities"] is None


def test_records_that_cannot_be_read_are_skipped_and_reported(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert run("ingest", str(_jsonl(tmp_path / "in.jsonl", GOOD)), "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:  # records written by an older or broken extractor
        conn.execute(
            "UPDATE documents SET records = ?, resolved = 0 WHERE id = 'good-1'",
            (json.dumps({"ceasefires": [{"type": 7}], "events": "no list"}),),
        )
    result = run("resolve", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "skipped good-1: " in result.stdout
    assert _unresolved(db) == 0
    more = _jsonl(tmp_path / "more.jsonl", [{**GOOD[1], "id": "good-3"}])
    later = run("ingest", str(more), "--db", str(db))
    assert later.returncode == 0, later.stderr
    assert "good-3" in _ids(db) and _unresolved(db) == 0


def test_the_api_goes_on_answering_after_poison_documents(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert run("ingest", str(_jsonl(tmp_path / "in.jsonl", GOOD)), "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:  # one stored document the resolver cannot read
        conn.execute(
            "UPDATE documents SET records = ?, resolved = 0 WHERE id = 'good-1'",
            (json.dumps({"events": "no list"}),),
        )
    poison = [
        {"id": "edge-1", "published": "0001-01-01", "text": "On Wednesday, shelling killed 4."},
        {"id": "edge-2", "published": "9999-12-31", "text": "Tomorrow the truce will end."},
        {"id": "toll", "published": "2016-05-05", "text": f"Shelling killed {'9' * 400} people."},
        {**GOOD[1], "id": "good-3"},
    ]
    auth = {"Authorization": "Bearer secret"}
    with serving(db, token="secret") as base:
        answer = httpx.post(f"{base}/documents", json=poison, headers=auth, timeout=120)
        assert answer.status_code == 200, answer.text
        result = answer.json()
        assert [f["id"] for f in result["failed"]] == ["edge-1", "edge-2"]
        assert result["new"] == 2 and result["resolved"]["documents"] == 3
        again = httpx.post(f"{base}/documents", json=[{**GOOD[0], "id": "g4"}], headers=auth,
                           timeout=120)
        assert again.status_code == 200, again.text
        assert httpx.get(f"{base}/documents/toll", timeout=30).status_code == 200
    assert _unresolved(db) == 0


def test_a_failed_extraction_is_a_recorded_failure_that_reextract_retries(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert run("ingest", str(_jsonl(tmp_path / "in.jsonl", GOOD)), "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:  # a date that no calendar has, from another tool
        conn.execute("UPDATE documents SET published = '2016-02-30' WHERE id = 'good-1'")
    result = run("reextract", "--all", "--db", str(db))
    assert result.returncode == 0, result.stderr
    failed = json_lines(run("documents", "--failed", "--json", "--db", str(db)).stdout)
    assert [(f["item_id"], f["reason"].split(":")[0]) for f in failed] == [
        ("good-1", "extraction failed")
    ]
    assert _unresolved(db) == 0
    assert run("resolve", "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET published = '2016-05-05' WHERE id = 'good-1'")
    assert run("reextract", "--db", str(db)).returncode == 0
    assert json_lines(run("documents", "--failed", "--json", "--db", str(db)).stdout) == []
    shown = json_lines(run("show", "good-1", "--db", str(db), "--json").stdout)[0]
    assert shown["records"]["ceasefires"]


# ------------------------------------------------------------ one input aborts a run


def test_a_file_name_that_is_not_utf8_is_stored_with_its_bytes_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD[1]["text"], encoding="utf-8")
    bad_name = os.path.join(os.fsencode(folder), b"caf\xe9 truce.txt")
    with open(bad_name, "wb") as handle:
        handle.write(GOOD[0]["text"].encode())
    db = tmp_path / "t.db"
    result = run("ingest", str(folder), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert _ids(db) == {str(folder / "good.txt"), str(folder / "caf\\xe9 truce.txt")}
    again = run("ingest", str(folder), "--db", str(db))
    assert "2 unchanged" in again.stdout, again.stderr


def test_lone_surrogates_and_huge_integers_fail_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps(GOOD[0]),
        '{"id": "\\ud800", "text": "A lone surrogate for an id."}',
        '{"id": "n", "published": "2016-05-05", "text": "Shelling \\udfff hit Idlib."}',
        '{"id": "big", "text": "x", "count": ' + "7" * 5000 + "}",
        '{"id": "deep", "text": "x", "more": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps(GOOD[1]),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "t.db"
    result = run("ingest", str(source), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert _ids(db) == {"good-1", "good-2", "n"}
    failed = {f["line"]: f for f in json_lines(run("documents", "--failed", "--json",
                                                   "--db", str(db)).stdout)}
    assert set(failed) == {2, 4, 5}
    assert "lone surrogate (U+D800)" in failed[2]["reason"]
    assert failed[2]["item_id"] == "\\ud800"
    assert "integer" in failed[4]["reason"]
    assert "nested too deeply" in failed[5]["reason"]
    shown = json_lines(run("show", "n", "--db", str(db), "--json").stdout)[0]
    assert "\ufffd" in shown["text"]
    assert any("lone surrogate" in w for w in shown["warnings"])
    again = run("ingest", str(source), "--db", str(db))
    assert again.returncode == 0 and "3 unchanged, 3 failed" in again.stdout


def test_nul_characters_are_kept_out_of_postgresql(pg_url: str, tmp_path: Path) -> None:
    source = _jsonl(
        tmp_path / "in.jsonl",
        [
            GOOD[0],
            {"id": "nul", "title": "Truce\u0000 news", "text": "The truce\u0000 held in Aleppo."},
            {"id": "nul\u0000id", "text": "An id with NUL."},
            GOOD[1],
        ],
    )
    store = DocumentStore(open_store(pg_url))
    report = ingest([str(source)], store, workers=1)
    assert (report.new, len(report.failures)) == (3, 1)
    assert "control character (U+0000)" in report.failures[0].reason
    stored = store.get("nul")
    assert stored is not None
    assert stored["title"] == "Truce news"
    assert stored["text"] == "Truce news\n\nThe truce held in Aleppo."  # the headline opens it
    assert resolve(store.engine).documents == 3


def test_a_row_the_database_refuses_fails_alone(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    engine = open_store(str(db))
    with engine.begin() as conn:  # a rule an operator added to the database
        conn.execute(
            text(
                "CREATE TRIGGER no_drafts BEFORE INSERT ON documents "
                "WHEN NEW.id LIKE 'draft-%' BEGIN SELECT RAISE(ABORT, 'no drafts here'); END"
            )
        )
    objects = [GOOD[0], {**GOOD[1], "id": "draft-1"}, {**GOOD[1], "id": "final"}]
    report = ingest([str(_jsonl(tmp_path / "in.jsonl", objects))], DocumentStore(engine))
    assert report.new == 2
    [failure] = report.failures
    assert (failure.line, failure.item_id) == (2, "draft-1")
    assert "no drafts here" in failure.reason
    assert _ids(db) == {"good-1", "final"}
    kept = DocumentStore(engine).failures(with_raw=True)
    assert [(f["line"], json.loads(f["raw"])["id"]) for f in kept] == [(2, "draft-1")]


# ------------------------------------------------------------ special files


def test_fifos_and_links_to_devices_are_refused_without_reading(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD[1]["text"], encoding="utf-8")
    os.mkfifo(folder / "b-pipe.txt")
    (folder / "c-zero.txt").symlink_to("/dev/zero")
    (folder / "d-zero.jsonl").symlink_to("/dev/zero")
    db = tmp_path / "t.db"
    result = subprocess.run(
        [sys.executable, "-m", "ceasefire", "ingest", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert _ids(db) == {str(folder / "a-good.txt")}
    failed = {Path(f["source"]).name: f["reason"] for f in json_lines(
        run("documents", "--failed", "--json", "--db", str(db)).stdout)}
    assert failed == {
        "b-pipe.txt": "not a regular file but a FIFO (named pipe): only files are read",
        "c-zero.txt": "not a regular file but a character device: only files are read",
        "d-zero.jsonl": "not a regular file but a character device: only files are read",
    }


def test_an_oversized_jsonl_line_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    """A line of 30 MB with no newline, then a good line: the first is refused by size."""
    source = tmp_path / "in.jsonl"
    with source.open("wb") as handle:
        handle.write(b'{"id": "long", "text": "' + b"a" * 30_000_000 + b'"}\n')
        handle.write(json.dumps(GOOD[0]).encode() + b"\n")
    store = DocumentStore(open_store(str(tmp_path / "t.db")))
    report = ingest([str(source)], store, workers=1, max_bytes=1_000_000)
    assert report.new == 1
    [failure] = report.failures
    assert failure.line == 1 and "30.0 MB is over the 1 MB limit" in failure.reason


# ------------------------------------------------------------ a killed run


def test_a_run_killed_before_resolving_is_resolved_by_the_next_ingest(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", GOOD)
    db = tmp_path / "t.db"
    killed = subprocess.run(  # stores the documents, then dies before resolving them
        [
            sys.executable,
            "-c",
            "import os, signal, sys\n"
            "from ceasefire.pipeline import ingest\n"
            "from ceasefire.store import DocumentStore, open_store\n"
            "ingest([sys.argv[1]], DocumentStore(open_store(sys.argv[2])), workers=1)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n",
            str(source),
            str(db),
        ],
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL
    assert _ids(db) == {"good-1", "good-2"} and _unresolved(db) == 2
    rerun = run("ingest", str(source), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert "2 unchanged" in rerun.stdout and "resolved 2 documents" in rerun.stdout
    assert _unresolved(db) == 0 and _arrangements(db) > 0


# ------------------------------------------------------------ two ingests at once


def test_two_ingests_into_one_file_see_each_others_near_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    story = (
        "Syrian government warplanes struck the rebel-held town of Maarat al-Numan in Idlib "
        "province on Thursday, killing at least 12 civilians, a monitoring group said. The "
        "strikes hit a market and a hospital, residents said, as a partial truce brokered by "
        "the United States and Russia frayed across the north of the country."
    )
    first = {"id": "wire-a", "published": "2016-05-05", "text": story}
    copy = {"id": "wire-b", "published": "2016-05-05", "text": story + " Rescue teams searched."}
    slow = subprocess.Popen(  # an ingest reading a feed that trickles in
        [sys.executable, "-m", "ceasefire", "ingest", "-", "--db", str(db), "--batch-size", "1",
         "--workers", "1", "-q"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert slow.stdin is not None
    # Each batch is stored while the next is prepared, so two lines get the first one stored.
    slow.stdin.write("".join(json.dumps(item) + "\n" for item in GOOD))
    slow.stdin.flush()
    deadline = time.monotonic() + 120
    while "good-1" not in _safe_ids(db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "good-1" in _safe_ids(db), "the trickling ingest did not start"
    other = run("ingest", str(_jsonl(tmp_path / "a.jsonl", [first])), "--db", str(db))
    assert other.returncode == 0, other.stderr
    _out, err = slow.communicate(json.dumps(copy) + "\n", timeout=120)
    assert slow.returncode == 0, err
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT duplicate_of, duplicate_kind FROM documents WHERE id = 'wire-b'"
        ).fetchone()
    assert row == ("wire-a", "near")


def _safe_ids(db: Path) -> set[str]:
    try:
        return _ids(db)
    except sqlite3.OperationalError:  # not created yet
        return set()
