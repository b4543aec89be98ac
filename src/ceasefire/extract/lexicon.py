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

from ceasefire import knowledge
from ceasefire.extract.collector import collector_paused
from ceasefire.extract.matcher import Entry, Matcher, case_of
from ceasefire.extract.normalize import has_arabic, normalize_term
from ceasefire.extract.spellings import skeleton_index

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
)
# Cue words only ever looked up beside a candidate (extract/spans.py), never matched.
CONTEXT_GROUPS = (
    "locative",
    "origin",
    "destination",
    "until",
    "speech",
    "place_noun",
    "skippable",
    "military_noun",
    "quarter_noun",
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
    kind: str  # country, admin1 or city (gazetteer kinds)
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


class AttributionWords(NamedTuple):
    """The words of knowledge/attribution.yaml: who speaks in a sentence.

    They have a matcher of their own, so that they never compete with names and terms for
    the same words (a reporting verb inside a longer name).
    """

    matcher: Matcher  # kinds "verb", "according", "joiner", "anaphor", "relative"
    links: frozenset[str]  # words joining two speakers of one verb, normalized
    complementizers: frozenset[str]  # "أن" right after a verb whose subject is unsaid
    auxiliaries: frozenset[str]  # "قد" between a subject and its verb ("الوزير قد أعلن")
    quotes: tuple[tuple[str, str], ...]  # (opening, closing) marks


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
    people: dict[str, str]  # person name -> canonical actor they speak for
    type_rank: dict[str, int]
    status_precedence: list[str]
    status_when_unreached: dict[str, str]  # a stage denied -> what that makes the arrangement
    numbers: dict[str, dict[str, int]]  # "words", "multipliers", "vague" -> term -> value
    relative_days: dict[str, int]
    ago_units: dict[str, int]
    weekdays: dict[str, int]
    words: dict[str, frozenset[str]]  # CONTEXT_GROUPS and region cues, normalized
    events: dict[str, tuple[str, str]]  # ACLED sub-event type -> (event type, PLOVER)
    qualifiers: frozenset[str]  # "at least", "more than": between a verb and its number
    forces: dict[str, ActorRecord]  # country -> its first MIL actor ("Israel" -> its military)
    spellings: dict[str, tuple[str, ...]]  # skeleton of a town's Latin name -> its keys
    attribution: AttributionWords
    governments: dict[str, ActorRecord]  # country -> its first GOV actor ("ISR" -> Israel)

    @property
    def skippable(self) -> frozenset[str]:
        """Words between a preposition and its place ("the", "eastern")."""
        return self.words["skippable"]


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
    return base / "ceasefire" / f"lexicon-{tag}.pickle"


def _code_version() -> str:
    """A hash of the modules whose objects the cache holds: changed code, new cache."""
    from ceasefire.extract import matcher, normalize, spellings

    digest = hashlib.sha256()
    for module in (matcher, normalize, spellings, sys.modules[__name__]):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:12]


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
    patterns = [
        *names,
        *(
            (term, Entry("term", t["type"]))
            for t in typology
            for terms in t["terms"].values()
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
    return Lexicon(
        matcher=Matcher(patterns),
        places={str(p.geonameid): p for p in places},
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
        words=_context_words(),
        forces=_forces(actors),
        spellings=skeleton_index(_town_names(places)),
        attribution=_attribution_words(),
        governments=_governments(actors),
        qualifiers=frozenset(
            normalize_term(q) for words in numbers["qualifiers"].values() for q in words
        ),
        events={
            subtype: (spec["type"], spec["plover"])
            for subtype, spec in knowledge.load("events")["subtypes"].items()
        },
    )


_ATTRIBUTION_KINDS = ("verbs", "according", "joiners", "anaphors", "relatives")


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


def _governments(actors: dict[str, ActorRecord]) -> dict[str, ActorRecord]:
    governments: dict[str, ActorRecord] = {}
    for record in actors.values():
        if record.agent == "GOV" and record.country:
            governments.setdefault(record.country, record)
    return governments


def _forces(actors: dict[str, ActorRecord]) -> dict[str, ActorRecord]:
    forces: dict[str, ActorRecord] = {}
    for record in actors.values():
        if record.agent == "MIL" and record.country:
            forces.setdefault(record.country, record)
    return forces


def _context_words() -> dict[str, frozenset[str]]:
    cues = knowledge.load("cues")
    groups = {group: cues[group] for group in CONTEXT_GROUPS}
    groups["region_after"] = cues["region"]["after"]
    groups["region_before"] = cues["region"]["before"]
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
        for row in knowledge.load_table("gazetteer")
    ]


def _town_names(places: list[PlaceRecord]) -> Iterator[tuple[str, str, str]]:
    """(key, country, name) for every name of every town: regions and countries are all
    matched by their names."""
    towns = {str(p.geonameid): p.country for p in places if p.kind == "city"}
    for row in knowledge.load_table("gazetteer"):
        country = towns.get(row["geonameid"])
        if country is not None:
            for name in row["names"].split("|"):
                yield row["geonameid"], country, name


def _place_patterns(places: list[PlaceRecord]) -> Iterator[tuple[str, Entry]]:
    """One entry per name, its key every place the name may mean: "170062|170063"."""
    stop = _arabic_stopwords()
    actors = {normalize_term(alias) for alias, _ in _actor_patterns()}
    names = {str(row["geonameid"]): row["names"] for row in knowledge.load_table("gazetteer")}
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
            keys = meanings.setdefault(name, [])
            if key not in keys:
                keys.append(key)
    for name, keys in meanings.items():
        yield name, Entry("place", PLACE_KEYS.join(keys), case_of(name))


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
    for row in knowledge.load_table("gazetteer"):
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


def _actors() -> tuple[dict[str, ActorRecord], dict[str, str]]:
    data = knowledge.load("actors")
    actors = {
        a["canonical"]: ActorRecord(a["canonical"], a.get("country"), a["agent"], a.get("code"))
        for a in data["actors"]
    }
    people = {p["name"]: p["speaks_for"] for p in data.get("people", [])}
    return actors, people


def _actor_patterns() -> Iterator[tuple[str, Entry]]:
    data = knowledge.load("actors")
    for actor in data["actors"]:
        for alias in _aliases(actor):
            yield alias, Entry("actor", actor["canonical"], case_of(alias))
    for person in data.get("people", []):
        for alias in _aliases(person):
            yield alias, Entry("person", person["name"], case_of(alias))


def _aliases(entry: dict) -> Iterator[str]:
    for aliases in (entry.get("aliases") or {}).values():
        yield from (a for a in aliases or [] if a)
