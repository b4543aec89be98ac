"""The GeoJSON export of the demo's arrangements on the dashboard's map (Leaflet), in headless
Chromium (Debian's, installed by scripts/test): Syria's nationwide arrangements are drawn as
the country's outline, the others as points."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_server import build_demo, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (scripts/test installs it)")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(build_demo(tmp_path_factory.mktemp("export-map"))) as url:
        yield url


def test_nationwide_arrangement_is_drawn_as_the_country_outline(base: str) -> None:
    from playwright.sync_api import sync_playwright

    exported = httpx.get(f"{base}/export/arrangements.geojson", timeout=60).json()
    nationwide = [f for f in exported["features"] if f["properties"]["nationwide"]]
    local = [f for f in exported["features"] if not f["properties"]["nationwide"]]
    assert nationwide and all(f["properties"]["country"] == "SY" for f in nationwide)
    borders = httpx.get(f"{base}/static/countries.geojson", timeout=60).json()
    [syria] = [f["geometry"] for f in borders["features"] if f["properties"]["iso3"] == "SYR"]
    outline = (
        syria["coordinates"][0][0] if syria["type"] == "MultiPolygon" else syria["coordinates"][0]
    )
    points = sum(len(f["geometry"]["coordinates"]) for f in local)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(f"{base}/static/export-map.html?kind=arrangements")
        page.wait_for_selector("#status[data-ready=true]", timeout=30_000)
        assert page.locator("#status").get_attribute("data-features") == str(
            len(exported["features"])
        )
        areas = page.locator("#map path.export-area")
        assert areas.count() == len(nationwide)
        for index in range(areas.count()):
            drawn = areas.nth(index).get_attribute("d") or ""
            vertices = len(re.findall(r"[ML]", drawn))
            # the outline's every vertex (Leaflet may drop a few too close to tell apart at
            # this zoom), not a box around it
            assert vertices >= 0.6 * (len(outline) - 1) and vertices > 5, drawn
        assert page.locator("#map path.export-point").count() == points
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "export-map.png"))
        browser.close()
    assert json.dumps(exported)  # the export itself is plain JSON
