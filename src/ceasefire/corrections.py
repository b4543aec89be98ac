"""Corrections: an analyst's decisions about resolved records, kept as records of their own
(who, when, why, what) and applied on top of every resolution (corrections_apply.py), so
that they survive `resolve --all`, `reextract --all` and changes of knowledge.

This module is the one call behind `ceasefire correct`, `ceasefire corrections` and the HTTP
API's `/corrections`. A correction names its record by the id the CLI and the API show (a
violation as ARRANGEMENT_ID/EVENT_ID, a mention as DOCUMENT_ID#INDEX); since resolved ids
can change when knowledge changes, it also keeps an anchor that finds the record again
(corrections_locate.py). Undoing a correction resolves the documents behind its record
again, which brings back the automatic values, and applies the others.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from ceasefire.corrections_apply import Applied, apply_corrections
from ceasefire.corrections_locate import anchor_of, locate, split_violation
from ceasefire.corrections_values import (
    ACTIONS,
    KINDS,
    CorrectionError,
    check_action,
    check_field,
    normalize,
)
from ceasefire.store import corrections as q
from ceasefire.store.corrections import CorrectionStore, public

__all__ = [
    "ACTIONS",
    "KINDS",
    "CorrectionError",
    "add",
    "export_jsonl",
    "import_jsonl",
    "listing",
    "undo",
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def add(
    engine: Engine,
    action: str,
    kind: str,
    record_id: str,
    *,
    field: str | None = None,
    value: Any = None,
    target: str | None = None,
    reason: str | None = None,
    author: str,
) -> dict[str, Any]:
    """Record a correction and apply it; returns it as the API shows it. A CorrectionError
    names a bad kind, action, field, value or id, and what is valid."""
    row = _checked(engine, action, kind, record_id, field, value, target, reason, author)
    row["uid"] = _uid(row)
    store = CorrectionStore(engine)
    correction_id = store.add(row)
    _take_effect(engine, row)
    return public(store.get(correction_id) or {})


def _checked(
    engine: Engine,
    action: str,
    kind: str,
    record_id: str,
    field: str | None,
    value: Any,
    target: str | None,
    reason: str | None,
    author: str,
) -> dict[str, Any]:
    """The correction's row, every part of it checked."""
    action = check_action(action, kind)
    if not isinstance(record_id, str) or not record_id.strip():
        raise CorrectionError(f"a correction needs the id of the {kind} it corrects")
    if not isinstance(author, str) or not author.strip():
        raise CorrectionError("a correction needs an author (a name)")
    if action == "set":
        field = check_field(kind, field)
        value = normalize(kind, field, value)
    else:
        field, value = None, None
    if action in ("merge", "move") and not target:
        what = "arrangement to merge into it" if action == "merge" else "arrangement to move it to"
        raise CorrectionError(f"`{action}` needs a target: the {what}")
    if action not in ("merge", "move"):
        target = None
    with engine.connect() as conn:
        anchor = {"record": anchor_of(conn, kind, record_id.strip())}
        if target:
            anchor["target"] = anchor_of(conn, "arrangement", target.strip())
    if action == "merge" and target == record_id:
        raise CorrectionError("an arrangement cannot be merged into itself")
    return {
        "action": action,
        "kind": kind,
        "record_id": record_id.strip(),
        "field": field,
        "value": value,
        "target": target.strip() if target else None,
        "reason": reason or None,
        "author": author.strip(),
        "created": _now(),
        "anchor": anchor,
    }


def _uid(row: dict[str, Any]) -> str:
    """The same correction made anywhere has the same uid: importing it twice adds it once."""
    keys = ("action", "kind", "record_id", "field", "value", "target", "author", "created")
    basis = json.dumps([row.get(k) for k in keys], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(basis.encode()).hexdigest()


def _take_effect(engine: Engine, row: dict[str, Any]) -> Applied:
    """An irrelevant document's records leave resolution; anything else is applied."""
    if row["kind"] == "document":
        return _reresolve(engine, {row["record_id"]})
    return apply_corrections(engine)


def _reresolve(engine: Engine, doc_ids: set[str]) -> Applied:
    """Resolve these documents again (which applies every correction), or just apply."""
    from ceasefire.resolve import resolve

    if not doc_ids:
        return apply_corrections(engine)
    with engine.begin() as conn:
        q.mark_unresolved(conn, doc_ids)
    summary = resolve(engine)
    return Applied(orphaned=summary.orphaned)


def undo(
    engine: Engine, correction_id: int, *, author: str, reason: str | None = None
) -> dict[str, Any]:
    """Undo a correction: the automatic values come back (see the module's docstring)."""
    store = CorrectionStore(engine)
    row = store.get(correction_id)
    if row is None:
        raise CorrectionError(
            f"no correction with id {correction_id}; `ceasefire corrections` lists them"
        )
    if row["undone"]:
        raise CorrectionError(f"correction {correction_id} is already undone")
    if not isinstance(author, str) or not author.strip():
        raise CorrectionError("undoing a correction needs an author (a name)")
    with engine.connect() as conn:
        behind = _documents_behind(conn, row)
    store.mark_undone(correction_id, author.strip(), _now(), reason or None)
    _reresolve(engine, behind)
    return public(store.get(correction_id) or {})


def _documents_behind(conn: Connection, row: dict[str, Any]) -> set[str]:
    """The documents whose resolution makes the corrected records (and a merge's or a
    move's other arrangements)."""
    anchor = row["anchor"] or {}
    kind, record_id = row["kind"], row["record_id"]
    now = locate(conn, kind, record_id, anchor.get("record") or {}) or record_id
    arrangements: set[str] = set()
    events: set[str] = set()
    docs: set[str] = set()
    if kind == "document":
        docs.add(record_id)
    elif kind == "event":
        events.add(now)
    elif kind == "arrangement":
        arrangements.add(now)
    elif kind == "violation":
        aid, eid = split_violation(now)
        arrangements.add(aid)
        events.add(eid)
    elif kind == "mention":
        found = q.mention(conn, now)
        if found is not None:
            docs.add(found[0].document_id)
            arrangements |= {found[1]} if found[1] else set()
    if row["target"]:
        arrangements.add(row["target"])
    docs |= q.documents_of_arrangements(conn, arrangements)
    docs |= q.documents_of_events(conn, events)
    return docs


def listing(engine: Engine, orphaned: bool | None = None) -> list[dict[str, Any]]:
    """Every correction, oldest first, as the API shows them; or only the orphaned ones."""
    return [public(row) for row in CorrectionStore(engine).rows(orphaned)]


# ---------------------------------------------------------------- sharing


_SHARED = (
    "uid",
    "action",
    "kind",
    "record_id",
    "field",
    "value",
    "target",
    "reason",
    "author",
    "created",
    "anchor",
    "undone",
    "undone_by",
    "undone_at",
    "undo_reason",
)


def export_jsonl(engine: Engine, path: Path) -> int:
    """Write every correction, one JSON object a line, with what finds its record again."""
    rows = CorrectionStore(engine).rows()
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            item = {key: row.get(key) for key in _SHARED}
            item["undone"] = bool(item["undone"])
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(rows)


def import_jsonl(engine: Engine, path: Path) -> tuple[int, int]:
    """Add the corrections of a file written by `export_jsonl` that are not stored yet (by
    uid), and undo those it says are undone; returns (added, already there). Then applies
    them all."""
    store = CorrectionStore(engine)
    known = store.uids()
    added = present = 0
    again: set[str] = set()  # documents to resolve again
    for number, item in enumerate(_read_lines(path), start=1):
        row = _imported(item, number)
        if row["uid"] in known:
            present += 1
            correction_id, undone = known[row["uid"]]
            if row["undone"] and not undone:
                with engine.connect() as conn:
                    again |= _documents_behind(conn, store.get(correction_id) or row)
                store.mark_undone(
                    correction_id, row["undone_by"] or row["author"], _now(), row["undo_reason"]
                )
            continue
        known[row["uid"]] = (store.add(row), bool(row["undone"]))
        added += 1
        if row["kind"] == "document" and not row["undone"]:
            again.add(row["record_id"])
    _reresolve(engine, again)
    return added, present


def _read_lines(path: Path) -> Iterable[Any]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError as exc:
                raise CorrectionError(f"{path}, line {number}: not JSON ({exc})") from None


def _imported(item: Any, number: int) -> dict[str, Any]:
    """A shared correction, checked as far as it can be without its record."""
    if not isinstance(item, dict) or not isinstance(item.get("uid"), str):
        raise CorrectionError(f"line {number}: not a correction written by `corrections export`")
    try:
        action = check_action(item.get("action", ""), item.get("kind", ""))
        if action == "set":
            check_field(item["kind"], item.get("field"))
    except CorrectionError as exc:
        raise CorrectionError(f"line {number}: {exc}") from None
    if not item.get("record_id") or not item.get("author") or not item.get("created"):
        raise CorrectionError(f"line {number}: a correction needs record_id, author and created")
    row = {key: item.get(key) for key in _SHARED}
    row["action"] = action
    row["undone"] = bool(row["undone"])
    return row
