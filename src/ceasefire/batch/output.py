"""The output folder of a batch: its manifest (inputs, settings, partitions) and the mark
each finished partition leaves, so that a batch run again finishes what is missing and
`load` refuses a folder with partitions missing.

    OUT/_batch.json                  the manifest
    OUT/_done/part-00000.json        rows written of each table, once they all are
    OUT/{documents,failures,mentions,events,displacement}/part-00000.parquet
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ceasefire.batch.plan import BatchError, Partition

MANIFEST = "_batch.json"
DONE = "_done"
FORMAT = 1


def claim(out: Path, settings: dict[str, Any], partitions: list[Partition]) -> None:
    """Write the manifest into `out`, or check that the one there is of this same batch."""
    manifest = {"format": FORMAT, **settings, "partitions": [p.to_dict() for p in partitions]}
    path = out / MANIFEST
    if path.exists():
        if _read(path) != json.loads(json.dumps(manifest)):
            raise BatchError(
                f"{out} holds the output of another batch (other inputs or settings): give "
                "another --out, or remove that folder"
            )
        return
    if out.exists() and any(out.iterdir()):
        raise BatchError(f"{out} is not empty and holds no batch: give an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    _write_json(path, manifest)


def partitions(out: Path) -> list[Partition]:
    """The partitions a batch's manifest lists."""
    path = out / MANIFEST
    if not path.is_file():
        raise BatchError(f"{out} holds no batch output (no {MANIFEST}): run `ceasefire batch`")
    manifest = _read(path)
    if manifest.get("format") != FORMAT:
        raise BatchError(f"{path}: written in a format this version cannot read")
    return [Partition.from_dict(p) for p in manifest["partitions"]]


def done(out: Path, partition: Partition) -> dict[str, int] | None:
    """The rows each table of a finished partition holds; None when it is not finished."""
    path = out / DONE / f"{partition.name}.json"
    return _read(path) if path.is_file() else None


def mark_done(out: Path, partition: Partition, counts: dict[str, int]) -> None:
    (out / DONE).mkdir(exist_ok=True)
    _write_json(out / DONE / f"{partition.name}.json", counts)


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BatchError(f"{path}: cannot read it: {exc}") from None


def _write_json(path: Path, data: Any) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(partial, path)
