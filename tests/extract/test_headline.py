"""The headline the cleaned text opens with: read like the body, one event with the act the
body tells again, and named as agreed in headline style."""

from __future__ import annotations

from tests.extract.conftest import canonicals

from ceasefire.extract import extract_document
from ceasefire.ingest.clean import clean_text
from ceasefire.records import Document


def _document(raw: str, published: str = "2024-12-08") -> Document:
    cleaned = clean_text(raw)
    return Document(
        id="h", text=cleaned.text, title=cleaned.title, language="en", published=published
    )


def test_an_act_the_headline_tells_again_is_one_event() -> None:
    doc = _document(
        "Israeli strike kills 2 in southern Lebanon\n\n"
        "An Israeli drone strike on a car near Tyre killed two people on Sunday, "
        "the health ministry said."
    )
    result = extract_document(doc)
    assert [e.type for e in result.events] == ["explosions_remote_violence"]
    [event] = result.events
    assert event.evidence.start > len(doc.title or "")  # the body's telling stays
    assert event.fatalities == 2


def test_a_headline_alone_keeps_its_event() -> None:
    doc = _document("Israeli strike kills 2 in southern Lebanon\n\nThe ceasefire was fragile.")
    assert [e.evidence.start for e in extract_document(doc).events] == [0]


def test_the_headline_names_where() -> None:
    doc = _document(
        "هدنة في درعا\n\nتوصلت الولايات المتحدة وروسيا إلى اتفاق لوقف إطلاق النار.",
        published="2017-07-07",
    )
    places = {p.canonical for c in extract_document(doc).ceasefires for p in c.places}
    assert "Dar‘ā" in places  # the gazetteer's name of Daraa


def test_headline_style_agreement(extract) -> None:
    for text in (
        "اتفاق أميركي – روسي على هدنة في درعا",
        "Russian-Turkish agreement on a ceasefire in Idlib",
        "Russia and Syrian rebel groups reach ceasefire",
    ):
        assert [c["status"] for c in extract(text)["ceasefires"]] == ["agreed"], text
    for denied in ("لم يتم التوصل إلى اتفاق على هدنة", "There was no agreement on a ceasefire."):
        assert [c["status"] for c in extract(denied)["ceasefires"]] == ["mentioned"], denied


def test_a_side_declaring_a_truce_with_another_is_a_party(extract) -> None:
    [truce] = extract("Afghanistan announces ceasefire extension with Taliban")["ceasefires"]
    assert canonicals(truce["parties"]) == {"Afghan government", "Taliban"}
    assert truce["sponsors"] == []
    # declared alone, it stays the declarer's: a sponsor
    [alone] = extract("The Afghan government announced a ceasefire.")["ceasefires"]
    assert (canonicals(alone["sponsors"]), alone["parties"]) == ({"Afghan government"}, [])


def test_districts_of_a_city_are_the_city(extract) -> None:
    for text in ("أعلنت روسيا هدنة في أحياء حلب الشرقية.", "أعلنت روسيا هدنة في ريف حلب."):
        [truce] = extract(text)["ceasefires"]
        assert [p["canonical"] for p in truce["places"]] == ["Aleppo"], text
