"""`ceasefire export`: stored records as CSV, JSONL, GeoJSON, Parquet or XLSX."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from ceasefire.cli_common import DbOption, fail, open_engine, progress

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ceasefire.export import Request

_TEXT_FORMATS = ("csv", "jsonl", "geojson")


def register(app: typer.Typer) -> None:
    app.command()(export)


def export(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="events, arrangements, characterizations, mentions, violations, "
            "displacement or documents.",
        ),
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="csv, jsonl, geojson, parquet or xlsx.")
    ] = "csv",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; default stdout.")
    ] = None,
    db: DbOption = None,
    type_: Annotated[
        str | None,
        typer.Option("--type", help="Events: ACLED type or sub-type; arrangements: typology type."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="On or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="On or before this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 code.")] = None,
    place: Annotated[str | None, typer.Option(help="A place name the records name.")] = None,
    actor: Annotated[str | None, typer.Option(help="An actor name the records name.")] = None,
    arrangement: Annotated[
        str | None, typer.Option(help="Violations and mentions: this arrangement's.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Export stored records for spreadsheets, pandas, R, QGIS or DuckDB (docs/exports.md).

    Events come in ACLED's columns; rows are written as they are read from the store."""
    from ceasefire.export import ExportError, Request
    from ceasefire.filters import FilterError

    request = Request(kind, output_format, type_, since, until, country, place, actor, arrangement)
    try:
        request.checked(_option)
    except (FilterError, ExportError) as exc:
        fail(str(exc), code=2)
    if output is None and output_format not in _TEXT_FORMATS and sys.stdout.isatty():
        fail(f"{output_format} is binary: write it to a file with -o FILE", code=2)
    engine = open_engine(db)
    if output is None:
        _write(engine, request, sys.stdout.buffer, quiet=True)
        return
    count = _write_file(engine, request, output, quiet)
    typer.echo(f"wrote {count} {kind} to {output}", err=True)


def _option(name: str) -> str:
    """A filter's name as this command spells it."""
    return {"kind": "KIND", "format": "--format"}.get(name, f"--{name}")


def _write(engine: Engine, request: Request, out: BinaryIO, quiet: bool) -> int:
    from ceasefire.export import ExportError, write_export

    with progress(quiet, unit=" rows") as bar:
        try:
            return write_export(engine, request, out, bar)
        except ExportError as exc:
            fail(str(exc), code=2)


def _write_file(engine: Engine, request: Request, output: Path, quiet: bool) -> int:
    """Write beside `output`, then move it into place: an export that fails leaves no half
    file behind, and an older export stays whole until the new one is complete."""
    folder = output.resolve().parent
    if not folder.is_dir():
        fail(f"cannot write {output}: no folder {folder}", code=2)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".part")
    except OSError as exc:
        fail(f"cannot write in {folder}: {exc.strerror}", code=2)
    try:
        with os.fdopen(handle, "wb") as out:
            count = _write(engine, request, out, quiet)
        os.replace(temporary, output)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return count
