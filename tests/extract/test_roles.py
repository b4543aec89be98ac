"""Parties, sponsors and mediators of a ceasefire mention, in English and Arabic.

The sentences are invented; each names the actors the way the press does, and the assertions
follow the project's annotation guide: who agrees to or breaches it is a party, who declares
it alone or guarantees it a sponsor, who brokers, hosts or monitors it a mediator.
"""

from __future__ import annotations

import pytest

from ceasefire import knowledge
from ceasefire.extract.lexicon import lexicon

from .conftest import canonicals


def _mention(extract, text: str) -> dict:
    ceasefires = extract(text)["ceasefires"]
    assert ceasefires, text
    return ceasefires[0]


@pytest.mark.parametrize(
    "text",
    [
        "Israel and Hamas agreed to a three-day truce on Sunday.",
        "وافقت إسرائيل وحماس على هدنة لمدة ثلاثة أيام.",
    ],
)
def test_both_sides_that_agree_are_parties(extract, text: str) -> None:
    mention = _mention(extract, text)
    assert canonicals(mention["parties"]) == {"Israel", "Hamas"}
    assert not mention["sponsors"]


@pytest.mark.parametrize(
    "text",
    [
        "The Qatar-brokered ceasefire between Israel and Hamas took effect on Sunday.",
        "دخلت الهدنة بين إسرائيل وحماس حيز التنفيذ بوساطة قطر.",
    ],
)
def test_a_broker_is_a_mediator_not_a_party(extract, text: str) -> None:
    mention = _mention(extract, text)
    assert canonicals(mention["mediators"]) == {"Qatar"}
    assert canonicals(mention["parties"]) == {"Israel", "Hamas"}


def test_every_mediator_of_a_list_is_taken(extract) -> None:
    mention = _mention(extract, "دخلت الهدنة بين إسرائيل وحماس حيز التنفيذ بوساطة مصر وقطر.")
    assert canonicals(mention["mediators"]) == {"Egypt", "Qatar"}


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis declared a unilateral ceasefire on Monday.",
        "أعلن الحوثيون وقفا لإطلاق النار من جانب واحد.",
    ],
)
def test_a_unilateral_declarer_is_a_sponsor_and_binds_no_party(extract, text: str) -> None:
    mention = _mention(extract, text)
    assert canonicals(mention["sponsors"]) == {"Houthis"}
    assert not mention["parties"]


@pytest.mark.parametrize(
    "text",
    [
        "The truce between the Syrian government and the rebels does not apply to Islamic State.",
        "الهدنة بين الحكومة السورية والمعارضة لا تشمل تنظيم الدولة.",
    ],
)
def test_a_group_left_out_is_not_a_party(extract, text: str) -> None:
    mention = _mention(extract, text)
    assert "Islamic State" not in canonicals(mention["parties"] + mention["sponsors"])
    assert "Syrian government" in canonicals(mention["parties"])


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah violated the ceasefire on Tuesday, the army said.",
        "خرق حزب الله وقف إطلاق النار صباح الثلاثاء.",
    ],
)
def test_who_breaches_it_was_bound_by_it(extract, text: str) -> None:
    assert canonicals(_mention(extract, text)["parties"]) == {"Hezbollah"}


def test_an_envoy_beside_the_sides_is_a_mediator(extract) -> None:
    text = "The UN envoy announced a truce between the Houthis and the Yemeni government."
    mention = _mention(extract, text)
    assert canonicals(mention["mediators"]) == {"United Nations"}
    assert canonicals(mention["parties"]) == {"Houthis", "Yemeni government"}


def test_a_power_announcing_what_the_sides_agreed_is_a_sponsor(extract) -> None:
    text = "The United States announced on Friday that Hamas and Israel had agreed to a truce."
    mention = _mention(extract, text)
    assert canonicals(mention["sponsors"]) == {"United States"}
    assert canonicals(mention["parties"]) == {"Israel", "Hamas"}


def test_a_monitoring_mission_is_a_mediator(extract) -> None:
    mention = _mention(extract, "A UN mission monitoring the ceasefire arrived on Saturday.")
    assert canonicals(mention["mediators"]) == {"United Nations"}


def test_guarantors_of_a_list_are_sponsors(extract) -> None:
    mention = _mention(extract, "The ceasefire was guaranteed by Turkey and Russia.")
    assert canonicals(mention["sponsors"]) == {"Turkey", "Russia"}
    assert not mention["parties"]


@pytest.mark.parametrize(
    "text",
    [
        "Israel announced the reopening of the crossing, days after the truce ended.",
        "Israel announced the interception of a rocket fired before the truce ended.",
        "وأعلنت إسرائيل عن اعتراض صاروخ أطلق من غزة قبل انقضاء الهدنة.",
    ],
)
def test_an_announcement_of_something_else_gives_no_role(extract, text: str) -> None:
    mention = _mention(extract, text)
    assert "Israel" not in canonicals(mention["sponsors"] + mention["parties"])


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Turkey agreed on a ceasefire in Idlib province on Thursday.",
        "اتفقت روسيا وتركيا على وقف إطلاق النار في إدلب.",
    ],
)
def test_two_powers_agreeing_on_a_third_countrys_truce_are_sponsors(extract, text) -> None:
    mention = _mention(extract, text)
    assert canonicals(mention["sponsors"]) == {"Russia", "Turkey"}
    assert not mention["parties"]


@pytest.mark.parametrize(
    "text",
    [
        "The UN Security Council called for a ceasefire in Yemen.",
        "طالب مجلس الأمن الدولي بوقف إطلاق النار في اليمن.",
    ],
)
def test_a_council_calling_for_it_is_a_sponsor(extract, text: str) -> None:
    assert "UN Security Council" in canonicals(_mention(extract, text)["sponsors"])


@pytest.mark.parametrize(
    "text",
    [
        "A truce between Russia and Ukraine took effect by decision of the Kremlin.",
        "دخلت هدنة بين روسيا وأوكرانيا حيز التنفيذ بموجب قرار من الرئيس الروسي.",
    ],
)
def test_a_truce_decreed_by_one_side_is_sponsored_by_it(extract, text: str) -> None:
    mention = _mention(extract, text)
    assert canonicals(mention["sponsors"]) == {"Russia"}
    assert "Russia" not in canonicals(mention["parties"])


def test_who_announces_the_result_of_a_mediation_is_a_mediator(extract) -> None:
    text = "As part of the ongoing mediation, Qatar announced that the truce was extended."
    mention = _mention(extract, text)
    assert canonicals(mention["mediators"]) == {"Qatar"}
    assert not mention["sponsors"]


def test_sides_joined_by_a_hyphen_before_the_term_are_parties(extract) -> None:
    mention = _mention(extract, "The Israel-Hezbollah ceasefire took effect at dawn.")
    assert canonicals(mention["parties"]) == {"Israel", "Hezbollah"}


@pytest.mark.parametrize(
    "text",
    [
        "The UN envoy said the truce in the port city was holding.",
        "قال المبعوث الأممي إن الهدنة في المدينة صامدة.",
    ],
)
def test_an_envoy_of_an_international_body_is_a_mediator(extract, text: str) -> None:
    assert canonicals(_mention(extract, text)["mediators"]) == {"United Nations"}


def test_an_official_who_only_praises_it_is_no_mediator(extract) -> None:
    text = "Federica Mogherini praised the ceasefire between the government and the Taliban."
    assert not _mention(extract, text)["mediators"]


@pytest.mark.parametrize(
    "text",
    [
        "The talks were hosted by Qatar. Israel and Hamas agreed to a truce on Sunday.",
        "جرت المحادثات بوساطة قطر. واتفقت إسرائيل وحماس على هدنة يوم الأحد.",
    ],
)
def test_a_host_of_the_talks_named_in_another_sentence_is_a_mediator(extract, text) -> None:
    mention = _mention(extract, text)
    assert canonicals(mention["mediators"]) == {"Qatar"}
    assert canonicals(mention["parties"]) == {"Israel", "Hamas"}
    assert mention["mediators"][0]["evidence"]["text"].startswith(text.split(".")[0])


def test_a_sponsor_named_only_in_another_sentence_is_not_taken(extract) -> None:
    text = "The resolution was proposed by Britain. Israel and Hamas agreed to a truce."
    mention = _mention(extract, text)
    assert "United Kingdom" not in canonicals(mention["sponsors"] + mention["mediators"])


@pytest.mark.parametrize(
    "text",
    [
        "The army reported a violation of the truce by the Houthis on Monday.",
        "سجل الجيش خروقات للهدنة من قبل الحوثيين يوم الاثنين.",
    ],
)
def test_who_is_named_after_by_a_breach_is_a_party(extract, text: str) -> None:
    # "the army" is the Yemeni army in a text about Yemen, and may be read as a party too
    assert "Houthis" in canonicals(_mention(extract, text)["parties"])


def test_a_comma_and_a_verb_do_not_join_two_names(extract) -> None:
    text = "Israel said it would answer any violation of the ceasefire by Hezbollah, warning Hamas."
    assert canonicals(_mention(extract, text)["parties"]) == {"Hezbollah"}


def test_a_head_of_state_announcing_it_after_the_verb_is_a_sponsor(extract) -> None:
    text = "أعلن الرئيس الأمريكي مساء الاثنين عن وقف إطلاق النار بين إيران وإسرائيل."
    mention = _mention(extract, text)
    assert canonicals(mention["sponsors"]) == {"United States"}
    assert canonicals(mention["parties"]) == {"Israel", "Iran"}


@pytest.mark.parametrize(
    "text",
    [
        "The UN said the Sudanese army and the RSF had agreed to a truce.",
        "قالت الأمم المتحدة إن الجيش السوداني وقوات الدعم السريع اتفقا على هدنة.",
    ],
)
def test_a_body_saying_the_sides_agreed_announces_it(extract, text: str) -> None:
    """In a war it does not mediate by mandate (Yemen's, below, it does)."""
    mention = _mention(extract, text)
    assert canonicals(mention["sponsors"]) == {"United Nations"}
    assert canonicals(mention["parties"]) == {"Sudanese Armed Forces", "Rapid Support Forces"}


def test_a_body_saying_how_the_truce_fares_announces_nothing(extract) -> None:
    text = "The UN said the truce between the Houthis and the Yemeni government was holding."
    assert not _mention(extract, text)["sponsors"]


@pytest.mark.parametrize(
    "text",
    [
        "The United States, Russia and other states in the region reached an agreement on a "
        "ceasefire in southwestern Syria.",
        "أفاد دبلوماسي بأن الولايات المتحدة وروسيا ودول أخرى في الإقليم توصلت إلى اتفاق على "
        "وقف إطلاق النار في جنوب سورية.",
    ],
)
def test_a_list_closed_by_and_other_states_is_still_the_subject(extract, text) -> None:
    [mention] = extract(text)["ceasefires"]
    assert {"United States", "Russia"} <= {a["canonical"] for a in mention["sponsors"]}


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Hezbollah and Israel each accused the other of breaking the truce.",
        "The Ukrainian president Volodymyr Zelensky said his forces would observe the ceasefire.",
        "تبادل الجيش السوري والمعارضة الاتهامات بخرق الهدنة في حلب.",
    ],
)
def test_who_keeps_it_or_accuses_the_other_of_breaking_it_is_a_party(extract, text) -> None:
    [mention] = extract(text)["ceasefires"]
    assert mention["parties"], mention
    assert not {a["canonical"] for a in mention["parties"]} & {
        a["canonical"] for a in mention["sponsors"]
    }


def test_who_only_asks_the_sides_to_keep_it_is_no_party(extract) -> None:
    [mention] = extract("The UN envoy called on all sides to observe the ceasefire.")["ceasefires"]
    assert mention["parties"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Israeli military said the truce in Gaza had come into effect at noon.",
        "وأعلن جيش الاحتلال الإسرائيلي أن الهدنة في غزة دخلت حيز التنفيذ.",
    ],
)
def test_an_army_that_speaks_of_the_truce_is_bound_by_it(extract, text) -> None:
    [mention] = extract(text)["ceasefires"]
    assert {a["country"] for a in mention["parties"]} == {"ISR"}


def test_a_patrons_army_that_sponsors_a_truce_is_no_party_for_its_words(extract) -> None:
    result = extract(
        "Russia announced a regime of calm in Aleppo on Thursday. The Russian military said "
        "the regime of calm was holding."
    )
    for mention in result["ceasefires"]:
        assert "RUS" not in {a["country"] for a in mention["parties"]}, mention


@pytest.mark.parametrize(
    "text",
    [
        "Thailand and Cambodia said on Monday they have agreed to a ceasefire along the border.",
        "أعلنت تايلاند وكمبوديا أنهما اتفقتا على وقف إطلاق النار على الحدود.",
    ],
)
def test_who_says_they_agreed_is_a_party_not_an_announcer(extract, text) -> None:
    [mention] = extract(text)["ceasefires"]
    assert {a["canonical"] for a in mention["parties"]} == {"Thailand", "Cambodia"}
    assert mention["sponsors"] == []


def test_a_broker_backing_neither_side_mediates(extract) -> None:
    mention = extract(
        "A truce between Hezbollah and Israel brokered by France and the United States took "
        "effect on Wednesday.",
        published="2024-11-27",
    )["ceasefires"][0]
    assert canonicals(mention["mediators"]) == {"United States", "France"}
    assert canonicals(mention["sponsors"]) == set()


@pytest.mark.parametrize(
    ("published", "role"), [("2016-12-30", "sponsors"), ("2025-06-01", "mediators")]
)
def test_patrons_of_both_sides_who_broker_a_deal_sponsor_it(extract, published, role) -> None:
    mention = extract(
        "A truce between the Syrian government and the rebels brokered by Russia and Turkey "
        "took effect.",
        published=published,
    )["ceasefires"][0]
    assert {"Russia", "Turkey"} <= canonicals(mention[role])


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between the Houthis and the Yemeni government has eased. The truce was "
        "extended on Sunday.",
        "سيواصل المبعوث العمل مع كلا الجانبين (الحكومة اليمنية والحوثيين). وتم تمديد الهدنة.",
    ],
)
def test_the_sides_a_document_names_are_the_parties_when_no_sentence_says(extract, text) -> None:
    parties = {a["canonical"] for c in extract(text)["ceasefires"] for a in c["parties"]}
    assert parties == {"Houthis", "Yemeni government"}


def test_a_unilateral_halt_takes_no_sides_by_default(extract) -> None:
    text = (
        "Fighting between the M23 and the Congolese army went on. The M23 declared a "
        "unilateral ceasefire."
    )
    assert all(not c["parties"] for c in extract(text)["ceasefires"])


@pytest.mark.parametrize(
    "text",
    [
        "OSCE monitors reported violations of the truce in Donetsk.",
        "أفادت اللجنة الدولية للصليب الأحمر بخروقات للهدنة في درعا.",
    ],
)
def test_an_international_body_or_aid_agency_is_never_a_party(extract, text: str) -> None:
    assert all(not c["parties"] for c in extract(text)["ceasefires"])


def test_the_subject_before_an_apposition_agrees(extract) -> None:
    mention = _mention(
        extract,
        "The Sudanese Armed Forces and the paramilitary Rapid Support Forces, the two rival sides "
        "battling for power in Sudan, have agreed to a 48-hour ceasefire.",
    )
    assert canonicals(mention["parties"]) == {"Sudanese Armed Forces", "Rapid Support Forces"}


@pytest.mark.parametrize(
    ("text", "role", "states"),
    [
        (
            "صمدت التهدئة التي تم التوصل إليها بوساطة قطرية-مصرية بين الجيش وقوات الدعم السريع.",
            "mediators",
            {"Qatar", "Egypt"},
        ),
        ("دخلت الهدنة في إدلب حيز التنفيذ برعاية روسية وتركية.", "sponsors", {"Russia", "Turkey"}),
    ],
)
def test_adjectives_of_nationality_after_a_role_word_name_states(extract, text, role, states):
    assert canonicals(_mention(extract, text)[role]) == states


def test_who_put_a_deal_forward_sponsors_it(extract) -> None:
    mention = _mention(
        extract, "Israel and Hamas accepted a ceasefire put forward by the United States."
    )
    assert canonicals(mention["sponsors"]) == {"United States"}


@pytest.mark.parametrize(
    "text",
    [
        "Egypt said it will send two security delegations to monitor the ceasefire in Gaza.",
        "وأعلنت مصر أنها سترسل وفدين أمنيين لمتابعة اتفاق وقف إطلاق النار في غزة.",
    ],
)
def test_who_sends_monitors_mediates(extract, text: str) -> None:
    assert "Egypt" in canonicals(_mention(extract, text)["mediators"])


def test_a_third_party_that_negotiated_it_stays_its_mediator(extract) -> None:
    result = extract(
        "US Secretary of State Antony Blinken announced a 24-hour ceasefire between the RSF "
        "and the Sudanese army. The truce follows two days of intense negotiations, "
        "Blinken said."
    )
    assert all("United States" not in canonicals(c["sponsors"]) for c in result["ceasefires"])
    assert any("United States" in canonicals(c["mediators"]) for c in result["ceasefires"])


def test_states_engaged_in_negotiating_it_mediate(extract) -> None:
    mention = _mention(
        extract,
        "Qatar, with support from Egypt and the United States, had been engaged in intense "
        "negotiations to prolong the truce between Hamas and Israel.",
    )
    assert {"Qatar", "United States"} <= canonicals(mention["mediators"])
    assert canonicals(mention["parties"]) == {"Israel", "Hamas"}


def test_the_armed_sides_of_one_country_are_the_parties_when_no_sentence_says(extract) -> None:
    text = (
        "The Sudanese army shelled Omdurman on Monday. The RSF attacked a base in Khartoum. "
        "The council called on all sides to observe a ceasefire."
    )
    parties = {a["canonical"] for c in extract(text)["ceasefires"] for a in c["parties"]}
    assert parties == {"Sudanese Armed Forces", "Rapid Support Forces"}


def test_who_works_with_both_sides_mediates(extract) -> None:
    text = (
        "Thailand and Cambodia agreed to a ceasefire on Tuesday. China was also in close "
        "contact with both nations to find a peaceful settlement."
    )
    mediators = {a["canonical"] for c in extract(text)["ceasefires"] for a in c["mediators"]}
    assert "China" in mediators


@pytest.mark.parametrize(
    "text",
    [
        "التزم الحوثيون بوقف إطلاق النار في تعز الذي أعلنه الأمين العام للأمم المتحدة.",
        "The Houthis welcomed the ceasefire in Taiz announced by the UN Secretary-General.",
    ],
)
def test_a_standing_mediator_that_announces_a_truce_of_its_war_mediates_it(
    extract, text: str
) -> None:
    mention = _mention(extract, text)
    assert canonicals(mention["mediators"]) == {"United Nations"}
    assert "United Nations" not in canonicals(mention["sponsors"])


def test_a_body_announcing_a_truce_of_a_war_it_does_not_mediate_sponsors_it(extract) -> None:
    text = (
        "The UN and the European Union announced a five-day humanitarian ceasefire between"
        " Israel and Hamas."
    )
    assert canonicals(_mention(extract, text)["sponsors"]) == {"United Nations", "European Union"}


def test_every_standing_mediator_is_a_known_actor_of_a_known_country() -> None:
    lex = lexicon()
    canonicals_known = {record.canonical for record in lex.actors.values()}
    for entry in knowledge.load("wars")["mediators"]:
        assert entry["source"], entry
        assert entry["fought_in"] in lex.countries, entry
        assert set(entry["mediators"]) <= canonicals_known, entry
