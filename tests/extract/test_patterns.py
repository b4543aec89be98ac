"""The grammar as data: every pattern file loads, and every example behaves as written."""

from __future__ import annotations

import pytest

from ceasefire import knowledge
from ceasefire.extract import patterns


def test_every_pattern_loads_and_every_example_holds() -> None:
    assert patterns.grammar(), "knowledge/grammar.yaml holds no pattern"
    assert patterns.check_examples() == []


def test_a_pattern_is_tried_where_its_mode_says() -> None:
    held_by = patterns.pattern("held_by")
    text = "shelling hit a town held by the IS"
    assert held_by.ends(text, text.index("IS"))
    assert not held_by.ends(text, text.index("town"))
    assert patterns.pattern("subject_gap").spans("ISIL group killed", 4, 11)
    assert not patterns.pattern("subject_gap").spans("ISIL were killed", 4, 10)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"source": "s", "mode": "around", "tokens": [], "examples": {}}, "mode 'around'"),
        ({"source": "s", "mode": "spans", "tokens": [{"in": ["a"]}]}, "no 'examples'"),
        (
            {"source": "s", "mode": "spans", "tokens": [{"word": "a"}],
             "examples": {"match": ["[a]"], "no_match": []}},
            "unknown token keys ['word']",
        ),
        (
            {"source": "s", "mode": "spans", "tokens": [{"group": "nonesuch"}],
             "examples": {"match": ["[a]"], "no_match": []}},
            "no cue group 'nonesuch'",
        ),
    ],
)
def test_a_malformed_pattern_is_an_error_naming_it(entry: dict, problem: str) -> None:
    with pytest.raises(knowledge.KnowledgeError, match="pattern 'broken'") as error:
        patterns._compile("broken", entry, knowledge.load("cues"))
    assert problem in str(error.value)


def test_an_unknown_pattern_name_is_an_error() -> None:
    with pytest.raises(knowledge.KnowledgeError, match="no pattern 'nonesuch'"):
        patterns.pattern("nonesuch")


def test_a_found_match_reports_its_span_and_named_parts() -> None:
    text = "Talks on 12 May 2016 failed; a truce began on Sept. 3 and ended on 12جوان."
    days = patterns.pattern("date_day_month").finds(text)
    assert [(text[f.start : f.end], f.parts) for f in days] == [
        ("12 May 2016", {"day": "12", "month": "May", "year": "2016"})
    ]
    [american] = patterns.pattern("date_month_day").finds(text)
    assert american.parts == {"month": "Sept", "day": "3"}
    [arabic] = patterns.pattern("date_day_month_ar").finds(text)
    assert arabic.parts == {"day": "12", "month": "جوان"}


def test_where_a_match_from_an_offset_ends_and_one_up_to_it_begins() -> None:
    text = "fighting since mid-March in the IS-held town, two days ago"
    held = text.index("-held")
    assert text[held : patterns.pattern("holding").end_of(text, held)] == "-held"
    march = text.index("March")
    assert text[patterns.pattern("month_only_before").start_of(text, march) : march] == (
        "since mid-"
    )
    assert patterns.pattern("holding").end_of(text, text.index(" town")) is None
