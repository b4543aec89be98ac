"""Ceasefire mentions as the resolver sees them: each with the country it is about (its
theatre), the regions it covers, and the date it sorts by.

Places abroad that an article names only as venues ("agreed in Munich", "Washington said")
are not an arrangement's scope; a mention that names no place of its own covers the region
the rest of its document is about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ceasefire.geo import region_of

_LATE = "9990-12-31"  # undated mentions sort after every dated one (with room to add days)
_LOCAL_KINDS = frozenset({"admin1", "city", "locality", "landmark"})

Region = tuple[str, str]


@dataclass(slots=True)
class Mention:
    """One Ceasefire record of one document, placed for resolution."""

    key: str  # "<document_id>#<index>"
    document_id: str
    index: int
    published: str | None
    theatre: str  # ISO alpha-2 country it is about, "" when the text gives none
    sort_date: str
    regions: tuple[Region, ...]  # first-level regions covered; empty when nationwide
    informative: bool  # says more than a passing reference: a status, a place or a date
    inherited: bool  # names no place of its own: its regions are its document's
    record: dict[str, Any]  # the Ceasefire record, its places narrowed to the theatre
    headline: bool = False  # told in the headline the text opens with

    @property
    def type(self) -> str:
        return self.record["type"]

    @property
    def status(self) -> str:
        return self.record["status"]

    @property
    def start(self) -> str | None:
        return self.record.get("start")

    @property
    def date(self) -> str:
        """When it was said: the document's date, else the date it gives."""
        return self.published or self.start or _LATE

    @property
    def nationwide(self) -> bool:
        return not self.regions

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "document_id": self.document_id,
            "index": self.index,
            "published": self.published,
            "theatre": self.theatre,
            "sort_date": self.sort_date,
            "regions": [list(r) for r in self.regions],
            "informative": self.informative,
            "inherited": self.inherited,
            "record": self.record,
            "headline": self.headline,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Mention:
        return cls(
            key=data["key"],
            document_id=data["document_id"],
            index=data["index"],
            published=data["published"],
            theatre=data["theatre"],
            sort_date=data["sort_date"],
            regions=tuple((r[0], r[1]) for r in data["regions"]),
            informative=data["informative"],
            inherited=data["inherited"],
            record=data["record"],
            headline=data.get("headline", False),
        )


def mention_key(document_id: str, index: int) -> str:
    return f"{document_id}#{index}"


def mentions_of(
    document_id: str,
    published: str | None,
    records: dict[str, Any],
    silent: frozenset[str],
    title: str | None = None,
) -> list[Mention]:
    """The document's ceasefire mentions, each placed in its theatre and regions. An undated
    document is taken as said when the latest start it gives, so that its headline and its
    lead, one dated and one not, stay one arrangement."""
    home = _main_country(records.get("places") or [])
    ceasefires = records.get("ceasefires") or []
    published = published or max((c["start"] for c in ceasefires if c.get("start")), default=None)
    home_region = _main_region(ceasefires, home)
    found = []
    for index, record in enumerate(ceasefires):
        theatre = _theatre(record["places"], home)
        scope = [p for p in record["places"] if p.get("country") == theatre]
        regions = sorted({region_of(p) for p in scope if p["kind"] in _LOCAL_KINDS})
        if not scope and home_region and theatre == home:
            regions = [home_region]
        informative = record["status"] not in silent or bool(scope) or bool(record.get("start"))
        found.append(
            Mention(
                key=mention_key(document_id, index),
                document_id=document_id,
                index=index,
                published=published,
                theatre=theatre,
                sort_date=published or record.get("start") or _LATE,
                regions=tuple(regions),
                informative=informative,
                inherited=not scope,
                record={**record, "places": scope},
                headline=_in_headline(record, title or records.get("title")),
            )
        )
    return found


def _in_headline(record: dict[str, Any], title: str | None) -> bool:
    """Is the mention's evidence the headline the text opens with (or a part of it)?"""
    evidence = record.get("evidence") or {}
    title = (title or "").strip()
    return (
        bool(title)
        and evidence.get("start", -1) < len(title)
        and ((evidence.get("text") or "").strip() in title)
    )


def _main_country(places: list[dict[str, Any]]) -> str:
    """The country the document names most, a country's or a region's name counting twice
    a town's (so that "met in Munich" does not outweigh "Syria"); the first named of those
    that tie."""
    counts: Counter[str] = Counter()
    for p in places:
        if p.get("country"):
            counts[p["country"]] += 2 if p["kind"] in ("country", "admin1") else 1
    if not counts:
        return ""
    best = max(counts.values())
    return next(p["country"] for p in places if counts.get(p.get("country") or "") == best)


def _main_region(ceasefires: list[dict[str, Any]], home: str) -> Region | None:
    """The region the document's ceasefire mentions name most, in its main country."""
    counts = Counter(
        region_of(p)
        for record in ceasefires
        for p in record["places"]
        if p.get("country") == home and p["kind"] in _LOCAL_KINDS
    )
    if not counts:
        return None
    return min(counts, key=lambda region: (-counts[region], region))


def _theatre(places: list[dict[str, Any]], home: str) -> str:
    """The document's country, unless the mention names another country or a region of one
    ("In Yemen, the truce collapsed"); a foreign city alone is a venue, not a theatre."""
    if any(p.get("country") == home for p in places):
        return home
    named = [
        p["country"] for p in places if p["kind"] in ("country", "admin1") and p.get("country")
    ]
    return named[0] if named else home
