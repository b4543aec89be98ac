"""Work that must grow linearly with the input: counted, never timed.

Extraction is counted in Python calls (a profile hook) on a text and on one four times
longer; linking in the candidates its indexes hand out for many reports of one day. Each
index is also checked to find everything the exhaustive rule finds.
"""

from __future__ import annotations

import gc
import math
import random
import sys
from typing import Any

import pytest

import ceasefire
from ceasefire.area_index import Areas
from ceasefire.demo import corpus_dir
from ceasefire.event_index import Neighbours
from ceasefire.event_links import Report, _closeness, group, linked_events, reports_of, same_event
from ceasefire.extract.covering import Covering
from ceasefire.extract.lexicon import PlaceRecord, lexicon
from ceasefire.geo import haversine_km
from ceasefire.geo_grid import Grid
from ceasefire.monitor import candidate

TOWNS = ["Aleppo", "Idlib", "Homs", "Hama", "Daraa", "Douma", "Latakia", "Raqqa"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
# each line a report with a date and a number, its doer named: a line tells the same in a
# long text as alone
LINES = [
    "Government forces shelled {town} on {day} {month} 2016, killing {n} civilians.",
    "On Monday, {day} {month}, about {n} thousand people fled {town}, monitors said.",
    "Rebels shelled {town} two days ago, killing three fighters.",
    "Russian warplanes bombed {town} on {month} {day}, killing dozens of people and {n} children.",
]


# lines whose events borrow from other lines: an act without its doer ("the air strike"),
# a killing told again by its death word alone
LEANING = [
    "An air strike hit {town} on {day} {month}, killing {n} people.",
    "The Syrian army kills {n} rebels near {town}, three days ago.",
]


# lines that name an arrangement: each read for its status, roles, scope and start
ARRANGED = [
    "A truce announced in {town} on {day} {month} 2016 was broken within {n} hours.",
    "The ceasefire agreed by Russia and Turkey in {town} held, the army said on {month} {day}.",
]


def news_lines(count: int, seed: int = 7, lines: list[str] = LINES) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(lines).format(
            town=rng.choice(TOWNS),
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
            n=rng.randint(2, 90),
        )
        for _ in range(count)
    ]


def _calls(text: str) -> int:
    """Python and built-in calls made extracting `text`."""
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += 1

    ceasefire.extract("The truce now covers Aleppo.", published="2016-05-06")  # loads all
    sys.setprofile(count)
    try:
        ceasefire.extract(text, published="2016-12-01")
    finally:
        sys.setprofile(None)
    return calls


def test_extraction_work_grows_linearly_with_the_text() -> None:
    """Checking each number against every date made four times the text cost twelve times
    the calls; linear work costs four times, plus what any text costs."""
    lines = LINES + LEANING
    short = _calls("\n".join(news_lines(300, lines=lines)))
    long = _calls("\n".join(news_lines(1200, lines=lines)))
    assert long < 5 * short


def test_extraction_work_grows_linearly_with_the_arrangements_named() -> None:
    """Counting the text's places again for each sentence that names a truce made four
    times the text cost eleven times the time; what a sentence says of its arrangement is
    read from it and from facts of the text counted once."""
    lines = LINES + ARRANGED
    short = _calls("\n".join(news_lines(300, lines=lines)))
    long = _calls("\n".join(news_lines(1200, lines=lines)))
    assert long < 5 * short


def test_extraction_work_grows_linearly_without_sentence_ends() -> None:
    """A text with no sentence end is one sentence unless cut; every pair of words in a
    sentence is related, so the cut keeps the work linear."""
    lines = [line.rstrip(".") for line in LINES]
    short = _calls(" ".join(news_lines(300, lines=lines)))
    long = _calls(" ".join(news_lines(1200, lines=lines)))
    assert long < 5 * short


def _corpus_documents() -> list[Any]:
    from ceasefire.ingest.prepare import prepare_or_fail
    from ceasefire.ingest.readers import read
    from ceasefire.records import Document

    return [
        doc
        for doc in map(prepare_or_fail, read([str(corpus_dir())]))
        if isinstance(doc, Document) and doc.published
    ]


def test_extraction_makes_no_reference_cycles() -> None:
    """What lets extraction pause the cyclic collector (`extract.collector`): nothing it
    leaves behind needs one. The collector's state is the caller's, on and off."""
    texts = [(d.text, d.published) for d in _corpus_documents()]
    texts.append(("\n".join(news_lines(300, lines=LINES + LEANING)), "2016-12-01"))
    for text, published in texts:
        ceasefire.extract(text, published=published)  # loads and caches what it needs
    assert gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for text, published in texts:
            result = ceasefire.extract(text, published=published)
            assert result.events or result.ceasefires or result.places
            del result
        assert not gc.isenabled()
        assert gc.collect() == 0
    finally:
        gc.enable()


def _view(event: Any) -> tuple[Any, ...]:
    place = event.place.canonical if event.place else None
    actor = event.actor1.canonical if event.actor1 else None
    return (event.type, event.subtype, place, event.date, event.fatalities, actor)


def test_a_long_text_tells_what_its_lines_tell_one_by_one() -> None:
    # lines that each tell acts of their own: an act told again (its type, place, date and
    # doer) is one event, whatever its toll (tests/extract/test_events.py); and acts of the
    # news, within three weeks of publication: an older act is background in a text that
    # tells newer ones with a toll, but the news of a line that tells it alone
    told: dict[str, list[tuple]] = {}
    acts: set[tuple] = set()
    for line in news_lines(800, seed=3):
        views = [_view(e) for e in ceasefire.extract(line, published="2016-12-01").events]
        news = all(v[3] is None or v[3] >= "2016-11-10" for v in views)
        if news and not acts & {v[:4] + v[5:] for v in views}:
            told[line] = views
            acts |= {v[:4] + v[5:] for v in views}
    whole = ceasefire.extract("\n".join(told), published="2016-12-01")
    assert [_view(e) for e in whole.events] == [v for views in told.values() for v in views]
    assert sum(map(len, told.values())) >= 50


def test_covering_answers_as_a_scan_of_every_span() -> None:
    rng = random.Random(5)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 9)) for s in (rng.randint(0, 60) for _ in range(8))]
        index = Covering(spans)
        for start in range(70):
            end = start + rng.randint(0, 5)
            assert index.holds(start) == any(s <= start < e for s, e in spans)
            assert index.covers(start, end) == any(s <= start and end <= e for s, e in spans)


# ---------------------------------------------------------------- places


def _towns(country: str, apart_deg: float) -> list[PlaceRecord]:
    """The gazetteer's towns of a country, at most one in every other `apart_deg` square
    (one square in four): at least `apart_deg` apart."""
    seen: set[tuple[int, int]] = set()
    towns = []
    for record in sorted(lexicon().places.values(), key=lambda r: r.geonameid):
        cell = (math.floor(record.lat / apart_deg), math.floor(record.lon / apart_deg))
        if cell[0] % 2 or cell[1] % 2 or cell in seen:
            continue
        if record.country == country and record.kind == "city":
            seen.add(cell)
            towns.append(record)
    return towns


def _place(record: PlaceRecord) -> dict[str, Any]:
    return {
        "name": record.name,
        "canonical": record.name,
        "kind": record.kind,
        "lat": record.lat,
        "lon": record.lon,
        "country": record.country,
        "admin1": record.admin1,
    }


def _report(number: int, place: dict[str, Any], day: str, toll: int | None = 3) -> Report:
    record = {
        "type": "explosions_remote_violence",
        "subtype": "shelling_artillery_missile_attack",
        "date": day,
        "place": place,
        "actor1": {"canonical": "Government forces", "country": place["country"]},
        "fatalities": toll,
        "evidence": {"start": 0, "end": 1, "text": "."},
    }
    return Report(f"doc{number}#0", f"doc{number}", 0, record)


def test_reports_of_one_day_in_far_apart_towns_meet_few_candidates() -> None:
    """All in one country and its few regions, on one day: a report meets the towns of its
    grid cells and its region's region-level reports, not every report of its region."""
    towns = _towns("IN", 0.2)  # 22 km apart at least, beyond `max_km_apart`
    assert len(towns) > 500
    reports = [_report(n, _place(t), "2016-05-04") for n, t in enumerate(towns)]
    index = Neighbours(reports)
    for report in reports:
        assert index.of(report, same_event) == []  # each town's only report
    assert index.compared < 10 * len(reports) < len(reports) ** 2 / 10
    assert len(group(reports)) == len(reports)


def test_many_outlets_telling_one_shelling_are_one_event_by_few_comparisons() -> None:
    """A thousand documents on one shelling: grouped as one event, their link classes
    compared, not every pair of reports."""
    aleppo = _place(next(t for t in _towns("SY", 0.01) if t.name == "Aleppo"))
    reports = [_report(n, aleppo, "2016-05-04", toll=10 + n % 3) for n in range(1000)]
    [event] = group(reports)
    assert len(event) == 1000
    stored = [(r, "evt-aleppo") for r in reports[:500]]
    assert linked_events(stored, reports[500:]) == {"evt-aleppo"}


def _exhaustive_groups(reports: list[Report]) -> list[list[str]]:
    """`event_links.group` by its definition: every pair compared, joined closest first."""
    ordered = sorted(reports, key=lambda r: r.key)
    pairs = sorted(
        (_closeness(ordered[i], ordered[j]), i, j)
        for i in range(len(ordered))
        for j in range(i + 1, len(ordered))
        if same_event(ordered[i], ordered[j])
    )
    parent = list(range(len(ordered)))
    documents = [{r.document_id} for r in ordered]

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for _, i, j in pairs:
        a, b = root(i), root(j)
        if a != b and not documents[a] & documents[b]:
            parent[b] = a
            documents[a] |= documents[b]
    groups: dict[int, list[str]] = {}
    for i, report in enumerate(ordered):
        groups.setdefault(root(i), []).append(report.key)
    return list(groups.values())


@pytest.fixture(scope="module")
def corpus_reports() -> list[Report]:
    """The demo corpus's events, each document also told again by other outlets a day later
    and with a toll of its own: many reports of one event, documents with several events."""
    reports = []
    for doc in _corpus_documents():
        records = ceasefire.extract(doc.text, published=doc.published).to_dict()
        for copy, shift in enumerate((0, 0, 1, 2)):
            copied = {"events": [_shifted(e, shift, copy) for e in records["events"]]}
            reports += reports_of(f"{doc.id}~{copy}", copied)
    return reports


def _shifted(event: dict[str, Any], days: int, copy: int) -> dict[str, Any]:
    from datetime import date, timedelta

    moved = dict(event)
    if event.get("date"):
        moved["date"] = (date.fromisoformat(event["date"]) + timedelta(days=days)).isoformat()
    if event.get("fatalities") is not None:
        moved["fatalities"] = event["fatalities"] + copy * 4
    return moved


def test_grouping_by_the_index_is_grouping_by_every_pair(corpus_reports: list[Report]) -> None:
    groups = [[r.key for r in g] for g in group(corpus_reports)]
    assert groups == _exhaustive_groups(corpus_reports)
    assert any(len(g) > 1 for g in groups) and len(groups) > 10


def test_linked_events_are_those_every_pair_links(corpus_reports: list[Report]) -> None:
    half = len(corpus_reports) // 2
    stored = [(r, f"evt-{n % 17}") for n, r in enumerate(corpus_reports[:half])]
    new = corpus_reports[half:]
    expected = {
        event
        for report in new
        if report.date and report.place
        for other, event in stored
        if same_event(report, other)
    }
    assert expected and linked_events(stored, new) == expected


def test_the_grid_holds_every_point_within_the_radius() -> None:
    """Random pairs of points within the radius, near the poles and across the 180th
    meridian too, always in cells `around` lists."""
    rng = random.Random(11)
    for radius in (2, 15, 75, 2000):
        grid = Grid(radius)
        for _ in range(3000):
            lat = rng.choice([rng.uniform(-90, 90), rng.uniform(86, 90), rng.uniform(-60, 60)])
            lon = rng.choice([rng.uniform(-180, 180), rng.uniform(179.5, 180)])
            other = (lat + rng.uniform(-1, 1) * radius / 111, lon + rng.uniform(-3, 3))
            other = (max(-90.0, min(90.0, other[0])), (other[1] + 180) % 360 - 180)
            if haversine_km(lat, lon, *other) <= radius:
                assert grid.cell(*other) in grid.around(lat, lon)


def test_violation_matching_meets_the_arrangements_near_an_event() -> None:
    """Arrangements around a third of Turkey's towns, around each of its regions, and one
    nationwide: an event meets the few that may hold it, and every arrangement that does."""
    places = lexicon().places.values()
    towns = _towns("TR", 0.1)
    regions = [r for r in places if r.kind == "admin1" and r.country == "TR"]
    turkey = next(r for r in places if r.kind == "country" and r.country == "TR")
    areas = [[_place(t)] for t in towns[::3]] + [[_place(r)] for r in regions] + [[_place(turkey)]]
    rows = [
        {"record": {"id": f"arr-{n}", "places": places, "start": None, "end": None}}
        for n, places in enumerate(areas)
    ]
    index = Areas(rows)
    watch = ("2016-05-01", "2016-05-10")
    met = linked = 0
    for n, town in enumerate(towns):
        event = {
            "id": f"evt-{n}",
            "type": "battles",
            "date": "2016-05-04",
            "place": _place(town),
            "actor1": None,
            "evidence": {},
        }
        near = index.near(event["place"])
        met += len(near)
        held = [row for row in rows if candidate(row["record"], watch, event) is not None]
        assert all(any(row is other for other in near) for row in held)
        linked += len(held)
    assert linked > 2 * len(towns)  # the nationwide one, its region's, a town's own
    assert met < 15 * len(towns) < len(towns) * len(rows) / 10
