"""Violation candidates: armed violence inside an arrangement's area during its window.

An event is inside the area when it lies within the radius of one of the arrangement's places,
or in one of its regions, or anywhere in the country of a nationwide arrangement. The score
says how sure the link is, as the sum of its named `reasons` (how precisely the event is
placed, whether it falls within the arrangement's stated dates, whether the reports name who
did it): an unattributed candidate ranks below an attributed one; the weights are in
`knowledge/resolution.yaml`.
"""

from __future__ import annotations

import json
import urllib.request
from collections import Counter
from datetime import date, timedelta
from functools import cache
from typing import Any

from ceasefire import knowledge
from ceasefire.geo import place_km, region_of


@cache
def _rules() -> dict[str, Any]:
    data = knowledge.load("resolution")
    return {**data["monitor"], "radius_km": data["area"]["radius_km"]}


def violent(event: dict[str, Any]) -> bool:
    return event["type"] in _rules()["violent_types"]


def window(arrangement: dict[str, Any], last_seen: str) -> tuple[str, str]:
    """The dates an arrangement is watched over: its start (else its last report) to its end,
    else some days past its last report."""
    start = arrangement["start"] or last_seen
    if arrangement["end"]:
        return start, arrangement["end"]
    days = timedelta(days=_rules()["open_window_days"])
    return start, (date.fromisoformat(last_seen[:10]) + days).isoformat()


def candidate(
    arrangement: dict[str, Any], watch: tuple[str, str], event: dict[str, Any]
) -> dict[str, Any] | None:
    """The violation candidate linking an event to an arrangement watched over `watch`
    (its `window`), or None."""
    rules = _rules()
    when, place = event.get("date"), event.get("place")
    if not violent(event) or not when or not place:
        return None
    start, end = watch
    if not start <= when <= end:
        return None
    where = _placement(arrangement["places"], place, rules)
    if where is None:
        return None
    stated = arrangement["start"] and arrangement["end"]
    actor = event.get("actor1")
    attributed = actor if _blamed(actor, rules) else None
    names = [where, "inside_stated_dates" if stated else "inside_watched_window"]
    if attributed is not None:
        names.append("attributed")
    reasons = [{"reason": name, "weight": rules["score"][name]} for name in names]
    return {
        "arrangement_id": arrangement["id"],
        "event_id": event["id"],
        "score": round(min(sum(r["weight"] for r in reasons), 1.0), 3),
        "reasons": reasons,
        "attributed_to": attributed,
        "evidence": event["evidence"],
    }


def _blamed(actor: dict[str, Any] | None, rules: dict[str, Any]) -> bool:
    """Do the reports name who did it: a doer, not civilians, nor a stand-in for a doer no
    one names ("unidentified armed group")?"""
    return (
        actor is not None
        and actor["agent"] != "CVL"
        and actor["canonical"] not in rules["unnamed_doers"]
    )


def radius_km(kind: str) -> float:
    """The radius around a place of this kind in an arrangement's scope."""
    radii = _rules()["radius_km"]
    return radii.get(kind, radii["city"])


def _placement(
    scope: list[dict[str, Any]], place: dict[str, Any], rules: dict[str, Any]
) -> str | None:
    """How the event's place sits in the scope: within a radius, in a region, in the
    country of a nationwide arrangement; None when outside. `area_index.Areas` must find
    every arrangement this places an event in: the two change together."""
    found = None
    for area_place in scope:
        if area_place["kind"] == "country":
            if place.get("country") == area_place["country"]:
                found = found or "place_in_country"
            continue
        radius = radius_km(area_place["kind"])
        precise = place["kind"] not in ("admin1", "country")
        if precise and place_km(area_place, place) <= radius:
            return "place_within_radius"
        regional = "admin1" in (area_place["kind"], place["kind"])
        if regional and place["kind"] != "country" and region_of(place) == region_of(area_place):
            found = "place_in_region"
    return found


def compliance(violations: list[dict[str, Any]], dates: dict[str, str]) -> list[dict[str, Any]]:
    """Violation candidates per day, oldest first; `dates` gives each event's date."""
    per_day = Counter(dates[v["event_id"]] for v in violations if v["event_id"] in dates)
    return [{"date": day, "violations": n} for day, n in sorted(per_day.items())]


def post_alerts(
    url: str, threshold: int, arrangement: dict[str, Any], days: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """POST one JSON alert per day on which an arrangement reached `threshold` violation
    candidates; returns what was sent. A failing webhook raises OSError naming the URL."""
    sent = []
    for day in days:
        if day["violations"] < threshold:
            continue
        alert = {
            "arrangement_id": arrangement["id"],
            "arrangement_type": arrangement["type"],
            "date": day["date"],
            "violations": day["violations"],
            "threshold": threshold,
        }
        request = urllib.request.Request(
            url,
            data=json.dumps(alert).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        except OSError as exc:
            raise OSError(f"webhook {url} refused the alert: {exc}") from exc
        sent.append(alert)
    return sent
