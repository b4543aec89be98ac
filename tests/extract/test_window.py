"""The start and end of ceasefire mentions, read through the real extractor.

Publication dates: 2016-05-06 is a Friday, 2016-05-09 a Monday.
"""

from __future__ import annotations

import pytest

from .conftest import by_type


def _starts(result: dict) -> list[str | None]:
    return [c["start"] for c in result["ceasefires"]]


@pytest.mark.parametrize(
    "text",
    [
        "The mediators announced on Thursday a 48-hour truce starting Saturday morning.",
        "أعلن الوسطاء يوم الخميس عن هدنة لمدة 48 ساعة اعتبارا من صباح السبت.",
    ],
)
def test_the_start_is_the_date_after_an_onset_word_not_the_announcement(extract, text) -> None:
    result = extract(text, published="2016-05-06")
    assert _starts(result)[0] == "2016-05-07"
    assert result["ceasefires"][0]["end"] == "2016-05-09"


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire will come into force at 6 a.m. local time (0300 GMT) on 12 May.",
        "وقف إطلاق النار سيدخل حيز التنفيذ في تمام الساعة 6 صباحا بتوقيت غرينتش يوم 12 مايو.",
    ],
)
def test_times_of_day_and_time_zones_stand_between_onset_and_date(extract, text) -> None:
    assert _starts(extract(text, published="2016-05-06"))[0] == "2016-05-12"


@pytest.mark.parametrize(
    "text",
    [
        "A truce was agreed by the two sides in Geneva, the ministry said on Tuesday. "
        "It took effect at midnight on Wednesday.",
        "قالت الوزارة يوم الثلاثاء إن الطرفين اتفقا على هدنة في جنيف. "
        "وبدأ سريانها منتصف ليل الأربعاء.",
    ],
)
def test_a_start_given_in_the_next_sentence_beats_the_date_of_a_statement(extract, text) -> None:
    assert _starts(extract(text, published="2016-05-06"))[0] == "2016-05-04"


@pytest.mark.parametrize(
    "text",
    [
        "The army said on Tuesday that the truce covers the northern districts.",
        "قالت الوزارة أمس إن الهدنة تشمل المناطق الشمالية.",
    ],
)
def test_the_date_of_a_statement_is_kept_when_nothing_else_dates_the_truce(extract, text) -> None:
    assert _starts(extract(text, published="2016-05-04"))[0] == "2016-05-03"


@pytest.mark.parametrize(
    "text",
    [
        "A truce has come into effect in the eastern valley.",
        "دخلت الهدنة في المحافظة الشمالية حيز التنفيذ.",
    ],
)
def test_taken_effect_without_a_date_is_the_day_of_publication(extract, text) -> None:
    assert _starts(extract(text, published="2016-05-06"))[0] == "2016-05-06"


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire will come into effect in the northern province.",
        "ستدخل الهدنة في المحافظة الشمالية حيز التنفيذ.",
    ],
)
def test_to_take_effect_without_a_date_has_no_start(extract, text) -> None:
    assert _starts(extract(text, published="2016-05-06"))[0] is None


@pytest.mark.parametrize(
    "text",
    [
        "Fighting resumed on Sunday after a truce that lasted 48 hours ended.",
        "تجدد القتال يوم الأحد مع انتهاء هدنة دامت 48 ساعة.",
    ],
)
def test_an_end_and_how_long_the_truce_lasted_give_its_start(extract, text) -> None:
    truce = extract(text, published="2016-05-09")["ceasefires"][0]
    assert (truce["start"], truce["end"]) == ("2016-05-06", "2016-05-08")


def test_a_nominal_duration_of_a_collapsed_truce_is_not_how_long_it_lasted(extract) -> None:
    truce = extract("The 72-hour truce collapsed on Sunday.", published="2016-05-09")
    assert truce["ceasefires"][0]["start"] == "2016-05-08"


@pytest.mark.parametrize(
    "text",
    [
        "Troops broke the truce in the first day of the ceasefire, Saturday, residents said.",
        "خرقت القوات الهدنة في اليوم الأول لوقف إطلاق النار السبت بحسب السكان.",
    ],
)
def test_the_first_day_of_the_ceasefire_is_its_start(extract, text) -> None:
    assert "2016-05-07" in _starts(extract(text, published="2016-05-09"))


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the ministry announced a truce from Saturday.",
        "ويوم الجمعة أعلنت الوزارة هدنة بدءا من السبت.",
    ],
)
def test_a_weekday_ahead_counts_from_the_past_date_before_it(extract, text) -> None:
    assert _starts(extract(text, published="2016-05-09"))[0] == "2016-05-07"


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        (
            "The rebels declared a unilateral ceasefire starting February 4th.",
            "2016-02-03",
            "2016-02-04",
        ),
        (
            "Russia will declare a truce in the region from May 8 through May 10.",
            "2016-04-29",
            "2016-05-08",
        ),
        ("جاءت الهدنة بعد أخرى استمرت أسبوعا اعتبارا من 12جوان.", "2016-07-01", "2016-06-12"),
        ("ستعلن روسيا هدنة في المنطقة اعتبارا من 8 مايو حتى 10 مايو.", "2016-04-29", "2016-05-08"),
    ],
)
def test_dates_without_a_year_ordinals_and_maghrebi_months(
    extract, text: str, published: str, start: str
) -> None:
    assert _starts(extract(text, published=published))[0] == start


def test_the_day_before_is_no_publication_date(extract) -> None:
    result = extract("أعلنت الحكومة هدنة بدأت في منتصف ليل اليوم السابق.", published="2016-05-06")
    assert by_type(result, "truce")[0]["start"] is None


@pytest.mark.parametrize(
    "text",
    [
        "A truce took effect at noon on Wednesday. "
        "Residents of the northern districts welcomed the truce with an effective calm.",
        "دخلت الهدنة حيز التنفيذ ظهر الأربعاء. ورحب سكان المناطق الشمالية بالهدنة.",
    ],
)
def test_a_sentence_speaking_of_no_day_takes_no_start_from_the_next(extract, text) -> None:
    assert _starts(extract(text, published="2016-05-06")) == ["2016-05-04", None]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Both armies said on Thursday they agreed to the strict observance of cease firing "
            "along the border with effect from midnight of 24 February.",
            "2016-02-24",
        ),
        ("أعلنت الحكومة وقفا للنار اعتبارا من منتصف ليل الأحد.", "2016-02-28"),
    ],
)
def test_cease_firing_and_a_halt_to_fire_are_ceasefires(extract, text: str, start: str) -> None:
    ceasefire = by_type(extract(text, published="2016-02-25"), "ceasefire")
    assert [c["start"] for c in ceasefire] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "Washington said on Wednesday that the truce would hold from Thursday.",
        "قالت واشنطن يوم الأربعاء إن الهدنة ستسري اعتبارا من الخميس.",
    ],
)
def test_a_start_in_reported_speech_lies_after_the_statement(extract, text) -> None:
    assert _starts(extract(text, published="2016-05-04"))[0] == "2016-05-05"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The cease-fire took effect at midnight on Feb. 15, officials said.", "2015-02-15"),
        ("The truce took effect on 14 February, the ministry said.", "2015-02-14"),
        ("دخلت الهدنة حيز التنفيذ في 14 شباط/فبراير.", "2015-02-14"),
        ("بدأ سريان الهدنة يوم 14فيفري.", "2015-02-14"),
    ],
)
def test_a_written_date_short_long_or_glued_dates_the_start(extract, text, start) -> None:
    [mention] = extract(text, published="2015-02-16")["ceasefires"]
    assert mention["start"] == start
