"""Corrections applied on top of resolution.

Resolution keeps its own tables as it makes them (which mention is in which arrangement,
which report in which event), so that it stays incremental and order-free; corrections
change only what is shown: the arrangement, event and violation rows. They are applied again,
all of them, after every resolution run, in three passes: merges and moves rebuild the
arrangements they touch from the mentions they then hold; values that are set are written
over the records, and the violation candidates of what moved or changed place are found
again; then rejections hide records and drop candidates, and confirmations mark them.
Every pass gives the same rows however often it runs. A record touched carries `corrected`,
the fields and actions that changed it. A correction whose record is gone is orphaned.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, or_, select, update

from ceasefire.arrangements import Draft, rules, sort_key, summary
from ceasefire.corrections_locate import locate, split_violation
from ceasefire.geo import area
from ceasefire.store import corrections as q
from ceasefire.store.schema import arrangements, events, violations

_log = logging.getLogger(__name__)

_AREA_FIELDS = frozenset({"scope", "start", "end"})  # what changes an arrangement's candidates
_EVENT_AREA_FIELDS = frozenset({"place", "event_type"})
_RECORD_KEY = {"scope": "places", "event_type": "type"}


@dataclass(slots=True)
class Applied:
    """What one application did: how many corrections apply, and which no longer do."""

    applied: int = 0
    orphaned: list[int] = field(default_factory=list)

    def warning(self) -> str | None:
        if not self.orphaned:
            return None
        ids = ", ".join(str(i) for i in self.orphaned[:10])
        return (
            f"warning: {len(self.orphaned)} corrections no longer apply, their records gone "
            f"(ids {ids}); `ceasefire corrections --orphaned` lists them"
        )


def apply_corrections(engine: Engine) -> Applied:
    """Apply every correction in force, in one transaction."""
    with engine.begin() as conn:
        return apply_in(conn)


def apply_in(conn: Connection) -> Applied:
    report = Applied()
    live = [(row, ids) for row in q.active(conn) if (ids := _located(conn, row, report))]
    changed_arrangements = _restructure(
        conn, [(r, i) for r, i in live if r["action"] in ("merge", "move")]
    )
    changed_events: set[str] = set()
    for row, ids in live:
        if row["action"] == "set" and row["kind"] == "arrangement":
            _set_arrangement(conn, ids[0], row["field"], row["value"])
            if row["field"] in _AREA_FIELDS:
                changed_arrangements.add(ids[0])
        elif row["action"] == "set":
            _set_event(conn, ids[0], row["field"], row["value"])
            if row["field"] in _EVENT_AREA_FIELDS:
                changed_events.add(ids[0])
    _recheck(conn, changed_arrangements, changed_events)
    for row, ids in live:
        if row["action"] == "reject":
            _reject(conn, row["kind"], ids[0])
        elif row["action"] == "confirm":
            _confirm(conn, row["kind"], ids[0])
    return report


def _located(conn: Connection, row: dict[str, Any], report: Applied) -> tuple[str, ...] | None:
    """The current ids of a correction's record (and target); notes it orphaned or not, and
    follows a record whose id changed (see corrections_locate)."""
    anchor = row["anchor"] or {}
    now = locate(conn, row["kind"], row["record_id"], anchor.get("record") or {})
    target = None
    if now and row["target"]:
        target = locate(conn, "arrangement", row["target"], anchor.get("target") or {})
    orphaned = now is None or (row["target"] is not None and target is None)
    changes: dict[str, Any] = {}
    if bool(row["orphaned"]) != orphaned:
        changes["orphaned"] = orphaned
    if now and now != row["record_id"]:
        changes["record_id"] = now
    if target and target != row["target"]:
        changes["target"] = target
    if changes:
        q.update_correction(conn, row["id"], **changes)
    if orphaned:
        report.orphaned.append(row["id"])
        return None
    report.applied += 1
    if row["kind"] == "document":
        return None  # resolution leaves an irrelevant document's records out
    return (now, target) if target else (now,)  # type: ignore[return-value]


# ---------------------------------------------------------------- merges and moves


def _restructure(
    conn: Connection, structural: list[tuple[dict[str, Any], tuple[str, ...]]]
) -> set[str]:
    """Rebuild the arrangements that merges and moves touch, from the mentions they hold
    once those are applied in order; one left without mentions is hidden. Returns the ids of
    those rebuilt."""
    if not structural:
        return set()
    absorbed: dict[str, str] = {}  # merged-away arrangement -> the one that took it
    moves: dict[str, str] = {}  # mention key -> arrangement
    labels: dict[str, set[str]] = defaultdict(set)

    def final(aid: str) -> str:
        while aid in absorbed:
            aid = absorbed[aid]
        return aid

    touched: set[str] = set()
    for row, (record_id, target) in structural:
        if row["action"] == "merge":
            keeper, gone = final(record_id), final(target)
            if keeper != gone:
                absorbed[gone] = keeper
            touched |= {record_id, target}
            labels[keeper].add("merge")
        else:
            found = q.mention(conn, record_id)
            if found and found[1]:
                touched.add(found[1])
                labels[found[1]].add("move")
            moves[record_id] = target
            touched.add(target)
            labels[target].add("move")
    held = _held(conn, touched, moves, final)
    rebuilt = set()
    for aid in sorted(touched):
        if held.get(aid):
            _rebuild(conn, aid, held[aid], labels[aid] | labels[final(aid)])
            rebuilt.add(aid)
        else:
            _hide(conn, arrangements, aid)
    return rebuilt


def _held(
    conn: Connection, touched: set[str], moves: dict[str, str], final: Any
) -> dict[str, list[Any]]:
    """Each arrangement's mentions once the merges and moves are applied."""
    held: dict[str, list[Any]] = defaultdict(list)
    for aid, found in q.members(conn, touched).items():
        held[final(aid)] += [m for m in found if m.key not in moves]
    for key, target in moves.items():
        found = q.mention(conn, key)
        if found is not None:
            held[final(target)].append(found[0])
    return held


def _rebuild(conn: Connection, aid: str, held: list[Any], labels: set[str]) -> None:
    """An arrangement's row made again from `held`, its scope every region they name."""
    from ceasefire.resolve import arrangement_row

    theatre = conn.execute(select(arrangements.c.theatre).where(arrangements.c.id == aid)).scalar()
    draft = Draft(id=aid, theatre=theatre or held[0].theatre)
    rule = rules()
    for mention in sorted(held, key=sort_key):
        draft.add(mention, rule)
    if not draft.nationwide:
        draft.regions.update(r for m in held for r in m.regions)
    row = arrangement_row(draft)
    row["record"]["corrected"] = sorted(labels)
    row["summary"]["corrected"] = sorted(labels)
    conn.execute(delete(arrangements).where(arrangements.c.id == aid))
    conn.execute(insert(arrangements).values(**row))


# ---------------------------------------------------------------- values set


def _set_arrangement(conn: Connection, aid: str, name: str, value: Any) -> None:
    row = _row(conn, arrangements, aid)
    if row is None:
        return
    record = dict(row["record"])
    record[_RECORD_KEY.get(name, name)] = value
    if name == "scope":
        record["area"] = area(value)
    _write_arrangement(conn, aid, _labelled(record, name), row["last_seen"])


def _write_arrangement(conn: Connection, aid: str, record: dict[str, Any], last_seen: str) -> None:
    """Write a changed record with every column that is derived from it."""
    from ceasefire.monitor import window
    from ceasefire.resolve import area_key, search_columns

    watch_start, watch_end = window(record, last_seen)
    values = {
        "record": record,
        "summary": summary(record),
        **{key: record[key] for key in ("type", "status", "start", "end")},
        "watch_start": watch_start,
        "watch_end": watch_end,
        "area_key": area_key(record, watch_start, watch_end),
        **search_columns(record),
    }
    conn.execute(update(arrangements).where(arrangements.c.id == aid).values(**values))


def _set_event(conn: Connection, eid: str, name: str, value: Any) -> None:
    from ceasefire.store.resolved import event_columns

    row = _row(conn, events, eid)
    if row is None:
        return
    record = dict(row["record"])
    if name == "event_type" and record.get("type") != value:
        record["subtype"] = None  # a sub-type belongs to its type
    record[_RECORD_KEY.get(name, name)] = value
    if name == "fatalities":
        record["fatalities_low"] = record["fatalities_high"] = value
    values = event_columns(_labelled(record, name))
    values.pop("id")
    conn.execute(update(events).where(events.c.id == eid).values(**values))


def _recheck(conn: Connection, arrangement_ids: set[str], event_ids: set[str]) -> None:
    """Find again the violation candidates of arrangements and events that changed."""
    from ceasefire.resolve import monitor
    from ceasefire.store.resolved import ResolvedStore

    if not arrangement_ids and not event_ids:
        return
    v = violations.c
    conn.execute(
        delete(violations).where(
            or_(v.arrangement_id.in_(sorted(arrangement_ids)), v.event_id.in_(sorted(event_ids)))
        )
    )
    a = arrangements.c
    rows = conn.execute(
        select(a.id, a.theatre, a.watch_start, a.watch_end, a.record).where(
            a.id.in_(sorted(arrangement_ids)), a.hidden.is_(False)
        )
    )
    shown = [dict(row) for row in rows.mappings()]
    query = select(events.c.record).where(
        events.c.id.in_(sorted(event_ids)), events.c.hidden.is_(False)
    )
    changed = [row[0] for row in conn.execute(query)]
    monitor(conn, ResolvedStore(conn.engine), shown, changed)


# ---------------------------------------------------------------- rejections and confirmations


def _reject(conn: Connection, kind: str, record_id: str) -> None:
    if kind == "violation":
        aid, eid = split_violation(record_id)
        conn.execute(
            delete(violations).where(
                violations.c.arrangement_id == aid, violations.c.event_id == eid
            )
        )
        return
    table = events if kind == "event" else arrangements
    _hide(conn, table, record_id)
    _label(conn, table, record_id, "reject")


def _confirm(conn: Connection, kind: str, record_id: str) -> None:
    if kind == "violation":
        aid, eid = split_violation(record_id)
        where = (violations.c.arrangement_id == aid, violations.c.event_id == eid)
        row = conn.execute(select(violations.c.record).where(*where)).first()
        if row is not None:
            record = {**_labelled(row[0], "confirm"), "confirmed": True}
            conn.execute(update(violations).where(*where).values(record=record))
        return
    _label(conn, events if kind == "event" else arrangements, record_id, "confirm")


def _hide(conn: Connection, table: Any, record_id: str) -> None:
    """Hide a record and drop its violation candidates."""
    conn.execute(update(table).where(table.c.id == record_id).values(hidden=True))
    column = violations.c.event_id if table is events else violations.c.arrangement_id
    conn.execute(delete(violations).where(column == record_id))


def _label(conn: Connection, table: Any, record_id: str, label: str) -> None:
    row = _row(conn, table, record_id)
    if row is None or label in (row["record"].get("corrected") or []):
        return
    values: dict[str, Any] = {"record": _labelled(row["record"], label)}
    if table is arrangements:
        values["summary"] = _labelled(row["summary"] or summary(row["record"]), label)
    conn.execute(update(table).where(table.c.id == record_id).values(**values))


def _labelled(record: dict[str, Any], label: str) -> dict[str, Any]:
    """The record, saying it was corrected by `label` (a field, or an action)."""
    marks = list(record.get("corrected") or [])
    if label not in marks:
        marks.append(label)
    return {**record, "corrected": marks}


def _row(conn: Connection, table: Any, record_id: str) -> dict[str, Any] | None:
    found = conn.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return dict(found) if found else None
