"""An exclusive lock on a file beside a SQLite database, shared by the processes using it."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def file_lock(path: str) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing) for the block; waits for another
    holder. Where the file cannot be made (a read-only folder) the block runs unlocked: the
    write it guards will say what is wrong."""
    try:
        handle = open(path, "a")  # noqa: SIM115 (closed below)
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
