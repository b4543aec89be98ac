"""Displacement: people forced, or warned they will be forced, from one place to another.

In a sentence with a displacement word ("flee", "displaced", "نزوح"): the count is the number
that counts people ("400,000 people"), else the number nearest the word; the origin is the
place after "from", the destination the place after "to"/"towards" once the displacement word
has been said; a warning or projection ("will flee", "could", "in case") makes it conditional;
the first actor of the sentence reports it.
"""

from __future__ import annotations

from ceasefire.extract.actors import to_actor
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.places import PlaceMention, to_place
from ceasefire.extract.sentences import Sentence
from ceasefire.records import Displacement, Place

_PEOPLE_GAP = 40  # characters between a number and the noun that says it counts people
_MIN_COUNT = 2


def find_displacement(analysis: Analysis, lex: Lexicon) -> list[Displacement]:
    found = []
    for sentence in analysis.sentences_with("cue", "displacement"):
        triggers = analysis.hits_in(sentence, "cue", "displacement")
        record = _record(analysis, sentence, triggers[0].start, lex)
        if record is not None:
            found.append(record)
    return found


def _record(
    analysis: Analysis, sentence: Sentence, trigger: int, lex: Lexicon
) -> Displacement | None:
    evidence = analysis.evidence(sentence)
    places = analysis.within(analysis.places, sentence)
    origin = _place_after(analysis, places, lex.words["origin"], 0, lex.skippable)
    destination = _place_after(analysis, places, lex.words["destination"], trigger, lex.skippable)
    count = _count(analysis, sentence, trigger)
    if count is None and origin is None and destination is None:
        return None
    actors = analysis.within(analysis.actors, sentence)
    conditional = bool(
        analysis.hits_in(sentence, "cue", "conditional")
        or analysis.hits_in(sentence, "cue", "hypothetical")
    )
    return Displacement(
        count=count,
        evidence=evidence,
        origin=_as_place(origin, evidence),
        destination=_as_place(destination, evidence),
        conditional=conditional,
        reported_by=to_actor(actors[0], evidence) if actors else None,
    )


def _count(analysis: Analysis, sentence: Sentence, trigger: int) -> int | None:
    numbers = [n for n in analysis.within(analysis.numbers, sentence) if n.value >= _MIN_COUNT]
    if not numbers:
        return None
    people = analysis.hits_in(sentence, "cue", "people")
    counting = [n for n in numbers if any(0 <= p.start - n.end <= _PEOPLE_GAP for p in people)]
    best = min(counting or numbers, key=lambda n: abs(n.start - trigger))
    return best.value


def _place_after(
    analysis: Analysis,
    places: list[PlaceMention],
    cue_words: frozenset[str],
    after: int,
    skippable: frozenset[str],
) -> PlaceMention | None:
    """The first place past offset `after` that comes right after one of `cue_words`."""
    return next(
        (
            p
            for p in places
            if p.start >= after and analysis.tokens.before(p.start, cue_words, skippable)
        ),
        None,
    )


def _as_place(mention: PlaceMention | None, evidence: object) -> Place | None:
    return to_place(mention, evidence) if mention else None
