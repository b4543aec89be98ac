from pathlib import Path

from ceasefire.ingest.clean import clean_text

FURNITURE_AR = (
    "\n\nالتعليقات (0)\n\n    0\n\n    الأكثر قراءة\n\n    💡 أهم المواضيع\n\n    ✨ أهم التصنيفات"
)


def test_seed_headline_once_body_kept_furniture_gone(seed_path: Path) -> None:
    cleaned = clean_text(seed_path.read_text(encoding="utf-8"))
    assert cleaned.title == 'Aleppo under the "truce" or "regime of calm"?'
    # the text opens with the headline, once
    assert cleaned.text.count(cleaned.title) == 1
    assert cleaned.text.startswith(
        cleaned.title + "\n\nTwo days ago, the US announced expanding the truce"
    )
    assert "400,000 people from Aleppo will flee to Turkey" in cleaned.text
    for furniture in ("التعليقات", "الأكثر قراءة", "أهم المواضيع", "أهم التصنيفات", "💡", "✨"):
        assert furniture not in cleaned.text
    assert (cleaned.author, cleaned.outlet) == ("Rosana Boumonsef", "Annahar")


def test_arabic_article_body_is_never_dropped() -> None:
    body = (
        "أعلنت الولايات المتحدة توسيع الهدنة لتشمل حلب.\n\n"
        "وقالت روسيا إن نظام التهدئة سيستمر 48 ساعة.\n\n"
        "التعليقات على القرار جاءت متباينة بين الأطراف"  # real text that starts like furniture
    )
    cleaned = clean_text("هدنة في حلب\n\n" + body + FURNITURE_AR)
    assert cleaned.title == "هدنة في حلب"
    assert cleaned.text == "هدنة في حلب\n\n" + body


def test_short_final_sentence_is_not_taken_for_furniture() -> None:
    text = "Truce holds\n\nThe truce held overnight.\n\nShare.\n\nRussia said so.\n"
    assert clean_text(text).text == (
        "Truce holds\n\nThe truce held overnight.\n\nShare.\n\nRussia said so."
    )


def test_no_headline_when_the_first_line_is_a_sentence() -> None:
    text = "The truce held overnight in Aleppo, residents said.\nRussia said it would extend it."
    cleaned = clean_text(text)
    assert cleaned.title is None
    assert cleaned.text == text


def test_known_title_opens_the_text_once() -> None:
    cleaned = clean_text("Truce extended Russia extended the truce.", title="Truce extended")
    assert cleaned.text == "Truce extended\n\nRussia extended the truce."
    assert clean_text("Truce extended\n\nBody.", title="Truce extended").text == (
        "Truce extended\n\nBody."
    )
    assert clean_text("Body.", title="Truce extended").text == "Truce extended\n\nBody."


def test_leading_and_trailing_english_furniture() -> None:
    text = "Home\nMenu\nTruce in Aleppo\n\nThe truce held.\n\nShare this article\nComments (12)\n"
    cleaned = clean_text(text)
    assert (cleaned.title, cleaned.text) == (
        "Truce in Aleppo",
        "Truce in Aleppo\n\nThe truce held.",
    )


def test_by_line_at_the_top() -> None:
    cleaned = clean_text("Truce in Aleppo\n\nBy Jane Doe\n\nThe truce held.")
    assert cleaned.author == "Jane Doe"
