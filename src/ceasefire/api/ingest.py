"""`POST /documents`: the same ingest, extraction and resolution as the command line.

POSTs that queued while another was written are written together: one ingest run over all
their documents and one resolution run. Each run has a fixed cost (the ingest loads every
stored document's signature into a near-duplicate index; resolution re-gathers a theatre's
mentions from the earliest new date on) that one document or a few dozen pay alike.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from ceasefire.api.limits import MAX_DOCUMENT_BYTES
from ceasefire.api.shared_run import answers_of_shared_run
from ceasefire.ingest.items import RawItem
from ceasefire.ingest.readers import item_from_object
from ceasefire.pipeline import ingest_items
from ceasefire.records import Failure
from ceasefire.resolve import resolve
from ceasefire.store import DocumentStore
from ceasefire.store.queries import stored_hashes


def ingest_together(engine: Engine, posts: list[list[Any]]) -> list[dict[str, Any]]:
    """Store what can be stored of each POST, then resolve: what each POST gets back. Bad
    documents are reported by position and id, and kept as failures of their request
    (`ceasefire documents --failed`, `retry`). Posts given together must not share an id
    (see `document_ids`): each document's fate is then its own."""
    answers = _ingest(engine, _items(posts))
    resolved = resolve(engine)
    summary = {
        "documents": resolved.documents,
        "arrangements": resolved.arrangements,
        "events": resolved.events,
        "violations": resolved.violations,
        "requests": len(posts),
    }
    return [{**answer, "resolved": summary} for answer in answers]


def _items(posts: list[list[Any]]) -> list[list[RawItem | Failure]]:
    """Each POST's items, under a source naming the request (to the microsecond, and by
    its place in the group), which its failures are kept under."""
    stamp = f"POST /documents at {datetime.now(UTC).isoformat(timespec='microseconds')}"
    sources = [stamp] if len(posts) == 1 else [f"{stamp} #{k}" for k in range(1, len(posts) + 1)]
    return [
        [_item(obj, source, number) for number, obj in enumerate(objects, 1)]
        for objects, source in zip(posts, sources, strict=True)
    ]


def _ingest(engine: Engine, posts: list[list[RawItem | Failure]]) -> list[dict[str, Any]]:
    """One ingest run over every POST's items; one POST's answer is the run's report."""
    ids = [i.doc_id for post in posts for i in post if isinstance(i, RawItem)]
    before = stored_hashes(engine, ids) if len(posts) > 1 else {}
    report = ingest_items([i for post in posts for i in post], DocumentStore(engine), workers=1)
    if len(posts) == 1:
        return [_answer(report)]
    return answers_of_shared_run(posts, report, before, stored_hashes(engine, ids))


def _answer(report: Any) -> dict[str, Any]:
    return {
        "new": report.new,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "duplicates": report.exact_duplicates + report.near_duplicates,
        "failed": [
            {"position": f.line, "id": f.item_id, "reason": f.reason} for f in report.failures
        ],
    }


def document_ids(objects: list[Any]) -> list[str] | None:
    """The ids of a POST's documents as they will be stored, or None when one repeats (its
    last version wins within one ingest run, so such a POST is written alone)."""
    ids = []
    for obj in objects:
        value = obj.get("id") if isinstance(obj, dict) else None
        try:
            ids.append(str(value))
        except ValueError:  # an integer of thousands of digits: refused, as no id
            ids.append(f"unusable #{len(ids)}")
    return ids if len(set(ids)) == len(ids) else None


def _item(obj: Any, source: str, number: int) -> RawItem | Failure:
    """One posted object as an item; one over the per-document limit of `ceasefire ingest`
    is a failure, as a JSONL line that long would be, and is not kept whole for retry."""
    size = _json_size(obj)
    if size > MAX_DOCUMENT_BYTES:
        doc_id = obj.get("id") if isinstance(obj, dict) else None
        return Failure(
            source=source,
            line=number,
            item_id=doc_id if isinstance(doc_id, str) else None,
            reason=f"{size / 1e6:.1f} MB is over the {MAX_DOCUMENT_BYTES / 1e6:.0f} MB limit "
            "for one document",
        )
    return item_from_object(obj, source, number)


def _json_size(obj: Any) -> int:
    """Bytes of the object as UTF-8 JSON (what a JSONL line of it would hold); 0 when it
    cannot be written back, which `item_from_object` reports."""
    try:
        return len(json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):
        return 0


def warm_up() -> None:
    """Load what the first write would otherwise load while its caller waits (about two
    seconds: the language model, the lexicon, the near-duplicate index)."""
    from ceasefire.extract.lexicon import lexicon
    from ceasefire.ingest.dedupe import NearDuplicateIndex
    from ceasefire.ingest.prepare import warm_up as warm_up_prepare

    warm_up_prepare()
    lexicon()
    NearDuplicateIndex()
