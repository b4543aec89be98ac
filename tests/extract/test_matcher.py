"""The matcher finds words, phrases of words and terms with punctuation wherever a text
writes them at word boundaries, and reads no stretch of text it need not."""

from __future__ import annotations

import pytest

from ceasefire.extract.marks import mark_sites, stretches
from ceasefire.extract.matcher import Entry, Matcher

_PATTERNS = [
    ("truce", Entry("term", "truce")),
    ("cessation of hostilities", Entry("term", "coh")),
    ("cessation of fire", Entry("term", "cof")),
    ("U.S.", Entry("actor", "United States")),
    ("U.S. air force", Entry("actor", "US Air Force")),
    ("St. Paul", Entry("place", "st-paul", "initial")),
    ("Halle (Saale)", Entry("place", "halle", "initial")),
    ("Ma'arrat", Entry("place", "maarrat", "initial")),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(_PATTERNS)


def _found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(hit.key, hit.text) for hit in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. forces left.", [("United States", "U.S.")]),
        ('He said "U.S. air force jets" flew.', [("US Air Force", "U.S. air force")]),
        ("(U.S.) and a truce", [("United States", "U.S."), ("truce", "truce")]),
        ("A truce in St. Paul.", [("truce", "truce"), ("st-paul", "St. Paul")]),
        ("Fighting in Halle (Saale) ended", [("halle", "Halle (Saale)")]),
        ("shelling of Ma'arrat, said.", [("maarrat", "Ma'arrat")]),
        ("a cessation of hostilities", [("coh", "cessation of hostilities")]),
        ("a cessation of fire, then", [("cof", "cessation of fire")]),
    ],
)
def test_terms_are_found_where_the_text_writes_them(
    matcher: Matcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(matcher, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the BUS. Paul left",  # "US." inside a longer word
        "in Gust. Paul stayed",  # "St." the end of another word
        "a cessation of the hostilities",  # a phrase's words must follow one another
        "the st. paul river",  # a name of case "initial" written in small letters
    ],
)
def test_no_term_is_found_inside_other_words(matcher: Matcher, text: str) -> None:
    assert _found(matcher, text) == []


def test_stretches_are_read_only_after_a_stem_of_a_term() -> None:
    sites = mark_sites(["u.s.", "st. paul"], lambda ch: ch == ".")
    text = "the u.s. said. then st. paul was shelled."
    read = stretches(sites, text)
    assert read, "the marks after 'u' and 'st' anchor stretches"
    covered = {i for start, end in read for i in range(start, end)}
    assert {text.index("u.s."), text.index("st. paul") + 7} <= covered
    # the full stops after "said" and "shelled" follow no stem: nothing is read there
    assert text.rindex("shelled.") + 7 not in covered
