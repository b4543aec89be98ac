"""Queries for resolution: placed mentions and reports, arrangements, events, violations.

Writes take the caller's connection so that one resolution run is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, or_, select, update

from ceasefire.event_links import Report
from ceasefire.geo import region_of
from ceasefire.mentions import Mention
from ceasefire.store.queries import given
from ceasefire.store.schema import arrangements, documents, events, mentions, reports, violations

_IN_CHUNK = 500


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


class ResolvedStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ------------------------------------------------------------ documents

    def pending(self, limit: int) -> list[dict[str, Any]]:
        """Documents not yet resolved, oldest first (so that each batch re-gathers only the
        weeks it covers): id, published, title and records (None for one without records,
        whose earlier records, if any, are withdrawn)."""
        query = (
            select(documents.c.id, documents.c.published, documents.c.title, documents.c.records)
            .where(documents.c.resolved.is_(False))
            .order_by(documents.c.published, documents.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def pending_count(self) -> int:
        query = select(func.count()).where(documents.c.resolved.is_(False))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one()

    def mark_resolved(self, conn: Connection, ids: list[str]) -> None:
        for chunk in _chunks(ids):
            conn.execute(update(documents).where(documents.c.id.in_(chunk)).values(resolved=True))

    def mark_all_unresolved(self) -> None:
        """Make the next run resolve everything again (after the rules change)."""
        with self.engine.begin() as conn:
            conn.execute(update(documents).values(resolved=False))
            for table in (violations, events, reports, arrangements, mentions):
                conn.execute(delete(table))

    # ------------------------------------------------------------ mentions

    def drop_mentions(
        self, conn: Connection, doc_ids: list[str]
    ) -> list[tuple[Mention, str | None]]:
        """Remove the stored mentions of these documents; returns what was removed, each with
        the arrangement it was in."""
        removed = []
        for chunk in _chunks(doc_ids):
            query = select(mentions.c.data, mentions.c.arrangement_id).where(
                mentions.c.document_id.in_(chunk)
            )
            removed += [(Mention.from_json(data), aid) for data, aid in conn.execute(query)]
            conn.execute(delete(mentions).where(mentions.c.document_id.in_(chunk)))
        return removed

    def add_mentions(self, conn: Connection, items: list[Mention]) -> None:
        if items:
            conn.execute(mentions.insert(), [_mention_row(m, None) for m in items])

    def tail(self, conn: Connection, theatre: str, since: str) -> list[tuple[Mention, str | None]]:
        """Every mention of a theatre from `since` on, with its current arrangement."""
        query = select(mentions.c.data, mentions.c.arrangement_id).where(
            mentions.c.theatre == theatre, mentions.c.sort_date >= since
        )
        return [(Mention.from_json(data), aid) for data, aid in conn.execute(query)]

    def mentions_before(
        self, conn: Connection, arrangement_ids: Iterable[str], before: str
    ) -> dict[str, list[Mention]]:
        """The mentions of these arrangements dated before `before`, by arrangement."""
        found: dict[str, list[Mention]] = {}
        for chunk in _chunks(sorted(set(arrangement_ids))):
            query = select(mentions.c.arrangement_id, mentions.c.data).where(
                mentions.c.arrangement_id.in_(chunk), mentions.c.sort_date < before
            )
            for aid, data in conn.execute(query):
                found.setdefault(aid, []).append(Mention.from_json(data))
        return found

    def assign(self, conn: Connection, keys: list[str], arrangement_id: str | None) -> None:
        for chunk in _chunks(keys):
            conn.execute(
                update(mentions)
                .where(mentions.c.key.in_(chunk))
                .values(arrangement_id=arrangement_id)
            )

    # ------------------------------------------------------------ arrangements

    def open_arrangements(
        self, conn: Connection, theatre: str, seen_since: str, starts: tuple[str, str] | None
    ) -> list[str]:
        """Arrangements of a theatre that could still take a mention dated from `seen_since`
        on, or one giving a start within `starts`."""
        condition = arrangements.c.last_seen >= seen_since
        if starts is not None:
            condition = or_(
                condition,
                and_(
                    arrangements.c.first_start <= starts[1], arrangements.c.last_start >= starts[0]
                ),
            )
        query = select(arrangements.c.id).where(arrangements.c.theatre == theatre, condition)
        return [row[0] for row in conn.execute(query)]

    def area_keys(self, conn: Connection, ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(set(ids))):
            query = select(arrangements.c.id, arrangements.c.area_key).where(
                arrangements.c.id.in_(chunk)
            )
            found.update((aid, key) for aid, key in conn.execute(query))
        return found

    def replace_arrangements(
        self,
        conn: Connection,
        gone: Iterable[str],
        rows: list[dict[str, Any]],
        keep_violations: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> set[tuple[str, str]]:
        """Delete `gone` and write `rows`, dropping their violation candidates (except those
        of `keep_violations`, whose area and window did not change); returns the
        (arrangement, event) pairs that were dropped."""
        ids = sorted(set(gone) | {row["id"] for row in rows})
        dropped = [i for i in ids if i not in keep_violations]
        before = _drop_violations(conn, violations.c.arrangement_id, dropped)
        for chunk in _chunks(ids):
            conn.execute(delete(arrangements).where(arrangements.c.id.in_(chunk)))
        if rows:
            conn.execute(arrangements.insert(), rows)
        return before

    def arrangements_watching(
        self, conn: Connection, country: str, first: str, last: str
    ) -> list[dict[str, Any]]:
        """Arrangements of a country whose watched window meets the dates first..last."""
        a = arrangements.c
        query = select(a.record, a.watch_start, a.watch_end).where(
            a.theatre == country, a.watch_start <= last, a.watch_end >= first, a.hidden.is_(False)
        )
        return [dict(row) for row in conn.execute(query).mappings()]

    def arrangement(self, arrangement_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(arrangements.c.record).where(
                    arrangements.c.id == arrangement_id, arrangements.c.hidden.is_(False)
                )
            ).first()
        return row[0] if row else None

    def arrangement_rows(
        self,
        *,
        kind: str | None = None,
        since: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored arrangements, first reported first (ties by id), with their summary columns."""
        query = _filtered(
            select(arrangements)
            .where(arrangements.c.hidden.is_(False))
            .order_by(arrangements.c.first_seen, arrangements.c.id),
            limit,
            (kind, lambda: arrangements.c.type == kind),
            (since, lambda: arrangements.c.last_seen >= since),
        )
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    # ------------------------------------------------------------ reports and events

    def drop_reports(self, conn: Connection, doc_ids: list[str]) -> set[str]:
        """Remove these documents' reports; returns the events they belonged to."""
        touched: set[str] = set()
        for chunk in _chunks(doc_ids):
            rows = conn.execute(select(reports.c.event_id).where(reports.c.document_id.in_(chunk)))
            touched.update(row[0] for row in rows if row[0])
            conn.execute(delete(reports).where(reports.c.document_id.in_(chunk)))
        return touched

    def add_reports(self, conn: Connection, items: list[Report]) -> None:
        if items:
            conn.execute(reports.insert(), [_report_row(r) for r in items])

    def reports_between(
        self, conn: Connection, kind: str, first: str, last: str
    ) -> list[tuple[Report, str]]:
        """Stored, grouped reports of one type dated first..last, with their events; with
        only what linking compares, not their evidence."""
        query = select(*_LINK_COLUMNS).where(
            reports.c.event_id.is_not(None),  # reports of this run are grouped together
            reports.c.type == kind,
            reports.c.date >= first,
            reports.c.date <= last,
        )
        return [(_light_report(row), row.event_id) for row in conn.execute(query)]

    def reports_of_events(self, conn: Connection, event_ids: Iterable[str]) -> list[Report]:
        found = []
        for chunk in _chunks(sorted(set(event_ids))):
            query = select(reports.c.data).where(reports.c.event_id.in_(chunk))
            found += [Report.from_json(row[0]) for row in conn.execute(query)]
        return found

    def set_event(self, conn: Connection, keys: list[str], event_id: str) -> None:
        for chunk in _chunks(keys):
            conn.execute(update(reports).where(reports.c.key.in_(chunk)).values(event_id=event_id))

    def replace_events(
        self, conn: Connection, gone: Iterable[str], records: list[dict[str, Any]]
    ) -> set[tuple[str, str]]:
        """As `replace_arrangements`, for resolved events."""
        ids = sorted(set(gone) | {r["id"] for r in records})
        before = _drop_violations(conn, violations.c.event_id, ids)
        for chunk in _chunks(ids):
            conn.execute(delete(events).where(events.c.id.in_(chunk)))
        if records:
            conn.execute(events.insert(), [event_columns(r) for r in records])
        return before

    def events_in(
        self, conn: Connection, country: str, start: str, end: str
    ) -> list[dict[str, Any]]:
        query = select(events.c.record).where(
            events.c.country == country,
            events.c.date >= start,
            events.c.date <= end,
            events.c.hidden.is_(False),
        )
        return [row[0] for row in conn.execute(query)]

    def event_rows(
        self,
        *,
        kind: str | None = None,
        since: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Resolved events by date (ties by id)."""
        query = _filtered(
            select(events.c.record)
            .where(events.c.hidden.is_(False))
            .order_by(events.c.date, events.c.id),
            limit,
            (kind, lambda: or_(events.c.type == kind, events.c.subtype == kind)),
            (since, lambda: events.c.date >= since),
        )
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(query)]

    # ------------------------------------------------------------ violations

    def add_violations(
        self, conn: Connection, items: list[dict[str, Any]], dates: dict[str, str]
    ) -> None:
        if items:
            conn.execute(
                violations.insert(),
                [
                    {
                        "arrangement_id": v["arrangement_id"],
                        "event_id": v["event_id"],
                        "date": dates.get(v["event_id"]),
                        "score": v["score"],
                        "record": v,
                    }
                    for v in items
                ],
            )

    def violation_rows(self, arrangement_id: str | None = None) -> list[dict[str, Any]]:
        query = select(violations.c.record, violations.c.date).order_by(
            violations.c.date, violations.c.arrangement_id, violations.c.event_id
        )
        if arrangement_id:
            query = query.where(violations.c.arrangement_id == arrangement_id)
        with self.engine.connect() as conn:
            return [{**record, "date": day} for record, day in conn.execute(query)]

    def violation_counts(self) -> dict[str, int]:
        """Violation candidates per arrangement."""
        query = select(violations.c.arrangement_id, func.count()).group_by(
            violations.c.arrangement_id
        )
        with self.engine.connect() as conn:
            return {aid: n for aid, n in conn.execute(query)}

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (arrangements, events, reports, mentions, violations)
            }


def _filtered(query: Any, limit: int | None, *conditions: tuple[Any, Callable[[], Any]]) -> Any:
    """`query` with the condition of each value that is given, and the limit if any."""
    query = query.where(*given(*conditions))
    return query.limit(limit) if limit else query


def _drop_violations(conn: Connection, column: Any, ids: list[str]) -> set[tuple[str, str]]:
    before: set[tuple[str, str]] = set()
    for chunk in _chunks(ids):
        query = select(violations.c.arrangement_id, violations.c.event_id).where(column.in_(chunk))
        before.update((aid, eid) for aid, eid in conn.execute(query))
        conn.execute(delete(violations).where(column.in_(chunk)))
    return before


def _mention_row(m: Mention, arrangement_id: str | None) -> dict[str, Any]:
    return {
        "key": m.key,
        "document_id": m.document_id,
        "theatre": m.theatre,
        "sort_date": m.sort_date,
        "arrangement_id": arrangement_id,
        "data": m.to_json(),
    }


def _report_row(r: Report) -> dict[str, Any]:
    place = r.place
    actor = r.record.get("actor1")
    country, region = region_of(place) if place else (None, None)
    return {
        "key": r.key,
        "document_id": r.document_id,
        "type": r.type,
        "date": r.date,
        "lat": place["lat"] if place else None,
        "lon": place["lon"] if place else None,
        "event_id": None,
        "data": r.to_json(),
        "subtype": r.record.get("subtype"),
        "place_kind": place["kind"] if place else None,
        "country": country,
        "region": region,
        "actor1": actor["canonical"] if actor else None,
        "actor1_country": actor["country"] if actor else None,
        "fatalities": r.record.get("fatalities"),
    }


_LINK_COLUMNS = (
    reports.c.key,
    reports.c.document_id,
    reports.c.type,
    reports.c.date,
    reports.c.lat,
    reports.c.lon,
    reports.c.event_id,
    reports.c.subtype,
    reports.c.place_kind,
    reports.c.country,
    reports.c.region,
    reports.c.actor1,
    reports.c.actor1_country,
    reports.c.fatalities,
)


def _light_report(row: Any) -> Report:
    """A stored report with just what `same_event` compares."""
    place = None
    if row.place_kind is not None:
        place = {
            "lat": row.lat,
            "lon": row.lon,
            "kind": row.place_kind,
            "country": row.country,
            "admin1": row.region,
            "canonical": row.region,
        }
    actor = {"canonical": row.actor1, "country": row.actor1_country} if row.actor1 else None
    record = {
        "type": row.type,
        "subtype": row.subtype,
        "date": row.date,
        "place": place,
        "actor1": actor,
        "fatalities": row.fatalities,
    }
    return Report(row.key, row.document_id, int(row.key.rsplit("#", 1)[1]), record)


def event_columns(record: dict[str, Any]) -> dict[str, Any]:
    place = record.get("place")
    actor1, actor2 = record.get("actor1"), record.get("actor2")
    return {
        "subtype": record.get("subtype"),
        "place": place["canonical"] if place else None,
        "actor1": actor1["canonical"] if actor1 else None,
        "actor2": actor2["canonical"] if actor2 else None,
        "text": "\n".join(dict.fromkeys(s["evidence"]["text"] for s in record["sources"])),
        "id": record["id"],
        "type": record["type"],
        "date": record.get("date"),
        "country": place["country"] if place else None,
        "lat": place["lat"] if place else None,
        "lon": place["lon"] if place else None,
        "fatalities": record.get("fatalities"),
        "record": record,
    }
