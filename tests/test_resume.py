"""A real `ceasefire ingest` process killed with SIGKILL mid-run, then run again."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

DOCS = 5000


def _write_docs(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(DOCS):
            text = (
                f"Report {n}: monitors counted {n} violations of the truce around checkpoint "
                f"{n % 97} and village {n % 89}, and said convoy {n * 7 % 1009} was delayed."
            )
            handle.write(json.dumps({"id": f"doc-{n}", "text": text}) + "\n")


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _ingest(docs: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "ceasefire", "ingest", str(docs), "--db", str(db), "-q"]
    return subprocess.Popen(
        [*command, "--batch-size", "100"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _processes_using(db: Path) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(db).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_sigkill_mid_ingest_then_rerun_leaves_each_document_once(tmp_path: Path) -> None:
    docs, db = tmp_path / "docs.jsonl", tmp_path / "resume.db"
    _write_docs(docs)
    process = _ingest(docs, db)
    deadline = time.monotonic() + 120
    while _count(db) < 500 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    killed_at = _count(db)
    assert 0 < killed_at < DOCS, f"the kill should land mid-run, not at {killed_at}"

    deadline = time.monotonic() + 30
    while _processes_using(db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_using(db) == [], "worker processes outlived the killed ingest"

    rerun = _ingest(docs, db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert f"{DOCS - killed_at} new" in out.decode()
    assert f"{killed_at} unchanged" in out.decode()
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM documents")]
        failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    assert len(ids) == DOCS
    assert set(ids) == {f"doc-{n}" for n in range(DOCS)}
    assert failures == 0
