"""`POST /documents`: the same ingest, extraction and resolution as the command line."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from ceasefire.ingest.readers import item_from_object
from ceasefire.pipeline import ingest_items
from ceasefire.resolve import resolve
from ceasefire.store import DocumentStore


def ingest_posted(engine: Engine, objects: list[Any]) -> dict[str, Any]:
    """Store what can be stored; report each bad document by its position and id. Bad ones
    are kept as failures of this request (`ceasefire documents --failed`, `retry`)."""
    source = f"POST /documents at {datetime.now(UTC).isoformat(timespec='milliseconds')}"
    items = [item_from_object(obj, source, number) for number, obj in enumerate(objects, 1)]
    report = ingest_items(items, DocumentStore(engine), workers=1)
    resolved = resolve(engine)
    return {
        "new": report.new,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "duplicates": report.exact_duplicates + report.near_duplicates,
        "failed": [
            {"position": f.line, "id": f.item_id, "reason": f.reason} for f in report.failures
        ],
        "resolved": {
            "documents": resolved.documents,
            "arrangements": resolved.arrangements,
            "events": resolved.events,
            "violations": resolved.violations,
        },
    }
