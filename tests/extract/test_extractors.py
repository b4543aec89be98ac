"""Each extractor on cases written here, traps included."""

from __future__ import annotations

import pytest

from ceasefire.extract.analysis import analyse
from ceasefire.extract.lexicon import lexicon

from .conftest import by_type, canonicals


def _analysis(text: str, published: str | None = "2016-05-07"):
    return analyse(text, published, lexicon())


# places


def test_turkey_the_country_not_the_bird(extract) -> None:
    assert [p["country"] for p in extract("Thousands fled to Turkey last week.")["places"]] == [
        "TR"
    ]
    assert extract("Families shared a turkey and rice after the truce.")["places"] == []


def test_aleppo_city_and_aleppo_governorate(extract) -> None:
    [city] = extract("Shells fell on Aleppo on Friday.")["places"]
    assert (city["geonameid"], city["kind"]) == (170063, "city")
    for text in (
        "Clashes spread across Aleppo governorate.",
        "Clashes spread across the Aleppo countryside.",
        "Clashes spread across the province of Aleppo.",
        "اشتباكات في ريف حلب",
    ):
        [region] = extract(text)["places"]
        assert (region["kind"], region["country"]) == ("admin1", "SY"), text
        assert region["geonameid"] != 170063


def test_homs_without_country_context_is_the_syrian_city(extract) -> None:
    [homs] = extract("Government forces shelled Homs.")["places"]
    assert (homs["country"], homs["kind"]) == ("SY", "city")


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The truce covers Idlib, Hama and Latakia provinces.", ["admin1"] * 3),
        ("The truce covers the provinces of Idlib and Hama.", ["admin1"] * 2),
        ("تشمل الهدنة محافظتي إدلب وحماة.", ["admin1"] * 2),
        ("Fighting eased in the Donetsk and Luhansk regions.", ["admin1"] * 2),
        ("Shells fell on Aleppo and Idlib on Friday.", ["city"] * 2),
        ("Fighting eased in Donetsk and Kharkiv.", ["city"] * 2),
    ],
)
def test_a_list_of_names_closed_by_a_plural_region_word_is_regions(
    extract, text: str, kinds: list[str]
) -> None:
    assert [p["kind"] for p in extract(text)["places"]] == kinds


def test_country_context_decides_between_namesakes(extract) -> None:
    [tripoli] = [
        p
        for p in extract("In Lebanon, protesters gathered in Tripoli.")["places"]
        if p["canonical"] != "Lebanon"
    ]
    assert tripoli["country"] == "LB"
    [tripoli] = extract("Fighting resumed south of Tripoli, Libya's capital.")["places"][:1]
    assert tripoli["country"] == "LY"


def test_small_place_confirmed_by_its_region_and_naming_it(extract) -> None:
    # A village too small to trust alone is kept when its governorate is named beside it,
    # and the governorate's name is then read in the village's country (Yemen, not Libya).
    places = extract("Coalition aircraft struck Mukayras, Al Bayda, on Monday.")["places"]
    assert [(p["name"], p["country"], p["admin1"]) for p in places] == [
        ("Mukayras", "YE", "Al Bayda"),
        ("Al Bayda", "YE", "Al Bayda"),
    ]
    assert extract("Coalition aircraft struck Mukayras on Monday.")["places"] == []


def test_arabic_place_with_clitics(extract) -> None:
    places = extract("وصلت المساعدات إلى حلب وبحمص، ثم والرقة.")["places"]
    assert {"SY"} == {p["country"] for p in places}
    assert len(places) == 3


# actors


def test_actor_codes_and_demonyms(extract) -> None:
    actors = extract("The Russians and the Syrian army said ISIS and the SDF clashed near Raqqa.")[
        "actors"
    ]
    codes = {a["canonical"]: a["code"] for a in actors}
    assert codes["Russia"] == "RUSGOV"
    assert codes["Islamic State"] == "IMGMUSISI"
    assert "Syrian army" in codes and "SDF" in {a["canonical"] for a in actors} | {
        a["name"] for a in actors
    }


def test_a_state_joined_to_forces_is_its_forces_too(extract) -> None:
    actors = extract("Russian and Turkish forces conducted a joint patrol east of Kobani.")
    assert [a["canonical"] for a in actors["actors"]] == ["Russian military", "Turkish military"]
    states = extract("Russia and Turkey agreed on a ceasefire in Idlib.")["actors"]
    assert [a["agent"] for a in states] == ["GOV", "GOV"]
    rockets = extract("Saudi rocket and artillery shelling hit Haydan.")["actors"]
    assert [a["canonical"] for a in rockets] == ["Saudi military"]


def test_place_name_used_as_a_place_is_not_an_actor(extract) -> None:
    result = extract("Two rockets hit Damascus on Monday.")
    assert "Syrian government" not in canonicals(result["actors"])
    assert [p["canonical"] for p in result["places"]] == ["Damascus"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # an actor's name that is only another name of a place is the actor
        ("The accord was announced at the White House on Tuesday.", []),
        # common nouns written like a village's name are not places
        ("وقال المبعوث في بيان إن الهدنة في البلاد صامدة.", []),
        # a capital that stands for its government keeps its names in every language
        ("وصل الوفد إلى موسكو يوم الأحد.", ["Moscow"]),
        ("The delegation arrived in Moscow on Sunday.", ["Moscow"]),
    ],
)
def test_names_that_are_not_places_here(extract, text: str, places: list[str]) -> None:
    assert [p["canonical"] for p in extract(text)["places"]] == places


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Regime shelling killed 12 civilians in Eastern Ghouta on Monday.", "Rif-dimashq"),
        ("قصفت قوات النظام الغوطة الشرقية.", "Rif-dimashq"),
        ("Israeli jets struck positions in the Golan Heights.", "Quneitra"),
    ],
)
def test_areas_the_press_names_lie_in_their_region(extract, text: str, region: str) -> None:
    assert [p["canonical"] for p in extract(text)["places"]] == [region]


def test_a_town_placed_in_another_region_is_not_its_namesake(extract) -> None:
    elsewhere = extract("Syrian troops killed 100 militants in Mallah Farms in Aleppo.")
    assert [p["admin1"] for p in elsewhere["places"]] == ["Aleppo"]
    there = extract("Government forces shelled Mallah in Sweida, killing two.")
    assert "Mallah" in [p["name"] for p in there["places"]]


def test_possessives_printed_without_an_apostrophe(extract) -> None:
    result = extract("Russias jets and Assads forces shelled Aleppos east.")
    actors = {a["name"]: a["canonical"] for a in result["actors"]}
    assert actors == {"Russias": "Russian military", "Assads forces": "Syrian army"}
    assert [p["canonical"] for p in result["places"]] == ["Aleppo"]
    # a name that is a name of its own plus "s" keeps its own meaning
    assert "Hamas" in canonicals(extract("Hamas fighters fired rockets.")["actors"])
    assert extract("Hamas fighters fired rockets.")["places"] == []


# ceasefire mentions


def test_truce_in_yemen_inside_an_article_about_syria(extract) -> None:
    text = (
        "The cessation of hostilities in Syria held for a third day in Aleppo. "
        "In Yemen, the truce between the Houthis and the government collapsed. "
        "Syrian monitors reported calm in Idlib."
    )
    result = extract(text)
    [yemen] = by_type(result, "truce")
    assert {p["country"] for p in yemen["places"]} == {"YE"}
    assert yemen["status"] == "collapsed"
    assert {"Houthis"} <= canonicals(yemen["parties"])
    [syria] = by_type(result, "cessation_of_hostilities")
    assert "YE" not in {p["country"] for p in syria["places"]}
    assert syria["status"] == "in_force"


def test_negated_status_is_not_asserted(extract) -> None:
    [truce] = extract("Russia said the truce would not be extended.")["ceasefires"]
    assert truce["status"] != "extended"


def test_hypothetical_arrangement_is_proposed(extract) -> None:
    [truce] = extract("If a truce is declared, aid convoys could reach Aleppo.")["ceasefires"]
    assert truce["status"] == "proposed"


def test_window_from_dates_and_duration(extract) -> None:
    text = "Russia announced a 48-hour regime of calm in Aleppo from May 5."
    [calm] = extract(text, published="2016-05-04")["ceasefires"]
    assert (calm["type"], calm["status"]) == ("regime_of_calm", "announced")
    assert (calm["start"], calm["end"]) == ("2016-05-05", "2016-05-07")
    assert "Russia" in canonicals(calm["sponsors"])


def test_terms_in_three_languages(extract) -> None:
    kinds = {
        "أعلن الجيش السوري نظام تهدئة في الغوطة الشرقية.": "regime_of_calm",
        "Минобороны России объявило режим тишины в Алеппо.": "regime_of_calm",
        "دخل وقف الأعمال العدائية حيز التنفيذ.": "cessation_of_hostilities",
        "Russia and Turkey announced a nationwide ceasefire.": "comprehensive_ceasefire",
        "Russia declared a humanitarian pause in eastern Aleppo.": "humanitarian_pause",
        "The evacuation agreement for eastern Aleppo was announced.": "local_agreement",
        "Guarantors signed the de-escalation zones memorandum.": "de_escalation_zone",
    }
    for text, kind in kinds.items():
        assert [c["type"] for c in extract(text)["ceasefires"]] == [kind], text


# dates and numbers


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The truce began on Thursday.", "2016-05-05"),
        ("The truce began yesterday.", "2016-05-06"),
        ("The truce began two days ago.", "2016-05-05"),
        ("The truce began on 4 May 2016.", "2016-05-04"),
        ("The truce began on May 4.", "2016-05-04"),
        ("بدأت الهدنة أمس.", "2016-05-06"),
        ("بدأت الهدنة قبل ثلاثة أيام.", "2016-05-04"),
        ("بدأت الهدنة يوم الخميس.", "2016-05-05"),
        ("تبدأ الهدنة يوم الاثنين 12 أيلول/سبتمبر 2016.", "2016-09-12"),
        ("قُتل ثلاثة مدنيين يوم الجمعة ٦ أيار/مايو.", "2016-05-06"),
        ("The truce will begin on Monday, 9 May.", "2016-05-09"),
        # a weekday that words around it put ahead is the next such day, or the same day
        ("The truce will take effect on Monday.", "2016-05-09"),
        ("A truce starting Friday was agreed.", "2016-05-13"),
        ("A truce starting Saturday was agreed.", "2016-05-07"),
        ("ستدخل الهدنة حيز التنفيذ يوم الثلاثاء.", "2016-05-10"),
        ("تسري الهدنة اعتبارا من يوم الأربعاء.", "2016-05-11"),
        ("تبدأ الهدنة يوم الجمعة المقبل.", "2016-05-13"),
        # ... and not when they stand in another sentence, or only sound ahead
        ("Talks will go on. Shelling hit Aleppo on Friday.", "2016-05-06"),
        ("The truce was due to begin on Thursday.", "2016-05-05"),
        ("كان من المقرر أن تبدأ الهدنة يوم الخميس.", "2016-05-05"),
    ],
)
def test_dates_resolve_against_publication(text: str, date: str) -> None:
    assert [d.date for d in _analysis(text).dates] == [date]


@pytest.mark.parametrize(
    ("text", "published", "dates"),
    [
        # a day and month without a year: the nearest such date before publication ...
        ("The truce began on 3 January.", "2017-12-30", ["2017-01-03"]),
        ("Shelling on 30 December killed three.", "2017-01-02", ["2016-12-30"]),
        ("بدأت الهدنة في 30 كانون الأول/ديسمبر.", "2017-01-02", ["2016-12-30"]),
        # ... or the next one when the words before it look ahead
        ("The truce will start on 3 January.", "2016-12-30", ["2017-01-03"]),
        ("ستدخل الهدنة حيز التنفيذ اعتبارا من 3 كانون الثاني/يناير.", "2016-12-30", ["2017-01-03"]),
        # 29 February of a leap year of publication, in the year before, is no date
        ("بدأت الهدنة في 29 شباط/فبراير.", "2016-01-10", []),
        ("The truce began on 29 February.", "2016-01-10", []),
    ],
)
def test_dates_without_a_year_take_the_year_their_tense_gives(
    text: str, published: str, dates: list[str]
) -> None:
    assert [d.date for d in _analysis(text, published).dates] == dates


@pytest.mark.parametrize(
    ("text", "published", "status"),
    [
        (
            "Hours after the army declared the week-old truce over, a convoy was hit.",
            None,
            "collapsed",
        ),
        ("The truce held over the weekend.", None, "mentioned"),
        # the entry into force with the term inside it, and a truce made longer
        ("عاد النازحون إلى قراهم عقب دخول وقف إطلاق النار حيز التنفيذ.", None, "in_force"),
        ("The daily humanitarian pause was lengthened from eight to 11 hours.", None, "extended"),
        # a stage still to come: what will take effect is agreed; an extension that failed
        # leaves the arrangement to lapse
        ("A ceasefire between Hamas and Israel will take effect at 6 a.m.", None, "agreed"),
        ("ستدخل الهدنة حيز التنفيذ يوم السبت في إدلب.", None, "agreed"),
        ("The truce is due to take effect on Friday in Idlib.", None, "agreed"),
        ("Negotiations failed to extend the nationwide ceasefire in Yemen.", None, "expired"),
        # a stage only feared is not reached
        ("There are fears of a collapse of the truce in Idlib.", None, "mentioned"),
        ("The truce in Idlib could collapse, the envoy said.", None, "mentioned"),
        ("وسط مخاوف من انهيار الهدنة في إدلب.", None, "mentioned"),
        ("The truce in Idlib collapsed on Monday.", None, "collapsed"),
        ("Russia announced the regime of calm in May.", "2016-12-13", "mentioned"),
        ("أعلنت روسيا نظام التهدئة في أيار/مايو.", "2016-12-13", "mentioned"),
        ("Russia announced the regime of calm in May.", "2016-05-07", "announced"),
        ("The truce collapsed in May.", "2016-12-13", "collapsed"),
    ],
)
def test_status_read_from_the_words_around_a_term(
    extract, text: str, published: str, status: str
) -> None:
    [mention] = extract(text, published=published or "2016-09-20")["ceasefires"]
    assert mention["status"] == status


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("about 400,000 people", 400000),
        ("hundreds of thousands of people", 200000),
        ("نحو ٤٠٠ ألف شخص", 400000),
        ("1.5 million people", 1500000),
        ("three civilians", 3),
        ("at least a dozen civilians", 12),
    ],
)
def test_numbers(text: str, value: int) -> None:
    assert [n.value for n in _analysis(text).numbers] == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Shelling at 1600 GMT killed 12 civilians.", [12]),
        ("The truce took effect at 0600 local time.", []),
        ("Rebels attacked at 0500 hours, killing 4 soldiers.", [4]),
        ("Clashes at 06:00 killed 4 fighters.", [4]),
        ("Shelling at 6 p.m. killed 3 people.", [3]),
        ("قصف في السادسة مساء (1600 بتوقيت جرينتش) أدى إلى مقتل 5 مدنيين.", [5]),
        # durations and counts beside clock words stay numbers
        ("The truce was extended by 72 hours.", [72]),
        ("About 2500 hours of talks were held.", [2500]),
    ],
)
def test_times_of_day_are_not_numbers(text: str, values: list[int]) -> None:
    assert [n.value for n in _analysis(text).numbers] == values


# displacement


def test_displacement_fact_with_count(extract) -> None:
    # "thousands" is no count (see test_displacement_counts.py); an explicit number is
    [moved] = extract("Some 7,000 civilians fled from Idlib towards Turkey on Monday.")[
        "displacement"
    ]
    assert moved["count"] == 7000
    assert moved["origin"]["country"] == "SY"
    assert moved["destination"]["country"] == "TR"
    assert moved["conditional"] is False


def test_the_month_may_is_not_the_modal_may(extract) -> None:
    for text in ("On 4 May, 5,000 people fled Aleppo to Turkey.", "In May, 5,000 people fled."):
        assert [d["conditional"] for d in extract(text)["displacement"]] == [False]
    assert [d["conditional"] for d in extract("5,000 people may flee.")["displacement"]] == [True]


def test_evacuation_count_is_not_a_date(extract) -> None:
    text = (
        "About 35,000 people were evacuated from eastern Aleppo by 22 December 2016, the ICRC said."
    )
    [moved] = extract(text)["displacement"]
    assert moved["count"] == 35000
    assert moved["reported_by"]["canonical"] == "ICRC"


def test_arabic_pronoun_suffixes(extract) -> None:
    [truce] = extract("أعلنت روسيا تمديد هدنتها في حلب.")["ceasefires"]
    assert (truce["type"], truce["term"], truce["status"]) == ("truce", "هدنتها", "extended")
    assert "Russia" in canonicals(truce["sponsors"] + truce["characterized_by"])


def test_a_place_named_without_the_article_is_another_word_behind_it() -> None:
    """ "المشهد" is "the scene", not Mashhad; "للحديدة" (ل with the article) is Hodeidah,
    named with its article; "والرقة" is Raqqa."""

    def places(text: str) -> list[str]:
        return [m.record.name for m in analyse(text, None, lexicon()).places]

    assert places("ويظهر المشهد في المدينة حجم الدمار.") == []
    assert places("وصلت القافلة إلى شارع الرشيد.") == []
    [hodeidah] = places("توجهت القوات للحديدة صباحا.")
    assert hodeidah == "Al Ḩudaydah"
    assert len(places("قصفت الطائرات إدلب والرقة.")) == 2


def test_civilians_are_not_sponsors_of_a_truce(extract) -> None:
    text = "Three civilians announced the truce had collapsed, monitors said."
    [mention] = extract(text)["ceasefires"]
    assert "civilians" not in {a["canonical"] for a in mention["sponsors"] + mention["parties"]}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("دعا مجلس الأمن إلى وقف فوري لإطلاق النار في غزة.", "ceasefire"),
        ("أعلنت الحركة وقفًا أحادي الجانب لإطلاق النار في غوما.", "ceasefire"),
        ("The army opened a humanitarian corridor from eastern Aleppo.", "humanitarian_pause"),
        ("The two sides agreed a moratorium on strikes on energy sites.", "ceasefire"),
        ("Russia and Turkey agreed a demilitarized zone around Idlib.", "de_escalation_zone"),
        ("The government and the rebels signed a peace deal in Juba.", "comprehensive_ceasefire"),
    ],
)
def test_arrangement_terms_beyond_the_stock_words(extract, text: str, kind: str) -> None:
    assert kind in {c["type"] for c in extract(text)["ceasefires"]}


def test_a_corridor_beside_a_truce_is_the_truce(extract) -> None:
    result = extract("Russia announced a daily truce with humanitarian corridors in Ghouta.")
    assert {c["type"] for c in result["ceasefires"]} == {"truce"}


def test_an_abbreviation_with_a_small_letter_is_no_place_name() -> None:
    """ "JaS" (an armed group's abbreviation) is not "Jas", a name of Iaşi; a name written in
    capitals still is."""
    places = analyse("Clashes broke out between AAS and JaS in Afrin.", None, lexicon()).places
    assert [m.record.country for m in places] == ["SY"]
    shouted = analyse("CLASHES IN AFRIN", None, lexicon()).places
    assert [m.record.country for m in shouted] == ["SY"]


def test_a_place_noun_after_a_name_makes_no_other_name_inside_it() -> None:
    """ "Ras Al Ain city" is Ras al-Ain and "city", not Al Ain City in the Emirates."""
    text = "A Russian patrol passed near Ras Al Ain city in Al-Hasakeh countryside."
    places = analyse(text, None, lexicon()).places
    assert {m.record.country for m in places} == {"SY"}
    assert "Ras Al Ain" in {m.text for m in places}


def test_a_name_of_several_words_is_found_after_the_preposition_that_takes_its_article() -> None:
    """ "للتحالف الدولي ..." is "ل" + "التحالف الدولي ...", the article's alef dropped."""
    text = "وكانت غارات للتحالف الدولي بقيادة الولايات المتحدة قد أصابت موقعا للجيش."
    actors = analyse(text, None, lexicon()).actors
    assert [a.record.canonical for a in actors][:1] == ["US-led coalition"]


def test_relative_days_count_from_the_article_s_own_dateline() -> None:
    """A feed may give another publication day than the article's dateline: "on Sunday"
    is the Sunday before the dateline."""
    text = "3 Feb 2017 Clashes were reported in Hama. A mortar round hit a school on Tuesday."
    assert [d.date for d in _analysis(text, "2017-01-01").dates] == ["2017-02-03", "2017-01-31"]
