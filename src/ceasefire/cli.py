"""The `ceasefire` command line: every command is a thin call into the package."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from ceasefire.cli_batch import register as _register_batch
from ceasefire.cli_common import (
    DbOption,
    JsonOption,
    MaxSizeOption,
    ResolveOption,
    exit_if_database_failed,
    fail,
    open_documents,
    pending_resolution,
    progress,
    report_ingest,
)
from ceasefire.cli_correct import register as _register_corrections
from ceasefire.cli_export import register as _register_export
from ceasefire.cli_gazetteer import register as _register_gazetteer
from ceasefire.cli_resolve import register as _register_resolution
from ceasefire.cli_resolve import run_resolution, show_arrangements
from ceasefire.cli_serve import register as _register_serve
from ceasefire.cli_serve import run_server
from ceasefire.cli_watch import register as _register_watch
from ceasefire.output import print_json_lines, print_table
from ceasefire.records import failure_where

app = typer.Typer(
    help="Ceasefire arrangements and the violence around them, from the news, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories, or - for JSONL on stdin.")
    ],
    db: DbOption = None,
    max_size: MaxSizeOption = 10.0,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.", min=1)] = 500,
    workers: Annotated[
        int | None, typer.Option(help="Processes for cleaning. Default: one per CPU.", min=1)
    ] = None,
    extract: Annotated[
        bool, typer.Option("--extract/--no-extract", help="Extract records while ingesting.")
    ] = True,
    resolve: ResolveOption = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read, clean, deduplicate, extract and store articles (.txt, .html, .jsonl, RSS/Atom),
    then resolve them into arrangements, events and violation candidates."""
    from ceasefire.pipeline import ingest as run_ingest

    store = open_documents(db, create=True)
    with progress(quiet) as bar:
        report = run_ingest(
            paths,
            store,
            max_bytes=int(max_size * 1e6),
            batch_size=batch_size,
            workers=workers,
            extract=extract,
            on_progress=bar,
        )
    report_ingest(report, store.engine if extract and resolve else None, quiet)


@app.command()
def retry(
    db: DbOption = None,
    max_size: MaxSizeOption = 10.0,
    workers: Annotated[
        int | None, typer.Option(help="Processes for cleaning. Default: one per CPU.", min=1)
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest the stored failures again (after fixing the files, or raising --max-size)."""
    from ceasefire.pipeline import retry_failures

    store = open_documents(db)
    with progress(quiet) as bar:
        report = retry_failures(
            store, max_bytes=int(max_size * 1e6), workers=workers, on_progress=bar
        )
    report_ingest(report, store.engine, quiet)


def _records_summary(docs: list[dict[str, Any]]) -> str:
    """One line: how many records of each kind the documents hold, ceasefires by type."""
    from collections import Counter

    kinds: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for doc in docs:
        for kind, records in (doc.get("records") or {}).items():
            kinds[kind] += len(records)
            if kind == "ceasefires":
                types.update(record["type"] for record in records)
    by_type = ", ".join(f"{n} {t}" for t, n in types.most_common())
    listed = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    return f"records: {listed}\nceasefire mentions by type: {by_type}"


@app.command()
def reextract(
    db: DbOption = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Every document, not only those with stale records.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="Processes for extraction. Default: one per CPU.", min=1)
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract stored documents again after the knowledge files changed, then resolve them."""
    from ceasefire.pipeline import reextract as run_reextract

    store = open_documents(db)
    started = time.perf_counter()
    with progress(quiet) as bar:
        done = run_reextract(store, everything=everything, workers=workers, on_progress=bar)
    typer.echo(f"re-extracted {done} documents in {time.perf_counter() - started:.1f} s")
    if pending_resolution(store.engine):
        typer.echo(run_resolution(store.engine, quiet))


@app.command()
def documents(
    db: DbOption = None,
    failed: Annotated[bool, typer.Option("--failed", help="List the failures instead.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many rows; 0 for all.", min=0)] = 50,
    as_json: JsonOption = False,
) -> None:
    """List stored documents, or with --failed the inputs that failed and why."""
    store = open_documents(db)
    if failed:
        every = store.failures() + store.extraction_failures()
        rows = every[:limit] if limit else every
        columns = ["where", "item_id", "reason", "attempts"]
    else:
        rows = store.list(limit=limit or None)
        columns = ["id", "published", "language", "title", "outlet", "duplicate_of"]
    if as_json:
        print_json_lines(rows)
        return
    if failed:
        rows = [{"where": failure_where(row["source"], row["line"]), **row} for row in rows]
    print_table(rows, columns, wrap=["reason"])
    total = len(every) if failed else store.count()
    if len(rows) < total:
        typer.echo(f"showing {len(rows)} of {total}; --limit 0 shows all", err=True)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="The document's stored id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one document's metadata and clean text."""
    row = open_documents(db).get(doc_id)
    if row is None:
        fail(f"no document with id {doc_id!r}; `ceasefire documents` lists them")
    if as_json:
        print_json_lines([row])
        return
    text = row.pop("text")
    records = row.pop("records") or {}
    for key, value in row.items():
        if value not in (None, "", []):
            typer.echo(f"{key:>15}: {value}")
    counts = ", ".join(f"{len(v)} {k}" for k, v in records.items())
    typer.echo(f"{'records':>15}: {counts or 'not extracted'}")
    typer.echo("")
    typer.echo(text)


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories, or - for JSONL on stdin.")
    ],
    with_text: Annotated[bool, typer.Option("--with-text", help="Add the cleaned text.")] = False,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for documents that do not state one."),
    ] = None,
    max_size: MaxSizeOption = 10.0,
    output_format: Annotated[
        str, typer.Option("--format", help="Output format; only jsonl.", show_default=True)
    ] = "jsonl",
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Instead of JSON, print per sentence its clauses, their modality, the "
            "knowledge that fired in each, and the records it gave.",
        ),
    ] = False,
) -> None:
    """Print the SCHEMA.md record of each document as one JSON line; stores nothing."""
    from ceasefire.extract.run import explain_paths, extract_paths

    if output_format != "jsonl":
        fail(f"unknown --format {output_format!r}; only jsonl is supported", code=2)
    run = explain_paths if explain else extract_paths
    try:
        results = run(paths, published=published, max_bytes=int(max_size * 1e6))
    except ValueError as exc:
        fail(str(exc), code=2)
    total = failed = 0
    for result in results:
        total += 1
        if isinstance(result, str):
            sys.stdout.write(result)
            continue
        failed += bool(result.errors)
        if explain:
            sys.stderr.write(f"{result.id}: {'; '.join(result.errors)}\n")
        else:
            sys.stdout.write(json.dumps(result.to_dict(with_text), ensure_ascii=False) + "\n")
    if total and failed == total:
        raise typer.Exit(1)


@app.command()
def demo(
    db: Annotated[str, typer.Option(help="SQLite file to build; replaced if present.")] = (
        "ceasefire-demo.db"
    ),
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Then serve the dashboard on it.")
    ] = True,
    host: Annotated[str, typer.Option(help="Address the dashboard listens on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port the dashboard listens on.", min=1)] = 8000,
) -> None:
    """Build a fresh SQLite database from the shipped 2016 Syria corpus, show what it found,
    and serve the dashboard on it (--no-serve to stop there)."""
    from ceasefire.demo import build_demo

    if "://" in db:
        fail("the demo builds a SQLite file: give --db a file path", code=2)
    path = Path(db).resolve()
    report, store = build_demo(path)
    typer.echo(f"demo database: {path}")
    typer.echo(report.summary())
    rows = sorted(store.list(), key=lambda row: (row["published"] or "", row["id"]))
    print_table(rows, ["published", "language", "id", "title", "duplicate_of"])
    typer.echo(_records_summary([store.get(row["id"]) or {} for row in rows]))
    typer.echo(run_resolution(store.engine, quiet=True))
    typer.echo("\narrangements (`ceasefire arrangement ID --db ...` shows one):")
    show_arrangements(store.engine)
    if serve:
        run_server(store.engine, host, port, token=None)


_register_batch(app)
_register_resolution(app)
_register_serve(app)
_register_gazetteer(app)
_register_export(app)
_register_corrections(app)
_register_watch(app)
eval_app = typer.Typer(help="Score the extractor on data coded by people outside the project.")
app.add_typer(eval_app, name="eval")
ErrorsOption = Annotated[int, typer.Option("--errors", help="Print the N worst rows.", min=0)]
CsvArgument = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The CSV file.")]


@eval_app.command("places")
def eval_places(path: CsvArgument, errors: ErrorsOption = 0) -> None:
    """ACLED CSV: the place found in each row's notes against ACLED's coded location."""
    from ceasefire.evaluate import score_places

    typer.echo(score_places(path, worst=errors).text())


@eval_app.command("events")
def eval_events(path: CsvArgument, errors: ErrorsOption = 0) -> None:
    """ACLED CSV: the event found in each row's notes against ACLED's coding."""
    from ceasefire.evaluate import score_events

    typer.echo(score_events(path, worst=errors).text())


@eval_app.command("articles")
def eval_articles(path: CsvArgument, errors: ErrorsOption = 0) -> None:
    """FA-KES CSV: governorate, cause of death, actor class and deaths against its labels."""
    from ceasefire.evaluate import score_articles

    typer.echo(score_articles(path, worst=errors).text())


@eval_app.command("agreements")
def eval_agreements(path: CsvArgument, errors: ErrorsOption = 0) -> None:
    """PA-X CSV: a ceasefire named in each agreement's title against PA-X's `Cea` stage."""
    from ceasefire.evaluate import score_agreements

    typer.echo(score_agreements(path, worst=errors).text())


def main() -> None:
    """Entry point: known errors are already reported; anything else gets one readable line."""
    import os

    try:
        app()
    except Exception as exc:
        if os.environ.get("CEASEFIRE_DEBUG"):
            raise
        exit_if_database_failed(exc)
        typer.secho(
            f"error: unexpected {type(exc).__name__}: {exc} "
            "(CEASEFIRE_DEBUG=1 shows the traceback)",
            fg=typer.colors.RED,
            err=True,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
