"""`ceasefire batch` and `ceasefire load`: a large corpus on a Dask cluster (ceasefire/batch/)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ceasefire.batch.plan import DEFAULT_PARTITION
from ceasefire.cli_common import (
    DbOption,
    MaxSizeOption,
    ResolveOption,
    fail,
    open_documents,
    progress,
    report_ingest,
)


def register(app: typer.Typer) -> None:
    app.command()(batch)
    app.command()(load)


def batch(
    paths: Annotated[
        list[str], typer.Argument(help="Files and directories: JSONL shards, HTML, text, feeds.")
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder for the Parquet partitions (shared storage "
            "when the workers run on other machines).",
        ),
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address of a running Dask scheduler (tcp://host:8786). Default: a "
            "local cluster on 127.0.0.1."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Worker processes of the local cluster. Default: one per CPU.", min=1),
    ] = None,
    partition_size: Annotated[
        int, typer.Option(help="Items per partition (one task, one file per table).", min=1)
    ] = DEFAULT_PARTITION,
    max_size: MaxSizeOption = 10.0,
    extract: Annotated[
        bool, typer.Option("--extract/--no-extract", help="Extract records as well as clean.")
    ] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Clean and extract a large corpus on a Dask cluster into Parquet partitions of
    documents, mentions, events, displacement and failures; `ceasefire load` stores them.
    Run again with the same inputs, it finishes the partitions that are missing."""
    try:
        from ceasefire.batch.plan import BatchError
        from ceasefire.batch.run import run_batch
    except ImportError as exc:
        fail(
            f"batch needs Dask and pyarrow ({exc.name} is missing): pip install 'ceasefire[scale]'"
        )

    def started(client: Any) -> None:
        if not quiet:
            typer.echo(f"Dask dashboard: {client.dashboard_link}", err=True)

    with progress(quiet) as bar:
        try:
            report = run_batch(
                paths,
                out,
                scheduler=scheduler,
                workers=workers,
                partition_size=partition_size,
                max_bytes=int(max_size * 1e6),
                extract=extract,
                on_progress=bar,
                on_start=started,
            )
        except BatchError as exc:
            fail(str(exc))
    for name, reason in report.failed:
        typer.echo(f"failed: partition {name}: {reason}", err=True)
    typer.echo(report.summary())
    if report.failed:
        typer.echo("Run the same command again to retry the failed partitions.", err=True)
        sys.exit(1)


def load(
    out: Annotated[Path, typer.Argument(help="The --out folder of `ceasefire batch`.")],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.", min=1)] = 500,
    resolve: ResolveOption = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Store the partitions of `ceasefire batch` as `ingest` would have (duplicates linked,
    failures kept for `retry`), then resolve them."""
    from ceasefire.batch.load import load as run_load
    from ceasefire.batch.plan import BatchError

    store = open_documents(db, create=True)
    with progress(quiet) as bar:
        try:
            report = run_load(out, store, batch_size=batch_size, on_progress=bar)
        except BatchError as exc:
            fail(str(exc))
        except ImportError as exc:
            fail(f"load needs pyarrow ({exc.name} is missing): pip install 'ceasefire[scale]'")
    report_ingest(report, store.engine if resolve else None, quiet)
