"""Queries on corrections, and on the resolution tables a correction reads to find its record
and the documents behind it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from ceasefire.mentions import Mention
from ceasefire.store.schema import arrangements, corrections, documents, events, mentions, reports

_FIELDS = (
    "id",
    "action",
    "kind",
    "record_id",
    "field",
    "value",
    "target",
    "reason",
    "author",
    "created",
    "undone",
    "orphaned",
)


def public(row: dict[str, Any]) -> dict[str, Any]:
    """A correction as the CLI and the API show it (the contract's Correction)."""
    item = {key: row.get(key) for key in _FIELDS}
    item["undone"] = bool(item["undone"])
    item["orphaned"] = bool(item["orphaned"])
    return item


class CorrectionStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, row: dict[str, Any]) -> int:
        with self.engine.begin() as conn:
            return conn.execute(insert(corrections).values(**row)).inserted_primary_key[0]

    def get(self, correction_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(corrections).where(corrections.c.id == correction_id))
            found = row.mappings().first()
        return dict(found) if found else None

    def uids(self) -> dict[str, tuple[int, bool]]:
        """Each stored correction's uid, with its id and whether it is undone."""
        query = select(corrections.c.uid, corrections.c.id, corrections.c.undone)
        with self.engine.connect() as conn:
            return {uid: (cid, bool(undone)) for uid, cid, undone in conn.execute(query)}

    def rows(self, orphaned: bool | None = None) -> list[dict[str, Any]]:
        """Every correction, oldest first; only the orphaned ones (or only the others)."""
        query = select(corrections).order_by(corrections.c.id)
        if orphaned is not None:
            query = query.where(corrections.c.orphaned.is_(orphaned))
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def mark_undone(self, correction_id: int, author: str, at: str, reason: str | None) -> None:
        values = {"undone": True, "undone_by": author, "undone_at": at, "undo_reason": reason}
        with self.engine.begin() as conn:
            conn.execute(
                update(corrections).where(corrections.c.id == correction_id).values(**values)
            )


def active(conn: Connection) -> list[dict[str, Any]]:
    """The corrections in force (not undone), oldest first."""
    query = select(corrections).where(corrections.c.undone.is_(False)).order_by(corrections.c.id)
    return [dict(row) for row in conn.execute(query).mappings()]


def irrelevant_documents(conn: Connection) -> set[str]:
    """Documents an analyst marked irrelevant: resolution leaves their records out."""
    c = corrections.c
    query = select(c.record_id).where(
        c.kind == "document", c.action == "reject", c.undone.is_(False)
    )
    return {row[0] for row in conn.execute(query)}


def update_correction(conn: Connection, correction_id: int, **values: Any) -> None:
    conn.execute(update(corrections).where(corrections.c.id == correction_id).values(**values))


def arrangement_exists(conn: Connection, arrangement_id: str) -> bool:
    query = select(arrangements.c.id).where(arrangements.c.id == arrangement_id)
    return conn.execute(query).first() is not None


def event_exists(conn: Connection, event_id: str) -> bool:
    return conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is not None


def document_exists(conn: Connection, doc_id: str) -> bool:
    query = select(documents.c.id).where(documents.c.id == doc_id)
    return conn.execute(query).first() is not None


def mention(conn: Connection, key: str) -> tuple[Mention, str | None] | None:
    """A stored mention with the arrangement resolution put it in."""
    query = select(mentions.c.data, mentions.c.arrangement_id).where(mentions.c.key == key)
    row = conn.execute(query).first()
    return (Mention.from_json(row[0]), row[1]) if row else None


def mentions_of_document(conn: Connection, doc_id: str) -> list[tuple[Mention, str | None]]:
    query = select(mentions.c.data, mentions.c.arrangement_id).where(
        mentions.c.document_id == doc_id
    )
    return [(Mention.from_json(data), aid) for data, aid in conn.execute(query)]


def reports_of_document(conn: Connection, doc_id: str) -> list[tuple[dict[str, Any], str | None]]:
    query = select(reports.c.data, reports.c.event_id).where(reports.c.document_id == doc_id)
    return [(data, eid) for data, eid in conn.execute(query)]


def members(conn: Connection, arrangement_ids: Iterable[str]) -> dict[str, list[Mention]]:
    """The mentions resolution put in each arrangement."""
    found: dict[str, list[Mention]] = {}
    ids = sorted(set(arrangement_ids))
    query = select(mentions.c.arrangement_id, mentions.c.data).where(
        mentions.c.arrangement_id.in_(ids)
    )
    for aid, data in conn.execute(query):
        found.setdefault(aid, []).append(Mention.from_json(data))
    return found


def documents_of_arrangements(conn: Connection, ids: Iterable[str]) -> set[str]:
    query = select(mentions.c.document_id).where(mentions.c.arrangement_id.in_(sorted(set(ids))))
    return {row[0] for row in conn.execute(query)}


def documents_of_events(conn: Connection, ids: Iterable[str]) -> set[str]:
    query = select(reports.c.document_id).where(reports.c.event_id.in_(sorted(set(ids))))
    return {row[0] for row in conn.execute(query)}


def mark_unresolved(conn: Connection, doc_ids: Iterable[str]) -> None:
    """Make the next resolution run read these documents again."""
    ids = sorted(set(doc_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        conn.execute(update(documents).where(documents.c.id.in_(chunk)).values(resolved=False))
