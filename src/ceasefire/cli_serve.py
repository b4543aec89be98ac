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


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    token: TokenOption = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard (at /)."""
    run_server(open_engine(db), host, port, token)


def run_server(engine: Any, host: str, port: int, token: str | None) -> None:
    import uvicorn

    from ceasefire.api import create_app

    typer.echo(f"dashboard: http://{host}:{port}/   API: http://{host}:{port}/docs")
    if token is None:
        typer.echo("no token set (--token or CEASEFIRE_TOKEN): POST /documents is refused")
    uvicorn.run(create_app(engine, token), host=host, port=port, log_level="warning")
