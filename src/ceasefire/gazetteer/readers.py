"""Reading place tables a user downloads: GeoNames dumps and header tables (OCHA, Who's On
First), into one row shape.

A GeoNames dump (`LB.txt`, `LB.zip`, `allCountries.zip`) has 19 columns and no header
(https://download.geonames.org/export/dump/readme.txt); its first-level divisions (feature code
ADM1) name the regions of its places, and `admin1CodesASCII.txt`, given beside it, names them
for countries whose divisions the dump leaves out. Any other table has a header line, its
columns recognized by common names (`COLUMN_NAMES`) or mapped by the user.
"""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# The fields of a row, and the header names that tables commonly give them (lowercased).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "wof_id", "geonameid", "geoname_id", "pcode", "admin3pcode", "admin4pcode"),
    "geonameid": ("gn_id", "geonames_id"),
    "admin1_ref": ("region_id", "admin1_id", "admin1pcode"),
    "name": ("name", "name_en", "featurename", "admin4name_en", "admin3name_en", "label"),
    "names": ("names", "alternatenames", "alternate_names", "alt_names", "name_ar"),
    "lat": ("lat", "latitude", "y"),
    "lon": ("lon", "lng", "long", "longitude", "x"),
    "country": ("country", "country_code", "countrycode", "iso2", "iso", "cc"),
    "admin1": ("admin1", "region", "admin1name_en", "governorate", "province", "state"),
    "admin2": ("admin2", "county", "admin2name_en", "district"),
    "population": ("population", "pop"),
    "feature": ("feature", "placetype", "feature_code", "type"),
}
REQUIRED = ("name", "lat", "lon", "country")
_NAME_SEPARATORS = ("|", ";", ",")


class GazetteerError(ValueError):
    """A file that cannot be read as a place table; the message names the file and why."""


@dataclass
class PlaceRow:
    """One place of a user's table, in the shape the extended gazetteer stores."""

    id: int
    name: str
    names: list[str]
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2, upper case
    admin1: str | None = None  # the first-level division's name
    admin1_id: int | None = None  # its GeoNames id, where the table gives one
    admin2: str | None = None
    population: int = 0
    feature: str = ""
    geonameid: int | None = None  # the place's GeoNames id (a dump's id; a table's gn_id)


Skip = Callable[[str], object]  # told why a line was left out


def read_places(
    paths: list[Path],
    columns: dict[str, str] | None = None,
    countries: frozenset[str] | None = None,
    on_skip: Skip | None = None,
) -> Iterator[PlaceRow]:
    """The places of the files at `paths`: GeoNames dumps (a GeoNames `admin1CodesASCII.txt`
    among them names their regions) or header tables; only those of `countries` (ISO
    alpha-2) when given. A file that is not a place table raises GazetteerError; a line of
    one that cannot be read (no name, no coordinates) is left out and `on_skip` told why."""
    skip = on_skip or (lambda reason: None)
    codes = [p for p in paths if p.name.lower().startswith("admin1codes")]
    admin1 = _admin1_codes(codes[0]) if codes else {}
    for path in paths:
        if path in codes:
            continue
        if not path.exists():
            raise GazetteerError(f"{path}: no such file")
        if _is_geonames_dump(path):
            yield from _geonames(path, admin1, countries, skip)
        else:
            yield from _table(path, columns or {}, countries, skip)


# --- GeoNames dumps ---------------------------------------------------------------------

_GEONAMES_COLUMNS = 19
_ADMIN1_FEATURE = "ADM1"
# feature classes kept: populated places (P) and administrative divisions (A)
_GEONAMES_CLASSES = frozenset("PA")


def _is_geonames_dump(path: Path) -> bool:
    """A zip of GeoNames, or a text file whose first line has 19 tab-separated fields and a
    numeric first one (no header)."""
    if path.suffix.lower() == ".zip":
        return True
    with _open_text(path) as handle:
        first = handle.readline().rstrip("\n").split("\t")
    return len(first) == _GEONAMES_COLUMNS and first[0].isdigit()


def _geonames(
    path: Path, admin1: dict[str, tuple[str, int]], countries: frozenset[str] | None, skip: Skip
) -> Iterator[PlaceRow]:
    """The populated places and divisions of a GeoNames dump, each with its region's name:
    from `admin1` (admin1CodesASCII), else from the dump's own ADM1 rows, read in a first
    pass."""
    regions = dict(admin1)
    with _open_dump(path) as handle:
        for fields in _dump_rows(path, handle, lambda reason: None):
            if fields[7] == _ADMIN1_FEATURE:
                regions.setdefault(f"{fields[8]}.{fields[10]}", (fields[1], int(fields[0])))
    with _open_dump(path) as handle:
        for fields in _dump_rows(path, handle, skip):
            country = fields[8].upper()
            if fields[6] not in _GEONAMES_CLASSES or (countries and country not in countries):
                continue
            region = regions.get(f"{fields[8]}.{fields[10]}")
            try:
                lat, lon = float(fields[4]), float(fields[5])
            except ValueError:
                skip(f"{path}: geonameid {fields[0]} has no coordinates")
                continue
            yield PlaceRow(
                id=int(fields[0]),
                name=fields[1],
                names=_distinct([fields[1], fields[2], *fields[3].split(",")]),
                lat=lat,
                lon=lon,
                country=country,
                admin1=region[0] if region else None,
                admin1_id=region[1] if region else None,
                population=_population(fields[14]),
                feature=f"{fields[6]}.{fields[7]}",
                geonameid=int(fields[0]),
            )


def _dump_rows(path: Path, handle: io.TextIOBase, skip: Skip) -> Iterator[list[str]]:
    for number, line in enumerate(handle, start=1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != _GEONAMES_COLUMNS:
            skip(
                f"{path}: line {number} has {len(fields)} fields, not the {_GEONAMES_COLUMNS} "
                "of a GeoNames dump"
            )
        elif not fields[0].isdigit():
            skip(f"{path}: line {number} does not begin with a geonameid")
        else:
            yield fields


def _admin1_codes(path: Path) -> dict[str, tuple[str, int]]:
    """GeoNames admin1CodesASCII.txt: "LB.04" -> (its name, its geonameid)."""
    codes = {}
    with _open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 4 or not fields[3].isdigit():
                raise GazetteerError(f"{path}: line {number} is not code, name, ascii name, id")
            codes[fields[0]] = (fields[1], int(fields[3]))
    return codes


# --- header tables ----------------------------------------------------------------------


def _table(
    path: Path, mapping: dict[str, str], countries: frozenset[str] | None, skip: Skip
) -> list[PlaceRow]:
    """The rows of a header table, each row's region given the GeoNames id of the region's
    own row where the table links them (Who's On First `region_id`)."""
    rows: list[PlaceRow] = []
    refs: list[str] = []
    with _open_text(path) as handle:
        first = handle.readline()
        delimiter = "\t" if "\t" in first else ","
        header = next(csv.reader([first], delimiter=delimiter))
        fields = _columns(path, header, mapping)
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        reader = csv.reader(handle, delimiter=delimiter, quoting=quoting)
        raw_ids: dict[str, int | None] = {}
        for number, values in enumerate(reader, start=2):
            if not values:
                continue
            try:
                row, raw_id, ref = _table_row(path, number, values, fields)
            except GazetteerError as exc:
                skip(str(exc))
                continue
            raw_ids[raw_id] = row.geonameid
            if countries and row.country not in countries:
                continue
            rows.append(row)
            refs.append(ref)
    for row, ref in zip(rows, refs, strict=True):
        row.admin1_id = raw_ids.get(ref) if ref else None
    return rows


def _columns(path: Path, header: list[str], mapping: dict[str, str]) -> dict[str, int]:
    """Where each field stands in `header`: as `mapping` says (field -> column name), else
    by the common names of `COLUMN_NAMES`."""
    lowered = [h.strip().lower() for h in header]
    found: dict[str, int] = {}
    for name, column in mapping.items():
        if name not in COLUMN_NAMES:
            raise GazetteerError(
                f"--columns names {name!r}, not a field: use {', '.join(COLUMN_NAMES)}"
            )
        if column.lower() not in lowered:
            raise GazetteerError(f"{path}: no column {column!r} (mapped to {name})")
        found[name] = lowered.index(column.lower())
    for name, candidates in COLUMN_NAMES.items():
        if name not in found:
            index = next((lowered.index(c) for c in candidates if c in lowered), None)
            if index is not None:
                found[name] = index
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise GazetteerError(
            f"{path}: no column for {', '.join(missing)} among {', '.join(header)}; map them "
            "with --columns, e.g. --columns name=NAME,lat=Y,lon=X,country=ISO"
        )
    return found


def _table_row(
    path: Path, number: int, values: list[str], fields: dict[str, int]
) -> tuple[PlaceRow, str, str]:
    """The row, its id as written, and the id of its region's row as written."""

    def get(name: str) -> str:
        index = fields.get(name)
        return values[index].strip() if index is not None and index < len(values) else ""

    try:
        lat, lon = float(get("lat")), float(get("lon"))
    except ValueError:
        raise GazetteerError(
            f"{path}: line {number}: latitude {get('lat')!r} or longitude {get('lon')!r} is "
            "not a number"
        ) from None
    name = get("name")
    if not name:
        raise GazetteerError(f"{path}: line {number} has no name")
    raw_id = get("id") or get("geonameid")
    geonameid = get("geonameid") if "id" in fields else raw_id
    row = PlaceRow(
        id=_number(raw_id) if raw_id else _stable_id(name, lat, lon),
        name=name,
        names=_distinct([name, *_split_names(get("names"))]),
        lat=lat,
        lon=lon,
        country=get("country").upper(),
        admin1=get("admin1") or None,
        admin1_id=None,
        admin2=get("admin2") or None,
        population=_population(get("population")),
        feature=get("feature"),
        geonameid=int(geonameid) if geonameid.isdigit() else None,
    )
    return row, raw_id, get("admin1_ref")


def _population(value: str) -> int:
    """A count of people; a blank or unreadable one is none known."""
    try:
        return max(0, int(float(value or 0)))
    except ValueError:
        return 0


def _split_names(value: str) -> list[str]:
    for separator in _NAME_SEPARATORS:
        if separator in value:
            return [n.strip() for n in value.split(separator)]
    return [value.strip()] if value.strip() else []


def _number(value: str) -> int:
    """A numeric id as it stands; any other (an OCHA P-code, "SY020000") as a stable number."""
    return int(value) if value.isdigit() else _stable_id(value, 0.0, 0.0)


def _stable_id(*parts: object) -> int:
    """A number made from the parts, the same in every run (not Python's salted `hash`),
    negative so that it never collides with a GeoNames id."""
    import hashlib

    digest = hashlib.sha256("\0".join(map(str, parts)).encode()).digest()
    return -int.from_bytes(digest[:6], "big")


def _distinct(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


# --- files ------------------------------------------------------------------------------


def _open_text(path: Path) -> io.TextIOBase:
    """A text file, gzipped or not, as UTF-8."""
    opener: Callable[..., io.TextIOBase] = gzip.open if path.suffix == ".gz" else open  # type: ignore[assignment]
    try:
        return opener(path, "rt", encoding="utf-8", newline="")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot be read ({exc})") from exc


def _open_dump(path: Path) -> io.TextIOBase:
    """A GeoNames dump: the text file itself, or the .txt inside its zip (`LB.zip` holds
    `LB.txt` and a readme)."""
    if path.suffix.lower() != ".zip":
        return _open_text(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise GazetteerError(f"{path}: not a readable zip file ({exc})") from exc
    members = [n for n in archive.namelist() if n.endswith(".txt") and not n.startswith("readme")]
    if len(members) != 1:
        raise GazetteerError(f"{path}: expected one GeoNames .txt inside, found {members}")
    return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8", newline="")
