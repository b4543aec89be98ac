"""The linking rules on short real extractions, without a database."""

from __future__ import annotations

from typing import Any

import ceasefire
from ceasefire.arrangements import build, gather, rules
from ceasefire.event_links import build as build_event
from ceasefire.event_links import group, reports_of
from ceasefire.mentions import mentions_of
from ceasefire.monitor import candidate, window


def _records(text: str, published: str) -> dict[str, Any]:
    return ceasefire.extract(text, published=published, language=None).to_dict()


def _arrangements(docs: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    silent = rules().silent
    mentions = [
        m
        for doc_id, (published, text) in docs.items()
        for m in mentions_of(doc_id, published, _records(text, published), silent)
    ]
    return [build(draft) for draft in gather(mentions)]


US = (
    "2016-05-04",
    "Washington said on Wednesday that the truce in Aleppo had been agreed with Moscow and "
    "would hold from Thursday.",
)
RUSSIA = (
    "2016-05-05",
    "Russia's defence ministry announced a 48-hour regime of calm in Aleppo starting on Thursday.",
)
YEMEN = (
    "2016-05-05",
    "In Yemen, a truce between the Houthis and the government was announced in Taiz on Thursday.",
)


def test_two_names_for_one_arrangement_in_the_same_week_are_one() -> None:
    [aleppo] = _arrangements({"us": US, "ru": RUSSIA})
    said = {(c["actor"]["canonical"], c["type"]) for c in aleppo["characterizations"]}
    assert {("United States", "truce"), ("Russia", "regime_of_calm")} <= said
    assert {m["document_id"] for m in aleppo["mentions"]} == {"us", "ru"}


def test_a_truce_in_yemen_is_not_the_aleppo_arrangement() -> None:
    found = _arrangements({"us": US, "ru": RUSSIA, "ye": YEMEN})
    assert len(found) == 2
    yemen = next(a for a in found if {m["document_id"] for m in a["mentions"]} == {"ye"})
    assert {p["country"] for p in yemen["places"]} == {"YE"}


def test_the_same_words_months_apart_are_two_arrangements() -> None:
    later = ("2016-09-12", RUSSIA[1].replace("on Thursday", "on Monday"))
    assert len(_arrangements({"may": RUSSIA, "sep": later})) == 2


def test_a_passing_reference_founds_nothing() -> None:
    aside = ("2016-05-05", "Analysts compared the situation with earlier ceasefires elsewhere.")
    assert _arrangements({"aside": aside}) == []


def _events(docs: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    reports = [
        r
        for doc_id, (published, text) in docs.items()
        for r in reports_of(doc_id, _records(text, published))
    ]
    return [build_event(g) for g in group(reports)]


SHELLING = "Government forces shelled Aleppo on Friday, killing three civilians."


def test_one_shelling_reported_twice_is_one_event_with_two_sources() -> None:
    [event] = _events(
        {
            "a": ("2016-05-07", SHELLING),
            "b": (
                "2016-05-07",
                "Three civilians were killed when regime forces shelled Aleppo on Friday.",
            ),
        }
    )
    assert {s["document_id"] for s in event["sources"]} == {"a", "b"}
    assert event["fatalities"] == 3


def test_the_same_shelling_words_in_another_city_are_another_event() -> None:
    events = _events(
        {"a": ("2016-05-07", SHELLING), "b": ("2016-05-07", SHELLING.replace("Aleppo", "Idlib"))}
    )
    assert len(events) == 2


def test_an_event_outside_the_area_or_the_window_is_no_violation() -> None:
    [aleppo] = _arrangements({"us": US, "ru": RUSSIA})
    [inside] = _events({"a": ("2016-05-07", SHELLING)})
    [elsewhere] = _events({"b": ("2016-05-07", SHELLING.replace("Aleppo", "Idlib"))})
    [later] = _events({"c": ("2016-08-20", SHELLING)})
    watch = window(aleppo, "2016-05-05")
    assert candidate(aleppo, watch, inside) is not None
    assert candidate(aleppo, watch, elsewhere) is None
    assert candidate(aleppo, watch, later) is None
    assert candidate(aleppo, watch, inside)["attributed_to"]["canonical"] == "Syrian army"


def test_a_candidate_says_why_and_an_unattributed_one_ranks_lower() -> None:
    [aleppo] = _arrangements({"us": US, "ru": RUSSIA})
    [named] = _events({"a": ("2016-05-07", SHELLING)})
    [unnamed] = _events({"b": ("2016-05-07", "Shells hit Aleppo on Friday, killing three.")})
    watch = window(aleppo, "2016-05-05")
    attributed, unattributed = candidate(aleppo, watch, named), candidate(aleppo, watch, unnamed)
    assert [r["reason"] for r in attributed["reasons"]][-1] == "attributed"
    assert "attributed" not in {r["reason"] for r in unattributed["reasons"]}
    assert unattributed["attributed_to"] is None
    assert unattributed["score"] < attributed["score"]


def test_a_doer_no_one_names_leaves_the_candidate_unattributed() -> None:
    [aleppo] = _arrangements({"us": US, "ru": RUSSIA})
    [bombing] = _events({"a": ("2016-05-07", "A car bomb exploded in Aleppo on Friday.")})
    assert bombing["actor1"]["canonical"] == "unidentified armed group"
    found = candidate(aleppo, window(aleppo, "2016-05-05"), bombing)
    assert found["attributed_to"] is None
    assert "attributed" not in {r["reason"] for r in found["reasons"]}
