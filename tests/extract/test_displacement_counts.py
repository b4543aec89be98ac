"""Displacement records: explicit counts of people tied to a displacement word, in English and
Arabic, and the numbers beside them that count something else."""

from __future__ import annotations

import pytest

from ceasefire.extract.analysis import analyse
from ceasefire.extract.lexicon import lexicon


def _counts(extract, text: str) -> list[int | None]:
    return [d["count"] for d in extract(text)["displacement"]]


@pytest.mark.parametrize(
    "text",
    [
        "More than 12,000 people fled from Idlib towards Turkey on Monday.",
        "فر أكثر من 12 ألف شخص من إدلب إلى تركيا يوم الاثنين.",
    ],
)
def test_count_with_origin_and_destination(extract, text: str) -> None:
    [moved] = extract(text)["displacement"]
    assert moved["count"] == 12000
    assert moved["origin"]["country"] == "SY"
    assert moved["destination"]["country"] == "TR"
    assert moved["conditional"] is False


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of civilians fled from Idlib towards Turkey on Monday.",
        "Hundreds of thousands of displaced people are expected to return home.",
        "فر آلاف المدنيين من إدلب باتجاه تركيا يوم الاثنين.",
        "تتواصل الدعوات لإغاثة مئات الآلاف من النازحين.",
    ],
)
def test_vague_quantities_are_no_count(extract, text: str) -> None:
    assert _counts(extract, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The shelling killed at least 40 people and displaced more than 9,000 people.",
        "أسفر القصف عن مقتل 40 شخصا ونزوح أكثر من 9 آلاف شخص.",
        "أدى القصف إلى استشهاد 40 شخصا ونزوح 9 آلاف آخرين.",
    ],
)
def test_a_death_toll_beside_a_displacement_is_not_displaced(extract, text: str) -> None:
    assert _counts(extract, text) == [9000]


@pytest.mark.parametrize(
    "text",
    [
        "Civilians will be able to flee through four corridors during a 48-hour pause.",
        "سيتمكن المدنيون من الفرار عبر أربعة ممرات خلال هدنة مدتها 48 ساعة.",
        "Donors pledged 25 million dollars for the evacuation of the wounded.",
        "تعهد المانحون بتقديم 25 مليون دولار لإجلاء الجرحى.",
        "In the third year of the war, the talks on the return of refugees resumed in 2019.",
    ],
)
def test_numbers_that_count_no_people_make_no_record(extract, text: str) -> None:
    assert _counts(extract, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The war has displaced 3.5 million people, among them 800,000 who crossed the border.",
        "تسببت الحرب بنزوح مليوني شخص، بينهم أكثر من 800 ألفا عبروا الحدود.",
    ],
)
def test_a_part_of_the_displaced_is_its_own_count(extract, text: str) -> None:
    first, part = _counts(extract, text)
    assert first in (3_500_000, 2_000_000)
    assert part == 800_000


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Some 1.2 million have fled since the offensive began.", 1_200_000),
        ("Two million people were displaced by the fighting.", 2_000_000),
        ("The army evacuated 350 from the besieged town.", 350),
        ("قالت الأمم المتحدة إن 1.2 مليون فروا منذ بدء الهجوم.", 1_200_000),
        ("نزح ألفا شخص من القرية.", 2000),
    ],
)
def test_the_subject_or_object_of_a_displacement_word(extract, text: str, count: int) -> None:
    assert _counts(extract, text) == [count]


@pytest.mark.parametrize(
    "text",
    [
        "Buses will evacuate 3,000 people on Sunday. The evacuation of the 3,000 people "
        "from Homs is to start at dawn.",
        "سوف تنقل الحافلات 3 آلاف شخص في عملية إجلاء يوم الأحد. وتبدأ عملية إجلاء 3 آلاف "
        "شخص من حمص فجرا.",
    ],
)
def test_a_count_told_twice_is_one_record(extract, text: str) -> None:
    [moved] = extract(text)["displacement"]
    assert moved["count"] == 3000
    assert moved["origin"]["canonical"] == "Homs"
    assert moved["conditional"] is True


def test_displaced_in_a_place_come_from_it(extract) -> None:
    [moved] = extract("Around 50,000 people have been displaced in Hama since March.")[
        "displacement"
    ]
    assert (moved["count"], moved["origin"]["name"]) == (50000, "Hama")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("نزوح مليوني شخص", [2_000_000]),
        ("عودة ألفين من السكان", [2000]),
        ("بينهم 250 ألفا", [250_000]),
        ("نحو 11 مليونا", [11_000_000]),
        ("1500 مقاتل و3000 مدني", [1500, 3000]),
        ("وب500 شخص", [500]),
        ("model A320 and B2", []),
    ],
)
def test_arabic_duals_and_accusative_multipliers(text: str, values: list[int]) -> None:
    assert [n.value for n in analyse(text, None, lexicon()).numbers] == values


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("In 2015 refugees crossed the sea in small boats.", []),
        ("منذ عام 2011 فر اللاجئون عبر الحدود.", []),
        ("A 12-year-old displaced child was found near the camp.", []),
        ("Some 80% of the displaced families are women and children.", []),
        ("In 2014, 300 families fled the town.", [300]),
        ("في عام 2014 نزحت 300 عائلة من البلدة.", [300]),
    ],
)
def test_years_modifiers_and_shares_are_no_count(extract, text: str, counts: list[int]) -> None:
    assert _counts(extract, text) == counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The UN says 13 million people need aid, including 6 million displaced.", [6_000_000]),
        ("The evacuation of 500 sick people began while 40,000 people remain trapped.", [500]),
        ("Some 5,000 soldiers and 3,000 civilians were evacuated.", [3000]),
        ("لا يزال 40 ألف شخص محاصرين في المدينة رغم إجلاء الجرحى.", []),
        ("بدأ إجلاء 500 شخص بينما لا يزال 40 ألف شخص محاصرين.", [500]),
    ],
)
def test_people_who_stay_are_not_displaced(extract, text: str, counts: list[int]) -> None:
    assert _counts(extract, text) == counts


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        (
            "Some 2,000 people fled from the besieged town of Madaya towards the city of Homs.",
            "Madaya",
            "Homs",
        ),
        ("نزح 3 آلاف شخص من مدينة حلب إلى تركيا.", "Aleppo", "Turkey"),
    ],
)
def test_a_place_noun_between_the_preposition_and_the_place(
    extract, text: str, origin: str, destination: str
) -> None:
    [moved] = extract(text)["displacement"]
    assert (moved["origin"]["canonical"], moved["destination"]["canonical"]) == (
        origin,
        destination,
    )


@pytest.mark.parametrize(
    ("text", "conditional"),
    [
        ("The army ordered 60,000 residents of the valley to evacuate by Friday.", True),
        ("أمرت القوات 60 ألفا من سكان الوادي بإخلاء منازلهم قبل الجمعة.", True),
        ("The fighting has forced more than 60,000 people from their homes.", False),
        ("أدت المعارك إلى تشريد أكثر من 60 ألف شخص.", False),
        ("قالت المنظمة إن 60 ألف شخص لجأوا إلى الدول المجاورة.", False),
    ],
)
def test_orders_are_projections_and_reported_facts_are_not(
    extract, text: str, conditional: bool
) -> None:
    [moved] = extract(text)["displacement"]
    assert (moved["count"], moved["conditional"]) == (60000, conditional)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("More than 70,000 people returned to the north of the valley on Sunday.", [70000]),
        ("عاد أكثر من 70 ألف شخص إلى شمال الوادي يوم الأحد.", [70000]),
        ("The army returned 90 prisoners on Sunday.", []),
        ("تأجلت عودة 3 رهائن إلى ذويهم.", []),
    ],
)
def test_returns_count_but_not_prisoners_or_hostages(extract, text: str, counts: list[int]) -> None:
    assert _counts(extract, text) == counts


def test_arabic_direction_word_before_the_place(extract) -> None:
    [moved] = extract("عاد أكثر من 70 ألف شخص إلى شمال غزة.")["displacement"]
    assert moved["destination"]["canonical"] == "Gaza"


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The strikes killed 12 people, including 5 children, as families fled.", []),
        ("وأسفرت الغارات عن مقتل 12 شخصا بينهم 5 أطفال، فيما فرت مئات العائلات.", []),
        (
            "The war displaced 3.5 million people, among them 800,000 children.",
            [3_500_000, 800_000],
        ),
        ("تسببت الحرب بنزوح 3.5 مليون شخص بينهم 800 ألف طفل.", [3_500_000, 800_000]),
    ],
)
def test_a_part_is_displaced_only_when_its_whole_is(extract, text: str, counts: list[int]) -> None:
    assert _counts(extract, text) == counts


def test_refugees_arrived_in_a_place_went_there(extract) -> None:
    [moved] = extract("The agency said 1,200 refugees arrived in Chad on Monday.")["displacement"]
    assert (moved["count"], moved["destination"]["canonical"]) == (1200, "Chad")


@pytest.mark.parametrize(
    "text",
    [
        "The deal provides for the evacuation of 1,500 fighters and 3,000 civilians.",
        "ينص الاتفاق على إجلاء 1500 مقاتل و3000 مدني.",
    ],
)
def test_coordinated_counts_are_each_displaced(extract, text: str) -> None:
    assert _counts(extract, text) == [1500, 3000]
