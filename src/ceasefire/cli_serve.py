"""`ceasefire serve`: the HTTP API and the dashboard."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ceasefire.cli_common import DbOption, open_engine

HostOption = Annotated[str, typer.Option(help="Address to listen on.")]
PortOption = Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)]
TokenOption = Annotated[
    str | None,
    typer.Option(
        envvar="CEASEFIRE_TOKEN",
        help="Bearer token that POST /documents needs; without one, writes are refused.",
        show_default=False,
    ),
]
MaxBodyOption = Annotated[
    float,
    typer.Option(
        envvar="CEASEFIRE_MAX_BODY",
        help="Largest request body to accept, in MB; larger ones get 413 unread. The default "
        "holds one document at the 10 MB limit of `ingest --max-size`, JSON-escaped.",
        min=0.001,
    ),
]
DEFAULT_MAX_BODY_MB = 40.0  # the same as ceasefire.api.limits.DEFAULT_MAX_BODY_MB


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    token: TokenOption = None,
    max_body: MaxBodyOption = DEFAULT_MAX_BODY_MB,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard (at /)."""
    # With a token it takes documents, so it may start on a new database; without, it only
    # reads, and a database that is not there is a mistyped path.
    run_server(open_engine(db, create=token is not None), host, port, token, max_body)


def run_server(
    engine: Any, host: str, port: int, token: str | None, max_body: float = DEFAULT_MAX_BODY_MB
) -> None:
    """Serve until interrupted. With a token, what writes need is loaded first, so that the
    first POST does not wait for it."""
    import uvicorn

    from ceasefire.api import create_app

    typer.echo(f"dashboard: http://{host}:{port}/   API: http://{host}:{port}/docs")
    if token is None:
        typer.echo("no token set (--token or CEASEFIRE_TOKEN): POST /documents is refused")
    else:
        from ceasefire.api.ingest import warm_up

        warm_up()
    app = create_app(engine, token, max_body=int(max_body * 1e6))
    uvicorn.run(app, host=host, port=port, log_level="warning")
