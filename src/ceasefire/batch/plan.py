"""The partitions of a batch: the input cut into pieces a worker reads for itself.

A piece is a whole input (an HTML or text file, a feed, a path that is not there) or a run of
lines of a JSONL file, found by its byte offsets, so that no worker reads more than its share
and no item travels through the scheduler. The pieces keep the order in which `ingest` reads
the same paths (folders walked sorted), and the items of the partitions, taken in order, are
the items `ingest` reads, with the same sources and line numbers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ceasefire.ingest.items import RawItem
from ceasefire.ingest.readers import JSONL_SUFFIXES, STDIN, read, read_jsonl, walk
from ceasefire.ingest.scrub import path_name
from ceasefire.records import Failure

_BLOCK = 1 << 20
DEFAULT_PARTITION = 1000  # items per partition: one task, one file per table


class BatchError(Exception):
    """A batch that cannot be planned, run or loaded; the message says why."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A whole input (`start` None) or the lines of a JSONL file in [start, end) bytes."""

    path: str
    start: int | None = None
    end: int | None = None
    first_line: int = 1
    lines: int = 1  # how many items it may hold, to size partitions


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    pieces: tuple[Piece, ...]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def to_dict(self) -> dict:
        return {"index": self.index, "pieces": [asdict(piece) for piece in self.pieces]}

    @classmethod
    def from_dict(cls, data: dict) -> Partition:
        return cls(data["index"], tuple(Piece(**piece) for piece in data["pieces"]))


def plan(paths: Iterable[str], size: int) -> list[Partition]:
    """Partitions of about `size` items each over `paths`, in reading order."""
    partitions: list[Partition] = []
    pending: list[Piece] = []
    lines = 0
    for piece in _pieces(paths, size):
        pending.append(piece)
        lines += piece.lines
        if lines >= size:
            partitions.append(Partition(len(partitions), tuple(pending)))
            pending, lines = [], 0
    if pending:
        partitions.append(Partition(len(partitions), tuple(pending)))
    return partitions


def _pieces(paths: Iterable[str], size: int) -> Iterator[Piece]:
    for given in paths:
        if given == STDIN:
            raise BatchError(
                "batch reads files and folders, not standard input (-): write the JSONL to a "
                "file, or use `ceasefire ingest -`"
            )
        files = walk(given) if Path(given).is_dir() else [given]
        for path in files:
            if Path(path).suffix.lower() in JSONL_SUFFIXES and os.path.isfile(path):
                yield from _jsonl_pieces(path, size)
            else:  # read as `ingest` reads it, failures (missing, not a file) included
                yield Piece(path)


def _jsonl_pieces(path: str, size: int) -> Iterator[Piece]:
    """Runs of `size` lines of a JSONL file, by the byte offsets of their first lines."""
    starts, total_lines, total_bytes = _line_starts(path, size)
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else total_bytes
        first = 1 + number * size
        yield Piece(path, start, end, first, min(size, total_lines - first + 1))


def _line_starts(path: str, every: int) -> tuple[list[int], int, int]:
    """The offsets of lines 1, 1 + every, 1 + 2 * every, ...; the count of lines (a last one
    without a newline counts) and of bytes."""
    starts, lines, offset, last = [0], 0, 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(_BLOCK):
            newlines = block.count(b"\n")
            if lines + newlines < len(starts) * every:  # no partition begins in this block
                lines += newlines
            else:
                at = block.find(b"\n")
                while at >= 0:
                    lines += 1
                    if lines == len(starts) * every:
                        starts.append(offset + at + 1)
                    at = block.find(b"\n", at + 1)
            offset, last = offset + len(block), block[-1:]
    if last != b"\n":
        lines += 1
    if len(starts) > 1 and starts[-1] >= offset:  # the file ends where a partition would begin
        starts.pop()
    return starts, lines, offset


def read_partition(partition: Partition, max_bytes: int) -> Iterator[RawItem | Failure]:
    """The items of a partition, in order."""
    for piece in partition.pieces:
        yield from _read_piece(piece, max_bytes)


def _read_piece(piece: Piece, max_bytes: int) -> Iterator[RawItem | Failure]:
    if piece.start is None or piece.end is None:
        yield from read([piece.path], max_bytes)
        return
    name = path_name(piece.path)
    try:
        with open(piece.path, "rb") as handle:
            handle.seek(piece.start)
            part = _Bounded(handle, piece.end)
            yield from read_jsonl(part, name, max_bytes, piece.first_line)
    except OSError as exc:
        yield Failure(source=name, reason=f"cannot read the file: {exc.strerror or exc}")


class _Bounded:
    """The lines of an open file up to a byte offset."""

    def __init__(self, handle, end: int) -> None:
        self.handle, self.end = handle, end

    def readline(self, size: int = -1, /) -> bytes:
        left = self.end - self.handle.tell()
        if left <= 0:
            return b""
        return self.handle.readline(left if size < 0 else min(size, left))
