"""Each POST's answer when several were ingested in one run.

The run's report counts all their documents together. What happened to each document is
read from the database instead: stored before with other bytes (updated), with the same
(unchanged), or not at all (new, and a duplicate when it points at another); its failures
are those recorded under its own request's source.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ceasefire.ingest.items import RawItem
from ceasefire.records import Failure

Stored = dict[str, tuple[str, str | None]]  # id: (raw hash, duplicate of)


def answers_of_shared_run(
    posts: list[list[RawItem | Failure]], report: Any, before: Stored, after: Stored
) -> list[dict[str, Any]]:
    """One answer per POST, in order; `before` and `after` are `stored_hashes` of all their
    documents before and after the run."""
    failures: dict[str, list[Failure]] = defaultdict(list)
    for failure in report.failures:
        failures[failure.source].append(failure)
    return [_answer(items, failures, before, after) for items in posts]


def _answer(
    items: list[RawItem | Failure],
    failures: dict[str, list[Failure]],
    before: Stored,
    after: Stored,
) -> dict[str, Any]:
    source = items[0].source
    failed = failures.get(source, [])
    failed_at = {f.line for f in failed}
    counts = {"new": 0, "updated": 0, "unchanged": 0, "duplicates": 0}
    for item in items:
        if isinstance(item, Failure) or item.line in failed_at or item.doc_id not in after:
            continue
        raw_hash, duplicate_of = after[item.doc_id]
        if item.doc_id not in before:
            counts["new"] += 1
            counts["duplicates"] += duplicate_of is not None
        elif before[item.doc_id][0] == raw_hash:
            counts["unchanged"] += 1
        else:
            counts["updated"] += 1
    listed = [{"position": f.line, "id": f.item_id, "reason": f.reason} for f in failed]
    return {**counts, "failed": listed}
