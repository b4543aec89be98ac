"""Events in ACLED's columns and display values, then the project's own columns.

The mappings are `knowledge/acled_export.yaml` (docs/exports.md shows them). An events CSV
reads back through `ceasefire eval events` as ACLED rows: the types are ACLED's display
values, `notes` is the evidence sentence, `country` the gazetteer's name of the country.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any

from sqlalchemy import Engine

from ceasefire import knowledge
from ceasefire.export import countries
from ceasefire.export.table import Geometry, Row, Table, columns, joined
from ceasefire.store.queries import Filters
from ceasefire.store.streams import document_facts, event_pages, violation_links

ACLED_COLUMNS = columns(
    "event_id_cnty event_date:date year:int time_precision:int event_type sub_event_type "
    "actor1 assoc_actor_1 inter1:int actor2 assoc_actor_2 inter2:int interaction:int "
    "country iso:int admin1 admin2 location latitude:float longitude:float geo_precision:int "
    "source source_scale notes fatalities:int"
)
OWN_COLUMNS = columns(
    "id type subtype plover actor1_agent actor1_code actor2_agent actor2_code place_kind "
    "geonameid:int fatalities_low:int fatalities_high:int reports:int document_ids "
    "evidence_document violation_candidates:int arrangement_ids corrected"
)


@cache
def mapping() -> dict[str, Any]:
    return knowledge.load("acled_export")


def events_table(engine: Engine, f: Filters) -> Table:
    links: dict[str, list[str]] = defaultdict(list)
    for arrangement_id, event_id in violation_links(engine):
        links[event_id].append(arrangement_id)
    return Table("events", ACLED_COLUMNS + OWN_COLUMNS, _rows(engine, f, links))


def _rows(
    engine: Engine, f: Filters, links: dict[str, list[str]]
) -> Iterator[tuple[Row, Geometry]]:
    for page in event_pages(engine, f):
        facts = document_facts(engine, (s["document_id"] for e in page for s in e["sources"]))
        for record in page:
            yield event_row(record, facts, sorted(links.get(record["id"], []))), _point(record)


def _point(record: dict[str, Any]) -> Geometry:
    place = record.get("place")
    if not place:
        return None
    return {"type": "Point", "coordinates": [place["lon"], place["lat"]]}


def event_row(
    record: dict[str, Any], facts: dict[str, dict[str, Any]], arrangement_ids: list[str]
) -> Row:
    """One event as one row: ACLED's columns, then the project's."""
    place = record.get("place") or {}
    sources = record["sources"]
    documents = [s["document_id"] for s in sources]
    day, precision = _date(record, documents, facts)
    inter1, inter2 = _inter(record, "actor1"), _inter(record, "actor2")
    country = place.get("country")
    toll = record.get("fatalities")
    row: Row = {
        "event_id_cnty": f"{countries.alpha3(country) or 'XXX'}-{record['id']}",
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": precision,
        "event_type": mapping()["event_types"][record["type"]],
        "sub_event_type": mapping()["sub_event_types"].get(record.get("subtype") or "", ""),
        "actor1": _name(record.get("actor1")),
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": _name(record.get("actor2")),
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "country": countries.name(country),
        "iso": countries.numeric(country),
        "admin1": place.get("admin1"),
        "admin2": None,
        "location": place.get("canonical"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": mapping()["geo_precision"].get(place.get("kind")) if place else None,
        "source": joined(facts.get(d, {}).get("outlet") for d in documents),
        "source_scale": None,
        "notes": record["evidence"]["text"],
        "fatalities": toll or 0,
    }
    return row | _own(record, place, documents, arrangement_ids)


def _own(
    record: dict[str, Any], place: dict[str, Any], documents: list[str], arrangement_ids: list[str]
) -> Row:
    actor1, actor2 = record.get("actor1") or {}, record.get("actor2") or {}
    return {
        "id": record["id"],
        "type": record["type"],
        "subtype": record.get("subtype"),
        "plover": record.get("plover"),
        "actor1_agent": actor1.get("agent"),
        "actor1_code": actor1.get("code"),
        "actor2_agent": actor2.get("agent"),
        "actor2_code": actor2.get("code"),
        "place_kind": place.get("kind"),
        "geonameid": place.get("geonameid"),
        "fatalities_low": record.get("fatalities_low"),
        "fatalities_high": record.get("fatalities_high"),
        "reports": len(documents),
        "document_ids": joined(documents),
        "evidence_document": documents[0] if documents else None,
        "violation_candidates": len(arrangement_ids),
        "arrangement_ids": joined(arrangement_ids),
        "corrected": joined(record.get("corrected") or []),
    }


def _name(actor: dict[str, Any] | None) -> str | None:
    return actor["canonical"] if actor else None


def _date(
    record: dict[str, Any], documents: list[str], facts: dict[str, dict[str, Any]]
) -> tuple[str | None, int | None]:
    """The event's own date (precision 1), else its first report's publication date."""
    precision = mapping()["time_precision"]
    if record.get("date"):
        return record["date"], precision["dated"]
    published = sorted(p for d in documents if (p := facts.get(d, {}).get("published")))
    return (published[0], precision["publication_date"]) if published else (None, None)


def _inter(record: dict[str, Any], slot: str) -> int | None:
    """ACLED's actor category: by the event type for protesters and rioters, external
    forces for a state acting abroad, else by agent type."""
    actor = record.get(slot)
    table = mapping()
    if slot == "actor1" and record["type"] in table["inter_by_event_type"]:
        return table["inter_by_event_type"][record["type"]]
    if actor is None:
        return None
    code = table["inter_by_agent"].get(actor.get("agent"))
    place_country = (record.get("place") or {}).get("country")
    home = countries.alpha2_of(actor.get("country"))
    if code == 1 and home and place_country and home != place_country:
        return table["external"]
    return code


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, the smaller first (17); one actor's
    code times ten (10) when only one is known."""
    known = sorted(i for i in (inter1, inter2) if i)
    if not known:
        return None
    return known[0] * 10 + (known[1] if len(known) > 1 else 0)
