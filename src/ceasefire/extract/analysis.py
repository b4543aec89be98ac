"""One document's shared analysis: sentences and every kind of mention, computed once.

The extractors of records (ceasefires, displacement, events) read from it; none searches the
text again.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ceasefire.extract.actors import ActorMention, find_actors
from ceasefire.extract.dates import DateMention, find_dates
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit, resolve_overlaps
from ceasefire.extract.numbers import Number, find_numbers
from ceasefire.extract.places import PlaceMention, drop_weak_places, find_places
from ceasefire.extract.sentences import Sentence, split_sentences
from ceasefire.records import Evidence


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)


@dataclass(slots=True)
class Analysis:
    text: str
    sentences: list[Sentence]
    hits: list[Hit]
    numbers: list[Number]
    dates: list[DateMention]
    places: list[PlaceMention]
    actors: list[ActorMention]

    def within(self, items: list[S], sentence: Sentence) -> list[S]:
        """The items (sorted by start) that lie inside `sentence`."""
        first = bisect_left([item.start for item in items], sentence.start)
        return [i for i in items[first:] if i.start < sentence.end and i.end <= sentence.end]

    def hits_in(self, sentence: Sentence, kind: str, key: str | None = None) -> list[Hit]:
        return [
            h
            for h in self.within(self.hits, sentence)
            if h.kind == kind and (key is None or h.key == key)
        ]

    def evidence(self, sentence: Sentence) -> Evidence:
        return Evidence(sentence.start, sentence.end, sentence.text)


def analyse(text: str, published: str | None, lex: Lexicon) -> Analysis:
    hits = resolve_overlaps(drop_weak_places(text, lex.matcher.find(text, resolve=False), lex))
    numbers = find_numbers(text, hits, lex)
    dates = find_dates(text, hits, numbers, lex, published)
    return Analysis(
        text=text,
        sentences=split_sentences(text),
        hits=hits,
        numbers=[n for n in numbers if not any(d.start <= n.start < d.end for d in dates)],
        dates=dates,
        places=find_places(text, hits, lex),
        actors=find_actors(text, hits, lex),
    )
