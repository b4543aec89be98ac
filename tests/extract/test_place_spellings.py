"""Places: other romanizations of a town's name, another town's countryside, and a town
abroad that only looks like a village the gazetteer lacks."""

from __future__ import annotations

import pytest

from ceasefire.extract.spellings import may_be_name, skeleton


@pytest.mark.parametrize(
    ("press", "gazetteer"),
    [
        ("Tell Abiad", "Tall Abyaḑ"),
        ("Kansafra", "Kansafrah"),
        ("Quamishli", "Al Qāmishlī"),
        ("Basira", "Al Busayrah"),
        ("Ras Al Ain", "Ra's al 'Ayn"),
        ("Maaret al-Nouman", "Ma‘arrat an Nu‘mān"),
    ],
)
def test_spellings_of_one_name_share_a_skeleton(press: str, gazetteer: str) -> None:
    assert skeleton(press) == skeleton(gazetteer)


def test_different_names_differ_and_english_words_are_not_names() -> None:
    assert skeleton("Idlib") != skeleton("Aleppo")
    assert not may_be_name("Syrian") and not may_be_name("April") and not may_be_name("Eastern")
    assert may_be_name("Kansafra")


def _places(extract, text: str) -> list[tuple[str, str, str | None]]:
    return [(p["canonical"], p["country"], p["admin1"]) for p in extract(text)["places"]]


def test_a_town_spelled_otherwise_is_found_in_the_region_named(extract) -> None:
    text = "Regime forces shelled the town of Kefer Nebel in Idlib province on Monday."
    assert ("Kafranbel", "SY", "Idlib") in _places(extract, text)
    [event] = extract(text)["events"]
    assert event["place"]["canonical"] == "Kafranbel"


def test_a_spelling_counts_only_in_a_region_the_text_names(extract) -> None:
    # the same name, but no region of Syria named: nothing to confirm it
    assert _places(extract, "Shelling hit Kefer Nebel on Monday.") == []


def test_another_towns_countryside_is_around_that_town(extract) -> None:
    [town] = extract("Turkish forces shelled villages in Tell Abiad countryside.")["places"]
    assert (town["canonical"], town["kind"]) == ("Tall Abyaḑ", "locality")
    [region] = extract("Regime forces shelled villages in Idlib countryside.")["places"]
    assert (region["canonical"], region["kind"]) == ("Idlib", "admin1")


def test_a_town_abroad_gives_way_to_the_region_named(extract) -> None:
    # Rihaniya here is a village of al-Hasakeh, not the Israeli town of that name
    text = "Rebels looted crops in Rihaniya in al-Hasakeh on Saturday."
    assert {country for _, country, _ in _places(extract, text)} == {"SY"}


def test_a_town_named_before_a_road_word_is_a_place(extract) -> None:
    text = "Rioters blocked the Halba highway with burning tyres on Saturday."
    [event] = extract(text)["events"]
    assert (event["place"]["canonical"], event["place"]["country"]) == ("Halba", "LB")


def test_a_place_name_inside_the_words_of_an_act_is_not_a_place(extract) -> None:
    text = "Rioters hurled Molotov cocktails at a bank branch in Beirut."
    assert [p["canonical"] for p in extract(text)["places"]] == ["Beirut"]
