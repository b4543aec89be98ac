"""Actors: dictionary hits for groups, states and bodies, and people resolved to whom they
speak for ("Kerry" is the United States, "de Mistura" the United Nations).
"""

from __future__ import annotations

from typing import NamedTuple

from ceasefire.extract.lexicon import PLACE_KEYS, ActorRecord, Lexicon, PlaceRecord
from ceasefire.extract.matcher import Hit
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


def find_actors(tokens: Tokens, hits: list[Hit], lex: Lexicon) -> list[ActorMention]:
    """Actor mentions in text order; a name that reads as a place here is left out."""
    places: dict[tuple[int, int], list[PlaceRecord]] = {}
    for hit in hits:
        if hit.kind == "place":
            places.setdefault((hit.start, hit.end), []).extend(
                lex.places[key] for key in hit.key.split(PLACE_KEYS)
            )
    mentions: list[ActorMention] = []
    armed: set[int] = set()  # mentions made their state's forces, by index
    for hit in hits:
        if hit.kind not in ("actor", "person"):
            continue
        records = places.get((hit.start, hit.end))
        if records and reads_as_place(tokens, hit.start, hit.end, records, lex):
            continue
        person = hit.key if hit.kind == "person" else None
        record = lex.actors.get(lex.people.get(hit.key, "") if person else hit.key)
        if record is None:
            continue
        aligned = tokens.text[max(0, hit.start - 4) : hit.start].lower() == "pro-"
        if record.agent == "GOV" and (
            aligned or tokens.after(hit.end, lex.words["military_noun"])
        ):  # "Israeli artillery", "pro-Hadi forces": the state's forces
            record = lex.forces.get(record.country or "", record)
            armed.add(len(mentions))
        mentions.append(ActorMention(hit.start, hit.end, hit.text, record, person))
    return _armed_alike(tokens.text, mentions, armed, lex)


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


def unique_actors(mentions: list[ActorMention], evidence: Evidence) -> list[Actor]:
    """Each actor once, in the order first named, with `evidence`."""
    seen: set[str] = set()
    actors = []
    for mention in mentions:
        if mention.record.canonical not in seen:
            seen.add(mention.record.canonical)
            actors.append(to_actor(mention, evidence))
    return actors
