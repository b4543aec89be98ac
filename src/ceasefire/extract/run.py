"""Stateless extraction over files and streams: the body of `ceasefire extract`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ceasefire.extract import extract_document
from ceasefire.ingest.dates import iso_date
from ceasefire.ingest.items import RawItem
from ceasefire.ingest.prepare import prepare_or_fail
from ceasefire.ingest.readers import DEFAULT_MAX_BYTES, read
from ceasefire.records import Document, Failure, Result


def extract_paths(
    paths: Iterable[str], *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Result]:
    """One Result per input document, in input order; failures carry `errors`.

    `published` is the date for documents that do not state their own.
    """
    return _extract_items(read(paths, max_bytes), _default_date(published))


def explain_paths(
    paths: Iterable[str], *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Result | str]:
    """Per input document, in input order, the explanation of its records (extract/explain.py),
    or its failed Result."""
    from ceasefire.extract.explain import explain

    default_date = _default_date(published)
    for item in _prepared(read(paths, max_bytes), default_date):
        yield item if isinstance(item, Result) else explain(item)


def _default_date(published: str | None) -> str | None:
    default_date = iso_date(published) if published else None
    if published and default_date is None:
        raise ValueError(f"--published {published!r} is not a date (expected YYYY-MM-DD)")
    return default_date


def _extract_items(
    items: Iterable[RawItem | Failure], default_date: str | None
) -> Iterator[Result]:
    for item in _prepared(items, default_date):
        yield item if isinstance(item, Result) else extract_document(item)


def _prepared(
    items: Iterable[RawItem | Failure], default_date: str | None
) -> Iterator[Document | Result]:
    """Each item as a Document ready for extraction, or the Result that says why it failed."""
    for item in items:
        prepared = prepare_or_fail(item)
        if isinstance(prepared, Failure):
            yield _failed(prepared)
            continue
        prepared.published = prepared.published or default_date
        yield prepared


def _failed(failure: Failure) -> Result:
    doc_id = failure.item_id or (f"line:{failure.line}" if failure.line else failure.source)
    return Result(id=doc_id, errors=[f"{failure.where}: {failure.reason}"])
