"""The ingest pipeline: read → prepare → dedupe → store, in batches that each commit atomically.

A batch is written in one transaction, so a run killed at any moment leaves whole batches
behind; running it again skips what is stored (same id, same bytes) and carries on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ceasefire import knowledge
from ceasefire.extract import extract_document
from ceasefire.extract.lexicon import lexicon
from ceasefire.ingest.dedupe import NearDuplicateIndex
from ceasefire.ingest.items import RawItem
from ceasefire.ingest.prepare import prepare_or_fail, warm_up
from ceasefire.ingest.readers import DEFAULT_MAX_BYTES, STDIN, parse_jsonl_line, read, read_file
from ceasefire.records import Document, Failure
from ceasefire.store.documents import DocumentStore, Duplicate
from ceasefire.store.locks import ingest_lock
from ceasefire.workers import StagePool

T = TypeVar("T")
DEFAULT_BATCH = 500


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did, for the summary line and for scripts."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def seen(self) -> int:
        return self.new + self.updated + self.unchanged + len(self.failures)

    def summary(self) -> str:
        rate = self.seen / self.seconds if self.seconds else 0.0
        return (
            f"{self.seen} items in {self.seconds:.1f} s ({rate:,.0f}/s): {self.new} new "
            f"({self.exact_duplicates} exact and {self.near_duplicates} near duplicates), "
            f"{self.updated} updated, {self.unchanged} unchanged, {len(self.failures)} failed"
        )


def ingest(
    paths: Iterable[str],
    store: DocumentStore,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH,
    workers: int | None = None,
    extract: bool = True,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest every item under `paths` into `store`; bad items are stored as failures.

    Each document is cleaned and (unless `extract` is false) extracted in `workers`
    processes (default: one per CPU) once the input is large enough to fill a batch; the
    database is written by this process alone.
    """
    items = read(paths, max_bytes)
    return ingest_items(
        items,
        store,
        batch_size=batch_size,
        workers=workers,
        extract=extract,
        on_progress=on_progress,
    )


def prepare_and_extract(item: RawItem | Failure, extract: bool = True) -> Document | Failure:
    """The per-item work of ingest: clean, then extract the records stored with the document."""
    prepared = prepare_or_fail(item)
    if isinstance(prepared, Document) and extract:
        attach_records(prepared)
    return prepared


def attach_records(doc: Document) -> Document:
    """Set `doc.records` to its SCHEMA.md extraction. A failed extraction does not lose the
    document: it is stored without records and with the reason (`extract_error`), listed by
    `ceasefire documents --failed`, skipped by resolution and tried again by `reextract`."""
    try:
        result = extract_document(doc).to_dict()
    except Exception as exc:  # an extractor bug must not lose the document or its batch
        doc.records, doc.extracted_with = None, None
        doc.extract_error = f"extraction failed: {type(exc).__name__}: {str(exc)[:300]}"
        return doc
    doc.records = {key: result[key] for key in RECORD_FIELDS}
    doc.extracted_with = knowledge.version()
    doc.extract_error = None
    return doc


RECORD_FIELDS = ("places", "actors", "ceasefires", "events", "displacement")


def reextract(
    store: DocumentStore,
    *,
    everything: bool = False,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Extract stored documents again where the knowledge files changed since (or all)."""
    done = 0
    stale = store.to_reextract(knowledge.version(), everything)
    with StagePool(workers, warm_up=partial(warm_up_stages, True)) as pool:
        for batch in _batched(stale, batch_size):
            docs = list(pool.start(attach_records, batch, full=len(batch) == batch_size))
            store.update_records(docs)
            done += len(docs)
            if on_progress:
                on_progress(len(docs))
    return done


def warm_up_stages(extract: bool) -> None:
    """Load what cleaning (and extraction) read, once per process, before the first item."""
    warm_up()
    if extract:
        lexicon()


def retry_failures(
    store: DocumentStore,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest every stored failure again: JSONL lines from their kept bytes, files from disk.

    An item that now succeeds clears its failure; one that fails again counts another attempt.
    """
    items = _failed_items(store.failures(with_raw=True), max_bytes)
    return ingest_items(items, store, workers=workers, on_progress=on_progress)


def _failed_items(rows: list[dict], max_bytes: int) -> Iterator[RawItem | Failure]:
    for row in rows:
        source, line, raw = row["source"], row["line"], row["raw"]
        if line is not None and raw:
            yield parse_jsonl_line(raw, source, line)
        elif source != STDIN and Path(source).is_file():
            if line is None:
                yield from read_file(source, max_bytes)
            else:  # a feed entry: re-read the feed, keep that entry
                yield from (i for i in read_file(source, max_bytes) if i.line == line)
        else:
            was = row["reason"].rsplit("(was: ", 1)[-1].rstrip(")")
            reason = f"cannot retry: {source} is gone (was: {was})"
            yield Failure(source=source, line=line, item_id=row["item_id"], reason=reason, raw=raw)


def ingest_items(
    items: Iterable[RawItem | Failure],
    store: DocumentStore,
    *,
    batch_size: int = DEFAULT_BATCH,
    workers: int | None = None,
    extract: bool = True,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """The ingest run over items from any reader; see `ingest`."""
    with StagePool(workers, warm_up=partial(warm_up_stages, extract)) as pool:
        prepared = _prepared(items, pool, batch_size, extract)
        return store_prepared(prepared, store, batch_size=batch_size, on_progress=on_progress)


def _prepared(
    items: Iterable[RawItem | Failure], pool: StagePool, batch_size: int, extract: bool
) -> Iterator[Document | Failure]:
    """Each item cleaned (and extracted), in order: the workers start on a batch before the
    one before it is handed on, so they clean one while this process stores the other."""
    work = partial(prepare_and_extract, extract=extract)
    previous: Iterable[Document | Failure] = ()
    for batch in _batched(items, batch_size):
        current = pool.start(work, batch, full=len(batch) == batch_size)
        yield from previous
        previous = current
    yield from previous


def store_prepared(
    prepared: Iterable[Document | Failure],
    store: DocumentStore,
    *,
    batch_size: int = DEFAULT_BATCH,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Store cleaned documents and failures in batches, each deduplicated against the store
    and itself, failures kept: what `ingest` does with what it prepares, and `load` with what
    `ceasefire batch` prepared."""
    started = time.perf_counter()
    report = IngestReport()
    index = _Index(store)
    for batch in _batched(prepared, batch_size):
        _store(batch, store, index, report, on_progress)
    report.seconds = time.perf_counter() - started
    return report


class _Index:
    """The near-duplicate index of what is stored, kept up to date with what other processes
    store into the same database while this run goes on."""

    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self.near = NearDuplicateIndex()
        self.checked = datetime.now(UTC)
        for doc_id, sig in store.signatures():
            self.near.add(doc_id, sig)

    def refresh(self) -> None:
        """Add what was stored since the last look (with a margin for clocks and commits)."""
        now = datetime.now(UTC)
        for doc_id, sig in self.store.signatures(since=self.checked - _CLOCK_MARGIN):
            self.near.add(doc_id, sig)
        self.checked = now


_CLOCK_MARGIN = timedelta(minutes=5)


def _store(
    batch: Iterable[Document | Failure],
    store: DocumentStore,
    index: _Index,
    report: IngestReport,
    on_progress: Callable[[int], None] | None,
) -> None:
    """Store one prepared batch: skip what is stored unchanged, link duplicates, keep failures.
    What is new and what is a duplicate is decided and written under the ingest lock."""
    prepared = list(batch)
    with ingest_lock(store.engine):
        index.refresh()
        new, changed, failed = _sort_batch(prepared, store, index.near, report)
        new, changed, failed = _write(store, new, changed, failed, index.near)
    report.new += len(new)
    report.updated += len(changed)
    report.exact_duplicates += sum(1 for _, dup in new if dup and dup.kind == "exact")
    report.near_duplicates += sum(1 for _, dup in new if dup and dup.kind == "near")
    report.failures.extend(failed)
    if on_progress:
        on_progress(len(prepared))


Sorted = tuple[
    list[tuple[Document, Duplicate | None]], list[tuple[Document, Duplicate | None]], list[Failure]
]


def _sort_batch(
    prepared: list[Document | Failure],
    store: DocumentStore,
    index: NearDuplicateIndex,
    report: IngestReport,
) -> Sorted:
    """New documents, changed ones (each with what it duplicates) and failures; documents
    stored with the same bytes are counted as unchanged and left out."""
    failed = [item for item in prepared if isinstance(item, Failure)]
    latest = {doc.id: doc for doc in prepared if isinstance(doc, Document)}
    stored = store.raw_hashes(latest)
    originals = store.originals_by_content(doc.content_hash for doc in latest.values())
    new: list[tuple[Document, Duplicate | None]] = []
    changed: list[tuple[Document, Duplicate | None]] = []
    for doc in latest.values():
        if stored.get(doc.id) == doc.raw_hash:
            report.unchanged += 1
            continue
        duplicate = _find_duplicate(doc, originals, index)
        if duplicate is None:
            originals.setdefault(doc.content_hash, doc.id)
            index.add(doc.id, doc.signature)
        (changed if doc.id in stored else new).append((doc, duplicate))
    return new, changed, failed


def _write(
    store: DocumentStore,
    new: list[tuple[Document, Duplicate | None]],
    changed: list[tuple[Document, Duplicate | None]],
    failed: list[Failure],
    index: NearDuplicateIndex,
) -> Sorted:
    """Write the batch in one transaction. If the database refuses something in it (a value
    it cannot hold), write the documents one by one instead: each one refused becomes a
    failure with the database's reason, kept for retry, and the rest of the batch is stored.
    A database that cannot write at all (locked, read-only, full) stops the run."""
    try:
        store.write_batch(new, changed, failed)
        return new, changed, failed
    except OperationalError:
        raise
    except (SQLAlchemyError, ValueError, OverflowError):
        pass
    kept: Sorted = ([], [], list(failed))
    for pairs, slot in ((new, 0), (changed, 1)):
        for pair in pairs:
            try:
                store.write_batch(*(([pair], []) if slot == 0 else ([], [pair])), [])
            except OperationalError:
                raise
            except (SQLAlchemyError, ValueError, OverflowError) as exc:
                index.remove(pair[0].id)
                kept[2].append(_unstored(pair[0], exc))
                continue
            kept[slot].append(pair)
    store.write_batch([], [], kept[2])
    return kept


def _unstored(doc: Document, exc: Exception) -> Failure:
    cause = getattr(exc, "orig", None) or exc
    reason = f"the database refused the document: {type(cause).__name__}: {str(cause)[:200]}"
    source = doc.source_path or doc.id
    item_id = doc.id if doc.id != source else None
    return Failure(source=source, reason=reason, line=doc.source_line, item_id=item_id, raw=doc.raw)


def _find_duplicate(
    doc: Document, originals: dict[str, str], index: NearDuplicateIndex
) -> Duplicate | None:
    original = originals.get(doc.content_hash)
    if original is not None and original != doc.id:
        return Duplicate(of=original, kind="exact", similarity=1.0)
    match = index.best_match(doc.signature)
    if match is not None and match[0] != doc.id:
        return Duplicate(of=match[0], kind="near", similarity=round(match[1], 3))
    return None


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
