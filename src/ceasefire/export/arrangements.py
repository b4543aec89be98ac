"""Arrangements one row each, in the spirit of the ETH/PRIO Civil Conflict Ceasefire dataset
and PA-X (who is bound, who guarantees, who mediates, where, from when to when), and their
characterizations as a long table: one row per actor and term.

A nationwide arrangement's GeoJSON geometry is its country's outline (the dashboard's
borders); any other is the points of the places of its scope.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import Engine

from ceasefire.export import countries
from ceasefire.export.table import (
    Geometry,
    Row,
    Table,
    columns,
    joined,
    names,
    place_ids,
    place_names,
)
from ceasefire.store.queries import Filters
from ceasefire.store.streams import arrangement_pages, violation_dates, violation_links

ARRANGEMENT_COLUMNS = columns(
    "id country country_name start:date end:date type status nationwide:bool parties "
    "sponsors mediators scope scope_geonameids venues excluded_places excluded_actors "
    "characterizations terms first_seen:date last_seen:date reports:int documents:int "
    "violation_candidates:int violations_per_week event_ids corrected"
)
CHARACTERIZATION_COLUMNS = columns(
    "arrangement_id actor actor_agent actor_country term type first_seen:date document_id evidence"
)


def _links(engine: Engine) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for arrangement_id, event_id in violation_links(engine):
        found[arrangement_id].append(event_id)
    return found


def _weeks(engine: Engine) -> dict[str, str]:
    """Each arrangement's violation candidates by ISO week, "2016-W18: 2; 2016-W19: 1": how
    the violence inside it went week after week."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for arrangement_id, day in violation_dates(engine):
        if day:
            year, week, _ = date.fromisoformat(day[:10]).isocalendar()
            counts[arrangement_id][f"{year}-W{week:02d}"] += 1
    return {a: "; ".join(f"{w}: {n}" for w, n in sorted(c.items())) for a, c in counts.items()}


def arrangements_table(engine: Engine, f: Filters) -> Table:
    links, weeks = _links(engine), _weeks(engine)

    def rows() -> Iterator[tuple[Row, Geometry]]:
        for page in arrangement_pages(engine, f):
            for record in page:
                row = arrangement_row(record, sorted(links.get(record["id"], [])))
                row["violations_per_week"] = weeks.get(record["id"])
                yield row, geometry(record)

    return Table("arrangements", ARRANGEMENT_COLUMNS, rows())


def characterizations_table(engine: Engine, f: Filters) -> Table:
    def rows() -> Iterator[tuple[Row, Geometry]]:
        for page in arrangement_pages(engine, f):
            for record in page:
                for row in characterization_rows(record):
                    yield row, None

    return Table("characterizations", CHARACTERIZATION_COLUMNS, rows())


def _nationwide(record: dict[str, Any]) -> bool:
    return any(p["kind"] == "country" for p in record["places"])


def arrangement_row(record: dict[str, Any], event_ids: list[str]) -> Row:
    excluded = record.get("excluded") or {}
    mentions = record.get("mentions", [])
    return {
        "id": record["id"],
        "country": record.get("theatre") or None,
        "country_name": countries.name(record.get("theatre")),
        "start": record.get("start"),
        "end": record.get("end"),
        "type": record["type"],
        "status": record["status"],
        "nationwide": _nationwide(record),
        "parties": names(record["parties"]),
        "sponsors": names(record["sponsors"]),
        "mediators": names(record["mediators"]),
        "scope": place_names(record["places"]),
        "scope_geonameids": place_ids(record["places"]),
        "venues": place_names(record.get("venues")),
        "excluded_places": place_names(excluded.get("places")),
        "excluded_actors": names(excluded.get("actors")),
        "characterizations": joined(
            f"{c['actor']['canonical']}: {c['term']}" for c in record["characterizations"]
        ),
        "terms": joined(c["term"] for c in record["characterizations"]),
        "first_seen": _first(record, "date", min),
        "last_seen": _first(record, "date", max),
        "reports": len(mentions),
        "documents": len({m["document_id"] for m in mentions}),
        "violation_candidates": len(event_ids),
        "event_ids": joined(event_ids),
        "corrected": joined(record.get("corrected") or []),
    }


def _first(record: dict[str, Any], key: str, pick: Any) -> str | None:
    dates = [t[key] for t in record.get("timeline", []) if t.get(key)]
    return pick(dates) if dates else None


def characterization_rows(record: dict[str, Any]) -> Iterator[Row]:
    for c in record["characterizations"]:
        yield {
            "arrangement_id": record["id"],
            "actor": c["actor"]["canonical"],
            "actor_agent": c["actor"].get("agent"),
            "actor_country": c["actor"].get("country"),
            "term": c["term"],
            "type": c["type"],
            "first_seen": c.get("first_seen"),
            "document_id": c.get("document_id"),
            "evidence": (c.get("evidence") or {}).get("text"),
        }


def geometry(record: dict[str, Any]) -> Geometry:
    """The country's outline when nationwide, else the points of its places."""
    if _nationwide(record):
        country = next(p["country"] for p in record["places"] if p["kind"] == "country")
        outline = countries.border(country)
        if outline is not None:
            return outline
    points = list(dict.fromkeys((p["lon"], p["lat"]) for p in record["places"]))
    if not points:
        return None
    return {"type": "MultiPoint", "coordinates": [list(p) for p in points]}
