"""Corrections made from the dashboard, on the corrections API (`POST /corrections`), in
headless Chromium on the demo data: a violation candidate rejected with the page's button
is gone from the page and the API, and stays gone after `ceasefire resolve --all`.

Each test builds its own demo database, since corrections change it. Screenshots are saved
under tests/artifacts/.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_server import build_demo, ceasefire_command, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"
TOKEN = "corrections-token"
AUTHOR = "test analyst"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (scripts/test installs it)")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = build_demo(tmp_path)
    with serving(db, TOKEN) as url:
        yield url, db


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


def _open(browser: object, url: str) -> object:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#status[data-ready=true]", timeout=30_000)
    return page


def _candidates(base: str, arrangement: str | None = None) -> list[dict]:
    query = f"&arrangement={arrangement}" if arrangement else ""
    answer = httpx.get(f"{base}/violations?limit=500{query}", timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_rejecting_a_violation_removes_it_after_full_resolution(
    served: tuple[str, Path], browser: object
) -> None:
    from playwright.sync_api import expect

    base, db = served
    violations = _candidates(base)
    assert violations, "the demo has violation candidates"
    target = violations[0]
    arrangement, event = target["arrangement_id"], target["event_id"]
    violation = f"{arrangement}/{event}"
    before = len(_candidates(base, arrangement))

    page = _open(browser, f"{base}/#arrangement={arrangement}")
    view = page.locator(f'#view .arrangement-view[data-arrangement="{arrangement}"]')  # type: ignore[attr-defined]
    view.wait_for(timeout=15_000)
    rows = view.locator("tr.violation-row")
    assert rows.count() == before
    page.fill("#author", AUTHOR)  # type: ignore[attr-defined]
    page.fill("#token", TOKEN)  # type: ignore[attr-defined]
    row = view.locator(f'tr.violation-row[data-violation="{violation}"]')
    row.locator('.correct-buttons[data-kind="violation"] button[data-action="reject"]').click()
    status = page.locator("#correction-status")  # type: ignore[attr-defined]
    expect(status).to_have_text(
        re.compile(r"^correction \d+: reject violation .* saved$"), timeout=30_000
    )

    # stored as the contract says, and the page reloaded its data without the candidate
    answer = httpx.get(f"{base}/corrections", timeout=30)
    assert answer.status_code == 200, answer.text
    made = [
        c
        for c in answer.json()["corrections"]
        if c["action"] == "reject" and c["kind"] == "violation" and c["record_id"] == violation
    ]
    assert len(made) == 1 and made[0]["author"] == AUTHOR and not made[0]["undone"], made
    fresh = page.locator(f'#view .arrangement-view[data-arrangement="{arrangement}"]')  # type: ignore[attr-defined]
    expect(fresh.locator(f'tr.violation-row[data-violation="{violation}"]')).to_have_count(0)
    expect(fresh.locator("tr.violation-row")).to_have_count(before - 1)

    # a full re-resolution does not bring it back
    resolved = subprocess.run(
        ceasefire_command("resolve", "--all", "--db", str(db)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resolved.returncode == 0, resolved.stderr
    assert all(v["event_id"] != event for v in _candidates(base, arrangement))
    whole = httpx.get(f"{base}/arrangements/{arrangement}", timeout=30).json()
    assert all(v["event_id"] != event for v in whole["violations"])

    page.reload()  # type: ignore[attr-defined]
    page.wait_for_selector("#status[data-ready=true]", timeout=30_000)  # type: ignore[attr-defined]
    view = page.locator(f'#view .arrangement-view[data-arrangement="{arrangement}"]')  # type: ignore[attr-defined]
    view.wait_for(timeout=15_000)
    assert view.locator(f'tr.violation-row[data-violation="{violation}"]').count() == 0
    assert view.locator("tr.violation-row").count() == before - 1
    ticks = page.locator(  # type: ignore[attr-defined]
        f'#timeline line.violation[data-arrangement="{arrangement}"][data-event="{event}"]'
    )
    assert ticks.count() == 0
    listed = view.locator("ul.corrections li")
    assert listed.count() == 1 and "reject violation" in listed.inner_text()
    assert page.input_value("#token") == TOKEN  # type: ignore[attr-defined]  # kept for the tab
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "violation-rejected.png"), full_page=True)  # type: ignore[attr-defined]
    page.context.close()  # type: ignore[attr-defined]


def test_setting_an_arrangements_status_shows_it_corrected(
    served: tuple[str, Path], browser: object
) -> None:
    from playwright.sync_api import expect

    base, _ = served
    arrangements = httpx.get(f"{base}/arrangements?limit=500", timeout=30).json()["items"]
    chosen = next(a for a in arrangements if a["status"] != "collapsed")
    page = _open(browser, f"{base}/#arrangement={chosen['id']}")
    view = page.locator(f'#view .arrangement-view[data-arrangement="{chosen["id"]}"]')  # type: ignore[attr-defined]
    view.wait_for(timeout=15_000)
    page.fill("#author", AUTHOR)  # type: ignore[attr-defined]
    page.fill("#token", TOKEN)  # type: ignore[attr-defined]
    form = view.locator('form.set-form[data-kind="arrangement"]')
    form.locator('select[name="field"]').select_option("status")
    form.locator('select[name="value"]').select_option("collapsed")
    form.locator('input[name="reason"]').fill("the monitors' reports")
    form.locator('button[type="submit"]').click()
    status = page.locator("#correction-status")  # type: ignore[attr-defined]
    expect(status).to_have_text(
        re.compile(r"^correction \d+: set arrangement .* saved$"), timeout=30_000
    )
    record = httpx.get(f"{base}/arrangements/{chosen['id']}", timeout=30).json()
    assert record["status"] == "collapsed" and "status" in record.get("corrected", [])
    fresh = page.locator(f'#view .arrangement-view[data-arrangement="{chosen["id"]}"]')  # type: ignore[attr-defined]
    expect(fresh.locator(".corrected").first).to_contain_text("status")
    expect(fresh.locator("p").nth(1)).to_contain_text("status: collapsed")
    # its correction is listed with an undo button, which brings the automatic value back
    entry = fresh.locator("ul.corrections li").last
    expect(entry).to_contain_text("set arrangement")
    entry.locator("button.undo").click()
    expect(status).to_have_text(re.compile(r"^correction \d+ undone$"), timeout=30_000)
    record = httpx.get(f"{base}/arrangements/{chosen['id']}", timeout=30).json()
    assert record["status"] == chosen["status"]
    page.context.close()  # type: ignore[attr-defined]
