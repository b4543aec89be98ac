"""One event per act: a lede and its body, a source's further words, war totals and running
tolls, history told in a timeline, speakers, the quarters of a city. Invented sentences of the
constructions wire reports use."""

from __future__ import annotations

import pytest


def _events(extract, text: str) -> list[dict]:
    return extract(text, published="2019-03-12")["events"]


def test_an_act_the_lede_names_is_the_one_the_body_counts(extract) -> None:
    text = (
        "Rebel rockets hit Hama on Monday. "
        "Residents said the city was calm by the evening. "
        "Nine civilians were killed when rebels fired rockets on a market in Hama."
    )
    [event] = _events(extract, text)
    assert (event["subtype"], event["place"]["canonical"], event["fatalities"]) == (
        "shelling_artillery_missile_attack",
        "Ḩamāh",
        9,
    )
    assert event["evidence"]["text"].startswith("Rebel rockets hit Hama")


def test_acts_told_with_tolls_of_their_own_in_the_body_stay_apart(extract) -> None:
    text = (
        "Residents said the city was calm by the evening. "
        "Rebels fired rockets on a market in Hama on Monday. "
        "Rebels fired rockets on a school in Hama on Monday, killing four children."
    )
    tolls = [e["fatalities"] for e in _events(extract, text)]
    assert tolls == [None, 4]


def test_a_source_saying_more_tells_no_further_act(extract) -> None:
    text = (
        "Government air strikes hit Idlib on Monday, killing 12 people, a monitor said. "
        "The monitor further said that the government air strikes on Idlib killed 12."
    )
    assert len(_events(extract, text)) == 1


def test_also_before_an_act_still_tells_another(extract) -> None:
    text = (
        "Government air strikes hit Idlib on Monday, killing 12 people, a monitor said. "
        "Government air strikes also hit Idlib on Monday, killing 5."
    )
    assert [e["fatalities"] for e in _events(extract, text)] == [12, 5]


@pytest.mark.parametrize(
    "total",
    [
        "Syria's civil war, now in its eighth year, has killed more than 370,000 people.",
        "The conflict has claimed more than 10,000 lives.",
    ],
)
def test_a_war_total_is_no_acts_toll(extract, total: str) -> None:
    text = f"Government forces shelled Daraa on Monday. {total}"
    [event] = _events(extract, text)
    assert event["fatalities"] is None


def test_an_arabic_war_total_is_no_acts_toll(extract) -> None:
    text = "قصفت قوات النظام مدينة درعا يوم الاثنين. وأسفر النزاع عن مقتل أكثر من 370 ألف شخص."
    [event] = _events(extract, text)
    assert event["fatalities"] is None


def test_a_toll_counted_since_a_truce_collapsed_is_no_event(extract) -> None:
    text = (
        "A monitor said 140 civilians have been killed by air strikes and shelling on rebel "
        "districts in and around Homs since a U.N.-backed cease-fire collapsed on Friday."
    )
    assert _events(extract, text) == []


def test_a_timeline_entry_of_a_past_year_is_no_event_of_the_news(extract) -> None:
    text = "Rebels shelled Hama on Monday. October 2015 Russian jets begin air strikes in Syria."
    assert [e["subtype"] for e in _events(extract, text)] == ["shelling_artillery_missile_attack"]


def test_a_weeks_count_is_no_event(extract) -> None:
    assert _events(extract, "Air strikes killed dozens this week in Raqqa, a monitor said.") == []


def test_one_who_tells_of_an_act_is_not_its_doer(extract) -> None:
    text = (
        "A source at the Hama Police Command told the agency that gunmen fired mortar "
        "shells on a market in Hama on Monday."
    )
    [event] = _events(extract, text)
    doer = event["actor1"]
    assert doer is None or doer["canonical"] != "Syrian security forces"


def test_a_district_named_with_its_article_is_a_quarter_not_a_city_abroad(extract) -> None:
    text = (
        "Government helicopters dropped barrel bombs on Aleppo on Monday, a monitor said. "
        "The monitor reported a new barrel bomb attack on the district of Al Mashhad."
    )
    countries = {e["place"]["country"] for e in _events(extract, text) if e["place"]}
    assert countries == {"SY"}
