"""Engines and migrations: one place that knows how to open a database."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError

from ceasefire.store.db_errors import DatabaseUnavailable, explain, sqlite_path
from ceasefire.store.file_lock import file_lock

DEFAULT_DB = "ceasefire.db"
ENV_VAR = "CEASEFIRE_DB"
BUSY_TIMEOUT_MS = 30_000

_PG_MIGRATE_KEY = int.from_bytes(hashlib.sha1(b"ceasefire migrate").digest()[:7], "big")

__all__ = ["DatabaseUnavailable", "StoreError", "database_url", "migrate", "open_store"]


class StoreError(Exception):
    """The database cannot be opened or used; the message names it and says why."""


def database_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from `--db`, else $CEASEFIRE_DB, else ./ceasefire.db; paths mean SQLite."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        if value.startswith("postgresql://"):
            return "postgresql+psycopg://" + value.removeprefix("postgresql://")
        return value
    return f"sqlite:///{value}"


def open_store(db: str | None = None) -> Engine:
    """An engine on the database, migrated to the latest schema.

    The database's own errors that mean it cannot be used at all (read-only, disk full,
    locked, unreachable) come out of this engine as `DatabaseUnavailable`, whose message is
    one sentence naming the database, never the SQL that met them.
    """
    url = database_url(db)
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot use database {_safe(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "handle_error", _plain_error, retval=True)
    try:
        migrate(engine)
    except DatabaseUnavailable as exc:
        raise StoreError(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {_safe(url)}: {exc.orig or exc}") from exc
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; a no-op when it is already there.

    Processes that start together on a new database would each create the tables; the
    first to take the migration lock migrates, and the others, once they have it, find the
    schema current (Alembic reads the revision again under the lock) and change nothing.
    """
    from alembic import command

    config = _alembic_config()
    if _at_head(engine, config):
        return  # also how a read-only database at the newest schema is opened
    with _migration_lock(engine), engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            key = {"key": _PG_MIGRATE_KEY}
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), key)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("ceasefire.store") / "migrations")
    )
    return config


def _at_head(engine: Engine, config: Any) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """An exclusive file lock beside a SQLite file (`<db>.migrate-lock`) while migrating.
    PostgreSQL takes an advisory lock inside the migration's transaction instead."""
    path = sqlite_path(engine)
    if engine.dialect.name != "sqlite" or path is None:
        yield
        return
    with file_lock(f"{path}.migrate-lock"):
        yield


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """The busy timeout comes first: switching a new file to WAL needs a lock that another
    process starting at the same moment may hold. A read-only file that is not in WAL mode
    cannot be switched, and is still read."""
    import sqlite3

    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_READONLY:
            raise
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _plain_error(context: Any) -> Exception | None:
    """The `handle_error` hook: a database that cannot be used becomes DatabaseUnavailable."""
    original = context.sqlalchemy_exception
    if original is None or isinstance(original, DatabaseUnavailable):
        return None
    sentence = explain(context.engine, context.original_exception)
    if sentence is None:
        return None
    return DatabaseUnavailable(sentence, original)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
