"""Reports of one event by several documents, gathered into one resolved event.

Two reports are the same event when they give the same type, dates at most a day apart,
places close together, compatible actors and compatible tolls (`knowledge/resolution.yaml`).
Events are the connected groups of that relation, so the result does not depend on the order
reports arrive in; a resolved event's id is a hash of its first report's key.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from ceasefire import knowledge
from ceasefire.geo import place_km, region_of

_PRECISE = frozenset({"landmark", "locality", "city"})


@dataclass(slots=True)
class Report:
    """One Event record of one document."""

    key: str  # "<document_id>#<index>"
    document_id: str
    index: int
    record: dict[str, Any]

    @property
    def type(self) -> str:
        return self.record["type"]

    @property
    def date(self) -> str | None:
        return self.record.get("date")

    @property
    def place(self) -> dict[str, Any] | None:
        return self.record.get("place")

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "document_id": self.document_id,
            "index": self.index,
            "record": self.record,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        return cls(data["key"], data["document_id"], data["index"], data["record"])


def reports_of(document_id: str, records: dict[str, Any]) -> list[Report]:
    return [
        Report(f"{document_id}#{index}", document_id, index, record)
        for index, record in enumerate(records.get("events") or [])
    ]


def event_id(first_key: str) -> str:
    return "evt-" + hashlib.sha1(first_key.encode()).hexdigest()[:12]


@cache
def _rules() -> dict[str, Any]:
    return knowledge.load("resolution")["events"]


def same_event(a: Report, b: Report) -> bool:
    """Could two reports be of one event?"""
    rules = _rules()
    if a.type != b.type or a.document_id == b.document_id:
        return False
    subtypes = (a.record.get("subtype"), b.record.get("subtype"))
    if None not in subtypes and subtypes[0] != subtypes[1]:
        return False
    if not a.date or not b.date or not a.place or not b.place:
        return False
    days = abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days)
    if days > rules["max_days_apart"] or not _same_place(a.place, b.place, rules["max_km_apart"]):
        return False
    return _same_actors(a.record, b.record) and _same_toll(a.record, b.record, rules)


def _same_place(a: dict[str, Any], b: dict[str, Any], max_km: float) -> bool:
    if a["kind"] in _PRECISE and b["kind"] in _PRECISE:
        return place_km(a, b) <= max_km
    if "country" in (a["kind"], b["kind"]):
        return a["kind"] == b["kind"] and a["country"] == b["country"]
    return region_of(a) == region_of(b)


def _same_actors(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Actors that are named on both sides must agree (by name or by state)."""
    x, y = a.get("actor1"), b.get("actor1")
    if x is None or y is None or x["canonical"] == y["canonical"]:
        return True
    return x.get("country") is not None and x.get("country") == y.get("country")


def _same_toll(a: dict[str, Any], b: dict[str, Any], rules: dict[str, Any]) -> bool:
    x, y = a.get("fatalities"), b.get("fatalities")
    if x is None or y is None:
        return True
    low, high = sorted((x, y))
    return high - low <= rules["toll_slack"] or high <= low * rules["toll_factor"]


def group(reports: list[Report]) -> list[list[Report]]:
    """Reports gathered into events, each sorted by key.

    Pairs that may be one event are joined closest first (fewest days apart, then fewest km),
    and never so that one event would hold two reports of the same document: a document
    that reports two shellings in a city on one day reports two events. The order of the
    pairs depends only on the reports, so the grouping does not depend on arrival order.
    """
    ordered = sorted(reports, key=lambda r: r.key)
    pairs = sorted((_closeness(ordered[i], ordered[j]), i, j) for i, j in _candidate_pairs(ordered))
    parent = list(range(len(ordered)))
    documents = [{r.document_id} for r in ordered]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in pairs:
        a, b = root(i), root(j)
        if a != b and not documents[a] & documents[b]:
            parent[b] = a
            documents[a] |= documents[b]
    groups: dict[int, list[Report]] = {}
    for i, report in enumerate(ordered):
        groups.setdefault(root(i), []).append(report)
    return list(groups.values())


class Neighbours:
    """An index of reports by type, day, and grid cell or region, to find the few that may be
    the same event as a given report without comparing every pair."""

    def __init__(self, reports: list[Report]) -> None:
        rules = _rules()
        self.days = range(-rules["max_days_apart"], rules["max_days_apart"] + 1)
        self.cell_deg = rules["max_km_apart"] / 111.0
        self.cells: dict[tuple[str, int, int, int], list[Report]] = {}
        self.regions: dict[tuple[str, int, str, str], list[Report]] = {}
        for report in reports:
            for key, table in self._keys(report):
                table.setdefault(key, []).append(report)  # type: ignore[attr-defined]

    def _keys(self, report: Report) -> list[tuple[tuple, dict]]:
        place = report.place
        if not report.date or not place:
            return []
        day = date.fromisoformat(report.date).toordinal()
        keys: list[tuple[tuple, dict]] = [((report.type, day, *region_of(place)), self.regions)]
        if place["kind"] in _PRECISE:
            keys.append(((report.type, day, *_cell(place, self.cell_deg)), self.cells))
        return keys

    def of(self, report: Report) -> Iterator[Report]:
        """Indexed reports that are the same event as `report` (possibly itself)."""
        place = report.place
        if not report.date or not place:
            return
        day = date.fromisoformat(report.date).toordinal()
        town = place["kind"] in _PRECISE
        found: dict[str, Report] = {}
        country, region = region_of(place)
        for dd in self.days:
            for other in self.regions.get((report.type, day + dd, country, region), ()):
                if not (town and other.place and other.place["kind"] in _PRECISE):
                    found[other.key] = other  # towns are compared by their cells below
            if town:
                x, y = _cell(place, self.cell_deg)
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        for other in self.cells.get((report.type, day + dd, x + dx, y + dy), ()):
                            found[other.key] = other
        yield from (other for other in found.values() if same_event(report, other))


def _candidate_pairs(ordered: list[Report]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of reports that are the same event."""
    position = {report.key: i for i, report in enumerate(ordered)}
    index = Neighbours(ordered)
    for i, report in enumerate(ordered):
        for other in index.of(report):
            j = position[other.key]
            if i < j:
                yield (i, j)


def _cell(place: dict[str, Any], size: float) -> tuple[int, int]:
    width = size / max(math.cos(math.radians(place["lat"])), 0.1)
    return (math.floor(place["lat"] / size), math.floor(place["lon"] / width))


def _closeness(a: Report, b: Report) -> tuple[int, float]:
    days = abs((date.fromisoformat(a.date or "") - date.fromisoformat(b.date or "")).days)
    return (days, round(place_km(a.place or {}, b.place or {}), 1))


_KIND_RANK = {"landmark": 0, "locality": 1, "city": 2, "admin1": 3, "country": 4}


def build(reports: list[Report]) -> dict[str, Any]:
    """The resolved event of a group: the most specific report's coding, gaps filled from the
    others, the lowest stated toll, and every report as a source."""
    ordered = sorted(reports, key=lambda r: r.key)
    best = min(ordered, key=_specificity)
    record = dict(best.record)
    for field_name in ("subtype", "plover", "actor1", "actor2", "date"):
        if record.get(field_name) is None:
            record[field_name] = next(
                (r.record[field_name] for r in ordered if r.record.get(field_name) is not None),
                None,
            )
    tolls = [r.record["fatalities"] for r in ordered if r.record.get("fatalities") is not None]
    record["fatalities"] = min(tolls) if tolls else None
    record["id"] = event_id(ordered[0].key)
    record["sources"] = [
        {"document_id": r.document_id, "evidence": r.record["evidence"]} for r in ordered
    ]
    return record


def _specificity(report: Report) -> tuple[int, int, int, str]:
    place = report.place
    rank = _KIND_RANK.get(place["kind"], 5) if place else 6
    named = (report.record.get("actor1") is None) + (report.record.get("fatalities") is None)
    return (rank, named, len(report.record["evidence"]["text"]), report.key)
