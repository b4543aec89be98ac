from datetime import date, timedelta

import pytest

import ceasefire
from ceasefire.ingest.dates import find_dateline, implausible
from ceasefire.ingest.errors import IngestError


@pytest.mark.parametrize("line", ["Aleppo² 4 May 2016", "① Aleppo, 4 May 2016"])
def test_a_dateline_with_digits_that_are_not_decimal_is_read(line: str) -> None:
    assert find_dateline(f"{line}\nThe truce held overnight.") == "2016-05-04"


def test_a_dateline_in_arabic_digits_is_read() -> None:
    assert find_dateline("حلب، ٤ أيار ٢٠١٦\nصمدت الهدنة.") == "2016-05-04"


def test_a_dateline_outside_the_plausible_range_is_ignored() -> None:
    assert find_dateline("Aleppo, 4 May 1016\nThe truce held.") is None


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        ("2016-05-04", True),
        ("1900-01-01", True),
        ("1899-12-31", False),
        ("0001-01-01", False),
        ("9999-12-31", False),
        ((date.today() + timedelta(days=1)).isoformat(), True),
        ((date.today() + timedelta(days=30)).isoformat(), False),
    ],
)
def test_publication_dates_are_checked_for_plausibility(day: str, ok: bool) -> None:
    assert (implausible(day) is None) is ok


def test_extract_of_an_empty_text_raises_the_documented_error() -> None:
    with pytest.raises(IngestError, match="empty"):
        ceasefire.extract("")


def test_extract_of_an_implausible_publication_date_raises_the_documented_error() -> None:
    with pytest.raises(IngestError, match="plausible"):
        ceasefire.extract("The truce held on Wednesday.", published="0001-01-01")
