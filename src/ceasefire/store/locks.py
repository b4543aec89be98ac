"""Database-wide locks that processes sharing one database take in turn.

Two processes ingesting into one database would each compare their documents only with what
was stored when they looked, and miss the near-duplicates the other was writing: the ingest
lock is held from that look to the commit. Two resolutions at once would each take the same
unresolved documents and write their mentions twice: the resolve lock makes the second wait,
then find them resolved. Each is a file lock beside a SQLite file (SQLite's own locks are
taken only at the write), a session advisory lock on PostgreSQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy import Engine, text

from ceasefire.store.file_lock import file_lock


def ingest_lock(engine: Engine) -> AbstractContextManager[None]:
    """Hold the database's ingest lock for the block; waits for another holder to finish."""
    return _database_lock(engine, "ingest")


def resolve_lock(engine: Engine) -> AbstractContextManager[None]:
    """Hold the database's resolution lock for the block."""
    return _database_lock(engine, "resolve")


def _key(name: str) -> int:
    return int.from_bytes(hashlib.sha1(f"ceasefire {name}".encode()).digest()[:7], "big")


@contextmanager
def _database_lock(engine: Engine, name: str) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _key(name)})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _key(name)})
                conn.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield  # no other process can reach this database
        return
    with file_lock(f"{database}.{name}-lock"):
        yield
