"""The extended gazetteer (`ceasefire gazetteer`): reading GeoNames dumps and header tables,
installing and removing them, fetching dumps, and extraction resolving the villages added.

Tests on `../shared/data/gazetteer` skip when it is absent; the others make their own files.
Extraction with added places runs in a child process with its own data and cache folders, so
that this process's lexicon stays the shipped one.
"""

from __future__ import annotations

import gzip
import http.server
import json
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ceasefire import gazetteer
from ceasefire.cli import app

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "gazetteer"
LEBANON = SHARED / "geonames-LB.txt"
runner = CliRunner()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("CEASEFIRE_DATA", str(folder))
    return folder


def _dump_line(geonameid: int, name: str, lat: float, lon: float, feature: str, admin1: str) -> str:
    """A line of a GeoNames dump (19 tab-separated fields), of Lebanon."""
    klass, code = feature.split(".")
    fields = [str(geonameid), name, name, f"{name},{name.upper()}", str(lat), str(lon), klass]
    fields += [code, "LB", "", admin1, "", "", "", "120", "", "300", "Asia/Beirut", "2020-01-01"]
    return "\t".join(fields)


@pytest.fixture
def small_dump(tmp_path: Path) -> Path:
    """A GeoNames dump of three lines: a region, a village in it, and a mountain."""
    path = tmp_path / "XX.txt"
    lines = [
        _dump_line(444191, "Mohafazat Nabatiye", 33.3, 35.5, "A.ADM1", "07"),
        _dump_line(9000001, "Kafr Tayyibat", 33.31, 35.51, "P.PPL", "07"),
        _dump_line(9000002, "Jabal Tayyibat", 33.32, 35.52, "T.MT", "07"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _extract_with_added(data_dir: Path, cache: Path, text: str) -> dict:
    """The extraction of `text` in a child process that reads the places added in
    `data_dir` (its lexicon built and cached in `cache`)."""
    code = (
        "import json, sys; from ceasefire.extract import extract_document; "
        "from ceasefire.records import Document; "
        "r = extract_document(Document(id='t', text=sys.argv[1], published='2020-05-04')); "
        "print(json.dumps([[p.canonical, p.lat, p.lon, p.admin1] for p in r.places]))"
    )
    env = {"CEASEFIRE_DATA": str(data_dir), "CEASEFIRE_CACHE": str(cache), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", code, text], capture_output=True, text=True, env=env, check=True
    )
    return {name: (lat, lon, admin1) for name, lat, lon, admin1 in json.loads(done.stdout)}


def test_a_geonames_dump_is_read_with_the_regions_of_its_places(small_dump: Path) -> None:
    rows = list(gazetteer.read_places([small_dump]))
    village = next(r for r in rows if r.name == "Kafr Tayyibat")
    assert (village.admin1, village.admin1_id, village.country) == (
        "Mohafazat Nabatiye",
        444191,
        "LB",
    )
    assert "KAFR TAYYIBAT" in village.names
    assert "Jabal Tayyibat" not in {r.name for r in rows}  # a mountain is no settlement


def test_countries_restrict_what_is_installed(small_dump: Path) -> None:
    result = runner.invoke(app, ["gazetteer", "add", str(small_dump), "--countries", "SY"])
    assert result.exit_code == 1
    assert "no places of SY found" in result.output
    assert gazetteer.installed() == []
    result = runner.invoke(app, ["gazetteer", "add", str(small_dump), "--countries", "lb", "-q"])
    assert result.exit_code == 0, result.output
    [table] = gazetteer.installed()
    assert (table.name, table.rows, table.countries) == ("XX", 2, ["LB"])


def test_remove_uninstalls_and_names_what_is_installed(small_dump: Path) -> None:
    runner.invoke(app, ["gazetteer", "add", str(small_dump), "--name", "south", "-q"])
    result = runner.invoke(app, ["gazetteer", "remove", "north"])
    assert result.exit_code == 1 and "installed: south" in result.output
    assert runner.invoke(app, ["gazetteer", "remove", "south"]).exit_code == 0
    assert gazetteer.installed() == [] and gazetteer.version() is None
    assert "no places added" in runner.invoke(app, ["gazetteer", "list"]).output


def test_a_header_table_with_mapped_columns_places_a_village(
    tmp_path: Path, data_dir: Path
) -> None:
    """An OCHA-like table whose columns the common names do not tell: mapped with --columns;
    its village, in a region named as the shipped gazetteer names it, is then resolved."""
    table = tmp_path / "ocha.csv.gz"
    with gzip.open(table, "wt", encoding="utf-8") as handle:
        handle.write("PCODE,ADM4_EN,ADM1_EN,Y,X,ISO2,POP\n")
        handle.write("C9001,Kafr Zaytunah,Idlib,35.71,36.62,SY,2500\n")
        handle.write("C9002,Tall Ruman,Idlib,not-a-number,36.6,SY,100\n")
        handle.write("C9003,Hir,Daraa,32.71,36.11,SY,800\n")
    columns = "name=ADM4_EN,admin1=ADM1_EN,lat=Y,lon=X,country=ISO2"
    result = runner.invoke(app, ["gazetteer", "add", str(table), "--columns", columns, "-q"])
    assert result.exit_code == 0, result.output
    assert "1 lines left out" in result.output and "not a number" in result.output
    listed = json.loads(runner.invoke(app, ["gazetteer", "list", "--json"]).output)
    assert [(t["name"], t["rows"], t["countries"]) for t in listed] == [("ocha", 2, ["SY"])]
    cache = tmp_path / "cache"
    text = "Government forces shelled Kafr Zaytunah in Idlib on Monday."
    assert _extract_with_added(data_dir, cache, text)["Kafr Zaytunah"] == (35.71, 36.62, "Idlib")
    # the place named beside it says where it is: a quarter of Aleppo, not the Idlib village
    text = (
        "Rebels attacked the Kafr Zaytunah neighbourhood of Aleppo on Monday. "
        "Air strikes hit towns in Idlib."
    )
    assert "Kafr Zaytunah" not in _extract_with_added(data_dir, cache, text)
    # a name too short to be sought by its spelling is found where the text says it is a place
    text = "Regime forces shelled the village of Hir in Daraa on Monday."
    assert _extract_with_added(data_dir, cache, text)["Hir"] == (32.71, 36.11, "Daraa")


def test_a_broken_file_gets_an_error_naming_it_and_the_problem(tmp_path: Path) -> None:
    broken = tmp_path / "SY.zip"
    broken.write_bytes(b"not a zip at all")
    result = runner.invoke(app, ["gazetteer", "add", str(broken)])
    assert result.exit_code == 1 and "SY.zip: not a readable zip file" in result.output
    headless = tmp_path / "places.tsv"
    headless.write_text("village\tpeople\nKafr Zaytunah\t2500\n", encoding="utf-8")
    result = runner.invoke(app, ["gazetteer", "add", str(headless)])
    assert result.exit_code == 1
    assert "no column for name, lat, lon, country" in result.output
    assert "--columns" in result.output
    result = runner.invoke(app, ["gazetteer", "add", str(headless), "--columns", "name"])
    assert result.exit_code == 1 and "is not field=COLUMN" in result.output
    assert gazetteer.installed() == []


@pytest.fixture
def served(tmp_path: Path, small_dump: Path) -> Iterator[str]:
    """A local HTTP server of GeoNames dumps: LB.zip (the real Lebanese dump when present)
    and admin1CodesASCII.txt."""
    folder = tmp_path / "served"
    folder.mkdir()
    with zipfile.ZipFile(folder / "LB.zip", "w") as archive:
        archive.write(LEBANON if LEBANON.exists() else small_dump, "LB.txt")
        archive.writestr("readme.txt", "GeoNames dump")
    (folder / "admin1CodesASCII.txt").write_text(
        "LB.07\tNabatiye\tNabatiye\t444191\n", encoding="utf-8"
    )
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_download_fetches_a_dump_from_a_server_and_installs_it(served: str) -> None:
    result = runner.invoke(app, ["gazetteer", "download", "lb", "--base-url", served, "-q"])
    assert result.exit_code == 0, result.output
    [table] = gazetteer.installed()
    assert table.name == "LB" and table.countries == ["LB"]
    assert any(r.admin1 == "Nabatiye" for r in gazetteer.installed_rows())
    result = runner.invoke(app, ["gazetteer", "download", "YE", "--base-url", served, "-q"])
    assert result.exit_code == 1 and "YE.zip: the server answered 404" in result.output
    result = runner.invoke(app, ["gazetteer", "download", "Syria", "--base-url", served])
    assert result.exit_code == 1 and "not a country code: SYRIA" in result.output


@pytest.mark.skipif(not LEBANON.exists(), reason="../shared/data/gazetteer is absent")
def test_a_village_of_a_real_geonames_dump_is_resolved(tmp_path: Path, data_dir: Path) -> None:
    """A Lebanese village that the shipped gazetteer lacks: unknown before the dump is added,
    placed at its GeoNames point, in its region, after."""
    text = "Israeli artillery shelled Majdel Selm in Nabatieh on Monday, residents said."
    assert "Majdel Selm" not in _extract_with_added(data_dir, tmp_path / "cache", text)
    result = runner.invoke(app, ["gazetteer", "add", str(LEBANON), "-q"])
    assert result.exit_code == 0, result.output
    lat, lon, admin1 = _extract_with_added(data_dir, tmp_path / "cache", text)["Majdel Selm"]
    assert (round(lat, 2), round(lon, 2), admin1) == (33.22, 35.46, "Nabatîyé")
