"""Actors of wars beyond Syria: every state by its name, the armed groups of current wars, and
generic words ("rebels", "the army", الجيش) read for the country the text is about."""

from __future__ import annotations

import pytest

from .conftest import canonicals


def _first(result: dict) -> dict:
    return result["ceasefires"][0]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania and Thailand met. Thailand and Cambodia agreed to an immediate ceasefire.",
        "اتفقت تايلاند وكمبوديا على وقف إطلاق النار فورا.",
    ],
)
def test_two_states_named_as_the_sides_are_parties(extract, text: str) -> None:
    parties = canonicals(_first(extract(text))["parties"])
    assert {"Thailand", "Cambodia"} <= parties


def test_a_state_named_as_a_side_stays_the_place_as_well(extract) -> None:
    result = extract("Rwanda and Burundi agreed to a ceasefire on Tuesday.")
    assert {"RW", "BI"} <= {p["country"] for p in result["places"]}
    assert {"RWA", "BDI"} <= {a["country"] for a in result["actors"]}


@pytest.mark.parametrize(
    "text",
    [
        "A rocket hit northern Nepal on Monday, killing three people.",
        "Fighting in eastern Chad and Niger killed dozens of people.",
    ],
)
def test_a_country_named_only_as_a_place_is_no_actor(extract, text: str) -> None:
    assert not [a for a in extract(text)["actors"] if a["agent"] == "GOV"]


@pytest.mark.parametrize(
    ("text", "army", "rebels"),
    [
        (
            "In Khartoum and Omdurman, the army and the Rapid Support Forces agreed to a truce.",
            "Sudanese Armed Forces",
            "Rapid Support Forces",
        ),
        (
            "في الخرطوم وأم درمان اتفق الجيش وقوات الدعم السريع على هدنة.",
            "Sudanese Armed Forces",
            "Rapid Support Forces",
        ),
        (
            "Near Goma and Rutshuru, the army and the rebels agreed to a humanitarian truce.",
            "Congolese army",
            "M23",
        ),
        (
            "قرب غوما وروتشورو اتفق الجيش والمتمردون على هدنة إنسانية.",
            "Congolese army",
            "M23",
        ),
    ],
)
def test_generic_sides_are_those_of_the_country_the_text_is_about(
    extract, text: str, army: str, rebels: str
) -> None:
    assert canonicals(_first(extract(text))["parties"]) == {army, rebels}


@pytest.mark.parametrize(
    "text",
    [
        "Near Aleppo and Idlib, government forces and rebels agreed to a truce.",
        "قرب حلب وإدلب اتفقت القوات الحكومية والفصائل المسلحة على هدنة.",
    ],
)
def test_generic_sides_in_syria_keep_their_syrian_reading(extract, text: str) -> None:
    assert canonicals(_first(extract(text))["parties"]) == {"Syrian army", "Syrian rebels"}


def test_generic_rebels_of_a_country_without_a_known_group_stay_generic(extract) -> None:
    text = "Near Kathmandu and Pokhara, the army and the rebels agreed to a ceasefire."
    parties = _first(extract(text))["parties"]
    assert {(a["canonical"], a["country"]) for a in parties} == {
        ("Nepal military", "NPL"),
        ("rebels", None),
    }


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "The Three Brotherhood Alliance declared a unilateral ceasefire.",
            "Three Brotherhood Alliance",
        ),
        ("أعلن تحالف الإخوة الثلاثة وقفا أحادي الجانب لإطلاق النار.", "Three Brotherhood Alliance"),
        ("The ELN declared a unilateral ceasefire for the holidays.", "National Liberation Army"),
        ("أعلن جيش التحرير الوطني وقفا أحادي الجانب لإطلاق النار.", "National Liberation Army"),
    ],
)
def test_armed_groups_of_current_wars_are_known(extract, text: str, group: str) -> None:
    assert group in canonicals(extract(text)["actors"])


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Hemedti said his forces would respect the truce.", "Rapid Support Forces"),
        ("قال حميدتي إن قواته ستلتزم بالهدنة.", "Rapid Support Forces"),
        ("Tshisekedi said the ceasefire was violated.", "Democratic Republic of Congo"),
        ("قال تشيسيكيدي إن وقف إطلاق النار انتهك.", "Democratic Republic of Congo"),
        ("Araghchi said Iran would respect the ceasefire.", "Iran"),
        ("قال عراقجي إن إيران ستحترم وقف إطلاق النار.", "Iran"),
        ("Nabih Berri said the truce must hold.", "Lebanese government"),
        ("قال نبيه بري إن الهدنة يجب أن تصمد.", "Lebanese government"),
    ],
)
def test_leaders_speak_for_their_side(extract, text: str, actor: str) -> None:
    assert actor in canonicals(extract(text)["actors"])


@pytest.mark.parametrize(
    "text",
    [
        "The truce between the Palestinian resistance and the occupation government took effect.",
        "صباح الجمعة دخلت الهدنة بين حكومة الاحتلال والمقاومة الفلسطينية حيز التنفيذ.",
    ],
)
def test_arabic_press_names_of_the_gaza_sides(extract, text: str) -> None:
    named = canonicals(extract(text)["actors"])
    assert "Palestinian factions" in named
    if "حكومة" in text:
        assert "Israel" in named


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("اتفق الجيش التشادي والمتمردون على هدنة قرب حلب وإدلب.", "Chad military"),
        ("أعلنت الحكومة الماليزية أن الطرفين اتفقا على هدنة في حلب.", "Malaysia"),
    ],
)
def test_an_arabic_adjective_of_nationality_names_the_generic_side(
    extract, text: str, actor: str
) -> None:
    named = canonicals(extract(text)["actors"])
    assert actor in named
    assert not named & {"Syrian army", "Syrian government"}


@pytest.mark.parametrize(
    "text",
    [
        "Fighting resumed in eastern Congo despite the truce.",
        "تجدد القتال في شرق الكونغو رغم الهدنة.",
    ],
)
def test_congo_is_the_democratic_republic(extract, text: str) -> None:
    assert {p["country"] for p in extract(text)["places"]} == {"CD"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Chadian troops crossed the border near Adre on Monday.", "Chad military"),
        ("عبرت القوات التشادية الحدود قرب أدري يوم الاثنين.", "Chad military"),
        ("Nigerien authorities announced a truce with the rebels.", "Niger"),
        ("أعلنت السلطات النيجرية هدنة مع المتمردين.", "Niger"),
    ],
)
def test_a_state_is_named_by_its_adjective_and_a_noun_of_office_or_force(
    extract, text: str, actor: str
) -> None:
    assert actor in canonicals(extract(text)["actors"])


def test_a_surname_after_the_full_name_names_the_same_person(extract) -> None:
    result = extract(
        "أعلن الرئيس الأفغاني أشرف غني انتهاء الهدنة. وقال غني إن الهدنة انتهت رسميا.",
        published="2018-07-01",
    )
    second = [c for c in result["ceasefires"] if c["evidence"]["text"].startswith("وقال")]
    assert second and {a["canonical"] for a in second[0]["characterized_by"]} == {
        "Afghan government"
    }


def test_a_surname_before_any_full_name_is_a_plain_word(extract) -> None:
    result = extract("قال رجل غني إن الهدنة انتهت.", published="2018-07-01")
    assert all(not c["characterized_by"] for c in result["ceasefires"])


@pytest.mark.parametrize(
    ("published", "side"),
    [("2024-06-01", "Hayat Tahrir al-Sham"), ("2025-03-01", "Syrian government")],
)
def test_a_person_speaks_for_the_side_he_held_when_the_text_was_written(
    extract, published: str, side: str
) -> None:
    result = extract("Ahmed al-Sharaa said the truce in Idlib would hold.", published=published)
    assert {a["canonical"] for c in result["ceasefires"] for a in c["characterized_by"]} == {side}
