"""`ceasefire watch`: poll feeds, ingest what is new, resolve, alert (ceasefire/watch/)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from ceasefire.cli_common import DbOption, fail, open_engine


def register(app: typer.Typer) -> None:
    app.command()(watch)


def watch(
    urls: Annotated[
        list[str] | None, typer.Argument(metavar="URL...", help="RSS or Atom feeds to poll.")
    ] = None,
    every: Annotated[
        str | None, typer.Option(help="Time between rounds: 30s, 15m, 1h. Default: 15m.")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then stop (for cron).")] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="TOML file: feeds, every, webhook, fetch_pages, host_delay, backoff, "
            "thresholds.violations.",
        ),
    ] = None,
    fetch_pages: Annotated[
        bool, typer.Option("--fetch-pages", help="Fetch each new entry's article page.")
    ] = False,
    webhook: Annotated[str | None, typer.Option(help="POST each alert here as JSON.")] = None,
    alert_violations: Annotated[
        int | None,
        typer.Option(
            help="Alert when an arrangement has this many violation candidates (3).", min=1
        ),
    ] = None,
    host_delay: Annotated[
        float | None, typer.Option(help="Seconds between two requests to one host (1).", min=0)
    ] = None,
    backoff: Annotated[
        str | None,
        typer.Option(help="Pause after a feed fails, doubled each failure in a row (60s)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Poll RSS/Atom feeds (conditional GET, backoff, polite per host), ingest new entries,
    resolve, and alert when an arrangement is announced, changes status, or reaches the
    threshold of violation candidates. Runs until interrupted; --once for one round."""
    from ceasefire.watch.config import ConfigError, load, settle
    from ceasefire.watch.poll import watch as run

    given = {
        "feeds": urls or [],
        "every": every,
        "webhook": webhook,
        "alert_violations": alert_violations,
        "fetch_pages": fetch_pages,
        "host_delay": host_delay,
        "backoff": backoff,
    }
    try:
        settings = settle(load(config), given)
    except ConfigError as exc:
        fail(str(exc), code=2)
    logging.getLogger("ceasefire").setLevel(logging.ERROR)
    engine = open_engine(db, create=True)  # watching a feed builds its database as ingest does
    try:
        run(engine, settings, once, lambda line: typer.echo(line, err=True))
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)
