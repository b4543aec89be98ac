"""Mentions, violation candidates, displacement and documents, one row each."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from ceasefire.export.table import Geometry, Row, Table, columns, names, place_ids, place_names
from ceasefire.store.queries import Filters
from ceasefire.store.streams import document_pages, mention_pages, violation_pages

MENTION_COLUMNS = columns(
    "key document_id index:int published:date country arrangement_id type term status "
    "start:date end:date characterized_by parties sponsors mediators places place_geonameids "
    "venues excluded_places excluded_actors evidence"
)
VIOLATION_COLUMNS = columns(
    "arrangement_id event_id date:date score:float reasons attributed_to latitude:float "
    "longitude:float evidence"
)
DISPLACEMENT_COLUMNS = columns(
    "document_id index:int published:date count:int conditional:bool origin origin_country "
    "origin_geonameid:int destination destination_country destination_geonameid:int "
    "reported_by evidence"
)
DOCUMENT_COLUMNS = columns(
    "id published:date language title outlet author url duplicate_of duplicate_kind "
    "similarity:float source_path encoding ingested_at extracted:bool extract_error"
)


def _point(lon: float | None, lat: float | None) -> Geometry:
    if lon is None or lat is None:
        return None
    return {"type": "Point", "coordinates": [lon, lat]}


def mentions_table(engine: Engine, f: Filters) -> Table:
    def rows() -> Iterator[tuple[Row, Geometry]]:
        for page in mention_pages(engine, f):
            for mention in page:
                record = mention["record"]
                points = [[p["lon"], p["lat"]] for p in record["places"]]
                shape = {"type": "MultiPoint", "coordinates": points} if points else None
                yield mention_row(mention), shape

    return Table("mentions", MENTION_COLUMNS, rows())


def mention_row(mention: dict[str, Any]) -> Row:
    record = mention["record"]
    excluded = record.get("excluded") or {}
    return {
        "key": mention["key"],
        "document_id": mention["document_id"],
        "index": mention["index"],
        "published": mention.get("published"),
        "country": mention.get("theatre") or None,
        "arrangement_id": mention.get("arrangement_id"),
        "type": record["type"],
        "term": record["term"],
        "status": record["status"],
        "start": record.get("start"),
        "end": record.get("end"),
        "characterized_by": names(record.get("characterized_by")),
        "parties": names(record.get("parties")),
        "sponsors": names(record.get("sponsors")),
        "mediators": names(record.get("mediators")),
        "places": place_names(record.get("places")),
        "place_geonameids": place_ids(record.get("places")),
        "venues": place_names(record.get("venues")),
        "excluded_places": place_names(excluded.get("places")),
        "excluded_actors": names(excluded.get("actors")),
        "evidence": record["evidence"]["text"],
    }


def violations_table(engine: Engine, f: Filters) -> Table:
    def rows() -> Iterator[tuple[Row, Geometry]]:
        for page in violation_pages(engine, f):
            for v in page:
                yield violation_row(v), _point(v.get("lon"), v.get("lat"))

    return Table("violations", VIOLATION_COLUMNS, rows())


def violation_row(v: dict[str, Any]) -> Row:
    actor = v.get("attributed_to")
    return {
        "arrangement_id": v["arrangement_id"],
        "event_id": v["event_id"],
        "date": v.get("date"),
        "score": v["score"],
        "reasons": "; ".join(f"{r['reason']} {r['weight']}" for r in v.get("reasons", [])) or None,
        "attributed_to": actor["canonical"] if actor else None,
        "latitude": v.get("lat"),
        "longitude": v.get("lon"),
        "evidence": (v.get("evidence") or {}).get("text"),
    }


def displacement_table(engine: Engine, f: Filters) -> Table:
    def rows() -> Iterator[tuple[Row, Geometry]]:
        for page in document_pages(engine, f, with_records=True):
            for doc in page:
                found = (doc.get("records") or {}).get("displacement", [])
                for index, record in enumerate(found):
                    origin = record.get("origin") or {}
                    yield (
                        displacement_row(doc, index, record),
                        _point(origin.get("lon"), origin.get("lat")),
                    )

    return Table("displacement", DISPLACEMENT_COLUMNS, rows())


def displacement_row(doc: dict[str, Any], index: int, record: dict[str, Any]) -> Row:
    origin = record.get("origin") or {}
    destination = record.get("destination") or {}
    reporter = record.get("reported_by")
    return {
        "document_id": doc["id"],
        "index": index,
        "published": doc.get("published"),
        "count": record.get("count"),
        "conditional": bool(record.get("conditional")),
        "origin": origin.get("canonical"),
        "origin_country": origin.get("country"),
        "origin_geonameid": origin.get("geonameid"),
        "destination": destination.get("canonical"),
        "destination_country": destination.get("country"),
        "destination_geonameid": destination.get("geonameid"),
        "reported_by": reporter["canonical"] if reporter else None,
        "evidence": record["evidence"]["text"],
    }


def documents_table(engine: Engine, f: Filters) -> Table:
    def rows() -> Iterator[tuple[Row, Geometry]]:
        for page in document_pages(engine, f):
            for doc in page:
                yield document_row(doc), None

    return Table("documents", DOCUMENT_COLUMNS, rows())


def document_row(doc: dict[str, Any]) -> Row:
    stamp = doc.get("ingested_at")
    return {
        **{c.name: doc.get(c.name) for c in DOCUMENT_COLUMNS},
        "ingested_at": stamp.isoformat() if stamp is not None else None,
        "extracted": doc.get("extracted_with") is not None and not doc.get("extract_error"),
    }
