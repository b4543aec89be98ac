"""Events: ACLED types, actors, place, date and tolls, and the acts that are not events."""

from __future__ import annotations

import pytest


def _events(extract, text: str) -> list[tuple]:
    return [
        (
            e["type"],
            e["subtype"],
            e["actor1"] and e["actor1"]["canonical"],
            e["place"] and e["place"]["canonical"],
            e["date"],
            e["fatalities"],
        )
        for e in extract(text, published="2016-05-07")["events"]
    ]


def test_shelling_with_toll_actor_place_and_date(extract) -> None:
    text = "Government forces shelled Aleppo on Friday, killing three civilians, residents said."
    [(kind, subtype, actor1, place, date, dead)] = _events(extract, text)
    assert (kind, subtype) == ("explosions_remote_violence", "shelling_artillery_missile_attack")
    assert (actor1, place, date, dead) == ("Syrian army", "Aleppo", "2016-05-06", 3)


def test_two_events_in_one_sentence_each_with_its_own_toll(extract) -> None:
    text = "Regime forces shelled Idlib; clashes in Homs killed 4 fighters."
    shelling, clash = _events(extract, text)
    assert (shelling[1], shelling[3], shelling[5]) == (
        "shelling_artillery_missile_attack",
        "Idlib",
        None,
    )
    assert (clash[1], clash[3], clash[5]) == ("armed_clash", "Homs", 4)


def test_a_toll_in_the_next_sentence_belongs_to_the_event(extract) -> None:
    text = (
        "Clashes erupted between the Houthis and government forces. The clashes killed 20 fighters."
    )
    [(kind, _, _, _, _, dead)] = _events(extract, text)
    assert (kind, dead) == ("battles", 20)


@pytest.mark.parametrize(
    "text",
    [
        "The army denied shelling the town of Idlib.",
        "Russia threatened to strike Idlib if the rebels advanced.",
        "If the truce fails, rebels will shell Aleppo.",
        "There was no shelling in Aleppo on Friday.",
        "About 400,000 people may flee Aleppo for Turkey.",
    ],
)
def test_denied_threatened_hypothetical_and_other_acts_are_not_events(extract, text: str) -> None:
    assert _events(extract, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "نفى الجيش قصف بلدة إدلب.",  # denied
        "هددت روسيا بقصف إدلب إذا تقدم المتمردون.",  # threatened
        "إذا انهارت الهدنة سيقصف المتمردون حلب.",  # if the truce fails
        "لم يسجل أي قصف على حلب يوم الجمعة.",  # no shelling
        "قد يفر 400 ألف شخص من حلب إلى تركيا.",  # 400,000 may flee
    ],
)
def test_arabic_acts_that_are_not_events(extract, text: str) -> None:
    assert _events(extract, text) == []


def test_arabic_two_events_no_casualties_and_a_unit_number(extract) -> None:
    two = "قصفت قوات النظام إدلب؛ واندلعت اشتباكات في حمص أسفرت عن مقتل 4 مقاتلين."
    assert [(e[1], e[3], e[5]) for e in _events(extract, two)] == [
        ("shelling_artillery_missile_attack", "Idlib", None),
        ("armed_clash", "Homs", 4),
    ]
    [bomb] = _events(extract, "انفجرت عبوة ناسفة قرب الرقة دون وقوع إصابات.")
    assert (bomb[1], bomb[5]) == ("remote_explosive_landmine_ied", 0)
    [clash] = _events(extract, "اشتبك اللواء الخامس مع داعش قرب دير الزور.")
    assert (clash[1], clash[5]) == ("armed_clash", None)


def test_no_casualties_is_zero_and_a_unit_number_is_not_a_toll(extract) -> None:
    [event] = _events(extract, "A roadside bomb exploded near Raqqa. No casualties were reported.")
    assert (event[1], event[5]) == ("remote_explosive_landmine_ied", 0)
    [event] = _events(extract, "The 5th brigade clashed with ISIS near Deir ez-Zor.")
    assert (event[1], event[5]) == ("armed_clash", None)


def test_protests_and_arabic(extract) -> None:
    [protest] = _events(
        extract, "Hundreds of protesters gathered in Beirut against the currency collapse."
    )
    assert (protest[0], protest[1], protest[3]) == ("protests", "peaceful_protest", "Beirut")
    [shelling] = _events(extract, "قتل ثلاثة مدنيين بقصف على مدينة حلب أمس.")
    assert (shelling[1], shelling[3], shelling[4], shelling[5]) == (
        "shelling_artillery_missile_attack",
        "Aleppo",
        "2016-05-06",
        3,
    )


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("An explosion in Idlib killed at least 25 fighters.", 25),
        ("Gunmen shot dead a soldier in Daraa.", 1),
        ("A policeman was shot dead by snipers in Kirkuk.", 1),
        ("Six fighters were killed by gunfire and three were killed by mines in Hama.", 9),
        ("Two soldiers were killed and four others were wounded in clashes near Bitlis.", 2),
        ("Six Killed in Aleppo Bombing Six people were killed in a blast in Aleppo.", 6),
        ("A car bomb killed 14 people and injured 40 in Idlib on Monday.", 14),
        ("A car bomb killed 14 people injured 40 in Idlib on Monday.", 14),
        ("A car bomb in Idlib killed 14 and 40 were wounded.", 14),
    ],
)
def test_death_tolls(extract, text: str, dead: int) -> None:
    tolls = [e[5] for e in _events(extract, text)]
    assert dead in tolls, tolls


def test_attack_on_a_combatant_is_a_battle_and_a_crowd_clash_a_riot(extract) -> None:
    [event] = _events(extract, "Masked gunmen assassinated a member of the army in Hasakeh.")
    assert (event[0], event[1]) == ("battles", "armed_clash")
    [event] = _events(extract, "Unidentified gunmen shot dead a shepherd in Raqqa.")
    assert (event[0], event[1]) == ("violence_against_civilians", "attack")
    [event] = _events(extract, "Clashes erupted between youths and Israeli forces in Hebron.")
    assert (event[0], event[1]) == ("riots", "violent_demonstration")
    [event] = _events(extract, "Clashes erupted between the SDF and ISIS near Hajin.")
    assert (event[0], event[1]) == ("battles", "armed_clash")


def test_one_crowd_event_per_sentence_and_armed_stormers_attack(extract) -> None:
    [riot] = _events(extract, "Demonstrators blocked roads with burning tires in Basra.")
    assert (riot[0], riot[1]) == ("riots", "violent_demonstration")
    [protest] = _events(extract, "Families of the kidnapped held a sit-in protest in Van.")
    assert (protest[0], protest[2]) == ("protests", "protesters")
    [attack] = _events(extract, "Gunmen of the 22nd brigade stormed a civilian house in Taizz.")
    assert (attack[0], attack[1]) == ("violence_against_civilians", "attack")


def test_events_can_be_left_out() -> None:
    from ceasefire.extract import extract_document
    from ceasefire.records import Document

    doc = Document(id="x", text="Shells hit Aleppo, killing three.", published="2016-05-06")
    assert extract_document(doc).events
    assert extract_document(doc, events=False).events == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia announced a halt to fighting in Aleppo.",
        "The truce calls for an end to the shelling of Homs.",
        "During the pause, air strikes are meant to stop in eastern Aleppo.",
    ],
)
def test_halted_and_intended_acts_are_not_events(extract, text: str) -> None:
    assert _events(extract, text) == []


def test_residents_who_report_a_battle_do_not_make_it_a_riot(extract) -> None:
    text = "Heavy fighting went on in Aleppo, residents said."
    [event] = _events(extract, text)
    assert (event[0], event[1]) == ("battles", "armed_clash")


def test_strikes_that_hit_a_place_are_air_strikes_not_labour_strikes(extract) -> None:
    [raid] = extract("New strikes hit Aleppo on Monday, residents said.")["events"]
    assert raid["subtype"] == "air_drone_strike"
    assert extract("Prisoners began a hunger strike on Monday.")["events"] == []
    assert extract("Workers went on strike on Tuesday over wages.")["events"] == []


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Russian strikes kill 34 civilians in Deir Ezzor.", "Russian military"),
        (
            "At least 17 civilians were killed in intense Russian strikes on Idlib.",
            "Russian military",
        ),
        ("Five fighters were killed in Russian and Syrian strikes on Aleppo.", "Syrian army"),
        ("Regime bombing raids on Aleppo killed 31 civilians on Friday.", "Syrian army"),
        (
            "ISIL terrorist group killed 42 people in an attack on three villages in Homs.",
            "Islamic State",
        ),
    ],
)
def test_strikes_and_attacks_count_beside_their_doer_or_toll(extract, text: str, doer: str) -> None:
    [event] = extract(text, published="2016-05-07")["events"]
    assert event["actor1"]["canonical"] == doer
    assert event["fatalities"] is not None


def test_strikes_and_attacks_alone_are_not_acts(extract) -> None:
    assert extract("The attack on the plan drew criticism in parliament.")["events"] == []
    assert extract("Teachers held strikes in Beirut last year.")["events"] == []


def test_the_doer_is_the_one_named_in_the_act_not_its_victims_or_target(extract) -> None:
    victims_first = "Some 85 IS militants were killed in a wave of Russian air strikes in Homs."
    assert _events(extract, victims_first)[0][2] == "Russian military"
    named_in_act = "The Syrian warplanes targeted ISIL hideouts near Palmyra, killing 26 militants."
    assert _events(extract, named_in_act)[0][2] == "Syrian army"
    target = "A Syrian air strike on the Islamic State's arms depot killed 9."
    assert _events(extract, target)[0][2] == "Syrian army"
    held = "Air strikes on a town held by Daesh killed 23 civilians."
    assert _events(extract, held)[0][2] is None
    where = "On Tuesday a suicide bomber killed six people in Assad's hometown."
    assert _events(extract, where)[0][2] == "unidentified armed group"
    inside = "A car bomb exploded inside IS territory near Raqqa, killing 5."
    assert _events(extract, inside)[0][2] == "unidentified armed group"


def test_an_act_told_again_keeps_the_doer_named_before(extract) -> None:
    text = (
        "Russian warplanes bombed the town of Khan Tuman on Monday. "
        "At least 12 people were killed in the airstrikes, a monitor said."
    )
    doers = {e[2] for e in _events(extract, text)}
    assert doers == {"Russian military"}


def test_a_kind_of_group_gives_way_to_the_group_named(extract) -> None:
    text = "Militants of the group ISIL fired rockets at Kurdish forces in Hasakeh."
    assert _events(extract, text)[0][2] == "Islamic State"


def test_arabic_air_raid_with_its_doer(extract) -> None:
    text = "قتل 12 مدنيا في غارات الطيران الروسي على مدينة إدلب يوم الاثنين."
    [event] = extract(text, published="2016-05-07")["events"]
    assert event["subtype"] == "air_drone_strike"
    assert event["actor1"]["canonical"] == "Russian military"
    assert event["fatalities"] == 12


def test_those_who_speak_of_an_act_or_hold_no_arms_did_not_do_it(extract) -> None:
    spoken = "Britain said the chemical attack on Khan Sheikhoun killed 86 people."
    assert _events(extract, spoken)[0][2] is None
    claimed = "Houthi forces claimed to have shelled positions in Hays, killing 3 fighters."
    assert _events(extract, claimed)[0][2] == "Houthis"
    party = "The Syrian National Coalition mourned 7 aid workers killed by airstrikes on Idlib."
    assert _events(extract, party)[0][2] is None


def test_a_finer_place_of_the_same_country_beats_the_one_after_in(extract) -> None:
    text = "Houthi forces shelled farms in western Yemen (Al Hudaydah) on Monday."
    [event] = extract(text)["events"]
    assert (event["place"]["canonical"], event["place"]["country"]) == ("Al Ḩudaydah", "YE")


def test_those_killed_by_the_act_are_not_its_doers(extract) -> None:
    text = (
        "The Syrian Arab Air Force killed over 60 militants of the Islamic State "
        "during a wave of airstrikes in Deir ez-Zor province."
    )
    assert _events(extract, text)[0][2] == "Syrian army"
    reporter = "Two civilians were killed in rocket attacks on Aleppo, a police source told SANA."
    assert _events(extract, reporter)[0][2] != "SANA"


def test_killed_in_an_act_is_a_passive_whoever_comes_first(extract) -> None:
    text = "At least 7 Syrian soldiers killed in Israeli raids on army sites near Daraa."
    [event] = extract(text)["events"]
    assert event["actor1"]["country"] == "ISR"
    tanks = "Syrian tanks shelled the northern town of Saraqib on Tuesday, killing five civilians."
    assert _events(extract, tanks)[0][2] == "Syrian army"
    for owner in ("Russia's", "Russias"):  # "have killed": the subject killed them
        text = f"{owner} Aerospace Forces have killed 30 militants in air strikes near Palmyra."
        assert _events(extract, text)[0][2] == "Russia"
    assert _events(extract, "30 militants have been killed in air strikes.")[0][2] is None


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        (
            "Rocket attacks killed at least 30 people in Aleppo on Friday.",
            "shelling_artillery_missile_attack",
        ),
        ("A car bomb attack killed 12 people in Azaz on Sunday.", "remote_explosive_landmine_ied"),
    ],
)
def test_an_attack_named_by_its_weapon_is_that_weapons_act(
    extract, text: str, subtype: str
) -> None:
    [event] = extract(text)["events"]
    assert event["subtype"] == subtype


def test_a_side_fighting_another_beside_an_act_describes_the_sides(extract) -> None:
    text = (
        "An air strike on Thursday by the US-led coalition fighting ISIS wrongly killed "
        "12 members of the Syrian Democratic Forces."
    )
    [event] = extract(text)["events"]
    assert (event["subtype"], event["actor1"]["canonical"], event["fatalities"]) == (
        "air_drone_strike",
        "US-led coalition",
        12,
    )
    alone = "Rebels fighting government forces near Aleppo killed 10 soldiers."
    assert [e["subtype"] for e in extract(alone)["events"]] == ["armed_clash"]


def test_those_who_were_killed_did_not_act_and_a_when_clause_names_who_did(extract) -> None:
    text = (
        "A blast on Friday: at least 22 fighters of the YPG were killed when Islamic State "
        "suicide bombers detonated their vehicles."
    )
    events = {e["subtype"]: e for e in extract(text)["events"]}
    assert events["suicide_bomb"]["actor1"]["canonical"] == "Islamic State"
    blast = events["remote_explosive_landmine_ied"]
    assert (blast["actor1"]["canonical"], blast["actor2"]["canonical"]) == ("Islamic State", "YPG")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2020, mothers who say their sons were kidnapped by the PKK kept up "
        "their sit-in protest outside the HDP building in Van.",
        "نظمت عائلات المعتقلين وقفة احتجاجية أمام مبنى المحافظة في دير الزور للمطالبة بالإفراج"
        " عن أبنائهم الذين اختطفهم تنظيم داعش.",
    ],
)
def test_families_protesting_an_armed_groups_act_are_a_protest(extract, text: str) -> None:
    [event] = extract(text)["events"]
    assert event["subtype"] == "peaceful_protest"
    assert event["actor1"]["agent"] == "CVL"


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("IS militants killed a soldier in Ayn Laylah.", ("armed_clash", "Islamic State", 1)),
        ("تنظيم داعش قتل ثلاثة مدنيين في دير الزور.", ("attack", "Islamic State", 3)),
    ],
)
def test_an_armed_group_that_killed_attacked(extract, text: str, coded: tuple) -> None:
    [event] = extract(text)["events"]
    assert (event["subtype"], event["actor1"]["canonical"], event["fatalities"]) == coded


def test_those_killed_with_no_armed_subject_are_no_event(extract) -> None:
    assert extract("Three civilians were killed in Raqqa.")["events"] == []


def test_a_killing_told_again_with_its_act_is_one_event(extract) -> None:
    text = (
        "Syrian Army Kills 27 ISIL Terrorists in Deir ez-Zor. The Syrian warplanes targeted ISIL "
        "hideouts in Deir ez-Zor province, killing 27 terrorists."
    )
    [event] = extract(text)["events"]
    assert (event["subtype"], event["actor1"]["canonical"], event["fatalities"]) == (
        "air_drone_strike",
        "Syrian army",
        27,
    )


def test_a_demonstration_an_armed_party_organized_is_still_a_protest(extract) -> None:
    text = "Hundreds of people joined an STC-organized demonstration in Lawdar on Monday."
    [event] = extract(text)["events"]
    assert (event["subtype"], event["actor1"]["agent"]) == ("peaceful_protest", "CVL")


@pytest.mark.parametrize(
    "text",
    [
        "A Turkish drone attacked a security post of the Asayish near Qamishli.",
        "استهدفت طائرة مسيرة تركية نقطة عسكرية للأسايش قرب عين العرب.",
    ],
)
def test_a_drone_that_attacked_struck_from_the_air(extract, text: str) -> None:
    assert [e["subtype"] for e in extract(text)["events"]] == ["air_drone_strike"]


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # what armed men hold is armed: an attack on it is a battle
        ("IS militants attacked a military checkpoint in Hit.", ("armed_clash", "Islamic State")),
        (
            "هاجم مسلحون مجهولون حاجزا لقوات النظام في درعا.",
            ("armed_clash", "unidentified armed group"),
        ),
        ("هاجم مسلحون مجهولون منزل مدني في درعا.", ("attack", "unidentified armed group")),
        # a combatant before a passive act was its victim
        (
            "A policeman was shot dead by IS snipers near Baqubah.",
            ("armed_clash", "Islamic State"),
        ),
        ("A civilian was shot dead by gunmen in Daraa.", ("attack", "unidentified armed group")),
        (
            "Pro-Houthi forces launched an attack on pro-Hadi troops north of Taizz.",
            ("armed_clash", "Houthis"),
        ),
        (
            "An unidentified gunman killed a policeman in Birarah.",
            ("armed_clash", "unidentified armed group"),
        ),
    ],
)
def test_who_was_attacked_decides_battle_or_attack(extract, text: str, coded: tuple) -> None:
    [event] = extract(text)["events"]
    assert (event["subtype"], event["actor1"]["canonical"]) == coded


@pytest.mark.parametrize(
    "text",
    [
        "Russian strikes have killed more than 9,000 civilians since the start of the "
        "intervention, the monitor said.",
        "So far, IS militants have killed 300 people in Deir ez-Zor.",
        "قتلت الغارات الروسية أكثر من 9000 مدني منذ بداية التدخل.",
        "At least 37 medics have been killed in Yemen since 2016.",
        "More than 150 residents died in shelling on Taiz since March.",
        "قتل أكثر من 300 شخص بالقصف على دوما منذ آذار 2011.",
        "Air strikes have killed dozens in Raqqa in recent weeks.",
        "Government forces have repeatedly shelled Douma, killing civilians.",
        "Clashes between the army and the tribes around Marib have grown in the past month.",
    ],
)
def test_a_running_total_is_no_event(extract, text: str) -> None:
    assert extract(text)["events"] == []


def test_a_date_since_which_a_place_is_described_leaves_the_act(extract) -> None:
    text = (
        "Rebel mortars killed three civilians in Taiz, a town that has been split since June 2015."
    )
    [event] = extract(text, published="2017-10-05")["events"]
    assert event["fatalities"] == 3


def test_a_running_total_is_not_the_toll_of_the_act_before_it(extract) -> None:
    text = "Regime shelling hit Douma on Monday. So far, the regime has killed 300 people there."
    [event] = extract(text)["events"]
    assert (event["subtype"], event["fatalities"]) == ("shelling_artillery_missile_attack", None)


@pytest.mark.parametrize(
    "text",
    [
        "Police seized 20 mortar shells and two rocket launchers in a raid on a farm.",
        "A ship loaded with tanks and heavy weapons arrived in Socotra.",
        "ضبطت الشرطة قذائف هاون وصواريخ في مزرعة قرب حمص.",
    ],
)
def test_weapons_held_are_no_attack(extract, text: str) -> None:
    types = {e["type"] for e in extract(text)["events"]}
    assert "explosions_remote_violence" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Demonstrators blocked Arwa road in Aden with burning material, demanding electricity.",
        "قطع محتجون الطريق بإطارات مشتعلة في عدن.",
    ],
)
def test_a_road_blocked_with_fire_is_a_riot(extract, text: str) -> None:
    assert [e["subtype"] for e in extract(text)["events"]] == ["violent_demonstration"]


@pytest.mark.parametrize(
    "text",
    [
        "Government helicopters carried out barrel bomb attacks on Daraya, killing 7.",
        "Russian jets flew 60 sorties over Idlib on Monday, killing 12 militants.",
    ],
)
def test_barrel_bombs_and_sorties_are_air_strikes(extract, text: str) -> None:
    assert [e["subtype"] for e in extract(text)["events"]] == ["air_drone_strike"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "DAESH said it had killed at least 35 rebel fighters in a suicide bombing.",
            "Islamic State",
        ),
        ("Russia said it struck IS positions near Palmyra with air strikes.", "Russia"),
        ("Britain said the air strikes killed 12 civilians in Raqqa.", None),
    ],
)
def test_one_who_says_it_acted_claims_the_act(extract, text: str, doer: str | None) -> None:
    [event] = extract(text)["events"]
    assert (event["actor1"] or {}).get("canonical") == doer


@pytest.mark.parametrize(
    "text",
    [
        "Moscow vetoed the draft resolution as protesters rallied outside the UN.",
        "Astana talks ended as an air strike hit a market.",
        "انتهت محادثات أستانا بينما استهدفت غارة جوية سوقا.",
    ],
)
def test_a_capital_acting_or_naming_talks_is_no_place_of_events(extract, text: str) -> None:
    assert all(not e["place"] for e in extract(text)["events"])


@pytest.mark.parametrize(
    "text",
    [
        "Police fired on protests in the capital in early 2013.",
        "Government troops recaptured the old city of Homs in 2014.",
        "اندلعت الاحتجاجات في عام 2011 قبل أن تقمعها قوات النظام.",
    ],
)
def test_history_told_as_background_is_no_event(extract, text: str) -> None:
    assert extract(text, published="2017-10-05")["events"] == []


def test_an_act_of_the_text_s_own_year_stays_and_history_lends_no_toll(extract) -> None:
    text = (
        "Government forces shelled Douma on Monday. "
        "The battle for Homs in 2014 killed hundreds of people."
    )
    [event] = extract(text, published="2017-10-05")["events"]
    assert event["fatalities"] is None
    [same_year] = extract("Government troops recaptured the town in 2017.", published="2017-10-05")[
        "events"
    ]
    assert same_year["type"] == "battles"


def test_a_body_s_name_is_no_place_unless_after_a_locative(extract) -> None:
    text = "A police source told SANA correspondents that gunmen shelled a school."
    result = extract(text, published="2016-11-20")
    assert "JP" not in {p["country"] for p in result["places"]}  # the agency, not Japan's Sano
    assert all((e["place"] or {}).get("country") != "JP" for e in result["events"])
    # after a locative word, a name that is also a body's is the place
    placed = extract("Rebels shelled government positions in Homs.", published="2016-11-20")
    assert [p["canonical"] for p in placed["places"]] == ["Homs"]


def test_an_act_placed_only_in_a_country_takes_the_article_s_finest_place_there(extract) -> None:
    text = (
        "Regime air strikes killed 11 people in Douma on Sunday. "
        "Russian air strikes in southern Syria also hit a school."
    )
    events = extract(text, published="2017-10-08")["events"]
    assert [e["place"]["canonical"] for e in events] == ["Dūmā", "Dūmā"]


def test_a_call_to_halt_strikes_is_no_strike(extract) -> None:
    text = "The council urged the coalition to halt airstrikes on the port of Hodeidah."
    assert extract(text, published="2018-12-30")["events"] == []


def test_a_campaign_is_no_event_but_names_the_doer_of_the_act_told_next(extract) -> None:
    text = (
        "Russian warplanes are carrying out air strikes across Idlib province. "
        "The air strikes killed 12 people in Saraqib on Monday."
    )
    [event] = extract(text, published="2017-10-10")["events"]
    assert event["fatalities"] == 12
    assert event["actor1"]["canonical"].startswith("Russia")


def test_a_dateline_is_no_place_of_an_act(extract) -> None:
    text = "BEIRUT (Reuters) - Air strikes killed 12 people on Monday."
    [event] = extract(text, published="2024-01-01")["events"]
    assert event["place"] is None  # filed from Beirut, not a strike in Beirut


def test_an_act_followed_by_a_modal_is_imagined(extract) -> None:
    text = "Even heavy airstrikes would not end the siege, the analyst wrote."
    assert extract(text, published="2013-09-01")["events"] == []
    told = extract("Russian airstrikes hit the town on Monday.", published="2013-09-01")
    assert [e["subtype"] for e in told["events"]] == ["air_drone_strike"]


# ---------------------------------------------------------------- one event per act and place


def test_an_act_told_again_is_one_event(extract) -> None:
    text = (
        "Syrian warplanes bombed Saraqeb on Tuesday, killing nine people. "
        "Witnesses said Syrian warplanes bombed Saraqeb for about an hour."
    )
    [event] = _events(extract, text)
    assert (event[1], event[3], event[4], event[5]) == (
        "air_drone_strike",
        "Saraqib",
        "2016-05-03",
        9,
    )


@pytest.mark.parametrize("further", ["also bombed", "bombed another market in"])
def test_a_further_act_of_the_same_kind_is_an_event_of_its_own(extract, further: str) -> None:
    text = (
        "Syrian warplanes bombed Saraqeb on Tuesday, killing nine people. "
        f"Witnesses said Syrian warplanes {further} Saraqeb."
    )
    assert len(_events(extract, text)) == 2


def test_an_act_on_listed_places_is_an_event_per_place(extract) -> None:
    text = "Government artillery shelled rebel positions in Daraa, Hama and Idlib provinces."
    events = extract(text)["events"]
    assert {e["subtype"] for e in events} == {"shelling_artillery_missile_attack"}
    assert [e["place"]["name"] for e in events] == ["Daraa", "Hama", "Idlib"]


def test_places_not_listed_as_one_give_one_event(extract) -> None:
    text = "Government artillery shelled the road from Hama to Idlib."
    assert len(_events(extract, text)) == 1


def test_a_statement_made_later_dates_itself_not_the_act(extract) -> None:
    text = "The UN on Thursday condemned Sunday's air strikes on a hospital in Idlib."
    [event] = _events(extract, text)
    assert (event[1], event[4]) == ("air_drone_strike", "2016-05-01")


def test_weekend_strikes_are_dated_by_their_saturday(extract) -> None:
    text = "The UN on Monday condemned weekend air strikes on a hospital in Idlib."
    [event] = extract(text, published="2016-05-10")["events"]
    assert (event["subtype"], event["date"]) == ("air_drone_strike", "2016-05-07")


def test_the_month_of_a_date_is_no_protest_march(extract) -> None:
    text = "Government forces shelled Latakia on 5 March 2016, killing two civilians."
    [event] = _events(extract, text)
    assert event[1] == "shelling_artillery_missile_attack"


def test_a_place_of_fighting_for_weeks_reports_no_act(extract) -> None:
    assert _events(extract, "Morek has been the scene of heavy fighting for weeks.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Coalition jets have conducted 140 air raids around Tabqa since 3 June.",
        "At least 90 people have been killed in air strikes on Douma since the army began its "
        "offensive ten days ago.",
    ],
)
def test_acts_counted_since_a_date_or_a_start_are_no_event(extract, text: str) -> None:
    assert extract(text, published="2016-07-16")["events"] == []


def test_a_count_since_a_date_in_a_relative_clause_leaves_the_act_told(extract) -> None:
    text = (
        "Clashes raged in Zabadani on Thursday, according to the monitor, which has recorded "
        "heavy shelling of the town since early July."
    )
    assert [e[1] for e in _events(extract, text)] == ["armed_clash"]


def test_a_part_of_a_toll_told_before_is_no_act_of_its_own(extract) -> None:
    text = (
        "Syrian warplanes bombed Saraqeb on Tuesday, killing nine people. "
        "An air strike on Saraqeb killed four children, rescuers said."
    )
    assert [(e[1], e[5]) for e in _events(extract, text)] == [("air_drone_strike", 9)]


@pytest.mark.parametrize(
    "text",
    [
        "The Britain-based group said an air strike hit Saraqeb on Monday, killing four.",
        "US President Barack Obama said an air strike hit a hospital in Kunduz on Saturday.",
    ],
)
def test_the_state_in_the_subject_of_a_speech_verb_is_no_doer(extract, text: str) -> None:
    [event] = extract(text, published="2016-05-10")["events"]
    assert (event["subtype"], event["actor1"]) == ("air_drone_strike", None)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Israeli airstrikes were reported to have hit positions near Quneitra.",
            "Israeli military",
        ),
        ("Russia's Defence Ministry has reported air strikes near Palmyra on Monday.", "Russia"),
    ],
)
def test_an_act_reported_or_a_report_of_ones_own_act_keeps_its_doer(
    extract, text: str, doer: str
) -> None:
    [event] = extract(text, published="2016-05-10")["events"]
    assert event["actor1"]["canonical"] == doer


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "Rebels attacked a checkpoint in Homs province, killing six civilians and five "
            "militiamen.",
            11,
        ),
        ("A coalition raid on Manbij killed two women and their seven children.", 9),
        (
            "On Monday at least 24 people including five children and two women were killed in a "
            "barrel bomb attack on Aleppo.",
            24,
        ),
        ("Shelling killed 3 soldiers and 2 were wounded in Hama.", 3),
    ],
)
def test_counts_of_the_dead_joined_by_and_add_up_and_a_part_is_of_its_whole(
    extract, text: str, dead: int
) -> None:
    [event] = extract(text)["events"]
    assert event["fatalities"] == dead


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("15-11-2014 The army killed a commander of the group in Qalamoun.", "2014-11-15"),
        ("07.04.2017 A missile strike killed five soldiers near Homs.", "2017-04-07"),
        ("Clashes killed 12 fighters near Idlib on 5/13/2016.", "2016-05-13"),
    ],
)
def test_a_date_written_in_numbers_is_a_date_not_a_toll(extract, text: str, day: str) -> None:
    events = extract(text, published="2017-12-01")["events"]
    assert {e["date"] for e in events} == {day}
    assert all((e["fatalities"] or 0) < 100 for e in events)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("An explosion killed twenty-eight fighters in Idlib.", 28),
        ("An explosion killed thirty five thousand people in Idlib.", 35000),
        ("Shelling on Harasta left 2 people killed 13 injured.", 2),
        ("The army killed a number of militants near Saraqeb.", None),
    ],
)
def test_tolls_read_as_written(extract, text: str, dead: int | None) -> None:
    [event] = extract(text)["events"]
    assert event["fatalities"] == dead


def test_a_state_that_announced_something_is_no_doer_in_arabic(extract) -> None:
    text = (
        "وكانت روسيا قد أعلنت أن الهدنة باتت تشمل إدلب، بعد غارات وقصف أودى بحياة العشرات "
        "في المدينة."
    )
    events = extract(text, published="2016-05-05", language="ar")["events"]
    assert events and all(e["actor1"] is None for e in events)


def test_the_arabic_subjects_of_a_speech_verb_before_them_are_no_doers(extract) -> None:
    text = (
        "قتل مدنيان يوم الجمعة جراء قصف استهدف حيا في مدينة حمص، في اليوم الثالث من الهدنة التي "
        "أعلنتها روسيا والجيش السوري."
    )
    [event] = extract(text, published="2016-05-07", language="ar")["events"]
    assert (event["subtype"], event["actor1"]) == ("shelling_artillery_missile_attack", None)


@pytest.mark.parametrize(
    "text",
    [
        "Who shelled the bakery in Maarat al-Numan is disputed, and the sides blame each other.",
        "Who attacked the aid convoy near Atareb is disputed, and the sides blame each other.",
    ],
)
def test_the_question_of_who_acted_reports_no_act(extract, text: str) -> None:
    assert extract(text, published="2016-09-20")["events"] == []


def test_an_act_told_beside_the_question_of_who_did_it_stays(extract) -> None:
    text = "Shells hit the Salaheddine district on Friday, and it remains unclear who fired."
    assert [e["subtype"] for e in extract(text)["events"]] == ["shelling_artillery_missile_attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Over 5,000 people have died in the conflict, which began with anti-government protests "
        "in March 2012 and turned into a civil war.",
        "The city lies in ruins after a war that started as peaceful demonstrations.",
        "دمرت المدينة في الحرب التي بدأت باحتجاجات سلمية.",
    ],
)
def test_what_a_war_began_with_is_no_event_of_the_news(extract, text: str) -> None:
    assert extract(text, published="2016-05-07")["events"] == []


def test_an_act_that_begins_now_is_still_an_event(extract) -> None:
    [shelling] = extract("The army began shelling the town on Monday.", published="2016-05-07")[
        "events"
    ]
    assert shelling["subtype"] == "shelling_artillery_missile_attack"


def test_an_act_told_in_an_earlier_month_the_sentence_names_happened_then(extract) -> None:
    text = "The town was quieter than in the last days of April, when air strikes killed dozens."
    [strike] = extract(text, published="2016-05-07")["events"]
    assert strike["date"] == "2016-04-01"


def test_acts_that_filled_a_span_of_time_are_no_event_of_the_news(extract) -> None:
    text = (
        "The truce was extended to Hama on Wednesday, after nearly two weeks of air strikes "
        "that have killed dozens of people in the city."
    )
    assert extract(text, published="2016-05-07")["events"] == []
    text = "Two weeks after the air strike on the market, residents returned to Hama."
    assert [e["subtype"] for e in extract(text, published="2016-05-07")["events"]] == [
        "air_drone_strike"
    ]


def test_a_state_and_its_forces_telling_one_act_are_one_doer(extract) -> None:
    text = (
        "The Syrian government shelled Saraqeb on Monday, killing nine people. "
        "Syrian army artillery shelled Saraqeb on Monday, residents said."
    )
    [shelling] = extract(text, published="2016-05-10")["events"]
    assert (shelling["actor1"]["canonical"], shelling["fatalities"]) == ("Syrian government", 9)


def test_an_act_told_before_its_purpose_is_done_and_one_after_if_is_not(extract) -> None:
    text = (
        "On Monday the Golbasi governorship imposed a curfew on the district in a bid to curb "
        "the outbreak."
    )
    [curfew] = extract(text, published="2016-05-10")["events"]
    assert (curfew["subtype"], curfew["actor1"]["agent"]) == ("change_to_group_activity", "GOV")
    text = "The army will respond if rebels shell the town again."
    assert extract(text, published="2016-05-10")["events"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Regime helicopters dropped barrel bombs on Douma on Monday, killing 12 people. The"
        " bombardment destroyed a school.",
        "شنت مروحيات النظام غارات ببراميل متفجرة على دوما يوم الاثنين مما أسفر عن مقتل 12 شخصا."
        " ودمر القصف مدرسة.",
    ],
)
def test_an_act_named_again_by_a_definite_noun_is_the_event_told_before(extract, text: str) -> None:
    [(kind, _, actor1, place, _, dead)] = _events(extract, text)
    assert (kind, actor1, place, dead) == ("explosions_remote_violence", "Syrian army", "Dūmā", 12)


def test_a_further_act_named_with_the_latest_is_an_event_of_its_own(extract) -> None:
    text = "Russian warplanes bombed Saraqeb on Monday. The latest strikes hit Idlib on Tuesday."
    assert len(_events(extract, text)) == 2


def test_a_toll_told_elsewhere_is_not_the_last_act_s(extract) -> None:
    text = "Government forces shelled Daraa on Monday. Elsewhere, 18 people were killed in a town."
    [event] = _events(extract, text)
    assert event[-1] is None


def test_a_page_counter_is_no_count() -> None:
    from ceasefire.extract.analysis import analyse
    from ceasefire.extract.lexicon import lexicon

    text = "Car bomb kills 14 in Qamishli Print Tweet Views 1480 A car bomb killed 14 people."
    assert [n.value for n in analyse(text, "2017-03-06", lexicon()).numbers] == [14, 14]


def test_an_act_dated_weeks_before_the_article_is_background(extract) -> None:
    text = (
        "Government forces shelled Idlib on Monday, killing four people. In February, rockets"
        " killed 15 residents of the town of Azaz."
    )
    found = extract(text, published="2017-07-15")["events"]
    assert [(e["place"]["canonical"], e["fatalities"]) for e in found] == [("Idlib", 4)]


def test_an_older_act_that_the_article_is_about_stays_its_event(extract) -> None:
    text = (
        "Inspectors said chlorine gas was used in the attack of 2 March 2017 that killed 14 people."
    )
    found = extract(text, published="2017-07-15")["events"]
    assert [(e["subtype"], e["date"], e["fatalities"]) for e in found] == [
        ("chemical_weapon", "2017-03-02", 14)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "During the pause, air strikes and shelling are meant to stop so that civilians can leave.",
        "Under the deal, shelling and air strikes will stop on Friday.",
    ],
)
def test_what_is_said_after_a_list_of_acts_is_said_of_each(extract, text: str) -> None:
    assert _events(extract, text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        (
            "On 6 May, dismissed workers held a sit-in in Izmir. Police dispersed the group and "
            "detained 4 of them.",
            "protest_with_intervention",
        ),
        (
            "On 6 May, teachers marched in Izmir. Police intervened and moved them away.",
            "protest_with_intervention",
        ),
        ("On 6 May, teachers marched in Izmir. They later went home.", "peaceful_protest"),
    ],
)
def test_a_protest_and_what_the_police_did_to_it_next_are_one_event(
    extract, text: str, subtype: str
) -> None:
    [protest] = [e for e in _events(extract, text) if e[0] == "protests"]
    assert (protest[1], protest[3]) == (subtype, "İzmir")


def test_a_protest_in_one_town_and_police_acting_in_another_stay_two_events(extract) -> None:
    text = "On 6 May, teachers marched in Izmir. On 6 May, police dispersed the crowd in Bursa."
    places = [(e[1], e[3]) for e in _events(extract, text)]
    assert places == [("peaceful_protest", "İzmir"), ("protest_with_intervention", "Bursa")]


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May, the governor announced a two-day curfew in Izmir.",
        "Security measures: on 9 May, authorities imposed a lockdown on Izmir.",
        "أعلنت السلطات حظر التجول في إدلب يوم السبت.",
    ],
)
def test_curfews_and_lockdowns_change_what_a_population_may_do(extract, text: str) -> None:
    [event] = _events(extract, text)
    assert event[:2] == ("strategic_developments", "change_to_group_activity")


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May, rebels shelled Kafr Nabl. Government forces fired back, killing 3 fighters.",
        "On 2 May, rebels shelled Kafr Nabl, and government forces returned fire.",
        "On 2 May, government forces responded to the shelling of rebels in Kafr Nabl.",
    ],
)
def test_fire_and_the_reply_to_it_are_one_armed_clash(extract, text: str) -> None:
    [clash] = _events(extract, text)
    assert (clash[0], clash[1], clash[3]) == ("battles", "armed_clash", "Kafranbel")


def test_a_reply_told_of_another_day_is_a_clash_of_its_own(extract) -> None:
    text = "On 2 May, rebels shelled Kafr Nabl. On 4 May, government forces fired back."
    assert [e[1] for e in _events(extract, text)] == [
        "shelling_artillery_missile_attack",
        "armed_clash",
    ]


def test_machine_guns_fired_at_places_with_no_reply_are_shelling(extract) -> None:
    text = "On 5 May, rebels fired 14.5mm and 12.7mm machine guns at homes in Kafr Nabl."
    [shelling] = _events(extract, text)
    assert shelling[:2] == ("explosions_remote_violence", "shelling_artillery_missile_attack")


def test_tear_gas_fired_where_no_protest_is_told_is_an_attack_on_civilians(extract) -> None:
    text = "On 2 May, soldiers fired tear gas at farmers working their fields near Hebron."
    [attack] = _events(extract, text)
    assert attack[:2] == ("violence_against_civilians", "attack")
    text = "On 2 May, farmers protested near Hebron. Soldiers fired tear gas at them."
    [protest] = _events(extract, text)
    assert protest[:2] == ("protests", "protest_with_intervention")


@pytest.mark.parametrize(
    "text",
    [
        "On 7 May, settlers beat and attacked a shepherd near Hebron.",
        "On 7 May, angry villagers attacked a bus driver near Hebron.",
    ],
)
def test_a_crowd_that_attacks_people_is_mob_violence(extract, text: str) -> None:
    [mob] = _events(extract, text)
    assert mob[:2] == ("riots", "mob_violence")


def test_an_armed_group_that_attacks_people_stays_an_attack(extract) -> None:
    [attack] = _events(extract, "On 7 May, gunmen attacked a shepherd near Hebron.")
    assert attack[:2] == ("violence_against_civilians", "attack")


@pytest.mark.parametrize(
    "background",
    [
        "The regime has heavily bombarded areas of Idlib that have fallen out of its control.",
        "The two districts have been used by rebels to launch rockets into Hama.",
    ],
)
def test_what_has_been_done_over_time_is_no_event(extract, background: str) -> None:
    text = f"On Monday government forces shelled Saraqeb, killing 4 people. {background}"
    assert [e[3] for e in _events(extract, text)] == ["Saraqib"]


@pytest.mark.parametrize(
    "text",
    [
        "Government forces have shelled Idlib on Monday.",
        "Government forces have shelled Idlib, killing 12 civilians.",
        "Government forces have shelled Idlib. Twelve civilians were killed.",
    ],
)
def test_an_act_in_the_perfect_with_a_day_or_a_toll_is_news(extract, text: str) -> None:
    [event] = _events(extract, text)
    assert (event[0], event[3]) == ("explosions_remote_violence", "Idlib")


def test_an_article_telling_only_a_campaign_is_about_it(extract) -> None:
    text = "Russian forces have intensified their shelling of Idlib province."
    assert [e[0] for e in _events(extract, text)] == ["explosions_remote_violence"]


def test_acts_of_a_clause_opened_by_a_past_year_and_when_are_background(extract) -> None:
    text = (
        "On Monday government forces shelled Saraqeb. The war began in mid 2011 when "
        "protests against the government in Daraa were suppressed violently."
    )
    assert [e[3] for e in _events(extract, text)] == ["Saraqib"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "On Monday 17 government soldiers including a senior commander were killed in "
            "fighting near Palmyra.",
            17,
        ),
        ("On Monday a commander was killed in fighting near Palmyra.", 1),
    ],
)
def test_a_part_of_the_dead_named_with_including_leaves_their_count(
    extract, text: str, dead: int
) -> None:
    [clash] = _events(extract, text)
    assert clash[5] == dead


def test_jets_that_kill_strike_from_the_air(extract) -> None:
    [strike] = _events(extract, "On Monday jets killed 60 civilians in Deir ez-Zor.")
    assert (strike[1], strike[5]) == ("air_drone_strike", 60)
    assert _events(extract, "On Monday fighter jets flew over Deir ez-Zor.") == []


def test_the_count_that_opens_a_passive_subject_counts_the_dead(extract) -> None:
    text = (
        "On Monday four staff of the Union of Medical Relief Organisations were killed when "
        "a shell hit a clinic in Saraqeb."
    )
    [shelling] = _events(extract, text)
    assert shelling[5] == 4


def test_a_total_of_the_day_is_no_toll_of_the_act_told_before(extract) -> None:
    text = (
        "On Monday government forces shelled Saraqeb. A total of 33 people died across the "
        "province according to activists."
    )
    [shelling] = _events(extract, text)
    assert shelling[5] is None


def test_a_place_named_as_the_site_of_an_act_tells_no_act(extract) -> None:
    text = (
        "On Friday government air strikes killed 13 civilians around Saraqeb, the site of a "
        "deadly April chemical attack."
    )
    assert [e[1] for e in _events(extract, text)] == ["air_drone_strike"]
