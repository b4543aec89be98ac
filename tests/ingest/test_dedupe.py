from ceasefire.ingest.clean import clean_text
from ceasefire.ingest.dedupe import NearDuplicateIndex, content_hash, signature

REPORT = (
    "Government forces shelled the Salaheddine district of Aleppo on Friday, killing three "
    "civilians, residents and rescue workers said. The shelling came two days into a regime of "
    "calm announced by Russia's defence ministry, which said the pause would last 48 hours. "
    "Opposition groups accused the government of breaking the calm; state media said rebels "
    "had fired first on government-held neighbourhoods in the west of the city."
)
OTHER = (
    "Russia and Turkey announced a nationwide ceasefire in Syria to take effect at midnight, "
    "with both countries acting as guarantors. The agreement excludes ISIS and Jabhat Fateh "
    "al-Sham, and talks between the government and the opposition are to follow in Astana."
)


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("The truce  held.\n") == content_hash("the TRUCE held.")
    assert content_hash("The truce held.") != content_hash("The truce broke.")


def test_same_article_with_different_furniture_is_a_near_duplicate() -> None:
    page_a = clean_text("Shelling in Aleppo\n\n" + REPORT + "\n\nShare this article\nMost read")
    page_b = REPORT.replace("on Friday", "on Friday morning") + " More reports are expected."
    index = NearDuplicateIndex()
    index.add("a", signature(page_a.text))
    index.add("other", signature(OTHER))
    match = index.best_match(signature(page_b))
    assert match is not None and match[0] == "a" and match[1] >= 0.5


def test_different_reports_are_not_near_duplicates() -> None:
    index = NearDuplicateIndex()
    index.add("a", signature(REPORT))
    assert index.best_match(signature(OTHER)) is None
    retold = (
        "Three civilians died on Friday when shells struck Aleppo's Salaheddine neighbourhood, "
        "according to local rescuers, despite the 48-hour calm Moscow had declared."
    )
    assert index.best_match(signature(retold)) is None
