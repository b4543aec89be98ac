"""Event reports indexed by type, day and place, so that linking compares a report only with
the few that may be the same event, however many reports one day brings.

`event_links.same_event` places two reports together when both are towns within
`max_km_apart` of each other, or both countries and the same one, or else (one gives only a
region) when they lie in the same first-level region. The index files each report where
those rules can find it: a town in its grid cell (`geo_grid.Grid`), a region-level report by
its region, a country-level one by its country; a lookup visits only the days within
`max_days_apart` and the cells, regions or country the rules allow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from ceasefire import knowledge
from ceasefire.geo import region_of
from ceasefire.geo_grid import Grid

if TYPE_CHECKING:
    from ceasefire.event_links import Report

PRECISE = frozenset({"landmark", "locality", "city"})  # kinds of place compared by distance

Key = tuple[Any, ...]


@cache
def _rules() -> dict[str, Any]:
    return knowledge.load("resolution")["events"]


class Neighbours:
    """Reports filed by type, day and place; `candidates` gives those the rules may place
    with a report, `of` those among them that `match` it."""

    def __init__(self, reports: Iterable[Report]) -> None:
        rules = _rules()
        self.days = range(-rules["max_days_apart"], rules["max_days_apart"] + 1)
        self.grid = Grid(rules["max_km_apart"])
        self.compared = 0  # candidates given out, which callers test: for tests
        self._towns: dict[Key, list[Report]] = {}  # (type, day, cell): precise places
        self._regional: dict[Key, list[Report]] = {}  # (type, day, region): imprecise ones
        self._in_region: dict[Key, list[Report]] = {}  # (type, day, region): all but countries
        self._national: dict[Key, list[Report]] = {}  # (type, day, country): countries
        for report in reports:
            for table, key in self._filed(report):
                table.setdefault(key, []).append(report)

    def _filed(self, report: Report) -> list[tuple[dict[Key, list[Report]], Key]]:
        """Where a report is filed: nowhere without a date and a place."""
        place = report.place
        if not report.date or not place:
            return []
        day = date.fromisoformat(report.date).toordinal()
        if place["kind"] == "country":
            return [(self._national, (report.type, day, place["country"]))]
        region = (report.type, day, *region_of(place))
        filed = [(self._in_region, region)]
        if place["kind"] in PRECISE:
            cell = self.grid.cell(place["lat"], place["lon"])
            filed.append((self._towns, (report.type, day, *cell)))
        else:
            filed.append((self._regional, region))
        return filed

    def candidates(self, report: Report) -> Iterator[Report]:
        """Every filed report the rules may place with `report` (the report itself too)."""
        for bucket in self.buckets(report):
            self.compared += len(bucket)
            yield from bucket

    def buckets(self, report: Report) -> list[list[Report]]:
        """The lists of filed reports that hold the candidates of `report`: each report filed
        lies in one of them at most, and the lists are the index's own (the same list for
        every report that looks it up), so a caller may note what it learnt of one."""
        place = report.place
        if not report.date or not place:
            return []
        day = date.fromisoformat(report.date).toordinal()
        kind = report.type
        if place["kind"] == "country":
            keys = [(kind, day + step, place["country"]) for step in self.days]
            return self._found(self._national, keys)
        country, region = region_of(place)
        regional = [(kind, day + step, country, region) for step in self.days]
        if place["kind"] not in PRECISE:
            return self._found(self._in_region, regional)
        cells = self.grid.around(place["lat"], place["lon"])
        towns = [(kind, day + step, x, y) for step in self.days for x, y in cells]
        return self._found(self._regional, regional) + self._found(self._towns, towns)

    @staticmethod
    def _found(table: dict[Key, list[Report]], keys: list[Key]) -> list[list[Report]]:
        return [table[key] for key in keys if key in table]

    def of(self, report: Report, match: Callable[[Report, Report], bool]) -> list[Report]:
        """Filed reports that `match` `report` (possibly itself)."""
        return [other for other in self.candidates(report) if match(report, other)]
