"""Actors: dictionary hits for groups, states and bodies, and people resolved to whom they
speak for ("Kerry" is the United States, "de Mistura" the United Nations).

A country's bare name is a place; it names its state as well where the state acts (a speech
verb beside it, "between" before it, or a list with an actor: "Thailand and Cambodia agreed").
Generic words for a side ("rebels", "the army", الجيش) mean that side of the country the text
is about (`_home`), or of the country an Arabic adjective of nationality names after them.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import NamedTuple

from ceasefire import knowledge
from ceasefire.extract.lexicon import LOCAL_AGENTS, PLACE_KEYS, ActorRecord, Lexicon, PlaceRecord
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import normalize_term
from ceasefire.extract.patterns import pattern
from ceasefire.extract.places import reads_as_place
from ceasefire.extract.spans import Tokens
from ceasefire.records import Actor, Evidence


class ActorMention(NamedTuple):
    start: int
    end: int
    text: str
    record: ActorRecord
    person: str | None = None  # the person's name, when the words name a person


def find_actors(
    tokens: Tokens, hits: list[Hit], lex: Lexicon, published: str | None = None
) -> list[ActorMention]:
    """Actor mentions in text order; a name that reads as a place here is left out, and a
    country's name that does not read as the place names its state. A person names whom
    they spoke for when the text was published."""
    places: dict[tuple[int, int], list[PlaceRecord]] = {}
    for hit in hits:
        if hit.kind == "place":
            places.setdefault((hit.start, hit.end), []).extend(
                lex.places[key] for key in hit.key.split(PLACE_KEYS)
            )
    named = {(h.start, h.end) for h in hits if h.kind in ("actor", "person")}
    home = _home(hits, places, lex, published)
    mentions: list[ActorMention] = []
    armed: set[int] = set()  # mentions made their state's forces, by index
    tentative: set[int] = set()  # countries' names that name the state only if it acts
    placed = -1  # where the last name read as a place ends
    for hit in hits:
        kind = hit.kind
        if kind != "place" and kind != "actor" and kind != "person":
            continue  # most hits: cues, terms, acts
        span = (hit.start, hit.end)
        if kind == "place" and span not in named:
            record = _state_named(tokens, hit, places[span], lex, placed)
            placed = hit.end if record is None else placed
        elif kind in ("actor", "person"):
            record = _named(tokens, hit, places.get(span), lex, published)
            record = record and _for_home(tokens, record, hit, home, lex)
        else:
            continue
        if record is None:
            continue
        aligned = tokens.text[max(0, hit.start - 4) : hit.start].lower() == "pro-"
        if record.agent == "GOV" and (
            aligned or tokens.after(hit.end, lex.words["military_noun"])
        ):  # "Israeli artillery", "pro-Hadi forces": the state's forces
            record = lex.forces.get(record.country or "", record)
            armed.add(len(mentions))
        elif hit.kind == "place":
            tentative.add(len(mentions))
        person = hit.key if hit.kind == "person" else None
        mentions.append(ActorMention(hit.start, hit.end, hit.text, record, person))
    idle = _idle_states(tokens, mentions, tentative, lex)
    kept = [m for i, m in enumerate(mentions) if i not in idle]
    renumbered = {
        old: new for new, old in enumerate(i for i in range(len(mentions)) if i not in idle)
    }
    alike = _armed_alike(tokens.text, kept, {renumbered[i] for i in armed}, lex)
    return _by_surname(tokens.text, alike)


def _by_surname(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A person named in full and then by surname alone ("أشرف غني ... وقال غني"): the surname
    names the same person after the full name, in news style, though alone it may be a common
    word the dictionary leaves out (غني "rich"). Latin surnames are aliases of their own."""
    taken = [(m.start, m.end) for m in mentions]
    found: list[ActorMention] = []
    for mention in mentions:
        if mention.person is None:  # most mentions: no person's name to split
            continue
        words = mention.text.split()
        if len(words) < 2 or len(words[-1]) < _SHORTEST_SURNAME:
            continue
        if words[-1].isascii():  # Latin surnames the dictionary reads already ("Kerry")
            continue
        surname = words[-1]
        start = text.find(surname, mention.end)
        while start >= 0:
            end = start + len(surname)
            if _alone(text, start, end) and not any(a < end and start < b for a, b in taken):
                found.append(mention._replace(start=start, end=end, text=surname))
                taken.append((start, end))
            start = text.find(surname, end)
    return sorted(mentions + found) if found else mentions


_SHORTEST_SURNAME = 3


def _alone(text: str, start: int, end: int) -> bool:
    """Does text[start:end] stand as a word of its own (an Arabic proclitic may be written
    onto it: "وغني")?"""
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False
    if start == 0 or not text[start - 1].isalnum():
        return True
    word_start = start - 1
    while word_start > 0 and text[word_start - 1].isalnum():
        word_start -= 1
    return text[word_start:start] in _proclitics()


@cache
def _proclitics() -> frozenset[str]:
    return frozenset(knowledge.load("arabic")["proclitics"])


def _idle_states(
    tokens: Tokens, mentions: list[ActorMention], tentative: set[int], lex: Lexicon
) -> set[int]:
    """The countries' names (indexes of `tentative`) that do not act here: a name is the state
    when a speech verb follows or precedes it ("Thailand said", "أعلنت تايلاند"), when a word
    of `state_cues.before` precedes it ("between Rwanda"), or when it is listed with an actor
    ("Thailand and Cambodia agreed"); "northern Syria", "a Syria rebel rocket" are places."""
    spoken, before = lex.words["spoken"], lex.generic.state_before
    acting = {
        i
        for i in tentative
        if tokens.after(mentions[i].end, spoken)
        or tokens.before(mentions[i].start, spoken | before, lex.skippable)
    }
    grown = True
    while grown:  # a list is as active as its acting member
        grown = False
        for i in tentative - acting:
            neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(mentions)]
            if any(
                (j not in tentative or j in acting) and _joined(tokens, mentions, i, j, lex)
                for j in neighbours
            ):
                acting.add(i)
                grown = True
    return tentative - acting


def _joined(tokens: Tokens, mentions: list[ActorMention], i: int, j: int, lex: Lexicon) -> bool:
    """Are mentions i and j next items of one list ("Thailand and Cambodia", "روسيا وأوكرانيا")?"""
    first, second = sorted((mentions[i], mentions[j]))
    between = tokens.text[first.end : second.start].strip()
    return between in lex.generic.joined or (
        not between and tokens.before(second.start, lex.generic.joined)
    )


def _named(
    tokens: Tokens,
    hit: Hit,
    records: list[PlaceRecord] | None,
    lex: Lexicon,
    published: str | None,
) -> ActorRecord | None:
    """The actor an actor or person hit names, unless the name reads as a place here."""
    if records and reads_as_place(tokens, hit.start, hit.end, records, lex):
        return None
    if hit.kind == "person":
        return lex.speaker_of(hit.key, published)
    return lex.actors.get(hit.key)


def _state_named(
    tokens: Tokens, hit: Hit, records: list[PlaceRecord], lex: Lexicon, placed: int
) -> ActorRecord | None:
    """The state a country's name stands for where it does not read as the place ("Thailand
    and Cambodia agreed", not "fighting in Thailand", nor "in Gaza and the Palestinian
    territories", a list of places that ends at `placed`). The name stays a place as well:
    the state is also where it acts."""
    country = next((r for r in records if r.kind == "country"), None)
    if country is None or reads_as_place(tokens, hit.start, hit.end, records, lex):
        return None
    if placed >= 0 and _listed(tokens, placed, hit.start, lex):
        return None
    return lex.states.get(country.country)


def _listed(tokens: Tokens, end: int, start: int, lex: Lexicon) -> bool:
    """Is the name at `start` the next item of a list whose last item ends at `end` ("Gaza
    and the West Bank")? Only "and", a comma and skippable words stand between."""
    between = tokens.text[end:start]
    words = [w for w in between.replace(",", " , ").split() if w.lower() not in lex.skippable]
    return bool(words) and _AND.spans(" ".join(words), 0, len(" ".join(words)))


def _home(
    hits: list[Hit],
    places: dict[tuple[int, int], list[PlaceRecord]],
    lex: Lexicon,
    published: str | None,
) -> str | None:
    """The country (ISO alpha-3) the text is about: the one it names most, counting the
    place names that can only be in one country and its non-state armed and political groups
    named by more than a generic word (such groups fight at home; states are named as often
    for their envoys and patrons as for their wars)."""
    counts: Counter[str] = Counter()
    for records in places.values():
        countries = {r.country for r in records}
        if len(countries) == 1:
            counts[lex.generic.iso3.get(countries.pop(), "")] += 1
    for hit in hits:
        if hit.kind == "person":
            record = lex.speaker_of(hit.key, published)
        elif hit.kind == "actor" and normalize_term(hit.text) not in lex.generic.kinds:
            record = lex.actors.get(hit.key)
        else:
            continue
        if record is not None and record.agent in LOCAL_AGENTS:
            counts[record.country or ""] += 1
    counts.pop("", None)
    return counts.most_common(1)[0][0] if counts else None


def _for_home(
    tokens: Tokens, record: ActorRecord, hit: Hit, home: str | None, lex: Lexicon
) -> ActorRecord | None:
    """A generic word for a side ("rebels", "the army", الجيش) means the actor of that kind
    of the country the text is about; in a text about the country of the actor that holds the
    word, or about no country, it keeps that actor; elsewhere it stays generic."""
    kind = lex.generic.kinds.get(normalize_term(hit.text)) if hit.kind == "actor" else None
    if kind is None:
        return record
    named = lex.generic.nationality.get(_next_word(tokens.text, hit.end))
    if named is not None:  # "الجيش التشادي": the adjective names the country
        return lex.generic.stand_ins.get((named, kind), _unless_named_only(record, kind, lex))
    if kind in lex.generic.named_only:
        return None  # "قال مسؤول": an official of no known country
    if home is None or record.country == home:
        return record
    return lex.generic.stand_ins.get((home, kind)) or lex.generic.fallback[kind]


def _unless_named_only(record: ActorRecord, kind: str, lex: Lexicon) -> ActorRecord | None:
    """The generic entry, unless its words mean someone only as a country's."""
    return None if kind in lex.generic.named_only else record


def _next_word(text: str, end: int) -> str:
    """The word right after `end`, normalized ("" at the end of the text)."""
    words = text[end : end + 40].split(maxsplit=1)
    return normalize_term(words[0].strip(".,:;!?،؛()\"'«»")) if words else ""


def _armed_alike(
    text: str, mentions: list[ActorMention], armed: set[int], lex: Lexicon
) -> list[ActorMention]:
    """ "Russian and Turkish forces": a state joined by "and" to a state's forces means its
    forces too."""
    armed |= {i for i, m in enumerate(mentions) if m.record.agent == "MIL" and m.record.country}
    for index in sorted(armed, reverse=True):
        before = index - 1
        if before < 0 or before in armed:
            continue
        mention = mentions[before]
        if mention.record.agent == "GOV" and _AND.spans(text, mention.end, mentions[index].start):
            forces = lex.forces.get(mention.record.country or "", mention.record)
            mentions[before] = mention._replace(record=forces)
            armed.add(before)
    return mentions


_AND = pattern("joined_by_and")


def to_actor(mention: ActorMention, evidence: object = None) -> Actor:
    record = mention.record
    return Actor(
        name=mention.text,
        canonical=record.canonical,
        country=record.country,
        agent=record.agent,
        code=record.code,
        evidence=evidence,  # type: ignore[arg-type]
    )


STATE_AGENTS = frozenset({"GOV", "MIL"})  # a state's government and forces are one side


def side_key(canonical: str, country: str | None, agent: str) -> str:
    """The side an actor is on: a state's government and its forces are one side, keyed by
    their country; any other actor is a side of its own."""
    return f"state:{country}" if agent in STATE_AGENTS and country else canonical


def unique_actors(mentions: list[ActorMention], evidence: Evidence) -> list[Actor]:
    """Each actor once, in the order first named, with `evidence`."""
    seen: set[str] = set()
    actors = []
    for mention in mentions:
        if mention.record.canonical not in seen:
            seen.add(mention.record.canonical)
            actors.append(to_actor(mention, evidence))
    return actors
