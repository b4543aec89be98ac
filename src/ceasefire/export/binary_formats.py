"""Parquet (pyarrow, typed columns) and XLSX (openpyxl), written in batches as rows are read.

Both libraries come with the `export` extra; without it these formats are refused with the
command that installs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from itertools import islice
from typing import Any, BinaryIO

from ceasefire.export.table import Column, Row, Table

OnRow = Callable[[int], object]
_BATCH = 1000
# Characters an XLSX cell cannot hold (XML 1.0 forbids them); openpyxl refuses them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_CELL = 32767  # characters


class MissingLibrary(RuntimeError):
    """A format whose library is not installed."""


def _need(module: str, fmt: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingLibrary(
            f"--format {fmt} needs {module.split('.')[0]}: pip install 'ceasefire[export]'"
        ) from None


def _batches(table: Table) -> Iterator[list[Row]]:
    rows = (row for row, _ in table.rows)
    while batch := list(islice(rows, _BATCH)):
        yield batch


def set_dates(rows: list[Row], dates: list[str]) -> None:
    """Turn the ISO dates of the columns named in `dates` into dates, in place, as Arrow
    takes them."""
    for row in rows:
        row.update({name: _as_date(row.get(name)) for name in dates})


def _as_date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def write_parquet(table: Table, out: BinaryIO, on_row: OnRow) -> int:
    """Typed columns: dates as date32, counts as int64, coordinates and scores as float64,
    flags as bool, the rest as UTF-8 strings."""
    pa = _need("pyarrow", "parquet")
    pq = _need("pyarrow.parquet", "parquet")
    schema = arrow_schema(table.columns)
    dates = [c.name for c in table.columns if c.type == "date"]
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in _batches(table):
            set_dates(batch, dates)
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            count += len(batch)
            on_row(len(batch))
        if not count:
            writer.write_table(schema.empty_table())
    return count


def arrow_schema(columns: list[Column]) -> Any:
    """The Arrow schema of export columns: dates as date32, counts as int64, coordinates
    and scores as float64, flags as bool, the rest as UTF-8 strings."""
    pa = _need("pyarrow", "parquet")
    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "bool": pa.bool_(),
    }
    return pa.schema([pa.field(c.name, types[c.type]) for c in columns])


def write_xlsx(table: Table, out: BinaryIO, on_row: OnRow) -> int:
    """One sheet named for the table: a bold header row, dates as date cells, numbers as
    numbers; the workbook is written in openpyxl's streaming (write-only) mode."""
    openpyxl = _need("openpyxl", "xlsx")
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(table.name)
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=column.name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    count = 0
    for row, _ in table.rows:
        sheet.append([_xlsx_cell(sheet, column, row.get(column.name)) for column in table.columns])
        count += 1
        on_row(1)
    book.save(out)
    return count


def _xlsx_cell(sheet: Any, column: Column, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if value is None:
        return None
    if column.type == "date":
        cell = WriteOnlyCell(sheet, value=date.fromisoformat(value))
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)[:_XLSX_CELL]
    return value
