"""Displacement: people forced, or warned they will be forced, from one place to another.

A record is an explicit count of people tied to a displacement word ("flee", "displaced",
"نزوح") of the same clause; "thousands" or "millions" are no count, and a sentence that names
displacement without one makes no record. A number counts people when its head is a people
or displacement noun ("400,000 people", "مليوني شخص", "5,000 refugees"), when a displacement
verb follows it ("6 million have fled") or governs it ("displaced more than 270,000"), or when
it is a part of people counted before it ("among them 400,000", "بينهم 476 ألفا"). A number
nearer a death word than any displacement word is a toll ("killed 35 people and displaced
270,000"). The origin is the place after "from" (or "displaced in"), the destination the place
after "to"/"towards" once the displacement word has been said; a warning or projection
("will flee", "could", "in case") makes it conditional; the first actor of the sentence
reports it. The same count told twice in a text is one record.
"""

from __future__ import annotations

from ceasefire.extract.actors import to_actor
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import normalize_term
from ceasefire.extract.numbers import Number
from ceasefire.extract.places import PlaceMention, to_place
from ceasefire.extract.sentences import Sentence
from ceasefire.records import Displacement, Place

_MIN_COUNT = 2
_HEAD_GAP = 1  # words between a count and its noun: "4,000 displaced people", "6 million have fled"
_REACH = 12  # words between a count and the displacement word it is tied to


def find_displacement(analysis: Analysis, lex: Lexicon) -> list[Displacement]:
    found: list[Displacement] = []
    for sentence in analysis.sentences_with("cue", "displacement"):
        for count in _counts(analysis, sentence, lex):
            found.append(_record(analysis, sentence, count, lex))
    return _merged(found)


def _counts(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> list[Number]:
    """The numbers of `sentence` that count displaced people, in text order."""
    triggers = analysis.hits_in(sentence, "cue", "displacement")
    heads = sorted(triggers + analysis.hits_in(sentence, "cue", "people"))
    deaths = analysis.hits_in(sentence, "cue", "deaths")
    links = _link_words(lex)
    counts: list[Number] = []
    for number in analysis.within(analysis.numbers, sentence):
        if number.vague or number.value < _MIN_COUNT:
            continue
        counts_people = (
            _headed(analysis.text, number, heads)
            or _governed(analysis.text, number, triggers, links)
            or (bool(counts) and analysis.tokens.before(number.start, lex.words["subset"], links))
        )
        if counts_people and _tied(analysis.text, number, triggers, deaths, links):
            counts.append(number)
    return counts


def _link_words(lex: Lexicon) -> frozenset[str]:
    """The single words that may stand between a displacement word and its count."""
    return frozenset(w for q in lex.qualifiers for w in q.split()) | lex.words["count_link"]


def _words_between(text: str, start: int, end: int) -> list[str]:
    """The words of text[start:end] (a dash or a comma alone is no word)."""
    return [w for w in text[start:end].split() if any(c.isalnum() for c in w)]


def _distance(text: str, number: Number, hit: Hit) -> int:
    """How many words stand between `number` and `hit`, on whichever side it lies."""
    if hit.start >= number.end:
        return len(_words_between(text, number.end, hit.start))
    return len(_words_between(text, hit.end, number.start))


def _headed(text: str, number: Number, heads: list[Hit]) -> bool:
    """ "400,000 people", "4,000 displaced families", "6 million have fled": a people or
    displacement word at most one word after the number."""
    return any(
        h.start >= number.end and len(_words_between(text, number.end, h.start)) <= _HEAD_GAP
        for h in heads
    )


def _governed(text: str, number: Number, triggers: list[Hit], links: frozenset[str]) -> bool:
    """ "displaced more than 270,000", "the evacuation of some 4,000": the object of a
    displacement word, with only qualifiers between."""
    return any(
        t.end <= number.start
        and all(normalize_term(w) in links for w in _words_between(text, t.end, number.start))
        for t in triggers
    )


def _tied(
    text: str, number: Number, triggers: list[Hit], deaths: list[Hit], links: frozenset[str]
) -> bool:
    """Is a displacement word near `number`, and nearer than any death word? A number a death
    word governs ("killed at least 35 people") is a toll however near the displacement word."""
    nearest = min((_distance(text, number, t) for t in triggers), default=_REACH + 1)
    if nearest > _REACH:
        return False
    if _governed(text, number, deaths, links):
        return False
    return all(_distance(text, number, d) > nearest for d in deaths)


def _record(analysis: Analysis, sentence: Sentence, count: Number, lex: Lexicon) -> Displacement:
    evidence = analysis.evidence(sentence)
    places = analysis.within(analysis.places, sentence)
    trigger = analysis.hits_in(sentence, "cue", "displacement")[0].start
    origin = _place_after(analysis, places, lex.words["origin"], 0, lex.skippable)
    destination = _place_after(analysis, places, lex.words["destination"], trigger, lex.skippable)
    actors = analysis.within(analysis.actors, sentence)
    conditional = bool(
        analysis.hits_in(sentence, "cue", "conditional")
        or analysis.hits_in(sentence, "cue", "hypothetical")
    )
    return Displacement(
        count=count.value,
        evidence=evidence,
        origin=_as_place(origin, evidence),
        destination=_as_place(destination, evidence),
        conditional=conditional,
        reported_by=to_actor(actors[0], evidence) if actors else None,
    )


def _merged(records: list[Displacement]) -> list[Displacement]:
    """One record per count: a text that tells the same count again (the headline and the
    lead) reports one stock of people, whose places either telling may give."""
    by_count: dict[int | None, Displacement] = {}
    for record in records:
        first = by_count.setdefault(record.count, record)
        if first is not record:
            first.origin = first.origin or record.origin
            first.destination = first.destination or record.destination
    return list(by_count.values())


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
