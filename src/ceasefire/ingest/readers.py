"""Readers: walk paths and yield one raw item per document, or a Failure naming the bad input.

A reader only finds items and their bytes; turning them into Documents is `prepare`'s job.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from ceasefire.ingest.feeds import read_feed
from ceasefire.ingest.items import RawItem
from ceasefire.ingest.scrub import path_name
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
        elif path.exists() or path.is_symlink():
            yield from read_file(given, max_bytes)
        else:
            yield Failure(source=path_name(given), reason="no such file or directory")


def walk(directory: str) -> Iterator[str]:
    """Files under `directory`, sorted, skipping hidden files and folders."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawItem | Failure]:
    """The items of one file; a file that is not a regular file (a FIFO, a device, a socket,
    or a link to one) is refused before anything is read from it."""
    name = path_name(path)
    suffix = Path(path).suffix.lower()
    try:
        with _open_regular(path) as handle:
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl(handle, name, max_bytes)
                return
            data = handle.read(max_bytes + 1)
    except _NotRegular as exc:
        yield Failure(source=name, reason=str(exc))
        return
    except OSError as exc:
        yield Failure(source=name, reason=f"cannot read the file: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:
        size = max(os.path.getsize(path), len(data))
        yield Failure(source=name, reason=_too_big(size, max_bytes))
    elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and _looks_like_feed(data)):
        yield from read_feed(data, name)
    elif suffix in HTML_SUFFIXES:
        yield RawItem(doc_id=name, source=name, kind="html", raw=data)
    else:
        yield RawItem(doc_id=name, source=name, kind="text", raw=data)


class _NotRegular(Exception):
    """A path that names no regular file; the message says what it is."""


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _open_regular(path: str) -> BinaryIO:
    """Open `path` for reading only if it is a regular file. Opening without blocking and then
    asking the open file what it is means that a FIFO cannot hang the run, and a link swapped
    for a device between a check and the open cannot slip through."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((what for test, what in _KINDS if test(mode)), "not a regular file")
        raise _NotRegular(f"not a regular file but {kind}: only files are read")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


class LineSource(Protocol):
    """What JSONL is read from: an open binary file, or a part of one."""

    def readline(self, size: int = -1, /) -> bytes: ...


def read_jsonl(
    handle: LineSource, source: str, max_bytes: int, first_line: int = 1
) -> Iterator[RawItem | Failure]:
    """One item per line; a bad line becomes a Failure and the lines after it still come. No
    line is held whole past `max_bytes`, however long it runs. `first_line` numbers the
    handle's first line (a part of a file read from its middle)."""
    for number, line, size in _lines(handle, max_bytes, first_line):
        if line is None:
            yield Failure(source=source, line=number, reason=_too_big(size, max_bytes))
        elif line.strip():
            yield parse_jsonl_line(line, source, number)


def _lines(
    handle: LineSource, max_bytes: int, first_line: int = 1
) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, size) for each line; the line is None when it is over `max_bytes`, and
    the rest of it is skipped in chunks."""
    number = first_line - 1
    while line := handle.readline(max_bytes + 1):
        number += 1
        if len(line) <= max_bytes:
            yield number, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := handle.readline(_SKIP_CHUNK)):
            size += len(line)
        yield number, None, size


_SKIP_CHUNK = 1 << 20


def parse_jsonl_line(line: bytes, source: str, number: int | None) -> RawItem | Failure:
    """A SCHEMA.md input object as a RawItem, or a Failure saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:  # ValueError: also a 5,000-digit integer
        reason = _json_problem(exc)
        return Failure(source=source, line=number, reason=reason, raw=line)
    return item_from_object(obj, source, number, raw=line)


def item_from_object(
    obj: object, source: str, number: int | None, raw: bytes | None = None
) -> RawItem | Failure:
    """Validate one input object (a JSONL line or a POSTed document)."""
    if raw is None:
        raw = _dumped(obj)
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        return Failure(
            source=source, line=number, reason=f"expected a JSON object, got {kind}", raw=raw
        )
    doc_id = obj.get("id")
    if isinstance(doc_id, int | float) and not isinstance(doc_id, bool):
        doc_id = _number_id(doc_id)
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


def _json_problem(exc: ValueError | RecursionError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "not usable JSON: arrays or objects nested too deeply"
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid UTF-8 JSON: {exc}"
    return f"not usable JSON: {exc}"


def _dumped(obj: object) -> bytes:
    """The bytes kept of a posted object, for retry. Lone surrogates are kept as they came;
    what cannot be written back at all (an integer of thousands of digits) is summarized."""
    try:
        return json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")
    except (ValueError, RecursionError) as exc:
        return f"(not kept: {_json_problem(exc)})".encode()


def _number_id(value: float) -> str | None:
    """A numeric id as text; None (no usable id) for one of hundreds of digits."""
    if isinstance(value, int) and value.bit_length() > _MAX_ID_BITS:
        return None
    return str(value)


_MAX_ID_BITS = 256
