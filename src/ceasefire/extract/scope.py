"""Where a ceasefire mention applies (its scope), where it was made (its venues), and what
the text says it leaves out (excluded places and actors).

Each place of the sentence gets one reading, from the words before it
(knowledge/scope.yaml):

- excluded: after "except", "does not include", "باستثناء", "لا تشمل";
- venue: governed by a preposition that follows a word of talks or signing ("talks in
  Geneva", "hosted by Oman", "مفاوضات في جنيف"), or the dateline that opens the sentence;
- tied: named with the ceasefire term ("the Gaza truce", "a ceasefire across X", "الهدنة في
  X") or after a word of covering ("the truce covers X");
- located: after a preposition of place ("fighting in X");
- none of these: a capital standing for its government ("urged Kyiv"), an agency, the
  destination of envoys.

A place in a list ("in X, Y and Z") reads as the place before it. The scope is the tied places
when the sentence ties any, else the located ones: a sentence that says where the ceasefire
is says it once, and the other places it names are where it was made or where things happen.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from ceasefire import knowledge
from ceasefire.extract.actors import STATE_AGENTS, ActorMention, side_key, unique_actors
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.lexicon import PLACE_KEYS, Lexicon, lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import has_arabic, normalize_term
from ceasefire.extract.places import PlaceMention, to_place
from ceasefire.extract.sentences import Sentence, sentence_at
from ceasefire.records import Actor, Ceasefire, Evidence, Place

_WORD = re.compile(r"\w+")  # a word of any script, for counting and reading words
_TIED_AFTER = 8  # at most this many words from a term to the place it names ("ceasefire ...")
_TIED_BEFORE = 2  # "the Gaza ceasefire", "the Lebanon ceasefire agreement"
_WINDOW = 6  # words read before a place
_VENUE_REACH = 2  # words between a venue word and its preposition ("signed today in")
_DATELINE_AFTER = frozenset("(-:–—")
Phrases = frozenset[tuple[str, ...]]
_CONJUNCTIONS = frozenset("وف")  # attached to the next word: "وموانئ" is "and the ports"

TIED, LOCATED, VENUE, EXCLUDED, OTHER = "tied", "located", "venue", "excluded", "other"
JOURNEY = "journey"  # where someone goes: "sent to X"


class Scope(NamedTuple):
    places: list[Place]
    venues: list[Place]
    excluded: dict[str, list]  # {"places": [Place], "actors": [Actor]}


class _Cues(NamedTuple):
    locative: Phrases
    covers: Phrases
    joiners: Phrases
    venue_before: Phrases
    venue_locative: Phrases
    excluding: Phrases
    excluded_after: Phrases
    named_for: Phrases
    tied_locative: Phrases
    journey: Phrases
    skippable: frozenset[str]
    firsts: frozenset[str]  # the first words of all the phrases above
    continues: Phrases


def mention_scope(
    analysis: Analysis, sentence: Sentence, evidence: Evidence, lex: Lexicon
) -> Scope:
    """The scope, venues and exclusions that one sentence states for its ceasefire terms."""
    read = _read_places(analysis, sentence, lex)
    actors = analysis.within(analysis.actors, sentence)
    return Scope(
        places=_unique(read[TIED] or read[LOCATED], evidence),
        venues=_unique(read[VENUE], evidence),
        excluded={
            "places": _unique(read[EXCLUDED], evidence),
            "actors": excluded_actors(analysis, sentence, actors, evidence, lex),
        },
    )


def named_scope(analysis: Analysis, term: Hit, evidence: Evidence) -> list[Place]:
    """The areas an agreement named for its venue applies to by its text
    (knowledge/agreements.yaml), in a text that names a place of their country; none for
    other agreements."""
    lex = lexicon()
    venues = [h for h in lex.matcher.find(term.text) if h.kind == "place"]  # the name's place
    keys = [int(key) for venue in venues for key in venue.key.split(PLACE_KEYS)]
    covers = [area for key in keys for area in _agreements().get(key, ())]
    places = lex.places
    records = [places[str(a)] for a in covers if str(a) in places]
    named = {m.record.country for m in analysis.places}
    return [
        to_place(PlaceMention(0, 0, record.name, record), evidence)
        for record in records
        if record.country in named
    ]


@cache
def _agreements() -> dict[int, tuple[int, ...]]:
    """The areas each named agreement applies to, by the GeoNames id of its venue."""
    entries = knowledge.load("agreements")["agreements"]
    return {entry["venue"]: tuple(entry["covers"]) for entry in entries}


def _read_places(
    analysis: Analysis, sentence: Sentence, lex: Lexicon
) -> dict[str, list[PlaceMention]]:
    """The sentence's places by their reading (`_readings`), in text order."""
    mentions = analysis.within(analysis.places, sentence)
    read: dict[str, list[PlaceMention]] = {TIED: [], LOCATED: [], VENUE: [], EXCLUDED: []}
    readings = _readings(analysis, sentence, mentions, lex)
    for mention, reading in zip(mentions, readings, strict=True):
        read.setdefault(reading, []).append(mention)
    return read


_OPENING = 40  # characters read for the words that open a sentence


def carried_scope(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> Scope | None:
    """The places and actors that a sentence naming no term, but going on about the
    arrangement named before it ("However, it covers only the southern hills"),
    says it covers or leaves out; None for any other sentence."""
    words = [normalize_term(w) for w in _WORD.findall(sentence.text[:_OPENING])[:3]]
    if not any(tuple(words[: len(p)]) == p for p in _cues().continues):
        return None
    read = _read_places(analysis, sentence, lex)
    if not read[TIED] and not read[EXCLUDED]:
        return None
    evidence = analysis.evidence(sentence)
    return Scope(
        places=_unique(read[TIED], evidence),
        venues=[],
        excluded={"places": _unique(read[EXCLUDED], evidence), "actors": []},
    )


def nationwide(analysis: Analysis, found: list[Ceasefire], lex: Lexicon) -> list[Ceasefire]:
    """When no mention of the text places its ceasefire below the level of a country, an
    arrangement between two states covers the countries their war is fought in
    (`_where_states_fight`); otherwise the mentions that name no place apply to the country
    of its war (`war_country`), else to the
    country the text is about, where the text names it ("the UN envoy to Yemen ... the
    truce"): a ceasefire reported without a place is the whole country's, or, in a text
    that does not name the country, the one region it names where all its places lie. A text
    about a local truce names its town in some mention."""
    if any(p.kind != "country" for c in found for p in c.places):
        return found
    if _where_states_fight(analysis, found, lex):
        return found
    scoped = Counter(p.country for c in found for p in c.places)
    war = war_country(found, lex)
    home = scoped.most_common(1)[0][0] if scoped else war or _home(analysis)
    placed = _placed_in_body(analysis, found, home)
    if placed is not None:  # as the story itself places it ("a ceasefire in eastern Congo")
        for record in found:
            record.places = record.places or [placed]
        return found
    country = next(
        (m for m in analysis.places if m.record.kind == "country" and m.record.country == home),
        None,
    )
    if country is None:  # a story of one region never names its country ("غزة", "قطاع غزة")
        country = _only_region(analysis, home)
    if country is None and home == war and home in lex.countries:
        state = lex.countries[home]  # named only in its belligerents' names ("Colombia's ELN")
        country = PlaceMention(0, 0, state.name, state)
    if country is None:
        return found
    sentence = sentence_at(analysis.sentences, country.start)
    evidence = analysis.evidence(sentence) if sentence is not None else None
    for record in found:
        if not record.places:
            record.places = [to_place(country, evidence)]
    return found


def _only_region(analysis: Analysis, home: str | None) -> PlaceMention | None:
    """The region (first-level division) that the text names, where every place it names in
    `home` lies; None when its places lie in several regions or it names none."""
    inside = [m for m in analysis.places if m.record.country == home and m.record.kind != "country"]
    regions = {m.record.admin1 for m in inside}
    if len(regions) != 1:
        return None
    return next((m for m in inside if m.record.kind == "admin1"), None)


def _placed_in_body(analysis: Analysis, found: list[Ceasefire], home: str | None) -> Place | None:
    """The first place in `home` that a mention of the story's body (after its headline,
    which abbreviates: "East DR Congo ceasefire ...") gives the arrangement."""
    return next(
        (
            place
            for record in found
            if record.evidence.start >= analysis.headline_end
            for place in record.places
            if place.country == home
        ),
        None,
    )


def _where_states_fight(analysis: Analysis, found: list[Ceasefire], lex: Lexicon) -> bool:
    """An arrangement between two states at war, placed nowhere below the level of a country,
    covers every country the war is fought in (knowledge/wars.yaml): "Israel and Iran", not
    Iran alone; the Russian war in Ukraine stays Ukraine's. False when the parties are no two
    states of a known war."""
    parties = [a for c in found for a in c.parties if a.country]
    if not parties or any(a.agent not in STATE_AGENTS for a in parties):
        return False
    fought_in = _wars().get(frozenset(a.country for a in parties if a.country))
    if not fought_in:
        return False
    named = {m.record.country: m for m in analysis.places if m.record.kind == "country"}
    for record in found:
        have = {p.country or "" for p in record.places}
        if not have <= fought_in:
            continue  # placed elsewhere: another arrangement of the text
        for code in sorted(fought_in - have):
            mention = named.get(code) or _unnamed_country(code, lex)
            if mention is not None:
                record.places.append(to_place(mention, record.evidence))
    return True


def _unnamed_country(code: str, lex: Lexicon) -> PlaceMention | None:
    """A country the text names only as a state, not as a place."""
    record = lex.countries.get(code)
    return PlaceMention(0, 0, record.name, record) if record is not None else None


@cache
def _wars() -> dict[frozenset[str], frozenset[str]]:
    """The countries each war between two states is fought in, by the states' ISO alpha-3
    codes (knowledge/wars.yaml)."""
    actors = lexicon().actors
    return {
        frozenset(str(actors[side].country) for side in war["sides"]): frozenset(war["fought_in"])
        for war in knowledge.load("wars")["interstate"]
    }


def war_country(found: list[Ceasefire], lex: Lexicon) -> str | None:
    """The country (ISO alpha-2) where the text's war is fought, as its parties tell: that of
    its non-state parties (an insurgency fights at home), else the one country that all its
    parties, two or more, belong to (a civil war); None when they tell no single country."""
    parties = [a for c in found for a in c.parties if a.country]
    local = Counter(a.country for a in parties if a.agent in _NON_STATE)
    if local:
        alpha3 = local.most_common(1)[0][0]
    elif len({a.country for a in parties}) == 1 and len(_sides(parties)) > 1:
        alpha3 = parties[0].country
    else:
        return None
    return lex.generic.iso2.get(alpha3 or "")


_NON_STATE = frozenset({"REB", "INS", "OPP"})


def _sides(actors: list[Actor]) -> set[str]:
    return {side_key(a.canonical, a.country, a.agent) for a in actors}


def _readings(
    analysis: Analysis, sentence: Sentence, mentions: list[PlaceMention], lex: Lexicon
) -> list[str]:
    """One reading per place, in order; a place listed after another reads as that one."""
    skippable, locative = _context_words(analysis, lex)
    context = _Context(
        analysis=analysis,
        sentence=sentence,
        terms=analysis.hits_in(sentence, "term"),
        skippable=skippable,
        locative=locative,
        home=_home(analysis),
    )
    readings: list[str] = []
    for index, mention in enumerate(mentions):
        since = mentions[index - 1].end if index else sentence.start
        before = _words_before(analysis.text, max(since, sentence.start), mention.start)
        tied = [m for m, r in zip(mentions, readings, strict=False) if r == TIED]
        reading = _reading(context, mention, before, tied)
        previous = mentions[index - 1].end if index else None
        if (
            reading in (LOCATED, OTHER)
            and previous is not None
            and readings[-1] != OTHER
            and _listed(analysis.text, previous, mention.start, context.skippable)
        ):
            reading = readings[-1]
        readings.append(reading)
    return _home_countries(context, mentions, readings)


def _context_words(analysis: Analysis, lex: Lexicon) -> tuple[frozenset[str], Phrases]:
    """The words skipped before a place, and the prepositions that locate it: joined once per
    text, not once per sentence."""
    if "scope_words" not in analysis.memo:
        analysis.memo["scope_words"] = (
            _cues().skippable | lex.skippable | lex.words["place_noun"],
            _cues().locative | _phrases(lex.words["target_before"]),
        )
    return analysis.memo["scope_words"]  # type: ignore[return-value]


class _Context(NamedTuple):
    analysis: Analysis
    sentence: Sentence
    terms: list[Hit]
    skippable: frozenset[str]
    locative: Phrases
    home: str | None  # the country the text names most


def _home(analysis: Analysis) -> str | None:
    """The country whose places the text names most (counted once per text)."""
    if "home" not in analysis.memo:
        counts = Counter(m.record.country for m in analysis.places)
        analysis.memo["home"] = counts.most_common(1)[0][0] if counts else None
    return analysis.memo["home"]  # type: ignore[return-value]


def _home_countries(
    context: _Context, mentions: list[PlaceMention], readings: list[str]
) -> list[str]:
    """Countries and regions named with no preposition. Two countries listed together are the
    two sides of a war between states ("Thailand and Cambodia agreed"). When the sentence
    places nothing else, a country or region of the country the text is about is where it
    applies ("the inhabitants of the Gaza Strip"); another country named so is a mediator's
    or a party's state ("Qatar announced"), and a city so named its government ("urged
    Kyiv")."""
    text = context.analysis.text
    found = list(readings)
    for index, mention in enumerate(mentions):
        if readings[index] != OTHER or mention.record.kind != "country":
            continue
        for other in (index - 1, index + 1):
            if (
                0 <= other < len(mentions)
                and mentions[other].record.kind == "country"
                and readings[other] in (OTHER, LOCATED)
                and _listed(text, *_between(mention, mentions[other]), context.skippable)
            ):
                found[index] = LOCATED
    if TIED in found or LOCATED in found:
        return found
    for index, mention in enumerate(mentions):
        record = mention.record
        if found[index] == OTHER and record.kind != "city" and record.country == context.home:
            found[index] = LOCATED
    return found


def _between(one: PlaceMention, other: PlaceMention) -> tuple[int, int]:
    first, second = sorted((one, other))
    return first.end, second.start


def _reading(
    context: _Context, mention: PlaceMention, before: list[str], tied: list[PlaceMention]
) -> str:
    """How the place stands to the sentence's ceasefire; `tied` are the places before it
    already tied to a term, which tie the places they introduce ("a calm for X, in the Y
    countryside, and for Z")."""
    cues, text, skippable = _cues(), context.analysis.text, context.skippable
    if _holds(before, cues.excluding):  # since the place before: "not extend to areas including X"
        return EXCLUDED
    if _is_venue(before, cues, skippable) or is_dateline(text, context.sentence, mention):
        return VENUE
    named = _named_by(text, mention, before, context.sentence)
    if named:
        return TIED if mention.record.country == context.home else VENUE
    trimmed = _past_list_item(text, mention, _trimmed(before, skippable), skippable)
    governing = context.locative | cues.tied_locative
    anchors = [(t.start, t.end) for t in context.terms] + [(m.start, m.end) for m in tied[-1:]]
    if _holds(trimmed[-3:], cues.covers) or any(
        _tied(text, mention, anchor, trimmed, governing) for anchor in anchors
    ):
        return TIED
    if _ends_with(trimmed, context.locative):
        return LOCATED
    return JOURNEY if _ends_with(trimmed, cues.journey) else OTHER


def _past_list_item(
    text: str, mention: PlaceMention, trimmed: list[str], skippable: frozenset[str]
) -> list[str]:
    """The words before a list whose earlier item (of up to three words) is no known place
    ("in Deraa, Suweida", "to Tel Aviv and X", "في درعا والسويداء"): the words before that
    item, when a preposition stands there."""
    cues = _cues()
    if not trimmed:
        return trimmed
    last = trimmed[-1]
    attached = text[mention.start - 1 : mention.start].isalnum()
    tail = text[max(0, mention.start - 3) : mention.start]
    if (last,) in cues.joiners or (attached and last[:1] in _CONJUNCTIONS):
        skip = 1
    elif "," in tail or "،" in tail:
        skip = 0
    else:
        return trimmed
    prepositions = cues.locative | cues.journey | cues.tied_locative
    for size in (1, 2, 3):
        rest = _trimmed(trimmed[: -(skip + size)], skippable)
        if rest and _ends_with(rest, prepositions):
            return rest
    return trimmed


def _named_by(text: str, mention: PlaceMention, before: list[str], sentence: Sentence) -> bool:
    """Does the place name an agreement: "the Sweden agreement", "the Gaza peace plan" (the
    noun after the place), "اتفاق ستوكهولم" (the noun before it)?"""
    named_for = _cues().named_for
    if has_arabic(mention.text):
        gap = text[max(sentence.start, mention.start - 1) : mention.start]
        return bool(before) and (before[-1],) in named_for and not gap.strip()
    after = _words_after(text, mention.end, sentence.end)
    return _only_words(text[mention.end : mention.end + 2]) and _starts_with(after, named_for)


def _tied(
    text: str,
    mention: PlaceMention,
    term: tuple[int, int],
    trimmed: list[str],
    locative: Phrases,
) -> bool:
    """Does the place name the term's place: right before it in English ("the Gaza truce"),
    right after it ("هدنة غزة"), or governed by a preposition a few words after it ("a
    ceasefire across most of X")? An Arabic noun's modifiers follow it: a place before an
    Arabic term belongs to what comes before ("المركز الروسي في سورية إلى اتفاق")."""
    start, end = term
    if mention.end <= start:
        if has_arabic(mention.text):
            return False
        between = text[mention.end : start]
        return len(_WORD.findall(between)) <= _TIED_BEFORE and _only_words(between)
    if mention.start < end:
        return False
    between = text[end : mention.start]
    if not between.strip():
        return True
    return len(_WORD.findall(between)) <= _TIED_AFTER and _ends_with(trimmed, locative)


def _is_venue(before: list[str], cues: _Cues, skippable: frozenset[str]) -> bool:
    """Is the place governed by a preposition that follows a word of talks or signing, with
    at most one word not skippable between that preposition and the place ("talks in the
    Saudi city of X", "held today in X", "مؤتمر صحفي بالعاصمة X")?"""
    words = before[-_WINDOW:]
    for end in range(len(words), 0, -1):
        loose = [w for w in words[end:] if w not in skippable]
        if len(loose) > 1:
            return False
        for size in (1, 2):
            if end >= size and tuple(words[end - size : end]) in cues.venue_locative:
                reach = words[max(0, end - size - _VENUE_REACH - 1) : end - size]
                if _holds(reach, cues.venue_before):
                    return True
    return False


def is_dateline(text: str, sentence: Sentence, mention: PlaceMention) -> bool:
    """A place that opens the sentence in capitals, or before an agency or a dash ("CITY
    (Agency) -", "CITY: ..."), is where the report was filed."""
    lead = text[sentence.start : mention.start]
    if lead.strip(" /") and (lead != lead.upper() or not lead.isascii()):
        return False
    after = text[mention.end : mention.end + 3].lstrip()
    name = mention.text
    shouted = name.isascii() and name.isupper() and len(name) > 2
    return shouted or after[:1] in _DATELINE_AFTER


def excluded_actors(
    analysis: Analysis,
    sentence: Sentence,
    actors: list[ActorMention],
    evidence: Evidence,
    lex: Lexicon,
) -> list[Actor]:
    """Actors the sentence leaves out: after "except"/"لا تشمل", or before "are excluded" (with
    the actors listed before them: "X and Y are excluded")."""
    cues = _cues()
    text = analysis.text
    out: list[ActorMention] = []
    for index in range(len(actors) - 1, -1, -1):
        actor = actors[index]
        after = _words_after(text, actor.end, sentence.end)
        listed = (
            index + 1 < len(actors)
            and actors[index + 1] in out
            and _listed(text, actor.end, actors[index + 1].start, lex.skippable)
        )
        before = _words_before(text, sentence.start, actor.start)[-_WINDOW:]
        if listed or _starts_with(after, cues.excluded_after) or _holds(before, cues.excluding):
            out.append(actor)
    return unique_actors(sorted(out), evidence)


def _listed(text: str, end: int, start: int, skippable: frozenset[str] = frozenset()) -> bool:
    """Are two names next items of one list: only commas, joiners ("and", "و") and place nouns
    ("وموانئ") between?"""
    between = text[end:start]
    if len(between) > 40 or any(ch in between for ch in '.;:()"“”'):
        return False
    joiners = _cues().joiners
    for word in (normalize_term(w) for w in _WORD.findall(between)):
        bare = word[1:] if word[:1] in _CONJUNCTIONS and len(word) > 2 else word
        if (word,) not in joiners and word not in skippable and bare not in skippable:
            return False
    return True


def _words_before(text: str, limit: int, start: int) -> list[str]:
    """The normalized words between `limit` and `start`, the last _WINDOW + 4 of them."""
    chunk = text[max(limit, start - 160) : start]
    return [normalize_term(w) for w in _WORD.findall(chunk)[-(_WINDOW + 4) :]]


def _words_after(text: str, end: int, limit: int) -> list[str]:
    chunk = text[end : min(limit, end + 80)]
    return [normalize_term(w) for w in _WORD.findall(chunk)[:4]]


def _trimmed(words: list[str], skippable: frozenset[str]) -> list[str]:
    """The words without the few skippable ones right before the place ("in the north of")."""
    end = len(words)
    while end and words[end - 1] in skippable and len(words) - end < 4:
        end -= 1
    return words[:end]


def _ends_with(words: list[str], phrases: Phrases) -> bool:
    return any(tuple(words[-n:]) in phrases for n in (1, 2, 3) if len(words) >= n)


def _starts_with(words: list[str], phrases: Phrases) -> bool:
    return any(tuple(words[:n]) in phrases for n in (1, 2, 3) if len(words) >= n)


def _holds(words: list[str], phrases: Phrases) -> bool:
    """Does one of `phrases` (of up to five words; one of `_cues()`'s) stand among `words`?
    Only a word that begins some cue phrase may begin one of them."""
    firsts = _cues().firsts
    size = len(words)
    return any(
        tuple(words[i : i + n]) in phrases
        for i in range(size)
        if words[i] in firsts
        for n in range(1, min(5, size - i) + 1)
    )


def _only_words(between: str) -> bool:
    """Nothing but words, spaces and apostrophes between two names ("Gaza’s ceasefire")."""
    return all(ch.isalnum() or ch.isspace() or ch in "'’-" for ch in between)


def _unique(mentions: list[PlaceMention], evidence: Evidence) -> list[Place]:
    seen: set[int] = set()
    places = []
    for mention in mentions:
        if mention.record.geonameid not in seen:
            seen.add(mention.record.geonameid)
            places.append(to_place(mention, evidence))
    return places


@cache
def _cues() -> _Cues:
    data = knowledge.load("scope")

    def phrases(group: str) -> Phrases:
        return _phrases(w for words in data[group].values() for w in words)

    groups = {
        "locative": phrases("scope_locative"),
        "covers": phrases("covers"),
        "joiners": phrases("list_joiners"),
        "venue_before": phrases("venue_before"),
        "venue_locative": phrases("venue_locative"),
        "excluding": phrases("excluding"),
        "excluded_after": phrases("excluded_after"),
        "named_for": phrases("named_for"),
        "tied_locative": phrases("tied_locative"),
        "journey": phrases("journey"),
    }
    return _Cues(
        **groups,
        skippable=frozenset(w[0] for w in phrases("skippable") if len(w) == 1),
        firsts=frozenset(words[0] for group in groups.values() for words in group if words),
        continues=phrases("continues_scope"),
    )


def _phrases(words: Iterable[str]) -> Phrases:
    """Cue phrases as tuples of normalized words."""
    return frozenset(tuple(normalize_term(w).split()) for w in words)
