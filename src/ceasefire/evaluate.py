"""Scorers for `ceasefire eval`: the extractor against data coded by people outside the project.

Each scorer reads a published CSV as it is, runs the extractor on its text, and returns
figures with the counts behind them. Nothing here knows individual rows: the label mappings
(FA-KES governorates) are documented tables under `knowledge/`.
"""

from __future__ import annotations

import csv
import math
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from ceasefire import extract, knowledge
from ceasefire.geo import haversine_km
from ceasefire.records import Event, Place, Result

_DISTANCES_KM = (5, 25, 50)
_MOST_SPECIFIC = {"landmark": 0, "locality": 1, "city": 2, "admin1": 3, "country": 4}


@dataclass(slots=True)
class Score:
    """A named figure with the counts behind it."""

    name: str
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def line(self) -> str:
        return f"{self.name:<40} {self.value:6.3f}  ({self.hits}/{self.total})"


@dataclass(slots=True)
class Report:
    title: str
    scores: list[Score] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [self.title, *(s.line() for s in self.scores), *self.notes]
        if self.errors:
            lines += ["", "worst rows:", *self.errors]
        return "\n".join(lines)


def read_csv(path: str | Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV as published, tolerating the stray bytes some exports carry."""
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        yield from csv.DictReader(handle)


def main_place(places: list[Place]) -> Place | None:
    """The most specific place named in the country named most, the first of those in the
    text when several tie."""
    if not places:
        return None
    countries = Counter(p.country for p in places)
    return min(places, key=lambda p: (-countries[p.country], _MOST_SPECIFIC.get(p.kind, 5)))


def acled_date(value: str) -> str | None:
    """ACLED's `9-May-20` (or ISO) as YYYY-MM-DD."""
    for pattern in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), pattern).date().isoformat()
        except ValueError:
            continue
    return None


def score_places(path: str | Path, worst: int = 0) -> Report:
    """ACLED rows: the place the extractor finds in `notes` against ACLED's coded location."""
    within = Counter[int]()
    country_hits = found = total = 0
    misses: list[tuple[float, str]] = []
    started = time.perf_counter()
    for row in read_csv(path):
        total += 1
        result = extract(row["notes"], published=acled_date(row["event_date"]), language="en")
        place = main_place(result.places)
        if place is None:
            misses.append((math.inf, f"no place: {row['location']} | {row['notes'][:120]}"))
            continue
        found += 1
        km = haversine_km(place.lat, place.lon, float(row["latitude"]), float(row["longitude"]))
        for limit in _DISTANCES_KM:
            within[limit] += km <= limit
        country_hits += place.country == _country_code(row["country"])
        misses.append((km, f"{km:7.1f} km: {place.canonical} for {row['location']}"))
    seconds = time.perf_counter() - started
    report = Report(f"places on {Path(path).name}: {total} ACLED rows")
    report.scores = [Score(f"location within {km} km", within[km], total) for km in _DISTANCES_KM]
    report.scores += [
        Score("country", country_hits, total),
        Score("rows with a place found", found, total),
    ]
    report.notes.append(f"{total / seconds:,.0f} rows/s")
    report.errors = [line for _, line in sorted(misses, reverse=True)[:worst]]
    return report


_STATED_TOLL = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b[^.]{0,40}\b(?:killed|dead|died|"
    r"fatalit)|\b(?:killing|killed)\s+(?:\w+\s+){0,2}?\d+|no fatalities|fatalities nor|"
    r"no casualties|no injuries|no one was",
    re.IGNORECASE,
)
_UNSTATED_TOLL = re.compile(
    r"coded as 10|split|unknown fatalities|fatalities unknown", re.IGNORECASE
)


def acled_type(name: str) -> str:
    """ACLED's "Explosions/Remote violence" as SCHEMA.md's `explosions_remote_violence`."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def score_events(path: str | Path, worst: int = 0) -> Report:
    """ACLED rows: the first event the extractor finds in `notes` against the row's coding."""
    rules = _acled_agent_rules()
    pairs: list[tuple[str, str]] = []
    sub_hits = country_hits = agent_hits = agent_total = unstated_total = 0
    within = Counter[int]()
    toll_exact = toll_near = toll_total = total = 0
    misses: list[str] = []
    started = time.perf_counter()
    for row in read_csv(path):
        total += 1
        result = extract(row["notes"], published=acled_date(row["event_date"]), language="en")
        event = result.events[0] if result.events else None
        expected = acled_type(row["event_type"])
        pairs.append((expected, event.type if event else "none"))
        if event is None:
            misses.append(f"no event ({expected}): {row['notes'][:110]}")
            continue
        sub_hits += event.subtype == acled_type(row["sub_event_type"])
        if event.type != expected:
            misses.append(f"{event.type} for {expected}: {row['notes'][:110]}")
        if event.place is not None:
            km = haversine_km(
                event.place.lat, event.place.lon, float(row["latitude"]), float(row["longitude"])
            )
            for limit in _DISTANCES_KM:
                within[limit] += km <= limit
            country_hits += event.place.country == _country_code(row["country"])
        agent = _acled_agent(row["actor1"], rules)
        if agent is not None:
            agent_total += 1
            agent_hits += event.actor1 is not None and event.actor1.agent == agent
        if _STATED_TOLL.search(row["notes"]) and not _UNSTATED_TOLL.search(row["notes"]):
            toll_total += 1
            coded, got = int(row["fatalities"] or 0), event.fatalities or 0
            toll_exact += got == coded
            toll_near += abs(got - coded) <= 1
        else:
            unstated_total += 1
    seconds = time.perf_counter() - started
    report = Report(f"events on {Path(path).name}: {total} ACLED rows")
    report.scores = [
        Score("event type accuracy", sum(e == g for e, g in pairs), total),
        Score("sub-event type accuracy", sub_hits, total),
        *(Score(f"location within {km} km", within[km], total) for km in _DISTANCES_KM),
        Score("country", country_hits, total),
        Score("fatalities exact (notes state a toll)", toll_exact, toll_total),
        Score("fatalities within 1 (notes state a toll)", toll_near, toll_total),
        Score("actor1 agent type", agent_hits, agent_total),
    ]
    report.notes = [
        f"event type macro-F1 {macro_f1(pairs):.3f}",
        f"fatalities not scored on {unstated_total} rows whose notes state no toll"
        " (ACLED codes those 0, or 10 when unknown, or splits a total)",
        *confusion(pairs),
    ]
    report.notes.append(f"{total / seconds:,.0f} rows/s")
    report.errors = misses[:worst]
    return report


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 over the expected classes."""
    classes = sorted({e for e, _ in pairs})
    scores = []
    for cls in classes:
        tp = sum(e == cls and g == cls for e, g in pairs)
        fp = sum(e != cls and g == cls for e, g in pairs)
        fn = sum(e == cls and g != cls for e, g in pairs)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def confusion(pairs: list[tuple[str, str]]) -> list[str]:
    """The confusion matrix as text lines: expected by row, found by column."""
    rows = sorted({e for e, _ in pairs})
    columns = sorted({g for _, g in pairs} | set(rows))
    counts = Counter(pairs)
    width = max(len(c) for c in columns) + 1
    lines = [
        "confusion (rows: ACLED, columns: found):",
        " " * width + "".join(f"{c[:6]:>7}" for c in columns),
    ]
    for row in rows:
        lines.append(f"{row:<{width}}" + "".join(f"{counts[(row, c)]:>7}" for c in columns))
    return lines


def _acled_agent_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r["pattern"]), r["agent"]) for r in knowledge.load("acled_actors")["rules"]]


def _acled_agent(name: str, rules: list[tuple[re.Pattern[str], str]]) -> str | None:
    """SCHEMA.md agent type of an ACLED actor name, by the documented table."""
    if not name.strip():
        return None
    return next((agent for pattern, agent in rules if pattern.search(name)), None)


def score_articles(path: str | Path, worst: int = 0) -> Report:
    """FA-KES articles: governorate of the main place, cause of death and actor class of the
    main event, and its death toll, against the article's labels."""
    labels = knowledge.load("fakes_labels")
    counts = Counter[str]()
    misses: list[str] = []
    started = time.perf_counter()
    for row in read_csv(path):
        counts["articles"] += 1
        result = extract(row["article_content"], published=_fakes_date(row["date"]), language="en")
        event = main_event(result)
        expected = labels["governorates"].get(row["location"].strip().lower(), [])
        got = article_governorate(result)
        counts["governorate"] += got in expected
        cause = article_cause(event, labels["causes"])
        counts["cause"] += cause == row["cause_of_death"].strip().lower()
        actor = article_actor(event, labels["actors"])
        counts["actor"] += actor == row["actor"].strip().lower()
        deaths = _int(row["nb_civilians"]) + _int(row["nb_noncivilians"])
        toll = event.fatalities if event and event.fatalities is not None else 0
        counts["deaths exact"] += toll == deaths
        counts["deaths within 10%"] += abs(toll - deaths) <= 0.1 * deaths
        if got not in expected or cause != row["cause_of_death"].strip().lower():
            misses.append(
                f"governorate {got} for {expected}; cause {cause} for {row['cause_of_death']}; "
                f"actor {actor} for {row['actor'][:30]}: {row['article_title'][:60]}"
            )
    total = counts["articles"]
    report = Report(f"articles on {Path(path).name}: {total} FA-KES articles")
    report.scores = [
        Score("governorate of the main place", counts["governorate"], total),
        Score("cause of death of the main event", counts["cause"], total),
        Score("actor class of the main event", counts["actor"], total),
        Score("deaths exact", counts["deaths exact"], total),
        Score("deaths within 10 %", counts["deaths within 10%"], total),
    ]
    report.notes.append(f"{total / (time.perf_counter() - started):,.0f} articles/s")
    report.errors = misses[:worst]
    return report


_VIOLENT = ("battles", "explosions_remote_violence", "violence_against_civilians")


def main_event(result: Result) -> Event | None:
    """The article's main act of violence: the first with a death toll, else the first."""
    violent = [e for e in result.events if e.type in _VIOLENT]
    return next((e for e in violent if e.fatalities), violent[0] if violent else None)


def article_cause(event: Event | None, causes: list[dict[str, Any]]) -> str:
    """FA-KES cause of death of an event, by the documented table's first fitting rule."""
    if event is None:
        return "unknown"
    sentence = event.evidence.text.lower()
    for rule in causes:
        words = rule.get("words")
        if event.subtype in rule["subtypes"] and (not words or any(w in sentence for w in words)):
            return str(rule["cause"])
    return "unknown"


def article_actor(event: Event | None, classes: dict[str, dict[str, list[str]]]) -> str:
    """FA-KES actor class of an event's actor1, by the documented table."""
    actor = event.actor1 if event else None
    if actor is None:
        return "unknown"
    for label, rule in classes.items():
        if actor.canonical in rule.get("canonicals", []):
            return label
        if actor.country in rule.get("countries", []) and actor.agent in rule.get("agents", []):
            return label
    return "unknown"


def _fakes_date(value: str) -> str | None:
    try:
        return datetime.strptime(value.strip(), "%m/%d/%y").date().isoformat()
    except ValueError:
        return None


def _int(value: str) -> int:
    try:
        return int(float(value))
    except ValueError:
        return 0


def article_governorate(result: Result) -> str | None:
    """The Syrian region of the first place below the country that the article names: news
    names its main place first, in the headline or the lead."""
    for place in result.places:
        if place.country == "SY" and place.kind != "country":
            return place.admin1 or place.canonical
    return None


def score_agreements(path: str | Path, worst: int = 0) -> Report:
    """PA-X agreements: is a ceasefire named in the title exactly when PA-X codes `Cea`?"""
    tp = fp = fn = tn = 0
    misses: list[str] = []
    for row in read_csv(path):
        coded = row["Stage"].strip() == "Cea"
        found = bool(extract(row["Agt"], language="en").ceasefires)
        tp, fp = tp + (coded and found), fp + (found and not coded)
        fn, tn = fn + (coded and not found), tn + (not coded and not found)
        if coded != found:
            misses.append(f"{'missed' if coded else 'extra'}: {row['Agt'][:100]}")
    report = Report(f"agreements on {Path(path).name}: {tp + fp + fn + tn} PA-X titles")
    report.scores = [
        Score("precision (ceasefire named | found)", tp, tp + fp),
        Score("recall (found | PA-X stage Cea)", tp, tp + fn),
        Score("accuracy", tp + tn, tp + fp + fn + tn),
    ]
    report.errors = misses[:worst]
    return report


def _country_code(name: str) -> str | None:
    return _country_codes().get(name.strip().lower())


@cache
def _country_codes() -> dict[str, str]:
    """English country names (ACLED's) to ISO alpha-2, from the gazetteer's country rows: all
    their names, since ACLED writes "Palestine" where GeoNames writes "Palestinian Territory"."""
    return {
        name.lower(): row["country"]
        for row in knowledge.load_table("gazetteer")
        if row["kind"] == "country"
        for name in (row["name"], *row["names"].split("|"))
    }
