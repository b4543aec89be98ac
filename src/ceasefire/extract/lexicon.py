"""Everything the extractors know, loaded once per process from `knowledge/`.

The lexicon turns the knowledge files into typed tables and one Matcher holding every pattern
(places, actors, people, ceasefire terms, status triggers, cue words, number and date words),
so that a document is searched once.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ceasefire import gazetteer, knowledge
from ceasefire.extract.collector import collector_paused
from ceasefire.extract.matcher import Entry, Matcher, case_of
from ceasefire.extract.normalize import has_arabic, normalize_term
from ceasefire.extract.spellings import name_index, skeleton_index
from ceasefire.extract.villages import Region, villages

_MIN_ARABIC_PLACE = 3  # shorter Arabic names are mostly particles and prepositions
_MIN_LATIN_PLACE = 4  # "Ho", "Sai": shorter names of small places are noise, except big cities
_BIG = 100_000
_ENGLISH_NAMES = 4  # a gazetteer row's first names: primary, ASCII form, curated variants
# Cue words the automaton finds anywhere in a sentence.
CUE_GROUPS = (
    "conditional",
    "feared",
    "future",
    "hypothetical",
    "negation",
    "displacement",
    "people",
    "clause_opener",
    "staying",
    "agreement_anaphor",
)
# Cue words of knowledge/events.yaml, found anywhere in a sentence.
_EVENT_CUE_GROUPS = (
    "deaths",
    "no_deaths",
    "threat",
    "combatants",
    "crowd",
    "halting",
    "cumulative",
    "weapons_held",
    "another_act",
    "carried_out",
    "returned_fire",
)
# Cue words only ever looked up beside a candidate (extract/spans.py), never matched.
CONTEXT_GROUPS = (
    "locative",
    "modal",
    "relative",
    "agreement_after",
    "agreement_before",
    "compass",
    "definite",
    "definite_prefix",
    "term_modifier",
    "origin",
    "destination",
    "until",
    "speech",
    "place_noun",
    "skippable",
    "military_noun",
    "quarter_noun",
    "quarter_after",
    "meeting_after",
    "meeting_before",
    "ended_after",
    "target_before",
    "between_sides",
    "duration_unit",
    "inside",
    "subset",
    "count_link",
    "auxiliary",
    "counted_things",
    "year_before",
)


class PlaceRecord(NamedTuple):
    geonameid: int
    name: str
    kind: str  # country, admin1 or city (gazetteer kinds), or landmark (knowledge/landmarks.yaml)
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int


class ActorRecord(NamedTuple):
    canonical: str
    country: str | None
    agent: str
    code: str | None


_EVER, _NEVER = "0000-01-01", "9999-12-31"  # the open ends of a period


class Spoken(NamedTuple):
    """Whom a person speaks for between two ISO dates (inclusive; open ends are far dates)."""

    actor: str
    since: str = _EVER
    until: str = _NEVER


class AttributionWords(NamedTuple):
    """The words of knowledge/attribution.yaml: who speaks in a sentence.

    They have a matcher of their own, so that they never compete with names and terms for
    the same words (a reporting verb inside a longer name).
    """

    matcher: Matcher  # kinds "verb", "according", "joiner", "anaphor", "relative", "collective"
    links: frozenset[str]  # words joining two speakers of one verb, normalized
    complementizers: frozenset[str]  # "أن" right after a verb whose subject is unsaid
    auxiliaries: frozenset[str]  # "قد" between a subject and its verb ("الوزير قد أعلن")
    quotes: tuple[tuple[str, str], ...]  # (opening, closing) marks


# Agents of non-state armed and political groups (CAMEO: rebels, insurgents, opposition):
# such groups fight at home, so that their country says where a text is.
LOCAL_AGENTS = frozenset({"REB", "INS", "OPP"})


class Generic(NamedTuple):
    """What generic words for a side mean, by the country a text is about."""

    kinds: dict[str, str]  # normalized word -> kind (forces, government, rebels, opposition)
    fallback: dict[str, ActorRecord]  # kind -> the entry of no country
    stand_ins: dict[tuple[str, str], ActorRecord]  # (alpha-3, kind) -> the country's actor
    iso3: dict[str, str]  # ISO alpha-2 of a gazetteer country -> alpha-3
    iso2: dict[str, str]  # and back: alpha-3 -> alpha-2
    state_before: frozenset[str]  # words before a country's name that make it the state
    joined: frozenset[str]  # what joins two items of a list ("and", "،", the proclitic و)
    nationality: dict[str, str]  # normalized Arabic adjective of nationality -> alpha-3
    named_only: frozenset[str]  # kinds that mean someone only with an adjective of nationality


PLACE_KEYS = "|"  # joins the geonameids a place name may mean, in a hit's key
# hit kinds that report an act: "event" words always, "acted" ones beside a doer or a toll
ACT_KINDS = frozenset({"event", "acted"})


@dataclass(slots=True)
class Lexicon:
    matcher: Matcher
    places: dict[str, PlaceRecord]
    regions: dict[tuple[str, str], PlaceRecord]  # (country, admin1 name) -> admin1 row
    countries: dict[str, PlaceRecord]  # ISO alpha-2 -> country row
    actors: dict[str, ActorRecord]
    people: dict[str, tuple[Spoken, ...]]  # person name -> whom they speak for, and when
    type_rank: dict[str, int]
    status_precedence: list[str]
    status_when_unreached: dict[str, str]  # a stage denied -> what that makes the arrangement
    numbers: dict[str, dict[str, int]]  # "words", "multipliers", "vague" -> term -> value
    relative_days: dict[str, int]
    ago_units: dict[str, int]
    weekdays: dict[str, int]
    words: dict[str, frozenset[str]]  # CONTEXT_GROUPS and region cues, normalized
    events: dict[str, tuple[str, str | None]]  # ACLED sub-event type -> (event type, PLOVER)
    qualifiers: frozenset[str]  # "at least", "more than": between a verb and its number
    forces: dict[str, ActorRecord]  # country -> its first MIL actor ("Israel" -> its military)
    states: dict[str, ActorRecord]  # ISO alpha-2 of a gazetteer country -> its government
    generic: Generic  # what "rebels", "the army" mean in a text about a given country
    spellings: dict[str, tuple[str, ...]]  # skeleton of a town's Latin name -> its keys
    town_names: dict[str, tuple[str, ...]]  # a town's Latin name, folded -> its keys
    town_first_words: frozenset[str]  # the first words of those names
    attribution: AttributionWords
    governments: dict[str, ActorRecord]  # country -> its first GOV actor ("ISR" -> Israel)
    # words between a preposition and its place ("the", "eastern"): words["skippable"], an
    # attribute of its own since it is read for every candidate place
    skippable: frozenset[str]

    def speaker_of(self, person: str, date: str | None) -> ActorRecord | None:
        """The actor a person speaks for on `date` (ISO, or None for today): the period
        holding it, else the nearest one (a leader named before or after his time in office
        is still known by it)."""
        periods = self.people.get(person)
        if not periods:
            return None
        if date is None:
            return self.actors.get(periods[-1].actor)
        day = date[:10]
        held = [p for p in periods if p.since <= day <= p.until]
        if not held:
            held = [periods[0] if day < periods[0].since else periods[-1]]
        return self.actors.get(held[0].actor)


@cache
def lexicon() -> Lexicon:
    """The process-wide lexicon: loaded from the cache, or built and cached.

    Building reads every knowledge file and compiles a quarter of a million patterns (about
    three seconds); the pickled result loads in a fraction of that. The cache file is named
    for the knowledge version, so an edited knowledge file is never served stale.
    """
    path = _cache_path()
    loaded = None
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                loaded = _load_without_collector(handle)
        except Exception:  # a cache from another library version: rebuild it
            path.unlink(missing_ok=True)
    if loaded is None:
        loaded = build_lexicon()
        if path is not None:
            _save(loaded, path)
    # The lexicon is a million long-lived objects: moved out of the collector's sight, they
    # no longer make every garbage collection in the process walk them (a fifth of the time).
    gc.freeze()
    return loaded


def _load_without_collector(handle: BinaryIO) -> Lexicon:
    """Unpickle with the garbage collector paused: the million objects it creates would
    otherwise set off collections that walk them all again, a third of the load time."""
    with collector_paused():
        return pickle.load(handle)


def _cache_path() -> Path | None:
    root = os.environ.get("CEASEFIRE_CACHE") or os.environ.get("XDG_CACHE_HOME")
    base = Path(root) if root else Path.home() / ".cache"
    if os.environ.get("CEASEFIRE_CACHE") == "off":
        return None
    tag = f"{knowledge.version()}-{_code_version()}-py{sys.version_info[0]}{sys.version_info[1]}"
    extended = gazetteer.version()
    if extended:  # the places the user added: a lexicon of its own
        tag += f"-g{extended}"
    return base / "ceasefire" / f"lexicon-{tag}.pickle"


def _code_version() -> str:
    """A hash of the modules whose objects the cache holds: changed code, new cache."""
    from ceasefire.extract import matcher, normalize, spellings, villages

    digest = hashlib.sha256()
    for module in (matcher, normalize, spellings, villages, sys.modules[__name__]):
        path = Path(module.__file__ or "")
        digest.update(path.read_bytes())
        # A compiled module's own file is a stub that loads the code from a library shared
        # by all of them, and is the same whatever the code: its source says what changed.
        source = path.with_name(module.__name__.rpartition(".")[2] + ".py")
        if source != path:
            digest.update(source.read_bytes() if source.exists() else _compiled_library())
    return digest.hexdigest()[:12]


def _compiled_library() -> bytes:
    """The library that holds the compiled modules' code (installed without sources)."""
    shared = [m for name, m in sys.modules.items() if name.endswith("__mypyc")]
    return b"".join(Path(m.__file__ or "").read_bytes() for m in shared)


def _save(lex: Lexicon, path: Path) -> None:
    """Write atomically, so that a concurrent reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            pickle.dump(lex, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass  # an unwritable cache only costs the next start its build time


def build_lexicon() -> Lexicon:
    """Build the lexicon from the knowledge files."""
    places = _places()
    actors, people = _actors()
    typology = knowledge.load("typology")["types"]
    statuses = knowledge.load("statuses")
    dates = knowledge.load("dates")
    numbers = knowledge.load("numbers")
    names = [*_place_patterns(places), *_actor_patterns()]
    forces = _first_by_country(actors, "MIL")
    patterns = [
        *names,
        *(
            (term, Entry(kind, t["type"]))
            for t in typology
            for kind, group in (("term", "terms"), ("term_alone", "alone"))
            for terms in (t.get(group) or {}).values()
            for term in terms
        ),
        *_grouped("status", statuses["triggers"]),
        *_cue_patterns(),
        *_event_patterns(),
        *_valued("number", numbers["words"]),
        *_valued("multiplier", numbers["multipliers"]),
        *_valued("vague", numbers["vague"]),
        *_grouped("clock", numbers["clock"]),
        *_valued("relative_day", dates["relative"]),
        *_valued("ago_unit", dates["ago"]),
        *_valued("weekday", dates["weekdays"]),
        *_months(),
        *_grouped("forward", dates["forward"]),
    ]
    patterns += _bare_possessives(names, places, {normalize_term(p) for p, _ in patterns})
    added = _added_places(places)
    towns = [*_town_names(places), *_added_names(added)]
    words = _context_words()
    return Lexicon(
        matcher=Matcher(patterns),
        places={str(p.geonameid): p for p in places + [record for record, _ in added]},
        regions={(p.country, p.name): p for p in places if p.kind == "admin1"},
        countries={p.country: p for p in places if p.kind == "country"},
        actors=actors,
        people=people,
        type_rank={t["type"]: rank for rank, t in enumerate(typology)},
        status_precedence=list(statuses["precedence"]),
        status_when_unreached=dict(statuses["when_unreached"]),
        numbers={k: _flat(numbers[k]) for k in ("words", "multipliers", "vague")},
        relative_days=_flat(dates["relative"]),
        ago_units=_flat(dates["ago"]),
        weekdays=_flat(dates["weekdays"]),
        words=words,
        skippable=words["skippable"],
        forces=forces,
        states=_states(actors),
        generic=_generic(actors, forces),
        spellings=skeleton_index(towns),
        town_names=(town_index := name_index(towns)),
        town_first_words=frozenset(name.split(" ", 1)[0] for name in town_index),
        attribution=_attribution_words(),
        governments=_first_by_country(actors, "GOV"),
        qualifiers=frozenset(
            normalize_term(q) for words in numbers["qualifiers"].values() for q in words
        ),
        events={
            subtype: (spec["type"], spec["plover"])
            for subtype, spec in knowledge.load("events")["subtypes"].items()
        },
    )


_ATTRIBUTION_KINDS = ("verbs", "according", "joiners", "anaphors", "relatives", "collectives")


def _attribution_words() -> AttributionWords:
    data = knowledge.load("attribution")
    patterns = [
        (word, Entry(kind.rstrip("s"), kind.rstrip("s"), case_of(word)))
        for kind in _ATTRIBUTION_KINDS
        for words in data[kind].values()
        for word in words
    ]
    patterns += [  # verbs that report only beside their speaker
        (word, Entry("verb", "weak", case_of(word)))
        for words in data["weak_verbs"].values()
        for word in words
    ]
    links = frozenset(" ".join(link.split()) for words in data["links"].values() for link in words)
    return AttributionWords(
        matcher=Matcher(patterns),
        links=links | {normalize_term(link) for link in links},
        complementizers=_normalized_words(data["complementizers"]),
        auxiliaries=_normalized_words(data["auxiliaries"]),
        quotes=tuple((pair[0], pair[1]) for pair in data["quotes"]),
    )


def _normalized_words(by_language: dict[str, list[str]]) -> frozenset[str]:
    return frozenset(normalize_term(word) for words in by_language.values() for word in words)


def _first_by_country(actors: dict[str, ActorRecord], agent: str) -> dict[str, ActorRecord]:
    """Each country's first actor of `agent` ("GOV": its government, "MIL": its forces)."""
    found: dict[str, ActorRecord] = {}
    for record in actors.values():
        if record.agent == agent and record.country:
            found.setdefault(record.country, record)
    return found


def _states(actors: dict[str, ActorRecord]) -> dict[str, ActorRecord]:
    """The government each gazetteer country's name stands for, by ISO alpha-2: the first GOV
    actor of the country's alpha-3 code, curated or generated (`iso2` of actors_states.yaml
    links the codes)."""
    alpha3 = {
        a["country"]: a["iso2"]
        for a in (knowledge.load("actors_states") or {}).get("actors") or []
        if a.get("iso2")
    }
    states: dict[str, ActorRecord] = {}
    for record in actors.values():
        if record.agent == "GOV" and record.country in alpha3:
            states.setdefault(alpha3[record.country], record)
    return states


def _context_words() -> dict[str, frozenset[str]]:
    cues = knowledge.load("cues")
    groups = {group: cues[group] for group in CONTEXT_GROUPS}
    groups["region_after"] = cues["region"]["after"]
    groups["region_before"] = cues["region"]["before"]
    groups["regions_after"] = cues["region"]["after_list"]
    groups["regions_before"] = cues["region"]["before_list"]
    groups["region_list_joins"] = cues["region"]["joined_by"]
    words = {
        group: frozenset(normalize_term(w) for words in by_language.values() for w in words)
        for group, by_language in groups.items()
    }
    # combinations the rules ask for, made once
    words["near"] = words["locative"] | words["place_noun"]
    words["named_after"] = words["near"] | words["target_before"]
    words["spoken"] = words["speech"] - {"'s", "’s"}  # a possessive is not speech
    return words


def _flat(by_language: dict[str, dict[str, int]]) -> dict[str, int]:
    """{language: {term: value}} as {normalized term: value}."""
    return {normalize_term(k): int(v) for terms in by_language.values() for k, v in terms.items()}


def _grouped(kind: str, groups: dict[str, dict[str, list[str]]]) -> Iterator[tuple[str, Entry]]:
    for key, by_language in groups.items():
        for terms in by_language.values():
            for term in terms:
                yield term, Entry(kind, key)


def _valued(kind: str, by_language: dict[str, dict[str, int]]) -> Iterator[tuple[str, Entry]]:
    for terms in by_language.values():
        for term in terms:
            yield term, Entry(kind, normalize_term(term))


def _months() -> Iterator[tuple[str, Entry]]:
    """Month names (knowledge/months.yaml): hits of kind "month", or "month_short" for the
    short forms ("Feb."), which name a month only beside a day."""
    for table, names in knowledge.load("months").items():
        kind = "month_short" if table == "english_short" else "month"
        for name in names:
            yield name, Entry(kind, normalize_term(name))


def _cue_patterns() -> Iterator[tuple[str, Entry]]:
    cues = knowledge.load("cues")
    for group in CUE_GROUPS:
        yield from _grouped("cue", {group: cues[group]})
    yield from _grouped("role", knowledge.load("roles")["roles"])


def _event_patterns() -> Iterator[tuple[str, Entry]]:
    events = knowledge.load("events")
    for subtype, spec in events["subtypes"].items():
        for language in ("en", "ar", "ru"):
            for term in spec.get(language) or []:
                yield term, Entry("event", subtype, case_of(term))
        for term in spec.get("en_acted") or []:
            yield term, Entry("acted", subtype, case_of(term))
    for group in _EVENT_CUE_GROUPS:
        yield from _grouped("cue", {group: events[group]})


def _place_rows() -> list[dict[str, str]]:
    """The gazetteer's rows, and the landmarks' (knowledge/landmarks.yaml) written as such."""
    landmarks = [
        {
            "geonameid": str(entry["id"]),
            "name": entry["name"],
            "kind": "landmark",
            "country": entry["country"],
            "admin1": "",
            "lat": str(entry["lat"]),
            "lon": str(entry["lon"]),
            "population": "0",
            "names": "|".join(entry["names"]),
        }
        for entry in knowledge.load("landmarks")["landmarks"]
    ]
    return knowledge.load_table("gazetteer") + landmarks


def _places() -> list[PlaceRecord]:
    return [
        PlaceRecord(
            geonameid=int(row["geonameid"]),
            name=row["name"],
            kind=row["kind"],
            country=row["country"],
            admin1=row["admin1"] or None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=int(row["population"] or 0),
        )
        for row in _place_rows()
    ]


def _added_places(places: list[PlaceRecord]) -> list[tuple[PlaceRecord, list[str]]]:
    """The places of the user's extended gazetteer (`extract.villages`) with their names;
    none when the user added none."""
    if gazetteer.version() is None:
        return []
    regions = [Region(p.geonameid, p.name, p.country) for p in places if p.kind == "admin1"]
    known = {p.geonameid for p in places}
    return [
        (
            PlaceRecord(v.key, v.name, "city", v.country, v.admin1, v.lat, v.lon, v.population),
            v.names,
        )
        for v in villages(known, regions)
    ]


def _added_names(added: list[tuple[PlaceRecord, list[str]]]) -> Iterator[tuple[str, str, str]]:
    for record, names in added:
        for name in names:
            yield str(record.geonameid), record.country, name


def _town_names(places: list[PlaceRecord]) -> Iterator[tuple[str, str, str]]:
    """(key, country, name) for every name of every town: regions and countries are all
    matched by their names."""
    towns = {str(p.geonameid): p.country for p in places if p.kind == "city"}
    for row in _place_rows():
        country = towns.get(row["geonameid"])
        if country is not None:
            for name in row["names"].split("|"):
                yield row["geonameid"], country, name


def _place_patterns(places: list[PlaceRecord]) -> Iterator[tuple[str, Entry]]:
    """One entry per name, its key every place the name may mean: "170062|170063"."""
    stop = _arabic_stopwords()
    actors = {normalize_term(alias) for alias, _ in _actor_patterns()}
    names = {str(row["geonameid"]): row["names"] for row in _place_rows()}
    meanings: dict[str, list[str]] = {}
    for place in places:
        key = str(place.geonameid)
        all_names = names[key].split("|")
        # "White House" is the United States, not another name of Casablanca; but a capital
        # that stands for its government ("Moscow", "موسكو") keeps all its names
        metonym = normalize_term(all_names[0]) in actors
        for index, name in enumerate(all_names):  # the build filtered these; may be a stopword
            if not name:
                continue
            if index >= _ENGLISH_NAMES and not metonym and normalize_term(name) in actors:
                continue
            if has_arabic(name) and (len(name) < _MIN_ARABIC_PLACE or normalize_term(name) in stop):
                continue
            if len(name) < _MIN_LATIN_PLACE and place.kind == "city" and place.population < _BIG:
                continue
            for spelling in (name, *_prosthetic(name)):
                keys = meanings.setdefault(spelling, [])
                if key not in keys:
                    keys.append(key)
    for name, keys in meanings.items():
        yield name, Entry("place", PLACE_KEYS.join(keys), case_of(name))


def _prosthetic(name: str) -> tuple[str, ...]:
    """The name with the leading alef Arabic may write before its first two consonants
    ("ستوكهولم" is also "استوكهولم"; knowledge/arabic.yaml `prosthetic_alef`)."""
    first, second = _prosthetic_rule()
    if len(name) > 3 and name[0] == first and name[1] in second:
        return ("ا" + name,)
    return ()


@cache
def _prosthetic_rule() -> tuple[str, frozenset[str]]:
    rule = knowledge.load("arabic")["prosthetic_alef"]
    return rule["first"], frozenset(rule["second"])


def _bare_possessives(
    names: list[tuple[str, Entry]], places: list[PlaceRecord], taken: set[str]
) -> list[tuple[str, Entry]]:
    """Possessives written without an apostrophe, as sources that strip apostrophes print
    them ("Syrias army", "Assads forces"): a proper name with "s" added, for actors, people,
    and the English names of countries, regions and big cities, where that is no pattern of
    its own ("Hamas" is not Hama's); and names that hold a possessive, without its apostrophe
    ("Russias Aerospace Forces")."""
    english = _english_place_names(places)
    variants = []
    for name, entry in names:
        if "'s" in name or "’s" in name:  # "Russia's Aerospace Forces"
            bare = name.replace("'s", "s").replace("’s", "s")
            if normalize_term(bare) not in taken:
                variants.append((bare, entry))
            continue
        last = name.split()[-1]
        if entry.case != "initial" or not last[:1].isupper() or not last[-1:].isascii():
            continue
        if not last[-1].isalpha() or last[-1] in "sS":
            continue
        if entry.kind == "place" and name not in english:
            continue
        variant = f"{name}s"
        if normalize_term(variant) not in taken:
            variants.append((variant, entry))
    return variants


def _english_place_names(places: list[PlaceRecord]) -> set[str]:
    """The names English news gives countries, regions and cities of 100,000 or more: a
    gazetteer row's primary name, its ASCII form and the curated variants after them (the
    alternate names in other languages come last; see `build_gazetteer`)."""
    big = {str(p.geonameid) for p in places if p.kind != "city" or p.population >= _BIG}
    names: set[str] = set()
    for row in _place_rows():
        if row["geonameid"] in big:
            names.update(n for n in row["names"].split("|")[:_ENGLISH_NAMES] if n.isascii())
    return names


@cache
def _arabic_stopwords() -> frozenset[str]:
    """Arabic cue and status words: a village that shares one is not found by that word."""
    cues = knowledge.load("cues")
    words: set[str] = set()
    for group in (*CUE_GROUPS, *CONTEXT_GROUPS):  # "مدينة" is "city", not Medina
        words.update(cues[group].get("ar", []))
    for triggers in knowledge.load("statuses")["triggers"].values():
        words.update(triggers.get("ar", []))
    words.update(knowledge.load("arabic")["place_stopwords"])
    return frozenset(normalize_term(w) for w in words)


# The actor files, read in this order: hand-curated first (Syria's war, then the other wars,
# then by region, then the international bodies), the generated states last.
ACTOR_FILES = (
    "actors",
    "actors_world",
    "actors_mideast",
    "actors_africa",
    "actors_asia",
    "actors_europe_americas",
    "actors_third_parties",
    "actors_press",
    "actors_states",
)
_GENERATED = "actors_states"
_WORLD = "actors_world"  # holds the generic words for a side and their fallback entries


@cache
def actor_knowledge() -> tuple[list[dict], list[dict]]:
    """The actor and people entries of every actor file, merged so that what comes first wins:
    an entry whose canonical (a person whose name) is taken adds its aliases (and `stands_in`)
    to the first; so does a generated state to the first curated actor of its country and
    agent; an alias already held is dropped from the later entry (no alias names two actors).
    The fallback entries of the generic words come after the curated files."""
    actors: dict[str, dict] = {}
    people: dict[str, dict] = {}
    held: set[str] = set()
    curated: dict[tuple[str | None, str], dict] = {}  # (country, agent) -> its first entry
    for name in ACTOR_FILES:
        if name == _GENERATED:
            actors.update((a["canonical"], _unheld(a, held)) for a in _generic_entries())
        data = knowledge.load(name) or {}
        for actor in data.get("actors") or []:
            state = (actor.get("country"), actor.get("agent", ""))
            known = actors.get(actor["canonical"])
            if name == _GENERATED and state in curated:
                known = curated[state]  # "Lebanon's army" joins the curated Lebanese army
            if known is not None:
                _extend(known, _unheld(actor, held))
                continue
            actors[actor["canonical"]] = _unheld(actor, held)
            if name != _GENERATED and actor.get("country"):
                curated.setdefault(state, actors[actor["canonical"]])
        for person in data.get("people") or []:
            if person["name"] in people:  # a later file gives a known person more names
                _extend(people[person["name"]], _unheld(person, held))
            else:
                people[person["name"]] = _unheld(person, held)
    return list(actors.values()), list(people.values())


def _extend(entry: dict, more: dict) -> None:
    """Add the aliases and `stands_in` kinds of `more` to `entry`, in place."""
    for language, names in more["aliases"].items():
        entry["aliases"][language] = [*entry["aliases"].get(language, []), *names]
    entry["stands_in"] = [*entry.get("stands_in", []), *more.get("stands_in", [])]


def _generic_entries() -> list[dict]:
    """The entries generic words fall back to, each with its kind's words as aliases."""
    world = knowledge.load(_WORLD) or {}
    words = world.get("generic") or {}
    return [
        {**spec, "aliases": dict(words.get(kind) or {})}
        for kind, spec in (world.get("generic_actors") or {}).items()
    ]


def _unheld(entry: dict, held: set[str]) -> dict:
    """`entry` without the aliases an earlier entry holds; its own are then held."""
    aliases = {}
    for language, names in (entry.get("aliases") or {}).items():
        kept = [a for a in names or [] if a and normalize_term(a) not in held]
        held.update(normalize_term(a) for a in kept)
        aliases[language] = kept
    return {**entry, "aliases": aliases}


def _generic(actors: dict[str, ActorRecord], forces: dict[str, ActorRecord]) -> Generic:
    world = knowledge.load(_WORLD) or {}
    kinds = {
        normalize_term(word): kind
        for kind, by_language in (world.get("generic") or {}).items()
        for words in by_language.values()
        for word in words
    }
    fallback = {kind: actors[s["canonical"]] for kind, s in world["generic_actors"].items()}
    named_only = frozenset(k for k, s in world["generic_actors"].items() if s.get("named_only"))
    stand_ins: dict[tuple[str, str], ActorRecord] = {
        (country, "forces"): record for country, record in forces.items()
    }
    for entry in actor_knowledge()[0]:
        record = actors[entry["canonical"]]
        if record.country and record.agent == "GOV":
            stand_ins.setdefault((record.country, "government"), record)
            stand_ins.setdefault((record.country, "officials"), record)
        for kind in entry.get("stands_in") or []:
            stand_ins.setdefault((record.country or "", kind), record)
    iso3 = {
        a["iso2"]: a["country"]
        for a in (knowledge.load(_GENERATED) or {}).get("actors") or []
        if a.get("iso2")
    }
    cues = world.get("state_cues") or {}
    return Generic(
        kinds,
        fallback,
        stand_ins,
        iso3,
        {alpha3: alpha2 for alpha2, alpha3 in iso3.items()},
        state_before=_normalized(cues.get("before")),
        joined=frozenset(w for words in (cues.get("joined") or {}).values() for w in words),
        nationality={
            normalize_term(form): country
            for group in ("nationality", "nationality_plurals")
            for country, words in (world.get(group) or {}).items()
            for word in words
            for form in _nationality_forms(word)
        },
        named_only=named_only,
    )


def _nationality_forms(definite: str) -> list[str]:
    """An Arabic adjective of nationality as it agrees with its noun: "الأميركي" also stands
    indefinite ("مسؤول أميركي"), in the masculine plural ("مسؤولون أميركيون") and, indefinite,
    in the feminine ("وساطة سعودية"; the definite feminine is often the country's name)."""
    bare = definite.removeprefix("ال")
    forms = [definite, bare]
    if bare.endswith("ي"):
        forms += [bare + "ون", bare + "ين", definite + "ون", definite + "ين", bare + "ة"]
    return forms


def _normalized(by_language: dict[str, list[str]] | None) -> frozenset[str]:
    return frozenset(normalize_term(w) for words in (by_language or {}).values() for w in words)


def _actors() -> tuple[dict[str, ActorRecord], dict[str, tuple[Spoken, ...]]]:
    entries, persons = actor_knowledge()
    actors = {
        a["canonical"]: ActorRecord(a["canonical"], a.get("country"), a["agent"], a.get("code"))
        for a in entries
    }
    people = {p["name"]: spoken_periods(p["speaks_for"]) for p in persons}
    return actors, people


def spoken_periods(speaks_for: str | list[dict]) -> tuple[Spoken, ...]:
    """A person's `speaks_for`: one actor, or periods in date order (`{actor, since,
    until}`, ISO dates, either end open), for one who changed sides or office."""
    if isinstance(speaks_for, str):
        return (Spoken(speaks_for),)
    periods = [
        Spoken(p["actor"], str(p.get("since") or _EVER), str(p.get("until") or _NEVER))
        for p in speaks_for
    ]
    return tuple(sorted(periods, key=lambda p: p.since))


def _actor_patterns() -> Iterator[tuple[str, Entry]]:
    entries, persons = actor_knowledge()
    for actor in entries:
        for alias in _aliases(actor):
            yield alias, Entry("actor", actor["canonical"], case_of(alias))
    for person in persons:
        for alias in _aliases(person):
            yield alias, Entry("person", person["name"], case_of(alias))


def _aliases(entry: dict) -> Iterator[str]:
    for aliases in (entry.get("aliases") or {}).values():
        yield from (a for a in aliases or [] if a)
