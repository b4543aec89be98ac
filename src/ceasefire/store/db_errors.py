"""A database that cannot be used, said in one sentence: read-only, disk full, locked, gone.

The drivers' own errors come with the statement and its parameters (whole documents, for an
insert); people running the command line or calling the API need to know which database
failed and why, and nothing else.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

_BUSY_SECONDS = 30  # the busy timeout db.py gives SQLite connections


class DatabaseUnavailable(OperationalError):
    """The database cannot do what was asked at all (rather than refusing one value); the
    message is one sentence that names it. An OperationalError, so code that stops on those
    stops on this."""

    def __init__(self, sentence: str, original: DBAPIError) -> None:
        super().__init__(
            original.statement,
            original.params,
            original.orig,
            hide_parameters=True,
            connection_invalidated=original.connection_invalidated,
        )
        self.sentence = sentence

    def __str__(self) -> str:
        return self.sentence

    def __reduce__(self) -> Any:  # keep the sentence when pickled (worker processes)
        return (_rebuild, (self.sentence, self.statement, self.orig))


def _rebuild(sentence: str, statement: str | None, orig: BaseException) -> DatabaseUnavailable:
    return DatabaseUnavailable(sentence, OperationalError(statement, None, orig))


def sqlite_path(engine: Engine) -> str | None:
    """The file of a SQLite engine (a `file:` URI's path too); None in memory or otherwise."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
    if not database or database == ":memory:" or "mode=memory" in str(engine.url):
        return None
    return database


def database_name(engine: Engine) -> str:
    """How messages name the database: its file, or its URL without the password."""
    path = sqlite_path(engine)
    return os.path.abspath(path) if path else engine.url.render_as_string(hide_password=True)


def explain(engine: Engine, error: BaseException | None) -> str | None:
    """One sentence when `error` (a driver's) means the database cannot be used; else None."""
    name = database_name(engine)
    if isinstance(error, sqlite3.Error):
        return _sqlite_sentence(name, error)
    sqlstate = getattr(error, "sqlstate", None)
    if engine.dialect.name == "postgresql" and error is not None:
        return _postgres_sentence(name, sqlstate, error)
    return None


def _sqlite_sentence(name: str, error: sqlite3.Error) -> str | None:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    sentences = {
        sqlite3.SQLITE_READONLY: f"the database {name} is read-only: it cannot be written "
        "(make the file and its folder writable, or only read from it)",
        sqlite3.SQLITE_FULL: f"the disk holding the database {name} is full: "
        "free some space, then try again",
        sqlite3.SQLITE_BUSY: f"the database {name} is busy: another process is writing to it "
        f"(waited up to {_BUSY_SECONDS} s); try again",
        sqlite3.SQLITE_LOCKED: f"the database {name} is locked by another connection",
        sqlite3.SQLITE_CANTOPEN: f"the database {name} cannot be opened: its folder is "
        "missing or not writable, or it is not a file",
        sqlite3.SQLITE_PERM: f"the database {name} cannot be accessed: permission denied",
        sqlite3.SQLITE_IOERR: f"reading or writing the database {name} failed: "
        "the disk reported an I/O error",
        sqlite3.SQLITE_CORRUPT: f"the file {name} is not a usable SQLite database: it is damaged",
        sqlite3.SQLITE_NOTADB: f"the file {name} is not a SQLite database",
    }
    return sentences.get(code)


def _postgres_sentence(name: str, sqlstate: str | None, error: BaseException) -> str | None:
    first_line = (str(error).strip().splitlines() or ["no reason given"])[0]
    if sqlstate == "25006":
        return f"the database {name} is read-only: it cannot be written (a standby server?)"
    if sqlstate == "53100":
        return f"the disk holding the database {name} is full: free some space, then try again"
    if sqlstate is not None and sqlstate.startswith("53"):
        return f"the server of the database {name} is out of resources: {first_line}"
    if sqlstate in ("57P01", "57P02", "57P03"):
        return f"the server of the database {name} is shutting down or starting: {first_line}"
    if sqlstate == "42501":
        return f"the database {name} refuses this user: {first_line}"
    if (sqlstate or "").startswith("08") or (sqlstate is None and _connection_error(error)):
        return f"cannot open database {name}: {first_line}"
    return None


def _connection_error(error: BaseException) -> bool:
    """psycopg's OperationalError without a SQLSTATE: the server could not be reached."""
    import psycopg

    return isinstance(error, psycopg.OperationalError)
