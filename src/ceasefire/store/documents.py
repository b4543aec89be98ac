"""Queries on documents and ingestion failures."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, select, update

from ceasefire.ingest.scrub import printable
from ceasefire.records import Document, Failure
from ceasefire.store.schema import documents, failures

_IN_CHUNK = 500  # bound on the size of an IN (...) list


@dataclass(slots=True)
class Duplicate:
    """Where a new document repeats an earlier one."""

    of: str
    kind: str  # "exact" or "near"
    similarity: float


def failure_key(source: str, line: int | None) -> str:
    return f"{source}:{line or 0}"


class DocumentStore:
    """Documents and failures in one database; every write of a batch is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def raw_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored raw-bytes hash of each of `ids` that is already stored."""
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(ids)):
                query = select(documents.c.id, documents.c.raw_hash).where(
                    documents.c.id.in_(chunk)
                )
                found.update((key, value) for key, value in conn.execute(query))
        return found

    def originals_by_content(self, hashes: Iterable[str]) -> dict[str, str]:
        """For each content hash already stored, the id of the first document that had it."""
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(set(hashes))):
                query = (
                    select(documents.c.content_hash, func.min(documents.c.id))
                    .where(documents.c.content_hash.in_(chunk), documents.c.duplicate_of.is_(None))
                    .group_by(documents.c.content_hash)
                )
                found.update((key, value) for key, value in conn.execute(query))
        return found

    def signatures(self, since: datetime | None = None) -> Iterator[tuple[str, bytes]]:
        """(id, MinHash signature) of every original document, for the near-duplicate index;
        only those ingested at or after `since` when it is given."""
        query = select(documents.c.id, documents.c.signature).where(
            documents.c.duplicate_of.is_(None), documents.c.signature.is_not(None)
        )
        if since is not None:
            query = query.where(documents.c.ingested_at >= since)
        with self.engine.connect() as conn:
            for row in conn.execute(query.execution_options(yield_per=2000)):
                yield row[0], row[1]

    def write_batch(
        self,
        new: list[tuple[Document, Duplicate | None]],
        changed: list[tuple[Document, Duplicate | None]],
        failed: list[Failure],
    ) -> None:
        """Store a batch atomically: new and changed documents, failures, and cleared failures."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            if new:
                conn.execute(documents.insert(), [_row(d, dup, now) for d, dup in new])
            for doc, dup in changed:
                row = _row(doc, dup, now)
                conn.execute(update(documents).where(documents.c.id == doc.id).values(**row))
            done = [failure_key(d.source_path or d.id, d.source_line) for d, _ in new + changed]
            for chunk in _chunks(done):
                conn.execute(delete(failures).where(failures.c.key.in_(chunk)))
            for failure in failed:
                self._record_failure(conn, failure, now)

    def _record_failure(self, conn: Any, failure: Failure, now: datetime) -> None:
        """Keep a failure, whatever it holds: its names and reason are stored printable."""
        source = printable(failure.source)
        key = failure_key(source, failure.line)
        attempts = conn.execute(select(failures.c.attempts).where(failures.c.key == key)).scalar()
        row = {
            "source": source,
            "line": failure.line,
            "item_id": printable(failure.item_id) if failure.item_id else None,
            "reason": printable(failure.reason),
            "raw": failure.raw,
            "failed_at": now,
        }
        if attempts is None:
            conn.execute(failures.insert().values(key=key, attempts=1, **row))
        else:
            query = update(failures).where(failures.c.key == key)
            conn.execute(query.values(attempts=attempts + 1, **row))

    def to_reextract(self, version: str, everything: bool = False) -> Iterator[Document]:
        """Stored documents whose records were made with another knowledge version (or all)."""
        query = select(
            documents.c.id,
            documents.c.text,
            documents.c.title,
            documents.c.language,
            documents.c.published,
        ).order_by(documents.c.id)
        if not everything:
            stale = documents.c.extracted_with.is_(None) | (documents.c.extracted_with != version)
            query = query.where(stale)
        with self.engine.connect() as conn:
            for row in conn.execute(query.execution_options(yield_per=500)).mappings():
                yield Document(**row)

    def update_records(self, docs: list[Document]) -> None:
        """Replace the stored records of `docs` in one transaction."""
        with self.engine.begin() as conn:
            for doc in docs:
                values = {
                    "records": doc.records,
                    "extracted_with": doc.extracted_with,
                    "extract_error": doc.extract_error,
                    "resolved": False,
                }
                conn.execute(update(documents).where(documents.c.id == doc.id).values(**values))

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(documents)).scalar_one()

    def list(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stored documents' metadata (no text), oldest ingestion first."""
        columns = [c for c in documents.c if c.name not in ("text", "raw", "signature")]
        query = select(*columns).order_by(documents.c.ingested_at, documents.c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """One document with its clean text, or None."""
        columns = [c for c in documents.c if c.name not in ("raw", "signature")]
        with self.engine.connect() as conn:
            row = conn.execute(select(*columns).where(documents.c.id == doc_id)).mappings().first()
        return dict(row) if row else None

    def extraction_failures(self) -> list[dict[str, Any]]:
        """Stored documents whose extraction failed, in the shape of `failures` rows: the
        document is kept, and `reextract` tries it again."""
        query = (
            select(documents.c.id, documents.c.extract_error, documents.c.ingested_at)
            .where(documents.c.extract_error.is_not(None))
            .order_by(documents.c.id)
        )
        with self.engine.connect() as conn:
            return [
                {
                    "source": row.id,
                    "line": None,
                    "item_id": row.id,
                    "reason": f"{row.extract_error} (stored; `ceasefire reextract` tries again)",
                    "attempts": None,
                    "failed_at": row.ingested_at,
                }
                for row in conn.execute(query)
            ]

    def failures(self, with_raw: bool = False) -> list[dict[str, Any]]:
        """Every stored failure, by source and line; the kept bytes only when asked for."""
        columns = [c for c in failures.c if with_raw or c.name != "raw"]
        query = select(*columns).order_by(failures.c.source, failures.c.line)
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]


def _row(doc: Document, dup: Duplicate | None, now: datetime) -> dict[str, Any]:
    return {
        "id": doc.id,
        "url": doc.url,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published,
        "language": doc.language,
        "title": doc.title,
        "text": doc.text,
        "raw": doc.raw,
        "raw_hash": doc.raw_hash,
        "content_hash": doc.content_hash,
        "signature": doc.signature,
        "duplicate_of": dup.of if dup else None,
        "duplicate_kind": dup.kind if dup else None,
        "similarity": dup.similarity if dup else None,
        "source_path": doc.source_path,
        "encoding": doc.encoding,
        "warnings": doc.warnings or None,
        "ingested_at": now,
        "records": doc.records,
        "extracted_with": doc.extracted_with,
        "extract_error": doc.extract_error,
        "resolved": False,
    }


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]
