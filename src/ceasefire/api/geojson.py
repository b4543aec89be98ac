"""Listings as GeoJSON FeatureCollections: one Feature per record, its record as properties."""

from __future__ import annotations

from typing import Any


def _collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


def arrangements_geojson(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Each arrangement as its area."""
    return _collection(
        [
            {
                "type": "Feature",
                "id": a["id"],
                "geometry": a.get("area"),
                "properties": {k: v for k, v in a.items() if k not in ("id", "area")},
            }
            for a in items
        ]
    )


def places_geojson(items: list[dict[str, Any]]) -> dict[str, Any]:
    return _collection(
        [
            {
                "type": "Feature",
                "geometry": _point(p["lon"], p["lat"]),
                "properties": {k: v for k, v in p.items() if k not in ("lat", "lon")},
            }
            for p in items
        ]
    )


def violations_geojson(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Each violation candidate at its event's place."""
    return _collection(
        [
            {
                "type": "Feature",
                "geometry": _point(*v["point"]) if v.get("point") else None,
                "properties": {k: val for k, val in v.items() if k != "point"},
            }
            for v in items
        ]
    )
