"""Databases that cannot be written, and processes racing to create one: the command line and
the API say one sentence naming the database (the API with a 503), never the SQL."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_server import build_demo, ceasefire_command, server

TOKEN = "store-errors-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = {
    "id": "cannot-be-stored",
    "published": "2016-05-06",
    "text": "Regime forces shelled Aleppo on Friday, killing two civilians.",
}
SQL_WORDS = ("INSERT", "UPDATE", "SELECT", "[SQL", "parameters", "sqlalche.me")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("store-errors"))


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    """A whole copy of the demo database, its WAL folded in."""
    copy = tmp_path / "news.db"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return copy


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(REPORT["text"], encoding="utf-8")
    return path


def read_only_url(db: Path) -> str:
    """SQLite's own read-only open: refused writes even for root, whom chmod does not stop."""
    return f"sqlite:///file:{db}?mode=ro&uri=true"


def run(*args: str, max_pages: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ceasefire_command(*args, max_pages=max_pages), capture_output=True, text=True, timeout=300
    )


def assert_one_sentence(stderr: str, *words: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: the "), stderr
    assert all(w in lines[0] for w in words), stderr
    assert not any(w in stderr for w in SQL_WORDS), stderr


def assert_503(answer: httpx.Response, *words: str) -> None:
    assert answer.status_code == 503, answer.text
    detail = answer.json()["detail"]
    assert all(w in detail for w in words), detail
    assert not any(w in answer.text for w in SQL_WORDS), answer.text


def test_a_read_only_database_is_said_so_by_the_cli(db: Path, article: Path) -> None:
    result = run("ingest", str(article), "--db", read_only_url(db))
    assert result.returncode == 1
    assert_one_sentence(result.stderr, f"the database {db} is read-only")
    listed = run("documents", "--db", read_only_url(db), "--json")  # reading still works
    assert listed.returncode == 0 and listed.stdout.count("\n") == 35


def test_a_read_only_database_is_said_so_by_the_api(db: Path) -> None:
    with server(read_only_url(db), TOKEN) as running:
        assert httpx.get(f"{running.base}/health").json()["documents"] == 35
        answer = httpx.post(f"{running.base}/documents", json=REPORT, headers=AUTH, timeout=60)
        assert_503(answer, f"the database {db} is read-only")
        log = running.log.read_text()
    assert f"POST /documents answered 503: the database {db} is read-only" in log, log


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_write_protected_file_is_said_so(db: Path, article: Path) -> None:
    for name in ("news.db", "news.db-wal", "news.db-shm"):
        if (db.parent / name).exists():
            (db.parent / name).chmod(0o444)
    db.parent.chmod(0o555)
    try:
        result = run("ingest", str(article), "--db", str(db))
    finally:
        db.parent.chmod(0o755)
    assert result.returncode == 1
    assert_one_sentence(result.stderr, str(db))


def test_a_full_disk_is_said_so_by_the_cli(db: Path, article: Path) -> None:
    result = run("ingest", str(article), "--db", str(db), max_pages=1)
    assert result.returncode == 1
    assert_one_sentence(result.stderr, f"the disk holding the database {db} is full")


def test_a_full_disk_is_said_so_by_the_api(db: Path) -> None:
    with server(db, TOKEN, max_pages=1) as running:
        answer = httpx.post(f"{running.base}/documents", json=REPORT, headers=AUTH, timeout=60)
        assert_503(answer, f"the disk holding the database {db} is full")
        assert httpx.get(f"{running.base}/events").status_code == 200  # reads go on
        log = running.log.read_text()
    assert "POST /documents answered 503: the disk holding the database" in log, log


# 7. Processes starting together on a new database.


def _start_together(
    db: str, *command: str, processes: int = 4
) -> Iterator[subprocess.CompletedProcess[str]]:
    """`command` (by default `documents --json`) run by several processes at once on `db`."""
    running = [
        subprocess.Popen(
            ceasefire_command(*(command or ("documents", "--json")), "--db", db),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    for process in running:
        out, err = process.communicate(timeout=300)
        yield subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_processes_creating_a_sqlite_database_together_all_succeed(
    tmp_path: Path, article: Path
) -> None:
    # ingest creates a SQLite file that is not there; reading commands refuse one
    creating = ("ingest", str(article), "--no-extract", "--no-resolve", "-q")
    for attempt in range(3):  # the race is lost at random: give it several chances
        db = tmp_path / f"new-{attempt}.db"
        for result in _start_together(str(db), *creating):
            assert result.returncode == 0, result.stderr
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def test_processes_creating_a_postgresql_schema_together_all_succeed(pg_url: str) -> None:
    for result in _start_together(pg_url):
        assert result.returncode == 0, result.stderr
    assert run("documents", "--db", pg_url).returncode == 0
