"""The extended gazetteer in the user's data directory: the place tables the user added, each
kept as one normalized table, and a manifest of them.

    $CEASEFIRE_DATA/gazetteer/          (default: the platform's user data folder)
        manifest.json                   [{name, rows, countries, sources, added}]
        <name>.tsv.gz                   one row per place (`_FIELDS`)

Nothing here downloads or ships data: the user adds files they have (see `download` for
fetching GeoNames dumps on request). Extraction reads the installed places through
`installed_rows`; `version` changes whenever a table is added or removed, so that the
compiled lexicon that holds them is rebuilt.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from ceasefire.gazetteer.readers import GazetteerError, PlaceRow, read_places

_FIELDS = (
    "id geonameid name names lat lon country admin1 admin1_id admin2 population feature"
).split()
_MANIFEST = "manifest.json"
_REASONS_KEPT = 5
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# Scripts whose names the extractor reads (Latin, Arabic, Cyrillic): names of a place in other
# scripts (a Who's On First row holds every language's) are not kept.
_LETTERS_KEPT = r"\u0000-\u024F\u1E00-\u1EFF\u0600-\u06FF\u0750-\u077F\u0400-\u04FF"
_KEPT_SCRIPT = re.compile(rf"^[\W\d{_LETTERS_KEPT}]*$")


@dataclass(frozen=True)
class Installed:
    """One added table: its name, how many places it holds, of which countries, from which
    files, and when it was added."""

    name: str
    rows: int
    countries: list[str]
    sources: list[str]
    added: str
    skipped: int = 0  # lines of the files that could not be read as places
    skip_reasons: tuple[str, ...] = ()  # the first few of them


def data_dir() -> Path:
    """`$CEASEFIRE_DATA`, else the platform's user data folder for ceasefire."""
    root = os.environ.get("CEASEFIRE_DATA")
    if root:
        return Path(root).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("ceasefire", appauthor=False))


def gazetteer_dir() -> Path:
    return data_dir() / "gazetteer"


def add(
    paths: list[Path],
    name: str | None = None,
    columns: dict[str, str] | None = None,
    countries: frozenset[str] | None = None,
    on_row: Callable[[int], object] | None = None,
) -> Installed:
    """Read the place files at `paths` (`readers.read_places`) and install them as one table
    called `name` (default: the first file's name without its extensions), replacing a table
    of that name. Nothing is installed when a file fails: GazetteerError says which and why."""
    name = name or _default_name(paths[0])
    if not _NAME.match(name):
        raise GazetteerError(f"table name {name!r}: use letters, digits, '.', '_' or '-'")
    folder = gazetteer_dir()
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    seen: set[str] = set()
    skipped: list[str] = []
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as raw:
        try:
            with gzip.open(raw, "wt", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
                writer.writerow(_FIELDS)
                for row in read_places(paths, columns, countries, skipped.append):
                    writer.writerow(_stored(row))
                    seen.add(row.country)
                    count += 1
                    if on_row is not None and count % 1000 == 0:
                        on_row(1000)
        except BaseException:
            Path(raw.name).unlink(missing_ok=True)
            raise
    if count == 0:
        Path(raw.name).unlink(missing_ok=True)
        wanted = f" of {', '.join(sorted(countries))}" if countries else ""
        raise GazetteerError(f"{', '.join(map(str, paths))}: no places{wanted} found")
    os.replace(raw.name, folder / f"{name}.tsv.gz")
    table = Installed(
        name=name,
        rows=count,
        countries=sorted(seen),
        sources=[str(p.resolve()) for p in paths],
        added=datetime.now(UTC).isoformat(timespec="seconds"),
        skipped=len(skipped),
        skip_reasons=tuple(skipped[:_REASONS_KEPT]),
    )
    _write_manifest([t for t in installed() if t.name != name] + [table])
    return table


def installed() -> list[Installed]:
    """The tables installed, in the order they were added."""
    path = gazetteer_dir() / _MANIFEST
    if not path.exists():
        return []
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        return [
            Installed(**{**entry, "skip_reasons": tuple(entry.get("skip_reasons", ()))})
            for entry in entries
        ]
    except (ValueError, TypeError) as exc:
        raise GazetteerError(f"{path}: not a gazetteer manifest ({exc}); remove it") from exc


def remove(name: str) -> Installed:
    """Uninstall the table called `name`."""
    tables = installed()
    found = next((t for t in tables if t.name == name), None)
    if found is None:
        known = ", ".join(t.name for t in tables) or "none"
        raise GazetteerError(f"no gazetteer table {name!r} is installed (installed: {known})")
    (gazetteer_dir() / f"{name}.tsv.gz").unlink(missing_ok=True)
    _write_manifest([t for t in tables if t.name != name])
    return found


def version() -> str | None:
    """A digest of the installed tables (None when there are none): a new one whenever a
    table is added or removed."""
    tables = installed()
    if not tables:
        return None
    digest = hashlib.sha256(json.dumps([asdict(t) for t in tables]).encode())
    return digest.hexdigest()[:12]


def installed_rows() -> Iterator[PlaceRow]:
    """Every place of every installed table, in the order the tables were added."""
    for table in installed():
        path = gazetteer_dir() / f"{table.name}.tsv.gz"
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader, None)
            for values in reader:
                yield _loaded(values)


def _stored(row: PlaceRow) -> list[str]:
    names = [_clean(n) for n in row.names if _KEPT_SCRIPT.match(n)]
    return [
        str(row.id),
        "" if row.geonameid is None else str(row.geonameid),
        _clean(row.name),
        "|".join(n for n in names if n),
        f"{row.lat:.5f}",
        f"{row.lon:.5f}",
        row.country,
        _clean(row.admin1 or ""),
        "" if row.admin1_id is None else str(row.admin1_id),
        _clean(row.admin2 or ""),
        str(row.population),
        _clean(row.feature),
    ]


def _loaded(values: list[str]) -> PlaceRow:
    (id_, geonameid, name, names, lat, lon, country, admin1, admin1_id, admin2, population,
     feature) = values  # fmt: skip
    return PlaceRow(
        id=int(id_),
        name=name,
        names=names.split("|") if names else [name],
        lat=float(lat),
        lon=float(lon),
        country=country,
        admin1=admin1 or None,
        admin1_id=int(admin1_id) if admin1_id else None,
        admin2=admin2 or None,
        population=int(population),
        feature=feature,
        geonameid=int(geonameid) if geonameid else None,
    )


def _clean(value: str) -> str:
    """A value that fits a tab-separated cell and a "|"-joined list."""
    return " ".join(value.replace("|", " ").split())


def _default_name(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".zip", ".tsv", ".csv", ".txt"):
        name = name.removesuffix(suffix)
    return re.sub(r"[^A-Za-z0-9._-]", "-", name) or "places"


def _write_manifest(tables: list[Installed]) -> None:
    folder = gazetteer_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", dir=folder, suffix=".tmp", delete=False, encoding="utf-8"
    ) as handle:
        json.dump([asdict(t) for t in tables], handle, ensure_ascii=False, indent=1)
    os.replace(handle.name, folder / _MANIFEST)
