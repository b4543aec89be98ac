"""One document's shared analysis: sentences and every kind of mention, computed once.

The extractors of records (ceasefires, displacement, events) read from it; none searches the
text again.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from ceasefire import knowledge
from ceasefire.extract.actors import ActorMention, find_actors
from ceasefire.extract.adjectives import adjective_states
from ceasefire.extract.covering import Covering
from ceasefire.extract.dates import (
    DATE_KINDS,
    DateMention,
    find_dates,
    find_past_months,
    is_month_name,
)
from ceasefire.extract.lexicon import ACT_KINDS, Lexicon
from ceasefire.extract.matcher import Hit, resolve_overlaps
from ceasefire.extract.normalize import normalize_term
from ceasefire.extract.numbers import NUMBER_KINDS, Number, find_numbers
from ceasefire.extract.places import (
    PlaceMention,
    drop_overreaching_places,
    drop_weak_places,
    find_places,
    find_spelled_places,
    named_regions,
)
from ceasefire.extract.sentences import Sentence, sentence_at, split_sentences
from ceasefire.extract.spans import Tokens
from ceasefire.extract.terms import named_agreements, split_terms
from ceasefire.records import Evidence

_NONE: list[Hit] = []


def _outside_acts(names: list[Hit], acts: list[Hit]) -> list[Hit]:
    """The names less places named inside the words of an act, which are part of them
    ("Molotov" in "Molotov cocktails"); an actor stays ("Syrian warplanes" in "Syrian
    warplanes targeted"). Acts are few and short: the offsets they cover where a place
    starts are indexed."""
    starts = {hit.start for hit in names if hit.kind == "place"}
    covering: dict[int, list[Hit]] = {}
    for act in acts:
        for offset in starts.intersection(range(act.start, act.end)):
            covering.setdefault(offset, []).append(act)
    return [
        hit
        for hit in names
        if hit.start not in covering
        or hit.kind != "place"
        or not any(
            hit.end <= a.end and a.end - a.start > hit.end - hit.start for a in covering[hit.start]
        )
    ]


def _particle_of_the_past(text: str, hit: Hit) -> bool:
    """Is `hit` the Arabic particle قد before a verb of the past ("لقد انتهت"), where it marks
    a done act rather than a possibility (knowledge/arabic.yaml `modal_particle`)?"""
    particle = _MODAL_PARTICLE["word"]
    if not hit.text.endswith(particle) or normalize_term(hit.text) != particle:
        return False
    following = text[hit.end : hit.end + 40].split(maxsplit=1)
    return bool(following) and not following[0].startswith(
        tuple(_MODAL_PARTICLE["present_prefixes"])
    )


_MODAL_PARTICLE = knowledge.load("arabic")["modal_particle"]


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


@dataclass(slots=True)
class Analysis:
    text: str
    sentences: list[Sentence]
    hits: list[Hit]
    numbers: list[Number]
    dates: list[DateMention]
    tokens: Tokens
    places: list[PlaceMention]
    actors: list[ActorMention]
    past_months: list[DateMention]  # "in May" in a December article: a look back
    published: str | None = None  # the text's publication date (ISO), when known
    headline_end: int = 0  # where the headline the text opens with ends (0: none)
    _by_kind: dict[str, list[Hit]] = field(default_factory=dict)
    _by_key: dict[tuple[str, str], list[Hit]] = field(default_factory=dict)  # when first asked
    _starts: dict[int, list[int]] = field(default_factory=dict)
    _within: dict[tuple[int, int, int], list] = field(default_factory=dict)
    _hits_in: dict[tuple[str, str | None, int, int], list[Hit]] = field(default_factory=dict)
    _sentence_ends: dict[int, int] = field(default_factory=dict)  # by their starts
    # a sentence's start -> its hits by kind (grouped when first asked), and by kind and key
    # (picked from those of the kind when first asked)
    _sentence_hits: dict[int, dict[str | tuple[str, str], list[Hit]]] = field(default_factory=dict)
    _evidence: dict[int, Evidence] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # whole-text facts, read once

    def __post_init__(self) -> None:
        by_kind = self._by_kind
        for hit in self.hits:
            found = by_kind.get(hit.kind)
            if found is None:
                by_kind[hit.kind] = [hit]
            else:
                found.append(hit)
        self._sentence_ends = {sentence.start: sentence.end for sentence in self.sentences}

    def within(self, items: list[S], sentence: _Span) -> list[S]:
        """The items that lie inside `sentence`, by binary search.

        `items` must be one of this analysis's own lists (sorted by start): their start
        offsets are indexed once, by the list's identity. The same span is asked about many
        times (once per role, status or scope rule): each answer is kept, and callers must
        not change the list they are given.
        """
        if not items:
            return items
        memo = (id(items), sentence.start, sentence.end)
        found = self._within.get(memo)
        if found is None:
            found = self._within[memo] = self._inside(items, sentence.start, sentence.end)
        return found

    def _inside(self, items: list[S], start: int, end: int) -> list[S]:
        starts = self._starts.get(id(items))
        if starts is None:
            starts = self._starts[id(items)] = [item.start for item in items]
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, first)
        return [item for item in items[first:last] if item.end <= end]

    def hits_in(self, sentence: _Span, kind: str, key: str | None = None) -> list[Hit]:
        """The hits of `kind` (and `key`) inside `sentence`, which callers must not change.
        Most spans asked about are the analysis's sentences, whose hits are grouped once;
        the answers for other spans (clauses) are kept like `within`'s."""
        if self._sentence_ends.get(sentence.start) == sentence.end:
            grouped = self._sentence_hits.get(sentence.start)
            if grouped is None:
                grouped = self._sentence_hits[sentence.start] = self._grouped(sentence)
            if key is None:
                return grouped.get(kind, _NONE)
            keyed = grouped.get((kind, key))
            if keyed is None:
                keyed = grouped[(kind, key)] = [h for h in grouped.get(kind, _NONE) if h.key == key]
            return keyed
        memo = (kind, key, sentence.start, sentence.end)
        found = self._hits_in.get(memo)
        if found is None:
            found = self._hits_in[memo] = self.within(
                self._of_kind(kind, key), sentence
            )
        return found

    def _grouped(self, sentence: _Span) -> dict[str | tuple[str, str], list[Hit]]:
        """The hits inside `sentence` (as `within` finds them) by kind."""
        groups: dict[str | tuple[str, str], list[Hit]] = {}
        for hit in self._inside(self.hits, sentence.start, sentence.end):
            found = groups.get(hit.kind)
            if found is None:
                groups[hit.kind] = [hit]
            else:
                found.append(hit)
        return groups

    def _of_kind(self, kind: str, key: str | None) -> list[Hit]:
        """The hits of `kind` (and `key`), in text order; those of a key picked out of the
        kind's when first asked (most keys never are)."""
        if key is None:
            return self._by_kind.get(kind, _NONE)
        found = self._by_key.get((kind, key))
        if found is None:
            found = self._by_key[(kind, key)] = [
                h for h in self._by_kind.get(kind, _NONE) if h.key == key
            ]
        return found

    def sentences_with(self, kind: str, key: str | None = None) -> list[Sentence]:
        """The sentences holding a hit of `kind` (and `key`), in text order."""
        found: dict[int, Sentence] = {}
        for hit in self._of_kind(kind, key):
            sentence = sentence_at(self.sentences, hit.start)
            if sentence is not None:
                found.setdefault(sentence.start, sentence)
        return list(found.values())

    def evidence(self, sentence: Sentence) -> Evidence:
        """The sentence as evidence; one object per sentence, shared by its records."""
        found = self._evidence.get(sentence.start)
        if found is None:
            found = self._evidence[sentence.start] = Evidence(
                sentence.start, sentence.end, sentence.text
            )
        return found


def analyse(
    text: str, published: str | None, lex: Lexicon, acts: bool = True, headline_end: int = 0
) -> Analysis:
    """The shared analysis of one text, whose headline (if it opens with one) ends at
    `headline_end`. With `acts` false (no conflict events wanted), the villages spelled
    otherwise than the gazetteer, sought only to place acts, are not sought."""
    tokens = Tokens(text)
    found = lex.matcher.find(text, resolve=False)
    found += split_terms(text, found)
    found += named_agreements(text, found, lex.words)
    regions = named_regions(found, lex)
    if acts:
        found += find_spelled_places(tokens, found, lex, regions)
    found = drop_weak_places(tokens, drop_overreaching_places(found, lex), lex, regions)
    # "On 4 May": the month, not the modal "may" that makes a report a projection
    found = [h for h in found if h.kind != "cue" or not is_month_name(h.text)]
    found = [h for h in found if h.kind != "cue" or not _particle_of_the_past(text, h)]
    # Acts compete only with acts: "Syrian warplanes" is an actor inside "Syrian warplanes
    # targeted", which reports an air strike.
    triggers = [h for h in found if h.kind in ACT_KINDS]
    if triggers:
        names = _outside_acts([h for h in found if h.kind not in ACT_KINDS], triggers)
        hits = sorted(resolve_overlaps(names) + resolve_overlaps(triggers))
    else:
        hits = resolve_overlaps(found)
    sentences = split_sentences(text)
    hits = _alone_terms(hits, sentences)
    # Each finder reads hits of a few kinds: it is given those alone (in text order), picked
    # out in one pass, rather than passing over every hit in each of its steps.
    timed = _of_kinds(hits, DATE_KINDS)
    names = _of_kinds(hits, _NAME_KINDS)
    numbers = find_numbers(text, _of_kinds(hits, NUMBER_KINDS), lex)
    dates = find_dates(text, timed, numbers, lex, published)
    in_dates = Covering((d.start, d.end) for d in dates)  # "4 May 2016" holds no count
    return Analysis(
        text=text,
        sentences=sentences,
        # nor an act: the month of "on 5 March 2016" is no protest march
        hits=[h for h in hits if h.kind not in ACT_KINDS or not in_dates.covers(h.start, h.end)],
        numbers=[n for n in numbers if not in_dates.holds(n.start)],
        dates=dates,
        tokens=tokens,
        places=find_places(tokens, names, lex),
        actors=sorted(
            find_actors(tokens, names, lex, published) + adjective_states(text, hits, lex)
        ),
        past_months=find_past_months(text, timed, published),
        published=published,
        headline_end=headline_end,
    )


_NAME_KINDS = frozenset({"place", "actor", "person"})  # the hits places and actors are read from


def _of_kinds(hits: list[Hit], kinds: frozenset[str]) -> list[Hit]:
    return [hit for hit in hits if hit.kind in kinds]


def _alone_terms(hits: list[Hit], sentences: list[Sentence]) -> list[Hit]:
    """The typology's `alone` words ("humanitarian corridor") are terms in a sentence that
    names no other term, and nothing beside one (the corridors of a truce are the truce's)."""
    alone = [h for h in hits if h.kind == "term_alone"]
    if not alone:
        return hits
    named = {_sentence_start(sentences, h) for h in hits if h.kind == "term"}
    return [
        h._replace(kind="term") if h.kind == "term_alone" else h
        for h in hits
        if h.kind != "term_alone" or _sentence_start(sentences, h) not in named
    ]


def _sentence_start(sentences: list[Sentence], hit: Hit) -> int | None:
    sentence = sentence_at(sentences, hit.start)
    return sentence.start if sentence is not None else None
