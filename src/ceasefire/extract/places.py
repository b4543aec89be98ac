"""Places: gazetteer hits, disambiguated by the countries the document is about and by size.

A name that is also an actor ("Turkey", "Damascus") is a place only after a locative word
("in", "to", "from"); a city name next to a region word ("Aleppo governorate", "ريف حلب") is
its first-level region.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from ceasefire import knowledge
from ceasefire.extract.covering import stretches
from ceasefire.extract.lexicon import ACT_KINDS, LOCAL_AGENTS, PLACE_KEYS, Lexicon, PlaceRecord
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import has_arabic, normalize_term
from ceasefire.extract.patterns import pattern
from ceasefire.extract.spans import Tokens
from ceasefire.extract.spellings import folded_name, may_be_name, name_articles, skeleton
from ceasefire.records import Place

# A capitalized name of up to three words, with Arabic articles between ("Kafr el Sheikh")
_NAME = pattern("spelled_name")
_BEFORE_ACT, _AFTER_ACT = 150, 250  # characters around an act in which its place is sought
# The capital first, then the look behind it (at the character before the capital): a
# pattern that opens with a character class is scanned for by it, one that opens with a look
# behind is tried at every offset.
_CAPITALIZED = re.compile(r"[A-Z](?<![\w'’].)[\w'’]*")
_LOCALITY_BELOW = 10_000  # populated places smaller than this are localities, not cities
# Arabic names of places this small are too often ordinary words to count on their own.
_WEAK_ARABIC_BELOW = 100_000
_STRAY_BELOW = 1_000_000
_CLEAR_CONTEXT = 3  # two names in one country, or the country and a place in it
# between a town and the region it lies in: "Mallah Farms in Aleppo", "Hays, Al Hudaydah"
_IN_REGION = (pattern("in_region_listed"), pattern("in_region_in"))
_KIND_ORDER = {"country": 0, "city": 1, "admin1": 2}  # a bare city name means the city


class PlaceMention(NamedTuple):
    start: int
    end: int
    text: str
    record: PlaceRecord
    qualifier: str = ""  # a compass word written before the name ("eastern" Congo)


def find_places(tokens: Tokens, hits: list[Hit], lex: Lexicon) -> list[PlaceMention]:
    """Each place mention with the gazetteer entry it most likely means, in text order."""
    spans = _candidates(hits)
    actor_spans = {(h.start, h.end) for h in hits if h.kind in ("actor", "person")}
    actor_starts = {start for start, _ in actor_spans}
    spans = {
        span: keys
        for span, keys in spans.items()
        if normalize_term(tokens.text[span[0] : span[1]]) not in _not_places()
        and not _first_name(tokens.text, span, actor_starts, [lex.places[k] for k in keys])
    }
    names = {keys: [lex.places[k] for k in keys] for keys in set(spans.values())}
    bodies = _bodies(hits, lex)
    as_actor = {
        span
        for span, keys in spans.items()
        if span in actor_spans
        and (
            not reads_as_place(tokens, *span, names[keys], lex)
            or (span in bodies and not tokens.before(span[0], lex.words["locative"], lex.skippable))
        )
    }
    placed = {span: keys for span, keys in spans.items() if span not in as_actor}
    context = _context_countries(placed, names) + _groups_at_home(hits, lex)
    regional = _context_regions(placed, names)
    best = {keys: _best(records, context, regional) for keys, records in names.items()}
    support = Counter(best[keys].country for keys in placed.values())
    leading = max(context, key=lambda c: context[c]) if context else None
    divided = _divided_countries(placed.values(), names)
    mentions = []
    ordered = sorted(placed.items())
    for index, ((start, end), keys) in enumerate(ordered):
        record = best[keys]
        if _stray(record, support, context) or _abroad(record, support, divided):
            continue
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if _quarter_of(tokens, start, end, lex, record, following, best, leading):
            continue  # "the Salaheddine quarter" of a city, not a town of that name abroad
        if record.kind == "city" and (
            tokens.after(end, lex.words["region_after"])
            or tokens.before(start, lex.words["region_before"], lex.skippable)
            or _in_list_of_regions(tokens, [span for span, _ in ordered], index, lex)
        ):
            record = _region_named_for(record, lex)
        qualifier = _compass_before(tokens.text, start, lex.words["compass"])
        mentions.append(PlaceMention(start, end, tokens.text[start:end], record, qualifier))
    return _placed_elsewhere(tokens.text, mentions, lex)


def _in_list_of_regions(
    tokens: Tokens, spans: list[tuple[int, int]], index: int, lex: Lexicon
) -> bool:
    """Is the name at `index` one of a list of names that a plural region word closes or
    opens ("Donetsk and Luhansk oblasts", "محافظتي إدلب وحماة")? Each is then a region."""
    words, text = lex.words, tokens.text
    first = last = index
    while first > 0 and _joined(text, spans[first - 1], spans[first], words):
        first -= 1
    while last + 1 < len(spans) and _joined(text, spans[last], spans[last + 1], words):
        last += 1
    if first == last:
        return False  # no list
    tail = text[spans[last][0] : spans[last][1]].rsplit(" ", 1)[-1]
    closed = normalize_term(tail) in words["regions_after"] or tokens.after(
        spans[last][1], words["regions_after"]
    )
    return closed or tokens.before(spans[first][0], words["regions_before"], lex.skippable)


def _joined(
    text: str, left: tuple[int, int], right: tuple[int, int], words: dict[str, frozenset[str]]
) -> bool:
    """Are two names next to each other in a list ("Idlib, Hama and", "إدلب وحماة")?"""
    if right[0] - left[1] > _LIST_GAP:  # the usual case: names far apart, no slice made
        return False
    gap = text[left[1] : right[0]].strip()
    return bool(gap) and normalize_term(gap) in words["region_list_joins"]


# the most characters between two names of a list: a comma or a word ("and", "و"), with
# the spaces around it (cues.yaml region.joined_by)
_LIST_GAP = 24


def _compass_before(text: str, start: int, compass: frozenset[str]) -> str:
    """The compass word (or two: "north-east", "شمال شرق") right before a name, as written."""
    words = text[max(0, start - 30) : start].split(" ")
    if len(words) < 2 or words[-1]:  # the name must follow a single space
        return ""
    last = normalize_term(words[-2])
    if last and last.rsplit(" ", 1)[-1] not in _last_words(compass):
        return ""  # the usual case: the word before the name ends no compass word
    for size in (2, 1):
        qualifier = " ".join(words[-1 - size : -1])
        if len(words) > size and normalize_term(qualifier) in compass:
            return qualifier
    return ""


@cache
def _last_words(words: frozenset[str]) -> frozenset[str]:
    """The last word of each of `words` (of one word or more)."""
    return frozenset(word.rsplit(" ", 1)[-1] for word in words)


_STATES = frozenset({"GOV", "MIL"})  # a state's name may be its place too ("Damascus said")


def _bodies(hits: list[Hit], lex: Lexicon) -> set[tuple[int, int]]:
    """The spans of names of bodies that are no state ("SANA", a group, an agency): one of
    them is a place only after a locative word ("told SANA reporter" is the news agency,
    not Japan's Sano)."""
    return {
        (h.start, h.end)
        for h in hits
        if h.kind == "actor" and h.key in lex.actors and lex.actors[h.key].agent not in _STATES
    }


def _quarter_of(
    tokens: Tokens,
    start: int,
    end: int,
    lex: Lexicon,
    record: PlaceRecord,
    following: tuple[tuple[int, int], tuple[str, ...]] | None,
    best: dict[tuple[str, ...], PlaceRecord],
    leading: str | None,
) -> bool:
    """Is the name a quarter of a city of another country than the town it would be: after a
    quarter's noun ("the Salaheddine quarter", "حي المشهد"), of the text's leading country or
    of the city named next; before one, of the city named right after ("the al-Mashhad
    district of Aleppo")? An Arabic name read without its article ("المشهد") is looked at
    whole."""
    city = _next_country(following, end, best)
    if record.country == (city or leading) and city in (None, record.country):
        return False  # a quarter of a city of its own country, if one at all
    text = tokens.text
    word = start
    while word > 0 and text[word - 1].isalpha():
        word -= 1
    if tokens.before(word, lex.words["quarter_noun"], name_articles()):  # "district of Al"
        return record.country != (city or leading)
    return tokens.after(end, lex.words["quarter_after"]) and city not in (None, record.country)


def _next_country(
    following: tuple[tuple[int, int], tuple[str, ...]] | None,
    end: int,
    best: dict[tuple[str, ...], PlaceRecord],
) -> str | None:
    """The country of the place named right after a quarter ("district of Aleppo", "حي
    المشهد في حلب"): its city's."""
    if following is not None and following[0][0] - end <= _QUARTER_TO_CITY:
        return best[following[1]].country
    return None


_QUARTER_TO_CITY = 20  # characters from a quarter's name to its city's ("district of the city of")


def names_a_meeting(tokens: Tokens, mention: PlaceMention, lex: Lexicon) -> bool:
    """Does the place name a meeting or an accord held there ("the Astana talks", "محادثات
    أستانا", "the Sochi agreement") rather than where something happens?"""
    return tokens.after(mention.end, lex.words["meeting_after"]) or tokens.before(
        mention.start, lex.words["meeting_before"], lex.skippable
    )


def _placed_elsewhere(text: str, mentions: list[PlaceMention], lex: Lexicon) -> list[PlaceMention]:
    """Drop a town that the text places in another region of its country than the
    gazetteer's town of that name ("Mallah Farms in Aleppo" is not Suwayda's Mallah): a
    village the gazetteer lacks, named after its namesake. A town that names a region of its
    own is one of a list ("Lahij, Abyan and Shabwah governorates")."""
    kept = []
    for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
        record = mention.record
        if (
            following is not None
            and record.kind == "city"
            and not _names_region(record, lex)
            and record.population < _STRAY_BELOW
            and following.record.country == record.country
            and _region_of(following.record)[1] != record.admin1
            and any(p.spans(text, mention.end, following.start) for p in _IN_REGION)
        ):
            continue
        kept.append(mention)
    return kept


def _names_region(record: PlaceRecord, lex: Lexicon) -> bool:
    """Does the town name a region of its own: one of its name, or the one it is the seat of
    (the gazetteer places a region at its largest town), whatever the spelling ("Dar‘ā" of
    the Daraa governorate)?"""
    if (record.country, record.name) in lex.regions:
        return True
    if record.admin1 is None:
        return False
    region = lex.regions.get((record.country, record.admin1))
    return region is not None and (region.lat, region.lon) == (record.lat, record.lon)


def _region_named_for(record: PlaceRecord, lex: Lexicon) -> PlaceRecord:
    """The region a city's name stands for in "Idlib province", "ريف حلب": the city's own
    region when the city is its main city (the region takes its point) or shares its name.
    Another town's countryside ("Tell Abiad countryside") is around that town."""
    region = lex.regions.get((record.country, record.admin1 or ""))
    if region is None:
        return record
    main = (region.lat, region.lon) == (record.lat, record.lon) or region.name == record.name
    return region if main else record


Regions = dict[tuple[str, str | None], set[int]]  # (country, region name) -> where named


def find_spelled_places(
    tokens: Tokens, hits: list[Hit], lex: Lexicon, regions: Regions
) -> list[Hit]:
    """Place hits for capitalized names that no pattern matched, after a locative word or an
    act's verb ("shelled"), whose skeleton (`spellings.skeleton`) is a town's in a region the
    text names ("Kansafra ... in Idleb"): the whole name, or the name without a place noun at
    its end. They are sought around the acts the text reports, where a village matters most."""
    windows = _around_acts(hits, len(tokens.text))
    if not windows:
        return []
    text = tokens.text
    named = {hit.start for hit in hits}  # where the patterns found a name already
    words = lex.words
    near = words["named_after"]
    places = sorted(h for h in hits if h.kind == "place")
    starts = [h.start for h in places]
    countries = {lex.places[k].country for h in places for k in h.key.split(PLACE_KEYS)}
    found = []
    for window in windows:
        for capital in _CAPITALIZED.finditer(text, *window):
            start = capital.start()
            if start in named or not may_be_name(capital.group()):
                continue  # most capitalized words are names the patterns found
            # the cheap tests first: a town's name may begin here, or a word of place precedes
            outright = folded_name(capital.group()) in lex.town_first_words
            spelled = bool(regions) and tokens.before(start, near, lex.skippable)
            end = _name_end(text, start) if outright or spelled else None
            if end is None:
                continue
            beside = _region_beside(text, places, starts, end, lex)
            # a place beside it that the text places in none of its regions misleads
            beside = {k: v for k, v in (beside or {}).items() if k in regions}
            if outright and _placed_outright(tokens, start, end, lex):
                # the place beside it, where there is one, alone says where it lies
                hit = _named_outright(
                    text, start, end, beside or regions, set() if beside else countries, lex
                )
                if hit is not None:
                    found.append(hit)
                    continue
            if not spelled:
                continue
            hit = _spelled(text, start, end, beside or regions, lex)
            if hit is not None:
                found.append(hit)
    return found


def _placed_outright(tokens: Tokens, start: int, end: int, lex: Lexicon) -> bool:
    """Does the text say outright that the name is a place ("the city of Hays", "the town of
    Bara", "Tuwarsah front", "Mansura city")?"""
    nouns = lex.words["place_noun"]
    return tokens.before(start, nouns, lex.skippable) or tokens.after(end, nouns)


def _named_outright(
    text: str, start: int, end: int, regions: Regions, countries: set[str], lex: Lexicon
) -> Hit | None:
    """A place that a text names outright, by its exact name (`spellings.folded_name`)
    however short: the towns of that name in the regions the text names, else in the
    countries it names; none when it names neither."""
    keys = lex.town_names.get(folded_name(text[start:end]), ())
    records = [(k, lex.places[k]) for k in keys]
    kept = [k for k, r in records if (r.country, r.admin1) in regions]
    kept = kept or [k for k, r in records if r.country in countries]
    if not kept:
        return None
    return Hit(start, end, "place", PLACE_KEYS.join(kept), text[start:end])


_BESIDE = 40  # characters between a name and the place that locates it ("X neighbourhood of")


def _region_beside(
    text: str, places: list[Hit], starts: list[int], end: int, lex: Lexicon
) -> Regions | None:
    """The regions of the place named right after a name, in its sentence, which place it
    there ("Tal Baydar in al-Hasakeh", "the Zahra neighbourhood of Aleppo"); None when no
    place below a country stands there."""
    index = bisect_left(starts, end)
    if index == len(places) or starts[index] - end > _BESIDE:
        return None
    if any(mark in text[end : starts[index]] for mark in _SENTENCE_MARKS):
        return None
    records = [lex.places[k] for k in places[index].key.split(PLACE_KEYS)]
    if any(r.kind == "country" for r in records):
        return None
    return {(r.country, r.admin1 or r.name): {places[index].start} for r in records}


_SENTENCE_MARKS = ".;!?\n"


def _name_end(text: str, start: int) -> int | None:
    """Where the name that begins at `start` ends: at its last capitalized word."""
    end = _NAME.end_of(text, start)
    if end is None:
        return None
    words = list(_CAPITALIZED.finditer(text, start, end))
    return words[-1].end() if words else None


def _spelled(
    text: str, start: int, name_end: int | None, regions: Regions, lex: Lexicon
) -> Hit | None:
    if name_end is None:
        return None
    # a shorter name found inside ("Numan" in "Maarat al-Numan") gives way to the whole one
    for end in _name_ends(text, start, name_end, lex.words["place_noun"]):
        name = text[start:end]
        keys = [
            k
            for k in lex.spellings.get(skeleton(name), ())
            if (lex.places[k].country, lex.places[k].admin1) in regions
        ]
        if keys:
            return Hit(start, end, "place", PLACE_KEYS.join(keys), name)
    return None


def _around_acts(hits: list[Hit], size: int) -> list[tuple[int, int]]:
    """Stretches of text around the acts reported, merged where they touch."""
    acts = ((h.start, h.end) for h in hits if h.kind in ACT_KINDS)
    return stretches(acts, _BEFORE_ACT, _AFTER_ACT, size)


def _name_ends(text: str, start: int, end: int, nouns: frozenset[str]) -> list[int]:
    """Where the name ends: after all its words, or before a last word that is a place noun
    ("Basira City", "Ftireh Front")."""
    words = list(_CAPITALIZED.finditer(text, start, end))
    ends = [end]
    if len(words) > 1 and words[-1].group().lower() in nouns:
        ends.append(words[-2].end())
    return ends


def reads_as_place(
    tokens: Tokens, start: int, end: int, records: list[PlaceRecord], lex: Lexicon
) -> bool:
    """Is a name that is also an actor a place here? It is after "in"/"to"; otherwise a
    country's name names its state, and a city's name its government only when it speaks
    ("Damascus said")."""
    if tokens.before(start, lex.words["locative"], lex.skippable):
        return True
    if any(r.kind == "country" for r in records):
        return False
    return not tokens.after(end, lex.words["speech"])


def drop_weak_places(tokens: Tokens, hits: list[Hit], lex: Lexicon, regions: Regions) -> list[Hit]:
    """Drop one-word names of small places ("Deal", "جديدة" the village, not "new") unless a
    locative word or a place noun stands next to them, or the text also names their region
    ("Mukayras, Al Bayda": a village confirmed by its governorate; `regions` from
    `named_regions`)."""
    near = lex.words["near"]

    def confirmed(hit: Hit, record: PlaceRecord) -> bool:
        """Is the region named anywhere but here? (Not by copying a set per hit: a region
        named in every line of a long text is named thousands of times.)"""
        named = regions.get((record.country, record.admin1), ())
        return len(named) > 1 or (len(named) == 1 and hit.start not in named)

    kept = []
    for hit in hits:
        if hit.kind == "place":
            keys = hit.key.split(PLACE_KEYS)
            strong = [
                k for k in keys if not _weak(hit, lex.places[k]) or confirmed(hit, lex.places[k])
            ]
            if len(strong) < len(keys) and not (
                tokens.before(hit.start, near, lex.skippable)
                or tokens.after(hit.end, lex.words["place_noun"])
            ):
                if not strong:
                    continue
                hit = hit._replace(key=PLACE_KEYS.join(strong))
        kept.append(hit)
    return kept


def drop_overreaching_places(hits: list[Hit], lex: Lexicon) -> list[Hit]:
    """Drop a name that ends with a place noun ("Al Ain City") where it begins inside another
    place's name that takes in all but the noun ("Ras Al Ain city"): the noun follows that
    name, as "city" follows any, and the longer match is no name at all."""
    nouns = lex.words["place_noun"]
    places = [h for h in hits if h.kind == "place"]
    dropped = set()
    for hit in places:
        words = hit.text.rsplit(maxsplit=1)
        if len(words) < 2 or words[1].lower() not in nouns:
            continue
        core_end = hit.start + len(words[0])
        if any(o.start < hit.start < o.end and o.end >= core_end for o in places):
            dropped.add((hit.start, hit.end))
    if not dropped:
        return hits
    return [h for h in hits if h.kind != "place" or (h.start, h.end) not in dropped]


def named_regions(hits: list[Hit], lex: Lexicon) -> Regions:
    """(country, region) of each first-level region the text may name, whether by its own
    name or by its capital's ("Idleb" is a city and a governorate), with where it is named
    (a region does not confirm itself, nor does a name too doubtful to stand alone)."""
    named: Regions = {}
    for hit in hits:
        if hit.kind != "place":
            continue
        for key in hit.key.split(PLACE_KEYS):
            record = lex.places[key]
            capital = record.kind == "city" and (record.country, record.name) in lex.regions
            if (record.kind == "admin1" or capital) and not _weak(hit, record):
                named.setdefault((record.country, record.name), set()).add(hit.start)
    return named


def _weak(hit: Hit, record: PlaceRecord) -> bool:
    word = hit.text.strip()
    if " " in word:
        return False
    arabic = has_arabic(word)
    if record.kind == "admin1":
        return arabic and _adjective_region().match(word) is not None
    if record.kind != "city":
        return False
    return record.population < (_WEAK_ARABIC_BELOW if arabic else _LOCALITY_BELOW)


@cache
def _not_places() -> frozenset[str]:
    return frozenset(normalize_term(n) for n in knowledge.load("not_places")["names"])


def _first_name(
    text: str, span: tuple[int, int], actor_starts: set[int], records: list[PlaceRecord]
) -> bool:
    """Is a town's name the first name of the person named right after it ("Vladimir" before
    "Putin")? Only a space stands between them."""
    if any(r.kind != "city" for r in records):
        return False
    start = span[1] + 1
    return text[span[1] : start] == " " and start in actor_starts


@cache
def _adjective_region() -> re.Pattern[str]:
    return re.compile(knowledge.load("arabic")["adjective_region"])


def to_place(mention: PlaceMention, evidence: object = None) -> Place:
    record = mention.record
    kind = record.kind
    if kind == "city" and record.population < _LOCALITY_BELOW:
        kind = "locality"
    return Place(
        name=f"{mention.qualifier} {mention.text}" if mention.qualifier else mention.text,
        canonical=record.name,
        geonameid=record.geonameid if record.geonameid > 0 else None,  # landmarks: none
        lat=record.lat,
        lon=record.lon,
        country=record.country,
        admin1=record.admin1 if kind != "country" else None,
        kind=kind,
        evidence=evidence,  # type: ignore[arg-type]
    )


def _candidates(hits: list[Hit]) -> dict[tuple[int, int], tuple[str, ...]]:
    """The gazetteer keys a name may mean, by span."""
    spans: dict[tuple[int, int], list[str]] = {}
    for hit in hits:
        if hit.kind == "place":
            spans.setdefault((hit.start, hit.end), []).extend(hit.key.split(PLACE_KEYS))
    return {span: tuple(keys) for span, keys in spans.items()}


def _context_countries(
    spans: dict[tuple[int, int], tuple[str, ...]], names: dict[tuple[str, ...], list[PlaceRecord]]
) -> Counter[str]:
    """Countries named outright, or by a name that can only mean one place, weigh the rest."""
    context: Counter[str] = Counter()
    for keys in spans.values():
        records = names[keys]
        countries = {r.country for r in records}
        if len(countries) == 1:
            context[countries.pop()] += 2 if any(r.kind == "country" for r in records) else 1
    return context


def _groups_at_home(hits: list[Hit], lex: Lexicon) -> Counter[str]:
    """The countries of the non-state armed and political groups the text names by more
    than a generic word ("pro-Houthi forces", "the SDF"): such groups fight at home, so that
    an Al Bayda in a text naming the Houthis is Yemen's (as `actors._home` counts them)."""
    alpha2 = lex.generic.iso2
    found: Counter[str] = Counter()
    for hit in hits:
        record = lex.actors.get(hit.key) if hit.kind == "actor" else None
        if record is None or record.agent not in LOCAL_AGENTS or record.country not in alpha2:
            continue
        if normalize_term(hit.text) not in lex.generic.kinds:
            found[alpha2[record.country]] += 1
    return found


def _context_regions(
    spans: dict[tuple[int, int], tuple[str, ...]], names: dict[tuple[str, ...], list[PlaceRecord]]
) -> Counter[tuple[str, str | None]]:
    """How many names in the text could lie in each first-level region: between two towns
    called Al Bayda, the one in the governorate of the village named beside it."""
    regional: Counter[tuple[str, str | None]] = Counter()
    for keys in set(spans.values()):
        regional.update({_region_of(r) for r in names[keys]})
    return regional


def _stray(record: PlaceRecord, support: Counter[str], context: Counter[str]) -> bool:
    """A small place or a region in a country nothing else in the text is in, while the text
    is clearly about another country, is a misreading ("Molotov", once a name of Perm, in
    Beirut news; Iraq's Salah ad Din for Aleppo's Salaheddine quarter)."""
    if record.kind not in ("city", "admin1") or record.population >= _STRAY_BELOW:
        return False
    alone = support[record.country] <= 1 and context[record.country] <= 1
    elsewhere = (w for country, w in context.items() if country != record.country)
    return alone and any(weight >= _CLEAR_CONTEXT for weight in elsewhere)


def _divided_countries(
    spans: Iterable[tuple[str, ...]], names: dict[tuple[str, ...], list[PlaceRecord]]
) -> set[str]:
    """Countries the text names a first-level region or the country itself of, by a name
    that can mean nothing else."""
    divided: set[str] = set()
    for keys in spans:
        records = names[keys]
        if all(r.kind in ("admin1", "country") for r in records):
            divided.update(r.country for r in records)
        elif len({r.country for r in records}) == 1 and any(r.kind == "admin1" for r in records):
            divided.add(records[0].country)  # "Idleb": the city or its governorate
    return divided


def _abroad(record: PlaceRecord, support: Counter[str], divided: set[str]) -> bool:
    """A town that alone stands for its country, in a text that names the regions of another
    ("Rihaniya in al-Hasakeh"), is a village of that region missing from the gazetteer, not
    the town of that name abroad."""
    return (
        record.kind == "city"
        and record.population < _STRAY_BELOW
        and bool(divided)
        and record.country not in divided
        and support[record.country] <= 1
    )


def _best(
    records: list[PlaceRecord],
    context: Counter[str],
    regional: Counter[tuple[str, str | None]],
) -> PlaceRecord:
    def rank(r: PlaceRecord) -> tuple[int, int, int, int, int]:
        region = regional[_region_of(r)]
        return (
            -context[r.country],
            -region,
            _KIND_ORDER.get(r.kind, 3),
            -r.population,
            r.geonameid,
        )

    return min(records, key=rank)


def _region_of(r: PlaceRecord) -> tuple[str, str | None]:
    return (r.country, r.name if r.kind == "admin1" else r.admin1)
