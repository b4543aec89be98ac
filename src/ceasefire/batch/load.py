"""`ceasefire load`: store a batch's partitions as `ingest` stores what it reads.

The partitions are read one at a time, in the order of the batch's inputs, and go through
the same deduplication and batched writes as `ingest` (`store_prepared`), so that a batch
loaded into a store holds what an `ingest` of the same inputs would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ceasefire.batch import output
from ceasefire.batch.plan import BatchError
from ceasefire.batch.tables import read_items
from ceasefire.pipeline import DEFAULT_BATCH, IngestReport, store_prepared
from ceasefire.records import Document, Failure
from ceasefire.store.documents import DocumentStore


def load(
    out: Path,
    store: DocumentStore,
    *,
    batch_size: int = DEFAULT_BATCH,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Store every partition of the batch in `out`; refuses one with partitions missing."""
    partitions = output.partitions(out)
    missing = [p.name for p in partitions if output.done(out, p) is None]
    if missing:
        listed = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise BatchError(
            f"{out}: {len(missing)} of {len(partitions)} partitions are not written ({listed}): "
            "run the same `ceasefire batch` again to finish them"
        )
    return store_prepared(
        _items(out, [p.name for p in partitions]),
        store,
        batch_size=batch_size,
        on_progress=on_progress,
    )


def _items(out: Path, names: list[str]) -> Iterator[Document | Failure]:
    for name in names:
        yield from read_items(out, name)
