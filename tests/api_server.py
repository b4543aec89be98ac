"""A real `ceasefire serve` on 127.0.0.1, in a child process, for the API and browser tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

# `python -c` this, then the page limit, then the command's arguments: the real command line,
# with every SQLite connection it opens unable to grow its file past that many pages (SQLite
# then answers "database or disk is full", as on a full disk).
_FULL_DISK = """
import sys

from sqlalchemy import event
from sqlalchemy.engine import Engine

pages = int(sys.argv.pop(1))


@event.listens_for(Engine, "connect")
def _limit(dbapi_connection, _record):
    dbapi_connection.execute(f"PRAGMA max_page_count={pages}")


from ceasefire.cli import main

sys.argv[0] = "ceasefire"
main()
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ceasefire_command(*args: str, max_pages: int | None = None) -> list[str]:
    """`python -m ceasefire ARGS`; with `max_pages`, on SQLite files that cannot grow."""
    if max_pages is None:
        return [sys.executable, "-m", "ceasefire", *args]
    return [sys.executable, "-c", _FULL_DISK, str(max_pages), *args]


def build_demo(directory: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "ceasefire", "demo", "--db", "demo.db", "--no-serve"],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return directory / "demo.db"


@dataclass(frozen=True)
class Server:
    """A running server: its base URL, its process id, and the file its output goes to."""

    base: str
    pid: int
    log: Path

    def rss_mb(self) -> float:
        """The server process's resident memory (VmRSS), in MB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no VmRSS for process {self.pid}")


@contextmanager
def server(
    db: Path | str, token: str | None = None, *options: str, max_pages: int | None = None
) -> Iterator[Server]:
    """A server on `db` (with `options` given to `ceasefire serve`), stopped afterwards."""
    port = free_port()
    args = ["serve", "--db", str(db), "--port", str(port), *options]
    if token:
        args += ["--token", token]
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "server.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                ceasefire_command(*args, max_pages=max_pages), stdout=output, stderr=output
            )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, process, log)
            yield Server(base, process.pid, log)
        finally:
            _stop(process)


@contextmanager
def serving(db: Path | str, token: str | None = None) -> Iterator[str]:
    """The base URL of a server on `db`, stopped afterwards."""
    with server(db, token) as running:
        yield running.base


def _stop(process: subprocess.Popen) -> None:
    """Stop the server; one still busy after 20 s (uvicorn waits for requests in progress)
    is killed, never left behind."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


def _wait_until_up(base: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"server did not start: {log.read_text(errors='replace')}")
        time.sleep(0.2)
