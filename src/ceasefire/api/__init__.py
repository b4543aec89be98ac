"""The HTTP API and the dashboard: `ceasefire serve`, or `create_app(engine, token)`."""

from ceasefire.api.app import create_app

__all__ = ["create_app"]
