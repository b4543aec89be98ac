"""What the command-line modules share: options, error exits, the store, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="CEASEFIRE_DB",
        help="Database: a SQLite file path or a SQLAlchemy URL. Default: ./ceasefire.db",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
MaxSizeOption = Annotated[
    float, typer.Option("--max-size", help="Largest single document to accept, in MB.", min=0.001)
]


def fail(message: str, code: int = 1) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def open_engine(db: str | None) -> Any:
    """The migrated database, or a clean exit naming it and the problem."""
    from ceasefire.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        fail(str(exc))


def exit_if_database_failed(exc: BaseException) -> None:
    """A database that cannot be used (read-only, disk full, busy, unreachable) ends the
    command with the one sentence that says so, not with the SQL that met it."""
    from ceasefire.store.db_errors import DatabaseUnavailable

    if isinstance(exc, DatabaseUnavailable):
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(1)


def open_documents(db: str | None) -> Any:
    from ceasefire.store import DocumentStore

    return DocumentStore(open_engine(db))


@contextmanager
def progress(quiet: bool, unit: str = " docs") -> Iterator[Callable[[int], object]]:
    """A tqdm bar on stderr when it is a terminal; silent otherwise or with --quiet."""
    from tqdm import tqdm

    bar = tqdm(unit=unit, disable=True if quiet else None, file=sys.stderr)
    try:
        yield bar.update
    finally:
        bar.close()
