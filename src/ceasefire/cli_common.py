"""What the command-line modules share: options, error exits, the store, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
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
ResolveOption = Annotated[
    bool,
    typer.Option(
        "--resolve/--no-resolve",
        help="Then update arrangements, events and violations (`ceasefire resolve`).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
MaxSizeOption = Annotated[
    float, typer.Option("--max-size", help="Largest single document to accept, in MB.", min=0.001)
]


def fail(message: str, code: int = 1) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def open_engine(db: str | None, create: bool = False) -> Any:
    """The migrated database, or a clean exit naming it and the problem. Only the commands
    that build a database (`create`) make a SQLite file that is not there: any other would
    answer from an empty database made by a mistyped path."""
    from ceasefire.store import StoreError, open_store

    if not create:
        require_database(db)
    try:
        return open_store(db)
    except StoreError as exc:
        fail(str(exc))


def checked(check: Callable[..., Any], value: Any, name: str) -> Any:
    """`check(value, name)` from ceasefire.filters, or exit 2 with its message, which lists
    the valid values."""
    from ceasefire.filters import FilterError

    try:
        return check(value, name)
    except FilterError as exc:
        fail(str(exc), code=2)


def exit_if_database_failed(exc: BaseException) -> None:
    """A database that cannot be used (read-only, disk full, busy, unreachable) ends the
    command with the one sentence that says so, not with the SQL that met it."""
    from ceasefire.store.db_errors import DatabaseUnavailable

    if isinstance(exc, DatabaseUnavailable):
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(1)


def require_database(db: str | None) -> None:
    """Exit (code 2) when `db` names a SQLite file that does not exist. SQLite URLs with
    options (`sqlite:///file:...?mode=ro&uri=true`) and other databases are left to open."""
    from ceasefire.store import database_url

    url = database_url(db)
    path = url.removeprefix("sqlite:///")
    if path == url or "?" in path or path.startswith("file:") or path in ("", ":memory:"):
        return
    if not Path(path).exists():
        fail(
            f"no database at {path}: give --db (or CEASEFIRE_DB) an existing SQLite file or a "
            "database URL; `ceasefire ingest` and `ceasefire demo` create one",
            code=2,
        )


def open_documents(db: str | None, create: bool = False) -> Any:
    from ceasefire.store import DocumentStore

    return DocumentStore(open_engine(db, create))


@contextmanager
def progress(quiet: bool, unit: str = " docs") -> Iterator[Callable[[int], object]]:
    """A tqdm bar on stderr when it is a terminal; silent otherwise or with --quiet."""
    from tqdm import tqdm

    bar = tqdm(unit=unit, disable=True if quiet else None, file=sys.stderr)
    try:
        yield bar.update
    finally:
        bar.close()


def report_ingest(report: Any, resolve_with: Any = None, quiet: bool = True) -> None:
    """Failures on stderr, the summary line on stdout, then resolution of what changed (when
    given an engine); exit 1 when every item failed."""
    for failure in report.failures[:20]:
        typer.echo(f"failed: {failure.where}: {failure.reason}", err=True)
    if len(report.failures) > 20:
        typer.echo(f"... and {len(report.failures) - 20} more", err=True)
    if report.failures:
        typer.echo("`ceasefire documents --failed` lists every failure with its reason.", err=True)
    typer.echo(report.summary())
    if resolve_with is not None and pending_resolution(resolve_with):
        from ceasefire.cli_resolve import run_resolution

        typer.echo(run_resolution(resolve_with, quiet))
    if report.seen and len(report.failures) == report.seen:
        raise typer.Exit(1)


def pending_resolution(engine: Any) -> int:
    """How many stored documents wait for resolution: those of this run, and any that an
    earlier run stored but was stopped before resolving."""
    from ceasefire.store.resolved import ResolvedStore

    return ResolvedStore(engine).pending_count()
