"""Country codes, names and borders for exports: ISO alpha-2, alpha-3 and numeric codes
(`knowledge/iso_countries.tsv`), the gazetteer's English names (those `ceasefire eval` reads
back), and the dashboard's Natural Earth borders for nationwide arrangements."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ceasefire import knowledge


@cache
def _iso() -> dict[str, dict[str, str]]:
    return {row["alpha2"]: row for row in knowledge.load_table("iso_countries")}


def alpha3(alpha2: str | None) -> str | None:
    row = _iso().get(alpha2 or "")
    return row["alpha3"] if row else None


def numeric(alpha2: str | None) -> int | None:
    """ISO 3166-1 numeric code (Syria 760), as ACLED's `iso` column holds it."""
    row = _iso().get(alpha2 or "")
    return int(row["numeric"]) if row else None


@cache
def _alpha2_by_alpha3() -> dict[str, str]:
    return {row["alpha3"]: code for code, row in _iso().items()}


def alpha2_of(alpha3_code: str | None) -> str | None:
    """An actor's country (alpha-3 in SCHEMA.md) as the alpha-2 code places use."""
    return _alpha2_by_alpha3().get(alpha3_code or "")


@cache
def _names() -> dict[str, str]:
    return {
        row["country"]: row["name"]
        for row in knowledge.load_table("gazetteer")
        if row["kind"] == "country"
    }


def name(alpha2: str | None) -> str | None:
    """The gazetteer's English name of a country ("Syria")."""
    return _names().get(alpha2 or "")


@cache
def _borders() -> dict[str, dict[str, Any]]:
    path = resources.files("ceasefire.web") / "static" / "countries.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {f["properties"]["iso3"]: f["geometry"] for f in data["features"]}


def border(alpha2: str | None) -> dict[str, Any] | None:
    """The country's outline (a MultiPolygon), or None for one the borders file lacks."""
    code = alpha3(alpha2)
    geometry = _borders().get(code) if code else None
    if geometry and geometry["type"] == "Polygon":
        return {"type": "MultiPolygon", "coordinates": [geometry["coordinates"]]}
    return geometry
