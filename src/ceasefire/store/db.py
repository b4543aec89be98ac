"""Engines and migrations: one place that knows how to open a database."""

from __future__ import annotations

import os
from importlib import resources

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

DEFAULT_DB = "ceasefire.db"
ENV_VAR = "CEASEFIRE_DB"


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
    """An engine on the database, migrated to the latest schema."""
    url = database_url(db)
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot use database {_safe(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {_safe(url)}: {exc.orig or exc}") from exc
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; a no-op when it is already there."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("ceasefire.store") / "migrations")
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
