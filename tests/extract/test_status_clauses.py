"""A ceasefire term takes its status from the clauses that speak of it, in both languages."""

from __future__ import annotations

import pytest

from .conftest import by_type


def _statuses(result: dict, kind: str) -> set[str]:
    return {c["status"] for c in by_type(result, kind)}


def test_each_clause_gives_its_own_term_its_stage(extract) -> None:
    result = extract(
        "The rebels declared a fresh truce on Friday, a week after the expiry of the last "
        "ceasefire."
    )
    assert _statuses(result, "truce") == {"announced"}
    assert _statuses(result, "ceasefire") == {"expired"}


@pytest.mark.parametrize(
    "text",
    [
        "The truce took effect at dawn, but the army breached it within hours.",
        "دخلت الهدنة حيز التنفيذ فجرا، لكن قوات الجيش خرقتها بعد ساعات.",
    ],
)
def test_a_clause_without_a_term_of_its_own_speaks_of_the_term_before(extract, text) -> None:
    assert _statuses(extract(text), "truce") == {"violated"}


@pytest.mark.parametrize(
    "text",
    [
        "Mediators failed to extend the truce before the deadline.",
        "ولم يتم تمديد الهدنة قبل الموعد النهائي.",
        "أعلن الوسطاء عدم التوصل إلى اتفاق لتمديد الهدنة.",
    ],
)
def test_an_extension_that_failed_leaves_the_arrangement_expired(extract, text) -> None:
    assert _statuses(extract(text), "truce") == {"expired"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The 48-hour truce ended on Sunday.", "expired"),
        ("The truce ended when the rebels stormed the town.", "collapsed"),
        ("انتهت هدنة استمرت ثلاثة أيام بين الطرفين.", "expired"),
        ("انتهت الهدنة بعد هجوم المتمردين على البلدة.", "collapsed"),
    ],
)
def test_an_end_is_an_expiry_only_for_a_time_limited_arrangement(extract, text, status) -> None:
    assert _statuses(extract(text), "truce") == {status}


def test_a_headline_line_is_a_clause_of_its_own(extract) -> None:
    result = extract(
        "Minister announces ceasefire in the north\n"
        "The two sides have agreed to a ceasefire, the minister said on Monday."
    )
    assert _statuses(result, "ceasefire") == {"announced", "agreed"}


def test_qad_before_a_past_verb_marks_a_done_act_not_a_possibility(extract) -> None:
    assert _statuses(extract("وقال المتحدث: لقد انتهت الهدنة رسميا."), "truce") == {"collapsed"}
    assert _statuses(extract("وقال المتحدث إن الهدنة قد تنهار."), "truce") == {"mentioned"}


def test_a_term_named_as_a_place_takes_its_sentence_status(extract) -> None:
    result = extract(
        "Government forces breached the truce, which was declared unilaterally in the "
        "de-escalation zone."
    )
    assert _statuses(result, "de_escalation_zone") == {"violated"}


def test_the_need_for_a_ceasefire_only_proposes_it(extract) -> None:
    result = extract("طالبت الحكومة بضرورة إعلان وقف إطلاق نار لمدة شهر.")
    assert _statuses(result, "ceasefire") == {"proposed"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The truce would take effect once the roads were reopened.", "agreed"),
        ("Officials said a ceasefire has come into effect across the region.", "in_force"),
        ("Both armies agreed to cease firing along the border from Thursday.", "agreed"),
    ],
)
def test_entry_into_force_said_or_still_ahead(extract, text, status) -> None:
    assert {c["status"] for c in extract(text)["ceasefires"]} == {status}
