from ceasefire.extract.sentences import MAX_SENTENCE, split_sentences

WORDS = "Government forces shelled Idlib on Monday killing 12 civilians "


def test_a_text_without_sentence_ends_is_cut_at_spaces_below_the_limit() -> None:
    text = WORDS * 2000
    spans = split_sentences(text)
    assert len(spans) > len(text) // MAX_SENTENCE
    assert all(len(s.text) <= MAX_SENTENCE for s in spans)
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert " ".join(s.text for s in spans).split() == text.split()  # no word cut or lost


def test_a_run_without_spaces_is_cut_at_the_limit() -> None:
    text = "x" * (2 * MAX_SENTENCE + 5)
    assert [len(s.text) for s in split_sentences(text)] == [MAX_SENTENCE, MAX_SENTENCE, 5]


def test_news_sentences_are_not_cut() -> None:
    sentence = WORDS.strip() + ", " + "residents said, " * 100 + "as the truce held."
    assert len(sentence) < MAX_SENTENCE
    assert [s.text for s in split_sentences(sentence + " Aid arrived.")] == [
        sentence,
        "Aid arrived.",
    ]
