"""A real `ceasefire serve` on 127.0.0.1, in a child process, for the API and browser tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


@contextmanager
def serving(db: Path | str, token: str | None = None) -> Iterator[str]:
    """The base URL of a server on `db`, stopped afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "ceasefire", "serve", "--db", str(db), "--port", str(port)]
    if token:
        command += ["--token", token]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {process.stderr.read().decode()}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
