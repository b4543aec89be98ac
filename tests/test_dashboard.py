"""The dashboard in headless Chromium (Debian's, installed by scripts/test), on the demo data.

Screenshots are saved under tests/artifacts/.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
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


def _dates(locator: object) -> list[str]:
    return [d.get_attribute("data-date") for d in locator.all()]  # type: ignore[attr-defined]


def _data_days(base: str) -> tuple[date, date]:
    """The first and last day the demo's records name."""
    events = httpx.get(f"{base}/events?limit=500", timeout=30).json()["items"]
    arrangements = httpx.get(f"{base}/arrangements?limit=500", timeout=30).json()["items"]
    days = [e["date"] for e in events if e["date"]]
    for a in arrangements:
        days += [d for d in (a["start"], a["end"]) if d] + [t["date"] for t in a["timeline"]]
    return date.fromisoformat(min(days)), date.fromisoformat(max(days))


def test_timeline_axis_is_labelled_with_dates(page: object, base: str) -> None:
    from playwright.sync_api import expect

    first, last = _data_days(base)
    assert first.year == last.year == 2016
    ticks = page.locator("#timeline .tick text")  # type: ignore[attr-defined]
    labels = ticks.all_text_contents()
    days = [date.fromisoformat(label) for label in labels]
    assert len(days) >= 4 and days == sorted(days), labels
    assert all(first - timedelta(days=20) <= d <= last + timedelta(days=20) for d in days), labels
    assert sum(d.year == 2016 for d in days) >= 4, labels
    page.click("#zoom-in")  # type: ignore[attr-defined]
    page.click("#zoom-in")  # type: ignore[attr-defined]
    zoomed = [date.fromisoformat(label) for label in ticks.all_text_contents()]
    assert zoomed and (zoomed[-1] - zoomed[0]) < (days[-1] - days[0]), (labels, zoomed)
    assert all(d.year == 2016 for d in zoomed), zoomed
    assert "zoom=" in page.url  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "timeline-zoomed.png"), full_page=True)  # type: ignore[attr-defined]
    # dragging the axis to the left pans to later days
    strip = page.locator("#timeline .axis-strip").bounding_box()  # type: ignore[attr-defined]
    y = strip["y"] + strip["height"] / 2
    page.mouse.move(strip["x"] + strip["width"] * 0.6, y)  # type: ignore[attr-defined]
    page.mouse.down()  # type: ignore[attr-defined]
    page.mouse.move(strip["x"] + strip["width"] * 0.3, y, steps=5)  # type: ignore[attr-defined]
    page.mouse.up()  # type: ignore[attr-defined]
    panned = [date.fromisoformat(label) for label in ticks.all_text_contents()]
    assert panned[0] > zoomed[0], (zoomed, panned)
    # the wheel zooms out again, around the pointer
    plot = page.locator("#timeline .plot-bg").bounding_box()  # type: ignore[attr-defined]
    page.mouse.move(plot["x"] + plot["width"] / 2, plot["y"] + plot["height"] / 2)  # type: ignore[attr-defined]
    for _ in range(6):
        page.mouse.wheel(0, 400)  # type: ignore[attr-defined]
    expect(ticks).to_have_text(labels)


def _brush(page: object, x0: float, x1: float) -> None:
    box = page.locator("#timeline .plot-bg").bounding_box()  # type: ignore[attr-defined]
    y = box["y"] + box["height"] / 2
    page.mouse.move(x0, y)  # type: ignore[attr-defined]
    page.mouse.down()  # type: ignore[attr-defined]
    page.mouse.move((x0 + x1) / 2, y, steps=4)  # type: ignore[attr-defined]
    page.mouse.move(x1, y, steps=4)  # type: ignore[attr-defined]
    page.mouse.up()  # type: ignore[attr-defined]


def test_brushing_the_timeline_filters_the_map(page: object) -> None:
    from playwright.sync_api import expect

    dots = page.locator("#map path.event-dot")  # type: ignore[attr-defined]
    before = _dates(dots)
    assert len(before) >= 10
    # brush around the events of 6 May 2016 (the Aleppo truce's violation candidates)
    mark = page.locator('#timeline .event-mark[data-date="2016-05-06"]').first  # type: ignore[attr-defined]
    box = mark.bounding_box()
    middle = box["x"] + box["width"] / 2
    _brush(page, middle - 25, middle + 25)
    expect(page.locator("#filter-since")).not_to_have_value("")  # type: ignore[attr-defined]
    since = page.input_value("#filter-since")  # type: ignore[attr-defined]
    until = page.input_value("#filter-until")  # type: ignore[attr-defined]
    assert since <= "2016-05-06" <= until
    expect(dots).not_to_have_count(len(before))
    after = _dates(dots)
    assert 0 < len(after) < len(before)
    assert all(since <= d <= until for d in after), (since, until, after)
    assert sorted(after) == sorted(d for d in before if since <= d <= until)
    assert f"since={since}" in page.url and f"until={until}" in page.url  # type: ignore[attr-defined]
    # the arrangements listed are those that run in the range
    listed = page.locator("#arrangements li .type").all_inner_texts()  # type: ignore[attr-defined]
    assert "truce" in listed and "comprehensive_ceasefire" not in listed, listed
    assert page.locator("#timeline rect.brush").count() == 1  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "brushed.png"), full_page=True)  # type: ignore[attr-defined]
    page.click("#clear-range")  # type: ignore[attr-defined]
    expect(dots).to_have_count(len(before))


def _event_in_view(base: str) -> dict:
    """An event in Syria alone at its place, reported by a document with a title and outlet."""
    events = httpx.get(f"{base}/events?limit=500", timeout=30).json()["items"]
    places = [e["place"]["canonical"] for e in events if e["place"]]
    for e in events:
        place = e["place"]
        if not place or place["country"] != "SY" or places.count(place["canonical"]) != 1:
            continue
        doc = httpx.get(f"{base}/documents/{e['sources'][0]['document_id']}", timeout=30).json()
        if doc.get("title") and doc.get("outlet"):
            return {**e, "doc": doc}
    raise AssertionError("the demo has no event alone at its place in Syria")


def test_clicking_an_event_shows_its_sources(page: object, base: str) -> None:
    event = _event_in_view(base)
    page.locator(f'#map path.event-dot[data-event="{event["id"]}"]').click()  # type: ignore[attr-defined]
    view = page.locator(f'#view .event-view[data-event="{event["id"]}"]')  # type: ignore[attr-defined]
    view.wait_for(timeout=15_000)
    sources = view.locator(".source")
    assert sources.count() == len(event["sources"])
    first = view.locator(f'.source[data-document="{event["doc"]["id"]}"]')
    assert first.locator(".source-title").inner_text() == event["doc"]["title"]
    assert first.locator(".outlet").inner_text() == event["doc"]["outlet"]
    if event["doc"].get("url"):
        assert first.locator("a.source-url").get_attribute("href") == event["doc"]["url"]
    quotes = first.locator("blockquote").all_inner_texts()
    assert event["sources"][0]["evidence"]["text"] in quotes
    assert first.locator("blockquote").first.get_attribute("dir") == "auto"
    assert f"event={event['id']}" in page.url  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "event-sources.png"), full_page=True)  # type: ignore[attr-defined]
    # a timeline mark opens its event too
    mark = page.locator("#timeline .event-mark").last  # type: ignore[attr-defined]
    mark_id = mark.get_attribute("data-event")
    mark.click()
    page.locator(f'#view .event-view[data-event="{mark_id}"] .source').first.wait_for(
        timeout=15_000
    )  # type: ignore[attr-defined]
    # and each event has its own page, by address
    other = page.context.new_page()  # type: ignore[attr-defined]
    other.goto(f"{page.url.split('#')[0]}#event={event['id']}")  # type: ignore[attr-defined]
    other.locator(f'.event-view[data-event="{event["id"]}"] .source-title').first.wait_for(
        timeout=15_000
    )
    other.close()


def test_a_copied_address_restores_the_view(page: object) -> None:
    from playwright.sync_api import expect

    page.select_option("#filter-type", "truce")  # type: ignore[attr-defined]
    page.fill("#filter-actor", "russia")  # type: ignore[attr-defined]
    page.fill("#filter-q", "calm")  # type: ignore[attr-defined]
    page.fill("#filter-since", "2016-05-01")  # type: ignore[attr-defined]
    page.fill("#filter-until", "2016-05-31")  # type: ignore[attr-defined]
    page.click("#filters button[type=submit]")  # type: ignore[attr-defined]
    expect(page.locator("#arrangements li .type")).to_have_text(["truce"])  # type: ignore[attr-defined]
    page.locator("#arrangements li").first.click()  # type: ignore[attr-defined]
    view = page.locator("#view .arrangement-view")  # type: ignore[attr-defined]
    view.wait_for(timeout=15_000)
    chosen = view.get_attribute("data-arrangement")
    page.click("#zoom-in")  # type: ignore[attr-defined]
    href = page.url  # type: ignore[attr-defined]
    for part in (
        "type=truce",
        "actor=russia",
        "q=calm",
        "since=2016-05-01",
        "until=2016-05-31",
        f"arrangement={chosen}",
        "zoom=",
    ):
        assert part in href, href

    def seen(p: object) -> dict:
        return {
            "fields": [
                p.input_value(f"#filter-{k}")
                for k in ("type", "country", "place", "actor", "q", "since", "until")
            ],  # type: ignore[attr-defined]
            "list": p.locator("#arrangements li").all_inner_texts(),  # type: ignore[attr-defined]
            "selected": p.locator("#arrangements li.selected").get_attribute("data-id"),  # type: ignore[attr-defined]
            "dots": sorted(_dates(p.locator("#map path.event-dot"))),  # type: ignore[attr-defined]
            "ticks": p.locator("#timeline .tick text").all_text_contents(),  # type: ignore[attr-defined]
            "view": p.locator("#view .arrangement-view").get_attribute("data-arrangement"),  # type: ignore[attr-defined]
            "heading": p.locator("#view h2").inner_text(),  # type: ignore[attr-defined]
        }

    expected = seen(page)
    assert expected["selected"] == chosen == expected["view"]
    other = page.context.new_page()  # type: ignore[attr-defined]
    other.goto(href)
    other.wait_for_selector("#status[data-ready=true]", timeout=30_000)
    other.locator("#view .arrangement-view").wait_for(timeout=15_000)
    assert seen(other) == expected
    assert other.url == href
    other.screenshot(path=str(ARTIFACTS / "restored.png"), full_page=True)
    other.close()


def test_actor_and_word_search_narrow_what_is_shown(page: object) -> None:
    from playwright.sync_api import expect

    items = page.locator("#arrangements li")  # type: ignore[attr-defined]
    before = items.count()
    page.fill("#filter-actor", "turkey")  # type: ignore[attr-defined]
    expect(items).not_to_have_count(before)
    for item in items.all():
        detail = httpx.get(
            f"{page.url.split('#')[0]}arrangements/{item.get_attribute('data-id')}", timeout=30
        ).json()  # type: ignore[attr-defined]
        actors = [
            *detail["parties"],
            *detail["sponsors"],
            *detail["mediators"],
            *(c["actor"] for c in detail["characterizations"]),
        ]
        assert any("turkey" in (a["canonical"] + a["name"]).lower() for a in actors)
    page.fill("#filter-actor", "")  # type: ignore[attr-defined]
    expect(items).to_have_count(before)
    dots = page.locator("#map path.event-dot")  # type: ignore[attr-defined]
    all_dots = dots.count()
    page.fill("#filter-q", "hospital")  # type: ignore[attr-defined]
    expect(dots).not_to_have_count(all_dots)
    shown = [d.get_attribute("data-event") for d in dots.all()]
    assert shown
    for event_id in shown:
        record = httpx.get(f"{page.url.split('#')[0]}events/{event_id}", timeout=30).json()  # type: ignore[attr-defined]
        texts = [record["evidence"]["text"], *(s["evidence"]["text"] for s in record["sources"])]
        assert any("hospital" in t.lower() for t in texts), event_id


def test_nationwide_scope_is_the_country_outline_and_places_are_named(page: object) -> None:
    national = page.locator("#map path.area.national")  # type: ignore[attr-defined]
    assert national.count() >= 1
    # Syria's outline has many more corners than an area's box
    assert national.first.get_attribute("d").count("L") > 20
    labels = page.locator("#map .place-label").all_inner_texts()  # type: ignore[attr-defined]
    assert "Aleppo" in labels and len(labels) <= 8, labels


def test_correction_controls_send_the_corrections_request(page: object, base: str) -> None:
    """The page's side of the corrections contract, with the API's answers stood in for
    (tests/test_dashboard_corrections.py runs it against the real API)."""
    from playwright.sync_api import expect

    posted: list[tuple[str | None, dict]] = []
    stored: list[dict] = []

    def answer(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if request.method == "GET":
            route.fulfill(json={"corrections": stored})  # type: ignore[attr-defined]
            return
        body = request.post_data_json
        posted.append((request.headers.get("authorization"), body))
        made = {
            **{k: body[k] for k in ("action", "kind", "field", "value", "target", "reason")},
            **{"id": len(posted), "record_id": body["id"], "author": body["author"]},
            **{"created": "2026-12-01T00:00:00Z", "undone": False, "orphaned": False},
        }
        stored.append(made)
        route.fulfill(status=201, json=made)  # type: ignore[attr-defined]

    page.route("**/corrections", answer)  # type: ignore[attr-defined]
    violation = httpx.get(f"{base}/violations?limit=1", timeout=30).json()["items"][0]
    arrangement, event = violation["arrangement_id"], violation["event_id"]
    page.goto(f"{base}/#arrangement={arrangement}")  # type: ignore[attr-defined]
    row = page.locator(f'#view tr.violation-row[data-violation="{arrangement}/{event}"]')  # type: ignore[attr-defined]
    reject = row.locator('.correct-buttons[data-kind="violation"] button[data-action="reject"]')
    reject.click()
    status = page.locator("#correction-status")  # type: ignore[attr-defined]
    expect(status).to_contain_text("token")
    assert posted == []  # nothing is sent without the token and a name
    page.fill("#author", "analyst")  # type: ignore[attr-defined]
    page.fill("#token", TOKEN)  # type: ignore[attr-defined]
    reject.click()
    expect(status).to_contain_text("saved")
    blank = {"field": None, "value": None, "target": None, "reason": None, "author": "analyst"}
    assert posted == [
        (
            f"Bearer {TOKEN}",
            {**blank, "action": "reject", "kind": "violation", "id": f"{arrangement}/{event}"},
        )
    ]
    page.locator(  # type: ignore[attr-defined]
        f'#view tr.violation-row[data-violation="{arrangement}/{event}"] '
        '.correct-buttons[data-kind="event"] button[data-action="confirm"]'
    ).click()
    expect(status).to_have_text(re.compile(r"^correction 2: .* saved$"))
    assert posted[1][1] == {**blank, "action": "confirm", "kind": "event", "id": event}
    form = page.locator('#view form.set-form[data-kind="arrangement"]')  # type: ignore[attr-defined]
    form.locator('select[name="field"]').select_option("type")
    form.locator('select[name="value"]').select_option("ceasefire")
    form.locator('input[name="reason"]').fill("سبب")
    form.locator('button[type="submit"]').click()
    expect(status).to_have_text(re.compile(r"^correction 3: .* saved$"))
    assert posted[2][1] == {
        **blank,
        **{"action": "set", "kind": "arrangement", "id": arrangement},
        **{"field": "type", "value": "ceasefire", "reason": "سبب"},
    }
    # the token is kept for this tab only
    assert page.evaluate("sessionStorage.getItem('ceasefire.token')") == TOKEN  # type: ignore[attr-defined]
    assert TOKEN not in page.url  # type: ignore[attr-defined]
    page.goto(f"{base}/#event={event}")  # type: ignore[attr-defined]
    form = page.locator('#view form.set-form[data-kind="event"]')  # type: ignore[attr-defined]
    form.locator('select[name="field"]').select_option("fatalities")
    form.locator('input[name="value"]').fill("4")
    form.locator('button[type="submit"]').click()
    expect(status).to_have_text(re.compile(r"^correction 4: .* saved$"))
    assert posted[3][1] == {
        **blank,
        **{"action": "set", "kind": "event", "id": event, "field": "fatalities", "value": 4},
    }
    source = page.locator("#view .event-view .source").first  # type: ignore[attr-defined]
    document = source.get_attribute("data-document")
    source.locator("button.irrelevant").click()
    expect(status).to_have_text(re.compile(r"^correction 5: .* saved$"))
    assert posted[4][1] == {**blank, "action": "reject", "kind": "document", "id": document}
    # the corrections page lists them all, newest first, with an undo button each
    page.click("#corrections-link")  # type: ignore[attr-defined]
    rows = page.locator("#view .corrections-view tr[data-correction]")  # type: ignore[attr-defined]
    expect(rows).to_have_count(5)
    assert [r.get_attribute("data-correction") for r in rows.all()] == ["5", "4", "3", "2", "1"]
    assert rows.locator("button.undo").count() == 5
    assert "corrections=all" in page.url  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "corrections-controls.png"), full_page=True)  # type: ignore[attr-defined]
