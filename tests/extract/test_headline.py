"""The headline the cleaned text opens with: read like the body, one event with the act the
body tells again, and named as agreed in headline style."""

from __future__ import annotations

from tests.extract.conftest import canonicals

import ceasefire
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
        "Drone strike kills 3 near Marib\n\n"
        "A Houthi drone strike on a checkpoint near Marib killed three soldiers on Sunday, "
        "officials said."
    )
    result = extract_document(doc)
    assert [e.type for e in result.events] == ["explosions_remote_violence"]
    [event] = result.events
    assert event.evidence.start > len(doc.title or "")  # the body's telling stays
    assert event.fatalities == 3


def test_a_headline_alone_keeps_its_event() -> None:
    doc = _document("Drone strike kills 3 near Marib\n\nThe truce was fragile.")
    assert [e.evidence.start for e in extract_document(doc).events] == [0]


def test_the_headline_names_where() -> None:
    doc = _document(
        "تهدئة في إدلب\n\nتوصلت تركيا وروسيا إلى تفاهم لوقف القتال.",
        published="2017-07-07",
    )
    places = {p.canonical for c in extract_document(doc).ceasefires for p in c.places}
    assert "Idlib" in places


def test_headline_style_agreement(extract) -> None:
    for text in (
        "اتفاق تركي – إيراني على تهدئة في حماة",
        "Iranian-Iraqi agreement on a truce in Basra",
        "The army and the tribes reach truce",
    ):
        assert [c["status"] for c in extract(text)["ceasefires"]] == ["agreed"], text
    for denied in ("لم يتم التوصل إلى اتفاق على تهدئة", "There was no agreement on a truce."):
        assert [c["status"] for c in extract(denied)["ceasefires"]] == ["mentioned"], denied


def test_a_side_declaring_a_truce_with_another_is_a_party(extract) -> None:
    [truce] = extract("Colombia announces truce extension with ELN")["ceasefires"]
    assert canonicals(truce["parties"]) == {"Colombian government", "National Liberation Army"}
    assert truce["sponsors"] == []
    # declared alone, it stays the declarer's: a sponsor
    [alone] = extract("The Colombian government announced a truce.")["ceasefires"]
    assert (canonicals(alone["sponsors"]), alone["parties"]) == ({"Colombian government"}, [])


def test_districts_of_a_city_are_the_city(extract) -> None:
    for text in ("أعلنت روسيا هدنة في أحياء حلب الشرقية.", "أعلنت روسيا هدنة في ريف حلب."):
        [truce] = extract(text)["ceasefires"]
        assert [p["canonical"] for p in truce["places"]] == ["Aleppo"], text


def test_a_mention_without_place_takes_the_place_the_story_gives_not_the_headline() -> None:
    title = "East DR Congo ceasefire agreed after Luanda talks"
    text = (
        f"{title}\n\nLUANDA - The foreign ministers of DR Congo and Rwanda agreed to a "
        "ceasefire in eastern Congo, officials said.\n\nThe ceasefire will be watched by a "
        "verification mechanism."
    )
    result = ceasefire.extract(text, published="2024-07-30", title=title)
    last = max(result.ceasefires, key=lambda c: c.evidence.start)
    assert [p.name for p in last.places] == ["eastern Congo"]
