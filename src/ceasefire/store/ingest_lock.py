"""One ingest at a time may decide what is new and a duplicate, and write it.

Two processes ingesting into one database would each compare their documents only with what
was stored when they looked, and miss the near-duplicates the other was writing. The lock is
held from that look to the commit: a file lock beside a SQLite file (SQLite's own locks are
taken only at the write), a session advisory lock on PostgreSQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

from ceasefire.store.file_lock import file_lock

_PG_KEY = int.from_bytes(hashlib.sha1(b"ceasefire ingest").digest()[:7], "big")


@contextmanager
def ingest_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's ingest lock for the block; waits for another holder to finish."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_KEY})
                conn.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield  # no other process can reach this database
        return
    with file_lock(f"{database}.ingest-lock"):
        yield
