"""The dashboard in headless Chromium (Debian's, installed by scripts/test), on the demo data.

Screenshots are saved under tests/artifacts/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_server import build_demo, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"
TOKEN = "dashboard-token"
SCRIPT_DOC = {
    "id": "script-doc",
    "published": "2016-05-06",
    "text": "<script>window.pwned = true</script> <b>bold</b> Aid reached Homs on Monday.",
}

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (scripts/test installs it)")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_demo(tmp_path_factory.mktemp("dashboard"))
    with serving(db, TOKEN) as url:
        posted = httpx.post(
            f"{url}/documents",
            json=SCRIPT_DOC,
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=120,
        )
        assert posted.status_code == 200, posted.text
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, base: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    external: list[str] = []
    page.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith(base) else None,
    )
    page.goto(base + "/")
    page.wait_for_selector("#status[data-ready=true]", timeout=30_000)
    yield page
    assert external == [], f"the page fetched from outside: {external}"
    context.close()


def test_map_draws_borders_areas_and_events(page: object) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shapes = page.locator("#map path")  # type: ignore[attr-defined]
    assert shapes.count() > 150  # the world's borders (not clickable), then areas and events
    assert page.locator("#map path.event-dot").count() >= 10  # type: ignore[attr-defined]
    assert page.locator("#timeline rect.bar").count() >= 7  # type: ignore[attr-defined]
    assert page.locator("#timeline line.violation").count() >= 1  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)  # type: ignore[attr-defined]


def test_aleppo_arrangement_shows_both_characterizations(page: object) -> None:
    item = page.locator("#arrangements li", has_text="truce").filter(has_text="Aleppo")  # type: ignore[attr-defined]
    item.filter(has_text="2016-05-05").first.click()
    detail = page.locator("#detail")  # type: ignore[attr-defined]
    detail.locator(".characterization").first.wait_for(timeout=15_000)
    headings = detail.locator(".characterization h4").all_inner_texts()
    assert any("truce" in h and "United States" in h for h in headings), headings
    assert any("regime of calm" in h and "Russia" in h for h in headings), headings
    quotes = detail.locator(".characterization blockquote").all_inner_texts()
    assert any("truce" in q for q in quotes) and any("regime of calm" in q for q in quotes)
    arabic = [q for q in quotes if any("\u0600" <= ch <= "\u06ff" for ch in q)]
    assert arabic, "the Arabic reports' wording is shown too"
    assert detail.locator("blockquote").first.get_attribute("dir") == "auto"
    page.screenshot(path=str(ARTIFACTS / "aleppo-arrangement.png"), full_page=True)  # type: ignore[attr-defined]


def test_a_filter_changes_what_is_shown(page: object) -> None:
    from playwright.sync_api import expect

    before = page.locator("#arrangements li").count()  # type: ignore[attr-defined]
    page.select_option("#filter-type", "humanitarian_pause")  # type: ignore[attr-defined]
    page.click("#filters button")  # type: ignore[attr-defined]
    # not wait_for_function: its string is evaluated in the page, which the page's content
    # security policy (no eval) refuses
    expect(page.locator("#arrangements li")).not_to_have_count(before, timeout=15_000)  # type: ignore[attr-defined]
    types = page.locator("#arrangements li .type").all_inner_texts()  # type: ignore[attr-defined]
    assert types and set(types) == {"humanitarian_pause"}
    page.screenshot(path=str(ARTIFACTS / "filtered.png"), full_page=True)  # type: ignore[attr-defined]


def test_document_text_with_script_is_shown_as_text(page: object) -> None:
    page.locator("#arrangements li").first.click()  # type: ignore[attr-defined]
    page.locator("#detail #document").wait_for(state="attached", timeout=15_000)  # type: ignore[attr-defined]
    page.evaluate("showDocument('script-doc')")  # type: ignore[attr-defined]
    text = page.locator("#document .doc-text")  # type: ignore[attr-defined]
    text.wait_for(timeout=15_000)
    assert "<script>window.pwned = true</script>" in text.inner_text()
    assert text.locator("script, b").count() == 0
    assert page.evaluate("window.pwned === undefined")  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "script-as-text.png"), full_page=True)  # type: ignore[attr-defined]
