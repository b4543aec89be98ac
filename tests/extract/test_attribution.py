"""Who calls a ceasefire by its term: the speaker of the clause or quotation that names it.

Every sentence here is invented for the test, in English and in Arabic.
"""

from __future__ import annotations

import pytest

from .conftest import by_type, canonicals


def _named_by(result: dict, kind: str) -> set[str]:
    return set().union(*(canonicals(c["characterized_by"]) for c in by_type(result, kind)))


@pytest.mark.parametrize(
    "text",
    [
        "Russia said the truce in the north would be extended by two days.",
        "قالت روسيا إن الهدنة في الشمال ستمدد يومين.",
    ],
)
def test_the_subject_of_a_reporting_verb_before_the_term_says_it(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Russia"}


@pytest.mark.parametrize(
    "text",
    [
        "The truce in the north is over, Turkey said on Sunday.",
        "The truce in the north held through the night, according to Turkey.",
        "صمدت الهدنة في الشمال طوال الليل، وفقا لتركيا.",
    ],
)
def test_a_report_set_off_after_the_term_says_it(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Turkey"}


@pytest.mark.parametrize(
    "text",
    [
        "“The truce has collapsed because of the shelling,” Hamas said.",
        "«لقد انهارت الهدنة بسبب القصف»، قالت حماس.",
    ],
)
def test_the_speaker_of_a_quotation_says_its_term(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Hamas"}


@pytest.mark.parametrize(
    "text",
    [
        "Washington says the cessation of hostilities covers the whole province, while Moscow "
        "speaks of a regime of calm.",
        "تقول واشنطن إن وقف الأعمال العدائية يشمل المحافظة كلها، فيما تصف موسكو الإجراء بأنه "
        "نظام تهدئة.",
    ],
)
def test_two_clauses_with_two_speakers_keep_their_own_terms(extract, text: str) -> None:
    result = extract(text)
    assert _named_by(result, "cessation_of_hostilities") == {"United States"}
    assert _named_by(result, "regime_of_calm") == {"Russia"}


@pytest.mark.parametrize(
    "text",
    [
        "Turkey said Russia and Iran had agreed to a ceasefire in the province.",
        "أعلنت تركيا أن روسيا وإيران اتفقتا على وقف إطلاق النار في المحافظة.",
    ],
)
def test_the_outermost_speaker_says_the_term_not_those_it_reports_on(extract, text: str) -> None:
    assert _named_by(extract(text), "ceasefire") == {"Turkey"}


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Iran were present in the city when the truce began.",
        "كانت روسيا وإيران حاضرتين في المدينة عندما بدأت الهدنة.",
    ],
)
def test_an_actor_only_present_in_the_sentence_says_nothing(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Hamas accused Israel of breaking the truce.",
        "اتهمت حماس إسرائيل بخرق الهدنة.",
    ],
)
def test_a_party_that_speaks_characterizes(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Hamas"}


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported that the truce was holding in the south.",
        "أفادت وكالة رويترز بأن الهدنة صامدة في الجنوب.",
    ],
)
def test_a_news_agency_that_relays_does_not_characterize(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Turkey announced a week of talks on Monday. The truce will hold, it said.",
        "أعلنت تركيا عن محادثات يوم الاثنين. وأضافت أن الهدنة ستصمد.",
    ],
)
def test_a_speaker_left_unsaid_is_the_one_named_before(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Turkey"}


@pytest.mark.parametrize(
    "text",
    [
        "The Israeli army said the truce had been broken twice overnight.",
        "قال الجيش الإسرائيلي إن الهدنة خرقت مرتين خلال الليل.",
    ],
)
def test_a_states_forces_speak_for_the_state(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Israel"}


@pytest.mark.parametrize(
    "text",
    [
        "Russia’s defence ministry announced a 48-hour regime of calm in the city.",
        "Russia's defence ministry spokesman Ivan Petrov announced a regime of calm in the city.",
        "أعلنت وزارة الدفاع الروسية نظام تهدئة لمدة 48 ساعة في المدينة.",
    ],
)
def test_a_ministry_or_spokesman_speaks_for_its_state(extract, text: str) -> None:
    assert _named_by(extract(text), "regime_of_calm") == {"Russia"}


@pytest.mark.parametrize(
    "text",
    [
        "Hamas's demands for a truce were rejected by the mediators.",
        "An Iran-backed group in the south said nothing about the truce.",
    ],
)
def test_a_possessor_or_a_modifier_is_no_speaker(extract, text: str) -> None:
    assert not {"Hamas", "Iran"} & _named_by(extract(text), "truce")


@pytest.mark.parametrize(
    "text",
    [
        "Turkey, which backs the rebels, said the ceasefire was holding.",
        "قالت تركيا، التي تدعم المعارضة، إن وقف إطلاق النار صامد.",
    ],
)
def test_a_relative_clause_between_subject_and_verb_is_skipped(extract, text: str) -> None:
    assert _named_by(extract(text), "ceasefire") == {"Turkey"}


@pytest.mark.parametrize(
    "text",
    [
        "The truce held through the night in the north, Turkish President Recep Erdogan said.",
        "صمدت الهدنة طوال الليل في الشمال، قال الرئيس التركي.",
    ],
)
def test_a_tag_after_a_comma_with_a_title_says_the_term(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Turkey"}


@pytest.mark.parametrize(
    "text",
    [
        "Hamas violated the truce on Monday, and Israel said it would respond.",
        "خرقت حماس الهدنة يوم الاثنين، وقالت إسرائيل إنها سترد.",
    ],
)
def test_a_report_in_a_clause_of_its_own_after_the_term_does_not_say_it(extract, text) -> None:
    assert "Israel" not in _named_by(extract(text), "truce")


@pytest.mark.parametrize(
    "text",
    [
        "The Yemeni government issued orders to halt fire: a ceasefire from midnight.",
        "أصدرت الحكومة اليمنية أوامر بإيقاف إطلاق النار في المحافظة من منتصف الليل.",
    ],
)
def test_an_order_to_cease_fire_is_its_issuers_word(extract, text: str) -> None:
    assert _named_by(extract(text), "ceasefire") == {"Yemeni government"}


@pytest.mark.parametrize(
    "text",
    [
        "Turkey said talks would go on, Anadolu Agency reported. It said the truce was holding.",
        "قالت تركيا إن المحادثات مستمرة، حسبما أفادت وكالة الأناضول. وأضافت أن الهدنة صامدة.",
    ],
)
def test_an_agency_carrying_a_statement_is_not_the_speaker_named_before(extract, text) -> None:
    assert _named_by(extract(text), "truce") == {"Turkey"}


@pytest.mark.parametrize(
    "text",
    [
        "Heavy fighting broke out between the Houthis and the Yemeni government in Taiz. "
        "Both sides said they would observe a 24-hour truce from Sunday.",
        "اندلعت معارك عنيفة بين الحوثيين والحكومة اليمنية في تعز. "
        "وقال الطرفان إنهما سيلتزمان بهدنة لمدة 24 ساعة.",
    ],
)
def test_both_sides_speak_as_the_sides_the_document_names(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Houthis", "Yemeni government"}


def test_both_sides_name_no_one_when_the_document_names_no_sides(extract) -> None:
    assert _named_by(extract("Both sides said they would observe a truce in Taiz."), "truce") == set()


@pytest.mark.parametrize(
    "text",
    [
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل السياسي. "
        "وتابع: الهدنة في حلب صامدة.",
        "Russian Foreign Minister Sergei Lavrov said Moscow backed talks. "
        "He added: the truce in Aleppo is holding.",
    ],
)
def test_a_report_going_on_with_its_subject_unsaid_is_the_last_speakers(extract, text) -> None:
    assert _named_by(extract(text), "truce") == {"Russia"}


@pytest.mark.parametrize(
    "text",
    [
        "قال مسؤول روسي إن الهدنة في حلب صامدة.",
        "وقال مسؤولون روس إن الهدنة في حلب صامدة.",
        "قال المسؤول الروسي إن الهدنة في حلب صامدة.",
    ],
)
def test_an_official_of_a_nationality_speaks_for_the_state(extract, text: str) -> None:
    assert _named_by(extract(text), "truce") == {"Russia"}


def test_an_official_of_no_nationality_is_no_one(extract) -> None:
    assert _named_by(extract("قال مسؤول إن الهدنة في حلب صامدة."), "truce") == set()


def test_a_pronoun_on_the_joiner_is_the_subject_of_the_verb_after_it(extract) -> None:
    """ "لكنها اتهمت حزب الله": but it accused Hezbollah. Hezbollah is the object of the verb,
    and the speaker is the government named before."""
    text = (
        "قالت الحكومة الإسرائيلية إن القصف سبق بدء التهدئة، لكنها اتهمت حزب الله بإطلاق قذائف بعد"
        " سريان وقف إطلاق النار."
    )
    assert _named_by(extract(text), "ceasefire") == {"Israel"}
