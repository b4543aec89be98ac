"""Where a ceasefire applies, where it was made, and what it leaves out (extract/scope.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ceasefire import knowledge
from ceasefire.extract.lexicon import lexicon
from ceasefire.pipeline import ingest
from ceasefire.resolve import resolve
from ceasefire.store import DocumentStore, open_store
from ceasefire.store.resolved import ResolvedStore


def _field(result: dict[str, Any], key: str) -> set[str]:
    """The canonical names of a field of the document's ceasefire mentions."""
    return {p["canonical"] for c in result["ceasefires"] for p in c[key]}


def _excluded(result: dict[str, Any], key: str) -> set[str]:
    return {x["canonical"] for c in result["ceasefires"] for x in c["excluded"][key]}


def test_talks_venue_is_not_scope(extract) -> None:
    for text in (
        "The truce in Hodeidah was agreed at talks in Stockholm.",
        "The ceasefire in Hodeidah was signed today in Stockholm.",
    ):
        result = extract(text)
        assert _field(result, "places") == {"Al Hudaydah"}, text
        assert _field(result, "venues") == {"Stockholm"}, text


def test_dateline_is_a_venue(extract) -> None:
    result = extract("BEIRUT (Reuters) - A truce took effect across Lebanon on Monday.")
    assert _field(result, "places") == {"Lebanon"}
    assert _field(result, "venues") == {"Beirut"}
    result = extract("Shelling went on in Beirut despite the truce.")
    assert _field(result, "places") == {"Beirut"}
    assert _field(result, "venues") == set()


def test_press_conference_city_is_a_venue_in_arabic(extract) -> None:
    result = extract("وقال الوزير في مؤتمر صحفي في بيروت إن الهدنة في الجنوب صامدة.")
    assert "Beirut" in _field(result, "venues")
    assert "Beirut" not in _field(result, "places")


def test_excluded_places(extract) -> None:
    for text in (
        "The truce covers Hama but does not include Idlib.",
        "تشمل الهدنة مدينة حماة ولا تشمل إدلب.",
        "The truce applies to all areas except Idlib and Hama.",
    ):
        result = extract(text)
        assert "Idlib" in _excluded(result, "places"), text
        assert "Idlib" not in _field(result, "places"), text
    result = extract("The truce applies to all areas except Idlib and Hama.")
    assert _excluded(result, "places") == {"Idlib", "Ḩamāh"}


def test_excluded_actors_are_not_parties(extract) -> None:
    result = extract("Islamic State and the Nusra Front are excluded from the truce.")
    assert _excluded(result, "actors") == {"Islamic State", "Jabhat al-Nusra"}
    result = extract("قال الجيش إن الهدنة لا تشمل تنظيم داعش.")
    assert _excluded(result, "actors") == {"Islamic State"}
    assert "Islamic State" not in {
        a["canonical"] for c in result["ceasefires"] for a in c["parties"]
    }
    result = extract("A truce between the army and the rebels took effect.")
    assert _excluded(result, "actors") == set()


def test_nationwide_scope_is_the_country(extract) -> None:
    assert _field(extract("A ceasefire in Sudan took effect on Monday."), "places") == {"Sudan"}
    assert _field(extract("دخلت الهدنة في اليمن حيز التنفيذ يوم الاثنين."), "places") == {"Yemen"}


def test_a_capital_standing_for_its_government_is_not_scope(extract) -> None:
    result = extract("Moscow urged Kyiv to respect the truce in Ukraine.")
    assert _field(result, "places") == {"Ukraine"}


def test_two_states_agreeing_are_the_scope(extract) -> None:
    result = extract("Officials said Thailand and Cambodia had agreed to a ceasefire.")
    assert _field(result, "places") == {"Thailand", "Cambodia"}


def test_common_words_are_not_places(extract) -> None:
    # an adjective "on the ground", midnight, the capital: no towns abroad
    result = extract("قال مصدر ميداني إن الهدنة في حلب صامدة منذ منتصف الليل في العاصمة.")
    assert {p["canonical"] for p in result["places"]} == {"Aleppo"}
    result = extract("The army announced a truce for Ramadan in Yemen.")
    assert {p["canonical"] for p in result["places"]} == {"Yemen"}


def test_arrangement_gathers_venues_and_exclusions(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Truce agreed for Hodeidah\n\nThe government and the Houthis agreed on Monday, 2 May "
        "2016, at talks in Stockholm, to a truce in Hodeidah that does not include Taiz.\n",
        encoding="utf-8",
    )
    store = DocumentStore(open_store(str(tmp_path / "scope.db")))
    ingest([str(corpus)], store)
    resolve(store.engine)
    records = [row["record"] for row in ResolvedStore(store.engine).arrangement_rows()]
    [record] = [r for r in records if any(p["canonical"] == "Al Hudaydah" for p in r["places"])]
    assert {p["canonical"] for p in record["venues"]} == {"Stockholm"}
    assert {p["canonical"] for p in record["excluded"]["places"]} == {"Taiz"}
    assert "Taiz" not in {p["canonical"] for p in record["places"]}


def test_a_truce_without_a_place_is_the_country_the_text_is_about(extract) -> None:
    for text in (
        "The war in Yemen has lasted eight years. The parties said the truce was holding.",
        "استمرت الحرب في اليمن ثماني سنوات. وقال الطرفان إن الهدنة صامدة.",
    ):
        [truce] = extract(text)["ceasefires"]
        assert [p["canonical"] for p in truce["places"]] == ["Yemen"], text
        # the evidence is the sentence that names the country
        assert truce["places"][0]["evidence"]["text"] == text.split(".")[0] + "."
    # a text about a local truce names its town: the other mentions are not made nationwide
    result = extract("The truce in Aleppo held on Monday. Residents said the truce was fragile.")
    assert [[p["canonical"] for p in c["places"]] for c in result["ceasefires"]] == [["Aleppo"], []]


def test_an_arabic_place_before_the_term_is_not_its_scope(extract) -> None:
    result = extract("أعلن المركز الروسي في سورية التوصل إلى اتفاق لوقف إطلاق النار في إدلب.")
    assert _field(result, "places") == {"Idlib"}
    assert [c["term"] for c in result["ceasefires"]] == ["اتفاق لوقف إطلاق النار"]


def test_regions_of_other_wars_are_places(extract) -> None:
    for text, region in (
        ("A truce took effect in North Kivu on Monday.", "Nord Kivu"),
        ("The ceasefire covers northern Shan State.", "Shan State"),
        ("The truce in Tigray held through the night.", "Tigray"),
    ):
        assert _field(extract(text), "places") == {region}, text


def test_a_region_name_that_is_a_common_word_is_not_a_place(extract) -> None:
    result = extract("The National Unity Government said the truce would hold in the Sahel.")
    assert {p["country"] for p in result["places"]} <= {None}


def test_a_ceasefire_without_a_place_is_the_whole_country_of_its_war(extract) -> None:
    result = extract(
        "At talks in Havana, Colombia's ELN guerrillas and the government agreed to a "
        "bilateral ceasefire."
    )
    assert {p["country"] for c in result["ceasefires"] for p in c["places"]} == {"CO"}


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit the al-Mashhad district of Aleppo, killing three.",
        "سقطت قذائف على حي المشهد في حلب.",
    ],
)
def test_a_quarter_of_a_city_is_no_town_abroad(extract, text: str) -> None:
    assert {p["country"] for p in extract(text)["places"]} == {"SY"}


@pytest.mark.parametrize(
    "text",
    [
        "The truce starts on Friday. However, it is confined to the Shan region and does not "
        "extend to the Rakhine region.",
    ],
)
def test_a_sentence_going_on_about_the_arrangement_gives_its_scope(extract, text) -> None:
    result = extract(text)
    assert _field(result, "places") == {"Shan State"}
    assert _excluded(result, "places") == {"Rakhine"}


def test_a_region_seat_in_a_list_of_regions_is_kept(extract) -> None:
    result = extract("The truce started on Friday in the provinces of Quneitra, Deraa and Suweida.")
    assert {p["admin1"] for c in result["ceasefires"] for p in c["places"]} == {
        "Daraa",
        "As-Suwayda",
        "Quneitra",
    }


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Israel and Iran agreed to a ceasefire on Tuesday.", {"IL", "IR"}),
        ("Russia and Ukraine agreed to a ceasefire on Tuesday.", {"UA"}),
    ],
)
def test_a_war_between_states_is_placed_where_it_is_fought(extract, text, countries) -> None:
    result = extract(text, published="2025-06-24")
    assert {p["country"] for c in result["ceasefires"] for p in c["places"]} == countries


def test_a_story_of_one_region_that_never_names_its_country_is_that_regions(extract) -> None:
    text = (
        "بدأ سريان وقف إطلاق النار ظهر الجمعة.\n\n"
        "وعاد آلاف النازحين إلى مدينة غزة وشمال قطاع غزة لتفقد منازلهم."
    )
    assert _field(extract(text), "places") == {"Gaza Strip"}
    # places in two regions tell no one region: the scope stays unsaid
    text = text.replace("وشمال قطاع غزة", "ومدينة الخليل")
    assert _field(extract(text), "places") == set()


@pytest.mark.parametrize(
    "text",
    [
        "A Kyiv Post reporter saw shelling near the front after the ceasefire took effect.",
        "فلسطين اليوم- غزة\n\nبدأ سريان وقف إطلاق النار في قطاع غزة ظهر الجمعة.",
    ],
)
def test_an_outlet_named_after_a_place_puts_no_place_in_the_story(extract, text) -> None:
    result = extract(text)
    assert {"Kyiv", "Palestinian Territory"}.isdisjoint({p["canonical"] for p in result["places"]})
    assert {a["canonical"] for a in result["actors"]} & {"Kyiv Post", "Palestine Today"}


@pytest.mark.parametrize(
    ("text", "published", "regions"),
    [
        (
            "The cease-fire held overnight around Mariupol. Officials in Kyiv accused Russia of"
            " breaking the Minsk agreements.",
            "2015-02-15",
            {"Donetsk", "Luhansk"},
        ),
        (
            "صمد وقف إطلاق النار في الحديدة ليلة أمس. ودعت الحكومة اليمنية إلى احترام اتفاق"
            " استوكهولم.",
            "2018-12-18",
            {"Al Hudaydah"},
        ),
    ],
)
def test_an_agreement_named_for_its_venue_covers_what_its_text_says(
    extract, text: str, published: str, regions: set[str]
) -> None:
    found = extract(text, published=published)["ceasefires"]
    named = [c for c in found if any(w in c["term"] for w in ("agreement", "اتفاق"))]
    assert [{p["canonical"] for p in c["places"]} for c in named] == [regions]
    assert {p["kind"] for c in named for p in c["places"]} == {"admin1"}


def test_a_named_agreement_covers_nothing_in_a_text_naming_no_place_of_its_country(
    extract,
) -> None:
    text = "The truce held overnight. Officials recalled the Stockholm agreement of another war."
    assert all(not c["places"] for c in extract(text)["ceasefires"])


def test_every_named_agreement_is_sourced_and_its_places_are_in_the_gazetteer() -> None:
    places = lexicon().places
    for entry in knowledge.load("agreements")["agreements"]:
        assert entry["source"], entry
        assert str(entry["venue"]) in places, entry
        assert all(str(area) in places for area in entry["covers"]), entry
