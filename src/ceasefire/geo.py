"""Distances and areas on the globe, for places given as SCHEMA.md Place dicts."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from ceasefire import knowledge

EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, a)))


def place_km(a: dict[str, Any], b: dict[str, Any]) -> float:
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


def region_of(place: dict[str, Any]) -> tuple[str, str]:
    """(country, first-level region) of a place; a region is its own region."""
    if place["kind"] == "admin1":
        return (place["country"] or "", place["canonical"])
    return (place["country"] or "", place.get("admin1") or place["canonical"])


def circle(lat: float, lon: float, radius_km: float, vertices: int = 32) -> list[list[float]]:
    """A closed ring of [lon, lat] points around a centre, for a GeoJSON Polygon."""
    ring = []
    for step in range(vertices):
        bearing = 2 * math.pi * step / vertices
        dlat = radius_km / EARTH_KM * math.cos(bearing)
        dlon = radius_km / EARTH_KM * math.sin(bearing) / max(math.cos(math.radians(lat)), 1e-6)
        ring.append([round(lon + math.degrees(dlon), 5), round(lat + math.degrees(dlat), 5)])
    ring.append(ring[0])
    return ring


@cache
def country_boxes() -> dict[str, tuple[float, float, float, float]]:
    """(min lon, min lat, max lon, max lat) of each country's gazetteer places: the region a
    nationwide arrangement covers, without shipping border polygons to the resolver."""
    boxes: dict[str, list[float]] = {}
    for row in knowledge.load_table("gazetteer"):
        lat, lon = float(row["lat"]), float(row["lon"])
        box = boxes.setdefault(row["country"], [lon, lat, lon, lat])
        box[0], box[1] = min(box[0], lon), min(box[1], lat)
        box[2], box[3] = max(box[2], lon), max(box[3], lat)
    return {country: (b[0], b[1], b[2], b[3]) for country, b in boxes.items()}


def area(places: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The GeoJSON geometry an arrangement covers: its country's box when nationwide, else a
    circle around each place, sized by the kind of place (knowledge/resolution.yaml)."""
    rules = knowledge.load("resolution")["area"]
    polygons = []
    for place in places:
        if place["kind"] == "country":
            box = country_boxes().get(place.get("country") or "")
            if box is None:
                continue
            w, s, e, n = box
            polygons.append([[[w, s], [e, s], [e, n], [w, n], [w, s]]])
        else:
            radius = rules["radius_km"].get(place["kind"], rules["radius_km"]["city"])
            polygons.append([circle(place["lat"], place["lon"], radius, rules["circle_vertices"])])
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def bounds(geometry: dict[str, Any] | None) -> tuple[float | None, ...]:
    """(west, south, east, north) of a Polygon or MultiPolygon that `area` made, or Nones."""
    if not geometry:
        return (None, None, None, None)
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    points = [point for polygon in polygons for ring in polygon for point in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (min(lons), min(lats), max(lons), max(lats))
