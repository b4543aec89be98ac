"""A grid over the globe for finding what lies within some km of a point by looking in a few
cells, not by measuring the distance to everything.

Cells are latitude bands as tall as the radius, split into longitude columns at least as
wide. Two points within the radius lie at most one band apart (the great-circle distance is
never shorter than the distance along the meridian), and at most as many columns apart as the
haversine formula allows at the higher of their two latitudes; `around` returns those cells,
so that no point within the radius is missed anywhere on the globe, across the 180th
meridian and near the poles included.
"""

from __future__ import annotations

import math

from ceasefire.geo import EARTH_KM

KM_PER_DEGREE = EARTH_KM * math.pi / 180  # along a meridian
_SLACK = 1 + 1e-6  # floating-point rounding of the distances compared with the radius


class Grid:
    """Cells for points compared with `radius_km`: `cell` files a point, `around` lists the
    cells that hold every point within the radius of another."""

    def __init__(self, radius_km: float) -> None:
        self.radius_km = radius_km
        self.band = max(radius_km * _SLACK / KM_PER_DEGREE, 1e-9)
        self.columns = max(1, math.floor(360 / self.band))
        self.width = 360 / self.columns  # at least as wide as a band is tall

    def cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.band), self._column(lon)

    def _column(self, lon: float) -> int:
        return math.floor(((lon + 180) % 360) / self.width) % self.columns

    def around(self, lat: float, lon: float) -> list[tuple[int, int]]:
        """The cells that hold every point within the radius of (lat, lon)."""
        band, column = self.cell(lat, lon)
        reach = self._column_reach(lat)
        if reach is None or 2 * reach + 1 >= self.columns:
            columns: list[int] | range = range(self.columns)
        else:
            columns = [(column + step) % self.columns for step in range(-reach, reach + 1)]
        return [(band + step, c) for step in (-1, 0, 1) for c in columns]

    def _column_reach(self, lat: float) -> int | None:
        """How many columns away a point within the radius may lie; None: any column.

        Between two points, sin²(d/2R) = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2), and both
        latitudes are at most one band from `lat`, so sin(Δλ/2) <= sin(d/2R) / cos φmax.
        """
        highest = abs(lat) + self.band
        if highest >= 90:
            return None
        bound = math.sin(self.radius_km * _SLACK / (2 * EARTH_KM)) / math.cos(math.radians(highest))
        if bound >= 1:
            return None
        degrees = math.degrees(2 * math.asin(bound))
        return math.floor(degrees / self.width) + 1
