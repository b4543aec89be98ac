"""The places of the extended gazetteer (`ceasefire.gazetteer`), as the lexicon holds them.

They are not matched by the automaton: a village's name is often a common word or a person's
name. They are looked up by skeleton, like the towns of the shipped gazetteer, where a text
places a capitalized name near an act in a region it names (`places.find_spelled_places`).
Each keeps the region of the shipped gazetteer it lies in, found by the region's GeoNames id
where the table links it, else by the region's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ceasefire.extract.normalize import normalize_term
from ceasefire.gazetteer import PlaceRow, installed_rows

# Kinds of rows that are regions or countries (the shipped gazetteer has them all) or that are
# not settlements (an airport's names are its town's): left out.
_NOT_VILLAGES = frozenset(
    {"A.ADM1", "A.ADM1H", "A.PCLI", "A.PCLD", "A.PCLS", "A.PCLF", "A.PCL", "A.PCLIX"}
    | {"region", "country", "campus", "macroregion", "dependency", "empire", "continent"}
)


class Region(NamedTuple):
    geonameid: int
    name: str
    country: str


class Village(NamedTuple):
    """A place of the extended gazetteer: its record's fields, and its names."""

    key: int
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    names: list[str]


def villages(known: set[int], regions: Iterable[Region]) -> list[Village]:
    """The installed places that the shipped gazetteer does not hold (by GeoNames id), each
    with the name of its region among `regions` (the shipped first-level divisions)."""
    regions = list(regions)
    by_id = {r.geonameid: r.name for r in regions}
    by_name = {(r.country, normalize_term(r.name)): r.name for r in regions}
    found = []
    seen: set[int] = set()
    for row in installed_rows():
        key = row.geonameid or row.id
        if row.feature in _NOT_VILLAGES or key in known or key in seen:
            continue
        seen.add(key)
        found.append(
            Village(
                key=key,
                name=row.name,
                country=row.country,
                admin1=_region(row, by_id, by_name),
                lat=row.lat,
                lon=row.lon,
                population=row.population,
                names=row.names,
            )
        )
    return found


def _region(
    row: PlaceRow, by_id: dict[int, str], by_name: dict[tuple[str, str], str]
) -> str | None:
    if row.admin1_id is not None and row.admin1_id in by_id:
        return by_id[row.admin1_id]
    if row.admin1:
        return by_name.get((row.country, normalize_term(row.admin1)))
    return None
