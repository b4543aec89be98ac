"""Displacement: people forced, or warned they will be forced, from one place to another.

A record is an explicit count of people tied to a displacement word ("flee", "displaced",
"نزوح") of the same clause; "thousands" or "millions" are no count, and a sentence that names
displacement without one makes no record. A number counts people when its head is a people
or displacement noun ("400,000 people", "مليوني شخص", "5,000 refugees"), when a displacement
verb follows it ("6 million have fled") or governs it ("displaced more than 270,000"), or when
it is a part of displaced people counted before it ("among them 400,000", "بينهم 476 ألفا").
No count: a modifier or share ("a 48-hour pause", "80%"), things ("six corridors"), a year
("since 2011"), people who stay ("90 prisoners"). A number nearer a rival predicate than any
displacement word counts for the rival: a death toll ("killed 35 people and displaced
270,000"), people who stay ("40,000 remain trapped"). The origin is the place after "from"
(or "displaced in"), the destination the place after "to"/"towards" once the displacement
word has been said, across a place noun ("from the town of X"); an order, plan, warning or
projection ("will flee", "ordered to", "in case") makes it conditional; the first actor of
the sentence reports it. The same count told twice in a text is one record.
"""

from __future__ import annotations

import re

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
_ATTACHED = "-%"  # right after digits: a modifier ("a 48-hour pause") or a share ("80%")
_PHRASE = 5  # words between a preposition and a place: "from the besieged villages of"
_YEARS = (1900, 2100)  # four plain digits in this range after "in", "since": a year


def find_displacement(analysis: Analysis, lex: Lexicon) -> list[Displacement]:
    """One record per count of displaced people in the text (see the module's docstring)."""
    found: list[Displacement] = []
    for sentence in analysis.sentences_with("cue", "displacement"):
        for count in _counts(analysis, sentence, lex):
            found.append(_record(analysis, sentence, count, lex))
    return _merged(found)


def _counts(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> list[Number]:
    """The numbers of `sentence` that count displaced people, in text order. A part of the
    people counted before it ("among them 400,000") is displaced when the whole is: "killed
    12 people, among them 5 children" counts no displaced children."""
    clause = _Clause(analysis, sentence, lex)
    people: list[Number] = []
    whole_of: dict[int, Number] = {}  # a part's start -> the count it is part of
    for number in analysis.within(analysis.numbers, sentence):
        if people and clause.part_of_count(number):
            whole_of[number.start] = people[-1]
            people.append(number)
        elif clause.counts_people(number):
            people.append(number)
    counts: list[Number] = []
    for number in people:
        whole = whole_of.get(number.start)
        if (whole in counts) if whole is not None else clause.tied(number):
            counts.append(number)
    return counts


class _Clause:
    """The words of one sentence that decide what its numbers count: displacement words,
    people nouns, and rival predicates (a death word, "trapped", "need aid")."""

    def __init__(self, analysis: Analysis, sentence: Sentence, lex: Lexicon) -> None:
        self.text, self.tokens, self.words = analysis.text, analysis.tokens, lex.words
        self.triggers = analysis.hits_in(sentence, "cue", "displacement")
        self.people = analysis.hits_in(sentence, "cue", "people")
        self.deaths = analysis.hits_in(sentence, "cue", "deaths")
        self.staying = analysis.hits_in(sentence, "cue", "staying")
        self.links = (
            frozenset(w for q in lex.qualifiers for w in q.split()) | lex.words["count_link"]
        )

    def counts_people(self, number: Number) -> bool:
        """Does `number` count people? "400,000 people", "6 million have fled", "displaced
        270,000"."""
        if not self._plain(number):
            return False
        return self._headed(number) or self._governed(number, self.triggers)

    def part_of_count(self, number: Number) -> bool:
        """ "among them 400,000", "بينهم 476 ألفا": a part of the people counted before."""
        return self._plain(number) and self.tokens.before(
            number.start, self.words["subset"], self.links
        )

    def _plain(self, number: Number) -> bool:
        return not number.vague and number.value >= _MIN_COUNT and self._a_count(number)

    def _a_count(self, number: Number) -> bool:
        """Not a modifier ("a 48-hour pause", "80%"), not a count of things ("six corridors")
        or of people who stay ("90 prisoners", "33 hostages"), not a year ("since 2011")."""
        text, end = self.text, number.end
        if end < len(text) and text[end] in _ATTACHED:
            return False
        if self.tokens.after(end, self.words["counted_things"]):
            return False
        if any(self._gap(end, h.start) <= _HEAD_GAP for h in self.staying):
            return False
        digits = text[number.start : number.end]
        year = digits.isdigit() and len(digits) == 4 and _YEARS[0] <= number.value <= _YEARS[1]
        return not (year and self.tokens.before(number.start, self.words["year_before"]))

    def _headed(self, number: Number) -> bool:
        """ "400,000 people", "4,000 displaced families": a people noun at most one word after
        the number; "5,000 refugees", "6 million have fled": a displacement word after it,
        across auxiliaries only."""
        if any(self._gap(number.end, h.start) <= _HEAD_GAP for h in self.people):
            return True
        return any(
            t.start >= number.end
            and all(
                normalize_term(w) in self.words["auxiliary"]
                for w in _words_between(self.text, number.end, t.start)
            )
            for t in self.triggers
        )

    def _gap(self, start: int, end: int) -> int:
        """Words between two offsets, or one more than any reach when `end` comes first."""
        return len(_words_between(self.text, start, end)) if start <= end else _REACH + 1

    def _governed(self, number: Number, words: list[Hit]) -> bool:
        """ "displaced more than 270,000", "the evacuation of some 4,000", "killed at least
        35": the object of one of `words`, with only qualifiers between."""
        return any(
            w.end <= number.start
            and all(
                normalize_term(x) in self.links
                for x in _words_between(self.text, w.end, number.start)
            )
            for w in words
        )

    def tied(self, number: Number) -> bool:
        """Is a displacement word near `number`, and nearer than any rival predicate? What a
        death word governs ("killed at least 35 people") is a toll however near a
        displacement word; what a displacement word governs is displaced ("the evacuation of
        40 wounded", "the evacuation of 1,500 fighters and 3,000 civilians")."""
        reach = [self._distance(number, t) for t in self.triggers]
        nearest = min(reach, default=_REACH + 1)
        if nearest > _REACH:
            return False
        if self._governed(number, self.triggers):
            return True
        if self._governed(number, self.deaths):
            return False
        rivals = self.deaths + [h for h in self.staying if h.start >= number.end]
        return all(self._distance(number, r) > nearest for r in rivals)

    def _distance(self, number: Number, hit: Hit) -> int:
        """How many words stand between `number` and `hit`, on whichever side it lies."""
        if hit.start >= number.end:
            return len(_words_between(self.text, number.end, hit.start))
        return len(_words_between(self.text, hit.end, number.start))


def _words_between(text: str, start: int, end: int) -> list[str]:
    """The words of text[start:end] (a dash or a comma alone is no word)."""
    return [w for w in text[start:end].split() if _ALNUM.search(w)]


_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit: what `str.isalnum` accepts


def _record(analysis: Analysis, sentence: Sentence, count: Number, lex: Lexicon) -> Displacement:
    evidence = analysis.evidence(sentence)
    places = analysis.within(analysis.places, sentence)
    trigger = analysis.hits_in(sentence, "cue", "displacement")[0].start
    origin = _place_after(analysis, places, lex.words["origin"], sentence.start, lex)
    destination = _place_after(analysis, places, lex.words["destination"], trigger, lex)
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
    lex: Lexicon,
) -> PlaceMention | None:
    """The first place past offset `after` that comes right after one of `cue_words`, or
    after one of them and a place noun: "from the besieged villages of X", "من بلدة X"."""
    skippable = lex.skippable
    return next(
        (
            p
            for p in places
            if p.start >= after
            and (
                analysis.tokens.before(p.start, cue_words, skippable)
                or _after_place_noun(analysis.text, after, p.start, cue_words, lex)
            )
        ),
        None,
    )


def _after_place_noun(
    text: str, start: int, place: int, cue_words: frozenset[str], lex: Lexicon
) -> bool:
    """Reading back from a place over a few words that may stand between a preposition and
    a place ("the", "besieged", "villages", "of"), is one of `cue_words` reached, with a place
    noun among the words read?"""
    skip = lex.skippable | lex.words["place_noun"] | lex.words["count_link"]
    words = [normalize_term(w) for w in _words_between(text, start, place)][::-1]
    noun = False
    for index, word in enumerate(words[: _PHRASE + 1]):
        pair = f"{words[index + 1]} {word}" if index + 1 < len(words) else ""
        if word in cue_words or pair in cue_words:
            return noun
        if word not in skip:
            return False
        noun = noun or word in lex.words["place_noun"]
    return False


def _as_place(mention: PlaceMention | None, evidence: object) -> Place | None:
    return to_place(mention, evidence) if mention else None
