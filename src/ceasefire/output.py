"""How listings look: a readable table by default, one JSON object per line with --json."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

_CELL_WIDTH = 44
_KEEP_END = frozenset({"id", "source", "where", "duplicate_of"})
_PIPE_WIDTH = 200  # when output goes to a file or pipe, rows are not cut to a terminal


def to_json(value: Any) -> Any:
    """JSON-ready copy of a row: datetimes as ISO strings, bytes left out."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items() if not isinstance(v, bytes | bytearray)}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def print_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(to_json(row), ensure_ascii=False) + "\n")


def print_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], wrap: Sequence[str] = ()
) -> None:
    """A table of `columns`; long cells are cut so that each row stays on one line.

    Columns in `wrap` wrap instead; path-like cells (ids, sources) keep their end, which is
    the part that tells them apart.
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for column in columns:
        if column in wrap:
            table.add_column(column, overflow="fold", min_width=len(column))
        else:
            table.add_column(column, no_wrap=True, min_width=len(column), max_width=_CELL_WIDTH)
    for row in rows:
        table.add_row(*(_cell(row.get(column), column, column in wrap) for column in columns))
    Console(width=None if sys.stdout.isatty() else _PIPE_WIDTH).print(table)


def _cell(value: Any, column: str, wraps: bool) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    if wraps or len(text) <= _CELL_WIDTH:
        return text
    if column in _KEEP_END:
        return "…" + text[-_CELL_WIDTH + 1 :]
    return text[: _CELL_WIDTH - 1] + "…"
