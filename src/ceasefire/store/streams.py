"""Every stored record a filter selects, page after page, for exports.

Each stream yields pages (lists) of rows in a stable order, reading one page per short query,
so that an export of a large store never holds it whole. The filters mean what they mean for
the listings (queries.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine, select

from ceasefire.store.queries import (
    Filters,
    _like,
    arrangement_conditions,
    event_conditions,
    every_page,
    given,
    sort_keys,
)
from ceasefire.store.schema import arrangements, documents, events, mentions, violations

Pages = Iterator[list[dict[str, Any]]]


def _keyed(*keys: Any) -> list[Any]:
    return [k.label(f"k{i}") for i, k in enumerate(keys)]


def event_pages(engine: Engine, f: Filters) -> Pages:
    """Resolved event records by date."""
    e = events.c
    keys = sort_keys(e.date, e.id)
    query = select(e.record, *_keyed(*keys)).where(*event_conditions(f))
    return every_page(engine, query, keys, lambda r: r["record"])


def arrangement_pages(engine: Engine, f: Filters) -> Pages:
    """Whole arrangement records, first reported first, each with `theatre`, its country."""
    a = arrangements.c
    keys = sort_keys(a.first_seen, a.id)
    query = select(a.record, a.theatre, *_keyed(*keys)).where(*arrangement_conditions(f))
    return every_page(engine, query, keys, lambda r: {**r["record"], "theatre": r["theatre"]})


def violation_pages(engine: Engine, f: Filters) -> Pages:
    """Violation candidates by date, each with its event's `date`, `lat` and `lon`."""
    v = violations.c
    keys = sort_keys(v.date, v.arrangement_id, v.event_id)
    joined = violations.outerjoin(events, events.c.id == v.event_id)
    query = (
        select(v.record, v.date, events.c.lat, events.c.lon, *_keyed(*keys))
        .select_from(joined)
        .where(
            *given(
                (f.arrangement, lambda: v.arrangement_id == f.arrangement),
                (f.since, lambda: v.date >= f.since),
                (f.until, lambda: v.date <= f.until),
                (f.country, lambda: events.c.country == (f.country or "").upper()),
            )
        )
    )
    return every_page(
        engine,
        query,
        keys,
        lambda r: {**r["record"], "date": r["date"], "lat": r["lat"], "lon": r["lon"]},
    )


def mention_pages(engine: Engine, f: Filters) -> Pages:
    """Ceasefire mentions by document and position, each with the arrangement it joined."""
    m = mentions.c
    keys = sort_keys(m.sort_date, m.key)
    query = select(m.data, m.arrangement_id, *_keyed(*keys)).where(
        *given(
            (f.country, lambda: m.theatre == (f.country or "").upper()),
            (f.arrangement, lambda: m.arrangement_id == f.arrangement),
            (f.since, lambda: m.sort_date >= f.since),
            (f.until, lambda: m.sort_date <= f.until),
        )
    )
    return every_page(
        engine, query, keys, lambda r: {**r["data"], "arrangement_id": r["arrangement_id"]}
    )


def document_pages(engine: Engine, f: Filters, with_records: bool = False) -> Pages:
    """Stored documents by id: metadata, and their records when asked."""
    d = documents.c
    keys = sort_keys(d.id)
    shown = [c for c in documents.c if c.name not in ("text", "raw", "signature", "records")]
    if with_records:
        shown.append(d.records)
    query = select(*shown, *_keyed(*keys)).where(
        *given(
            (f.q, lambda: _like(d.title, f.q or "")),
            (f.language, lambda: d.language == f.language),
            (f.since, lambda: d.published >= f.since),
            (f.until, lambda: d.published <= f.until),
        )
    )
    return every_page(engine, query, keys, lambda r: {k: v for k, v in r.items() if not _is_key(k)})


def _is_key(name: str) -> bool:
    return name[0] == "k" and name[1:].isdigit()


def document_facts(engine: Engine, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """`published` and `outlet` of each of these documents that is stored."""
    d = documents.c
    wanted = sorted(set(ids))
    found: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            query = select(d.id, d.published, d.outlet).where(d.id.in_(wanted[start : start + 500]))
            found.update(
                (r.id, {"published": r.published, "outlet": r.outlet}) for r in conn.execute(query)
            )
    return found


def violation_links(engine: Engine) -> list[tuple[str, str]]:
    """Every (arrangement id, event id) pair of a violation candidate: exports count them per
    event and per arrangement (a pair is two short ids, so the list stays small)."""
    v = violations.c
    with engine.connect() as conn:
        return [
            (r.arrangement_id, r.event_id)
            for r in conn.execute(select(v.arrangement_id, v.event_id))
        ]


def violation_dates(engine: Engine) -> list[tuple[str, str | None]]:
    """Every (arrangement id, date) of a violation candidate: exports count them per week."""
    v = violations.c
    with engine.connect() as conn:
        return [(r.arrangement_id, r.date) for r in conn.execute(select(v.arrangement_id, v.date))]
