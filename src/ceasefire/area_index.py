"""Arrangements indexed by the places of their areas, so that violation matching tests an
event only against the arrangements whose area may hold it, not against every arrangement
watched on its day.

`monitor.candidate` places an event in an arrangement's area when it lies within the radius
of one of its places (a town, by distance), or in the region of one when either is a
region, or in the country of a nationwide one. The index files each place of each area where
those rules find it: by grid cell (`geo_grid.Grid`, one grid per radius), by region, by
country; `near` looks in the cells, the region and the country an event's place allows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ceasefire.geo import region_of
from ceasefire.geo_grid import Grid
from ceasefire.monitor import radius_km

_COARSE = frozenset({"admin1", "country"})  # event places not measured by distance


class Areas:
    """Arrangement rows (each with its `record`) by the places of their areas."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows = list(rows)
        self._national: dict[Any, list[int]] = {}  # country of a nationwide place
        self._regions: dict[tuple[str, str], list[int]] = {}  # region of any other place
        self._admin1: dict[tuple[str, str], list[int]] = {}  # region of a region-level place
        self._grids: dict[float, tuple[Grid, dict[tuple[int, int], list[int]]]] = {}
        for number, row in enumerate(self.rows):
            for place in row["record"]["places"]:
                self._file(number, place)

    def _file(self, number: int, place: dict[str, Any]) -> None:
        if place["kind"] == "country":
            self._national.setdefault(place["country"], []).append(number)
            return
        region = region_of(place)
        self._regions.setdefault(region, []).append(number)
        if place["kind"] == "admin1":
            self._admin1.setdefault(region, []).append(number)
        radius = radius_km(place["kind"])
        grid, cells = self._grids.setdefault(radius, (Grid(radius), {}))
        cells.setdefault(grid.cell(place["lat"], place["lon"]), []).append(number)

    def near(self, place: dict[str, Any]) -> list[dict[str, Any]]:
        """The rows whose area may hold an event at `place`, in the order they were given."""
        numbers = set(self._national.get(place.get("country"), ()))
        kind = place["kind"]
        if kind != "country":
            regions = self._regions if kind == "admin1" else self._admin1
            numbers.update(regions.get(region_of(place), ()))
        if kind not in _COARSE:
            for grid, cells in self._grids.values():
                for cell in grid.around(place["lat"], place["lon"]):
                    numbers.update(cells.get(cell, ()))
        return [self.rows[number] for number in sorted(numbers)]
