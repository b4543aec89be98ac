"""A definite "the agreement" in a sentence naming no term refers back to the arrangement."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        (
            "The two armies agreed to a truce in Idlib province on Monday. The rebel "
            "commander said the agreement had been violated within hours.",
            "agreement",
        ),
        (
            "اتفق الجيش والمتمردون على هدنة في محافظة إدلب. وقال قائد المتمردين إن "
            "الاتفاق انتهك بعد ساعات.",
            "الاتفاق",
        ),
    ],
)
def test_the_agreement_is_a_mention_of_the_truce_named_before(extract, text, noun) -> None:
    truce, referring = extract(text, published="2020-03-04")["ceasefires"]
    assert (referring["type"], referring["term"]) == (truce["type"], noun)
    assert referring["status"] == "violated"
    assert referring["places"] == truce["places"] != []


def test_an_agreement_after_a_truce_with_no_place_is_no_mention(extract) -> None:
    result = extract(
        "The two armies agreed to a truce on Monday. The commander said the agreement had been "
        "violated within hours."
    )
    assert [c["term"] for c in result["ceasefires"]] == ["truce"]


def test_an_agreement_with_nothing_named_before_is_no_mention(extract) -> None:
    result = extract("The agreement on grain exports was signed in the capital on Friday.")
    assert result["ceasefires"] == []


def test_the_agreement_that_says_nothing_new_is_no_mention(extract) -> None:
    result = extract("The sides agreed to a truce in Idlib province. The agreement is long.")
    assert [c["term"] for c in result["ceasefires"]] == ["truce"]
