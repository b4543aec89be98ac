"""Readers: walk paths and yield one raw item per document, or a Failure naming the bad input.

A reader only finds items and their bytes; turning them into Documents is `prepare`'s job.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ceasefire.ingest.feeds import read_feed
from ceasefire.ingest.items import RawItem
from ceasefire.records import Failure

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
STDIN = "-"

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})


def read(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawItem | Failure]:
    """Every item under `paths`, in a stable order: directories are walked sorted."""
    for given in paths:
        if given == STDIN:
            yield from read_jsonl(sys.stdin.buffer, STDIN, max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            for file_path in walk(given):
                yield from read_file(file_path, max_bytes)
        elif path.exists():
            yield from read_file(given, max_bytes)
        else:
            yield Failure(source=given, reason="no such file or directory")


def walk(directory: str) -> Iterator[str]:
    """Files under `directory`, sorted, skipping hidden files and folders."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawItem | Failure]:
    suffix = Path(path).suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as handle:
                yield from read_jsonl(handle, path, max_bytes)
            return
        size = os.path.getsize(path)
        if size > max_bytes:
            yield Failure(source=path, reason=_too_big(size, max_bytes))
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield Failure(source=path, reason=f"cannot read the file: {exc.strerror or exc}")
        return
    if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and _looks_like_feed(data)):
        yield from read_feed(data, path)
    elif suffix in HTML_SUFFIXES:
        yield RawItem(doc_id=path, source=path, kind="html", raw=data)
    else:
        yield RawItem(doc_id=path, source=path, kind="text", raw=data)


def read_jsonl(handle: BinaryIO, source: str, max_bytes: int) -> Iterator[RawItem | Failure]:
    """One item per line; a bad line becomes a Failure and the lines after it still come."""
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield Failure(source=source, line=number, reason=_too_big(len(line), max_bytes))
            continue
        yield parse_jsonl_line(line, source, number)


def parse_jsonl_line(line: bytes, source: str, number: int | None) -> RawItem | Failure:
    """A SCHEMA.md input object as a RawItem, or a Failure saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = _json_problem(exc)
        return Failure(source=source, line=number, reason=reason, raw=line)
    return item_from_object(obj, source, number, raw=line)


def item_from_object(
    obj: object, source: str, number: int | None, raw: bytes | None = None
) -> RawItem | Failure:
    """Validate one input object (a JSONL line or a POSTed document)."""
    if raw is None:
        raw = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        return Failure(
            source=source, line=number, reason=f"expected a JSON object, got {kind}", raw=raw
        )
    doc_id = obj.get("id")
    if isinstance(doc_id, int | float) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return Failure(
            source=source, line=number, reason='missing "id" (a non-empty string)', raw=raw
        )
    body = obj.get("text") or obj.get("html")
    if not isinstance(body, str) or not body.strip():
        reason = 'missing "text" or "html" (a non-empty string)'
        return Failure(source=source, line=number, item_id=doc_id, reason=reason, raw=raw)
    return RawItem(doc_id=doc_id, source=source, kind="jsonl", raw=raw, line=number, fields=obj)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for one document "
        "(raise it with --max-size if this really is one article)"
    )


def _json_problem(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
    return f"not valid UTF-8 JSON: {exc}"
