"""Finding the record a correction names, after resolution has run again.

Resolved ids are hashes of the first report of an event and of the founding mention of an
arrangement, and those are keyed `<document id>#<position in the document's records>`. They
stay the same across `resolve --all` and `reextract --all` with the same knowledge, but a
knowledge change that adds or drops a record before it in its document shifts the position,
and so the id. So each correction also keeps an anchor: the document and the evidence
sentence of that founding report or mention. A record not found by its id is looked for by
its anchor; one found neither way is orphaned.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from ceasefire.corrections_values import CorrectionError
from ceasefire.store import corrections as q
from ceasefire.store.schema import arrangements, events, violations


def split_violation(record_id: str) -> tuple[str, str]:
    arrangement_id, slash, event_id = record_id.partition("/")
    if not slash or not arrangement_id or not event_id:
        raise CorrectionError(
            f"a violation's id is ARRANGEMENT_ID/EVENT_ID (as `ceasefire violations` lists "
            f"them), not {record_id!r}"
        )
    return arrangement_id, event_id


# an event and an arrangement are found again by their first report: (table, reports, listing)
_FIRST_REPORT = {
    "event": (events, "sources", "ceasefire events"),
    "arrangement": (arrangements, "mentions", "ceasefire arrangements"),
}


def anchor_of(conn: Connection, kind: str, record_id: str) -> dict[str, Any]:
    """What finds the record again (see the module's docstring); a CorrectionError when
    there is no such record."""
    if kind in _FIRST_REPORT:
        table, reports, listing = _FIRST_REPORT[kind]
        record = _record(conn, table, record_id)
        if record is None:
            raise _missing(kind, record_id, listing)
        first = record[reports][0]
        return {"document_id": first["document_id"], "text": first["evidence"]["text"]}
    if kind == "violation":
        return _violation_anchor(conn, record_id)
    if kind == "mention":
        found = q.mention(conn, record_id)
        if found is None:
            raise _missing(kind, record_id, "ceasefire arrangement ID --json (its mentions)")
        m = found[0]
        return {"document_id": m.document_id, "text": m.record["evidence"]["text"]}
    if not q.document_exists(conn, record_id):
        raise _missing(kind, record_id, "ceasefire documents")
    return {}


def _violation_anchor(conn: Connection, record_id: str) -> dict[str, Any]:
    aid, eid = split_violation(record_id)
    v = violations.c
    found = conn.execute(select(v.event_id).where(v.arrangement_id == aid, v.event_id == eid))
    if found.first() is None:
        raise _missing("violation", record_id, "ceasefire violations")
    return {
        "arrangement": anchor_of(conn, "arrangement", aid),
        "event": anchor_of(conn, "event", eid),
    }


def _missing(kind: str, record_id: str, listing: str) -> CorrectionError:
    return CorrectionError(f"no {kind} with id {record_id!r}; `{listing}` lists them")


def _record(conn: Connection, table: Any, record_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(table.c.record).where(table.c.id == record_id)).first()
    return row[0] if row else None


def locate(conn: Connection, kind: str, record_id: str, anchor: dict[str, Any]) -> str | None:
    """The record's id now: its own if it still exists, else the one holding its anchor;
    None when it is gone."""
    if kind == "event":
        if q.event_exists(conn, record_id):
            return record_id
        return _by_anchor(q.reports_of_document, conn, anchor, lambda data: data["record"])
    if kind == "arrangement":
        if q.arrangement_exists(conn, record_id):
            return record_id
        return _by_anchor(q.mentions_of_document, conn, anchor, lambda m: m.record)
    if kind == "mention":
        if q.mention(conn, record_id) is not None:
            return record_id
        found = [
            m.key
            for m, _ in q.mentions_of_document(conn, anchor.get("document_id", ""))
            if m.record["evidence"]["text"] == anchor.get("text")
        ]
        return found[0] if found else None
    if kind == "violation":
        aid, eid = split_violation(record_id)
        now_a = locate(conn, "arrangement", aid, anchor.get("arrangement") or {})
        now_e = locate(conn, "event", eid, anchor.get("event") or {})
        return f"{now_a}/{now_e}" if now_a and now_e else None
    return record_id if q.document_exists(conn, record_id) else None


def _by_anchor(rows: Any, conn: Connection, anchor: dict[str, Any], record: Any) -> str | None:
    """The resolved id of the document's report or mention with the anchor's sentence."""
    doc_id = anchor.get("document_id")
    if not doc_id:
        return None
    for item, resolved_id in rows(conn, doc_id):
        if resolved_id and record(item)["evidence"]["text"] == anchor.get("text"):
            return resolved_id
    return None
