"""Filtered, paginated listings for the HTTP API.

Pages follow a cursor: the sort key of the last row of a page, encoded as an opaque string,
so that a page never repeats or skips a row when rows are added in between.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Text, and_, cast, func, or_, select, union_all
from sqlalchemy.sql import ColumnElement

from ceasefire.store.schema import arrangements, documents, events, violations


class QueryError(ValueError):
    """A filter or cursor the caller gave cannot be used; the message says which and why."""


@dataclass(slots=True)
class Page:
    """One page of a listing. `raw` pages hold each item as JSON text, passed on as stored."""

    items: list[Any]
    next: str | None
    raw: bool = False


@dataclass(slots=True)
class Filters:
    """What a listing may be narrowed by; None means no restriction."""

    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    country: str | None = None
    place: str | None = None
    kind: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    language: str | None = None
    arrangement: str | None = None


def encode_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


MAX_CURSOR = 8192  # characters; a page's sort key is a few short text values (ids, dates)


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The sort key a cursor holds, or a QueryError: a cursor is opaque, and one this API did
    not give (garbage, too long, nested JSON, text no database can hold) is refused whole."""
    if len(cursor) > MAX_CURSOR:
        raise QueryError(
            f"cursor of {len(cursor)} characters is not one this API gave (at most {MAX_CURSOR})"
        )
    shown = cursor if len(cursor) <= 60 else cursor[:60] + "..."
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeError, RecursionError) as exc:
        raise QueryError(f"cursor {shown!r} is not one this API gave") from exc
    if not isinstance(key, list) or len(key) != size or not all(_storable(k) for k in key):
        raise QueryError(f"cursor {shown!r} is not one this API gave")
    return key


def _storable(value: object) -> bool:
    """Text every database can compare: no NUL (PostgreSQL refuses it), no lone surrogate."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _like(column: Any, text: str) -> ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped.lower()}%", escape="\\")


def _page(
    engine: Engine, query: Any, keys: list[Any], limit: int, cursor: str | None, row: Any
) -> Page:
    """Rows of `query` after `cursor`, ordered by `keys` (all text columns, the last unique)."""
    if cursor is not None:
        after = decode_cursor(cursor, len(keys))
        query = query.where(_after(keys, after))
    query = query.order_by(*keys).limit(limit + 1)
    with engine.connect() as conn:
        rows = list(conn.execute(query).mappings())
    more = len(rows) > limit
    rows = rows[:limit]
    items = [row(r) for r in rows]
    nxt = encode_cursor([rows[-1][f"k{i}"] for i in range(len(keys))]) if more and rows else None
    return Page(items, nxt)


def _after(keys: list[Any], values: list[str]) -> ColumnElement[bool]:
    """(k0, k1, ...) > (v0, v1, ...), spelled out for every database."""
    clauses = []
    for i, key in enumerate(keys):
        equal = [keys[j] == values[j] for j in range(i)]
        clauses.append(and_(*equal, key > values[i]))
    return or_(*clauses)


def given(*pairs: tuple[Any, Callable[[], ColumnElement[bool]]]) -> list[ColumnElement[bool]]:
    """The condition of each filter whose value is given."""
    return [make() for value, make in pairs if value]


def _overlaps(
    box: tuple[float, float, float, float] | None, west: Any, south: Any, east: Any, north: Any
) -> ColumnElement[bool]:
    """Rows whose west..east, south..north extent meets the box (a point is a tiny extent)."""
    w, s, e, n = box or (-180.0, -90.0, 180.0, 90.0)
    return and_(east >= w, west <= e, north >= s, south <= n)


def _keys(*columns: Any) -> list[Any]:
    return [func.coalesce(c, "") for c in columns]


def list_documents(engine: Engine, f: Filters, limit: int, cursor: str | None) -> Page:
    keys = _keys(documents.c.id)
    columns = [c for c in documents.c if c.name not in ("text", "raw", "signature", "records")]
    query = select(*columns, *(k.label(f"k{i}") for i, k in enumerate(keys)))
    d = documents.c
    query = query.where(
        *given(
            (f.q, lambda: or_(_like(d.title, f.q or ""), _like(d.text, f.q or ""))),
            (f.language, lambda: d.language == f.language),
            (f.since, lambda: d.published >= f.since),
            (f.until, lambda: d.published <= f.until),
        )
    )
    return _page(engine, query, keys, limit, cursor, _document_item)


def _document_item(row: Any) -> dict[str, Any]:
    item = _plain_item(row)
    if item.get("ingested_at") is not None:
        item["ingested_at"] = item["ingested_at"].isoformat()
    return item


def get_document(engine: Engine, doc_id: str) -> dict[str, Any] | None:
    columns = [c for c in documents.c if c.name not in ("raw", "signature")]
    with engine.connect() as conn:
        row = conn.execute(select(*columns).where(documents.c.id == doc_id)).mappings().first()
    if row is None:
        return None
    item = dict(row)
    item["ingested_at"] = item["ingested_at"].isoformat() if item["ingested_at"] else None
    return item


def list_arrangements(
    engine: Engine, f: Filters, limit: int, cursor: str | None, full: bool = False
) -> Page:
    """Arrangements first reported first: their summaries, or whole records if `full`."""
    a = arrangements.c
    keys = _keys(a.first_seen, a.id)
    shown = a.record if full else func.coalesce(a.summary, a.record)
    query = select(cast(shown, Text).label("raw"), *(k.label(f"k{i}") for i, k in enumerate(keys)))
    conditions = arrangement_conditions(f)
    page = _page(engine, query.where(*conditions), keys, limit, cursor, lambda r: r["raw"])
    page.raw = True
    return page


def arrangement_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """What `f` asks of an arrangement: listings and exports select alike."""
    a = arrangements.c
    return [
        a.hidden.is_(False),  # none hidden by a correction
        *given(
            (f.country, lambda: a.theatre == (f.country or "").upper()),
            (f.kind, lambda: a.type == f.kind),
            (f.place, lambda: _like(a.places, f.place or "")),
            (f.actor, lambda: _like(a.actors, f.actor or "")),
            (f.q, lambda: or_(*(_like(c, f.q or "") for c in (a.terms, a.places, a.actors)))),
            (f.since, lambda: a.watch_end >= f.since),
            (f.until, lambda: a.watch_start <= f.until),
            (f.bbox, lambda: _overlaps(f.bbox, a.west, a.south, a.east, a.north)),
        ),
    ]


def event_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """What `f` asks of an event: listings and exports select alike."""
    e = events.c
    return [
        e.hidden.is_(False),  # none rejected by a correction
        *given(
            (f.country, lambda: e.country == (f.country or "").upper()),
            (f.kind, lambda: or_(e.type == f.kind, e.subtype == f.kind)),
            (f.place, lambda: _like(e.place, f.place or "")),
            (f.actor, lambda: or_(_like(e.actor1, f.actor or ""), _like(e.actor2, f.actor or ""))),
            (f.q, lambda: _like(e.text, f.q or "")),
            (f.since, lambda: e.date >= f.since),
            (f.until, lambda: e.date <= f.until),
            (f.bbox, lambda: _overlaps(f.bbox, e.lon, e.lat, e.lon, e.lat)),
        ),
    ]


def every_page(
    engine: Engine, query: Any, keys: list[Any], row: Callable[[Any], Any], size: int = 500
) -> Iterator[list[Any]]:
    """The rows of `query` in `keys` order, a page of `size` at a time: an export streams
    them without holding the table in memory, and each page is its own short read."""
    cursor = None
    while True:
        page = _page(engine, query, keys, size, cursor, row)
        if page.items:
            yield page.items
        if page.next is None:
            return
        cursor = page.next


def sort_keys(*columns: Any) -> list[Any]:
    """Sort key columns as `_page` wants them (text, NULL as "")."""
    return _keys(*columns)


def get_arrangement(engine: Engine, arrangement_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(
            select(arrangements.c.record).where(
                arrangements.c.id == arrangement_id, arrangements.c.hidden.is_(False)
            )
        )
        found = row.first()
    return found[0] if found else None


def list_events(
    engine: Engine, f: Filters, limit: int, cursor: str | None, geojson: bool = False
) -> Page:
    """Events by date, as JSON text: records, or GeoJSON Features if `geojson`."""
    e = events.c
    keys = _keys(e.date, e.id)
    columns = [cast(e.record, Text).label("raw"), e.id, e.lat, e.lon]
    query = select(*columns, *(k.label(f"k{i}") for i, k in enumerate(keys)))
    conditions = event_conditions(f)
    item = _event_feature if geojson else (lambda r: r["raw"])
    page = _page(engine, query.where(*conditions), keys, limit, cursor, item)
    page.raw = True
    return page


def _event_feature(row: Any) -> str:
    """A GeoJSON Feature around the stored record text: the record is not decoded."""
    geometry = (
        f'{{"type":"Point","coordinates":[{row["lon"]!r},{row["lat"]!r}]}}'
        if row["lat"] is not None
        else "null"
    )
    head = f'{{"type":"Feature","id":{json.dumps(row["id"])},"geometry":{geometry},'
    return f'{head}"properties":{row["raw"]}}}'


def get_event(engine: Engine, event_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        query = select(events.c.record).where(events.c.id == event_id, events.c.hidden.is_(False))
        found = conn.execute(query).first()
    return found[0] if found else None


def list_violations(engine: Engine, f: Filters, limit: int, cursor: str | None) -> Page:
    """Violation candidates by date, each with `point`, its event's [lon, lat] (or None)."""
    v = violations.c
    keys = _keys(v.date, v.arrangement_id, v.event_id)
    joined = violations.outerjoin(events, events.c.id == v.event_id)
    query = select(
        v.record,
        v.date,
        events.c.lat,
        events.c.lon,
        *(k.label(f"k{i}") for i, k in enumerate(keys)),
    ).select_from(joined)
    query = query.where(
        *given(
            (f.arrangement, lambda: v.arrangement_id == f.arrangement),
            (f.since, lambda: v.date >= f.since),
            (f.until, lambda: v.date <= f.until),
        )
    )
    return _page(engine, query, keys, limit, cursor, _violation_item)


def _violation_item(row: Any) -> dict[str, Any]:
    point = [row["lon"], row["lat"]] if row["lat"] is not None else None
    return {**row["record"], "date": row["date"], "point": point}


def list_places(engine: Engine, f: Filters, limit: int, cursor: str | None) -> Page:
    """Places events happened in, with how many events each."""
    e = events.c
    grouped = (
        select(
            e.place.label("name"),
            e.country.label("country"),
            func.min(e.lat).label("lat"),
            func.min(e.lon).label("lon"),
            func.count().label("events"),
        )
        .where(e.place.is_not(None), e.hidden.is_(False))
        .group_by(e.place, e.country)
    )
    if f.country:
        grouped = grouped.where(e.country == f.country.upper())
    if f.q:
        grouped = grouped.where(_like(e.place, f.q))
    sub = grouped.subquery()
    keys = _keys(sub.c.name, sub.c.country)
    query = select(sub, *(k.label(f"k{i}") for i, k in enumerate(keys)))
    return _page(engine, query, keys, limit, cursor, _plain_item)


def list_actors(engine: Engine, f: Filters, limit: int, cursor: str | None) -> Page:
    """Actors named in events (as actor1 or actor2), with how many events each."""
    e = events.c
    named = union_all(
        select(e.actor1.label("name")).where(e.actor1.is_not(None), e.hidden.is_(False)),
        select(e.actor2.label("name")).where(e.actor2.is_not(None), e.hidden.is_(False)),
    ).subquery()
    grouped = select(named.c.name, func.count().label("events")).group_by(named.c.name)
    if f.q:
        grouped = grouped.where(_like(named.c.name, f.q))
    sub = grouped.subquery()
    keys = _keys(sub.c.name)
    query = select(sub, *(k.label(f"k{i}") for i, k in enumerate(keys)))
    return _page(engine, query, keys, limit, cursor, _plain_item)


def _plain_item(row: Any) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not (k[0] == "k" and k[1:].isdigit())}


def counts(engine: Engine) -> dict[str, int]:
    """How many documents, arrangements, events and violation candidates are stored."""
    tables = {"documents": documents, "arrangements": arrangements, "events": events}
    tables["violations"] = violations
    shown = {"arrangements": arrangements.c.hidden, "events": events.c.hidden}
    with engine.connect() as conn:
        found = {}
        for name, table in tables.items():
            found[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
            if name in shown:  # less those hidden by a correction (few, and indexed)
                hidden = select(func.count()).select_from(table).where(shown[name].is_(True))
                found[name] -= conn.execute(hidden).scalar_one()
        return found


def stored_hashes(engine: Engine, ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """For each of `ids` that is stored: its raw-bytes hash, and what it duplicates."""
    d = documents.c
    found: dict[str, tuple[str, str | None]] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), 500):
            query = select(d.id, d.raw_hash, d.duplicate_of).where(
                d.id.in_(ids[start : start + 500])
            )
            found.update((row.id, (row.raw_hash, row.duplicate_of)) for row in conn.execute(query))
    return found
