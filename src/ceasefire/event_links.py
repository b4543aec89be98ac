"""Reports of one event by several documents, gathered into one resolved event.

Two reports are the same event when they give the same type, dates at most a day apart,
places close together, compatible actors and compatible tolls (`knowledge/resolution.yaml`).
Events are the connected groups of that relation, so the result does not depend on the order
reports arrive in; a resolved event's id is a hash of its first report's key.

Only reports that may be one event are ever compared (`event_index.Neighbours`), and reports
that read alike in everything linking reads (`link_key`: many outlets telling the same
shelling) are compared once, as one class.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from ceasefire import knowledge
from ceasefire.event_index import PRECISE, Key, Neighbours
from ceasefire.geo import place_km, region_of


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
    """Could two reports be of one event? Never two of one document."""
    return a.document_id != b.document_id and alike(a, b)


def alike(a: Report, b: Report) -> bool:
    """Could two reports be of one event, whichever documents they come from?"""
    rules = _rules()
    if a.type != b.type:
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
    if a["kind"] in PRECISE and b["kind"] in PRECISE:
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


def link_key(report: Report) -> Key | None:
    """All that `alike`, `_closeness` and the index read of a report: reports with equal keys
    link alike to every other report. None for a report without a date or a place, which
    links to none."""
    place = report.place
    if not report.date or not place:
        return None
    actor = report.record.get("actor1")
    return (
        report.type,
        report.record.get("subtype"),
        report.date,
        place["kind"],
        place.get("lat"),
        place.get("lon"),
        place.get("country"),
        region_of(place),
        None if actor is None else (actor["canonical"], actor.get("country")),
        report.record.get("fatalities"),
    )


def group(reports: list[Report]) -> list[list[Report]]:
    """Reports gathered into events, each sorted by key.

    Pairs that may be one event are joined closest first (fewest days apart, then fewest km),
    and never so that one event would hold two reports of the same document: a document
    that reports two shellings in a city on one day reports two events. The order of the
    pairs depends only on the reports, so the grouping does not depend on arrival order.

    Where the reports linked together, however indirectly, come from distinct documents,
    no join is ever refused, whatever the order: they are one event, found by linking
    classes of reports alike (`link_key`) instead of every pair of reports. Only linked
    reports that share a document are joined pair by pair in that order (`_joined`).
    """
    ordered = sorted(reports, key=lambda r: r.key)
    label: list[Any] = list(range(len(ordered)))  # the group of each report
    classes = _classes(ordered)
    for number, members in enumerate(_linked_classes(ordered, classes)):
        indexes = sorted(i for c in members for i in classes[c])
        documents = [ordered[i].document_id for i in indexes]
        if len(set(documents)) == len(documents):
            for i in indexes:
                label[i] = ("linked", number)
            continue
        for local, joined in enumerate(_joined([ordered[i] for i in indexes])):
            label[indexes[local]] = ("joined", number, joined)
    groups: dict[Any, list[Report]] = {}
    for i, report in enumerate(ordered):
        groups.setdefault(label[i], []).append(report)
    return list(groups.values())


def _classes(ordered: list[Report]) -> list[list[int]]:
    """Indexes of the reports that link alike, each class in order. A report that links to
    nothing, or not to its like, is a class of its own."""
    by_key: dict[Key, list[int]] = {}
    for i, report in enumerate(ordered):
        key = link_key(report)
        if key is None or not alike(report, report):
            key = ("alone", i)
        by_key.setdefault(key, []).append(i)
    return list(by_key.values())


def _linked_classes(ordered: list[Report], classes: list[list[int]]) -> list[list[int]]:
    """The classes (by number) that link together, however indirectly, in groups."""
    heads = [ordered[members[0]] for members in classes]
    number = {id(head): c for c, head in enumerate(heads)}
    parent = list(range(len(heads)))

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    def join(a: int, b: int) -> None:
        parent[max(a, b)] = min(a, b)

    # A bucket of the index whose classes all link together stays so: it is noted, and a
    # class that meets it again is tested against its classes only until one links.
    settled: dict[int, int] = {}  # id of a bucket -> a class all of its classes link with
    index = Neighbours(heads)
    for c, head in enumerate(heads):
        for bucket in index.buckets(head):
            together = settled.get(id(bucket))
            if together is not None:
                mine, theirs = root(c), root(together)
                if mine != theirs and any(alike(head, other) for other in bucket):
                    join(mine, theirs)
                continue
            for other in bucket:
                a, b = root(c), root(number[id(other)])
                if a != b and alike(head, other):  # only links that join something are tested
                    join(a, b)
            first = number[id(bucket[0])]
            if all(root(number[id(other)]) == root(first) for other in bucket):
                settled[id(bucket)] = first
    linked: dict[int, list[int]] = {}
    for c in range(len(heads)):
        linked.setdefault(root(c), []).append(c)
    return list(linked.values())


def _joined(ordered: list[Report]) -> list[int]:
    """The group of each of `ordered` (sorted by key), joining the pairs that may be one
    event closest first, never two reports of one document into one event."""
    position = {id(report): i for i, report in enumerate(ordered)}
    index = Neighbours(ordered)
    pairs = sorted(
        (_closeness(ordered[i], ordered[j]), i, j)
        for i, report in enumerate(ordered)
        for j in (position[id(other)] for other in index.of(report, same_event))
        if i < j
    )
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
            if len(documents[a]) < len(documents[b]):
                a, b = b, a  # the smaller set joins the larger: each document moves rarely
            parent[b] = a
            documents[a] |= documents[b]
    return [root(i) for i in range(len(ordered))]


def linked_events(stored: Iterable[tuple[Report, str]], reports: Iterable[Report]) -> set[str]:
    """The events of `stored` reports (report, event id) that may be one event with one of
    `reports`: each class of reports alike is looked up once, and each event of a class it
    meets is linked unless all the reports on both sides come from one same document."""
    events: dict[Key, dict[str, set[str]]] = {}  # link key -> event -> its documents there
    heads: dict[Key, Report] = {}
    for report, event in stored:
        key = link_key(report)
        if key is not None:
            heads.setdefault(key, report)
            events.setdefault(key, {}).setdefault(event, set()).add(report.document_id)
    key_of = {id(head): key for key, head in heads.items()}
    asked: dict[Key, tuple[Report, set[str]]] = {}
    for report in reports:
        key = link_key(report)
        if key is not None:
            asked.setdefault(key, (report, set()))[1].add(report.document_id)
    index = Neighbours(heads.values())
    found: set[str] = set()
    done: set[int] = set()  # ids of the index's buckets whose events are all found
    for report, documents in asked.values():
        for bucket in index.buckets(report):
            if id(bucket) in done:
                continue
            for head in bucket:
                held = events[key_of[id(head)]]
                if found.issuperset(held) or not alike(report, head):
                    continue  # only a class that may add an event is tested
                for event, there in held.items():
                    if len(documents) > 1 or len(there) > 1 or there != documents:
                        found.add(event)
            if all(found.issuperset(events[key_of[id(head)]]) for head in bucket):
                done.add(id(bucket))
    return found


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
