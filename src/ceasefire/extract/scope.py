"""Where a ceasefire mention applies: the places of its sentence."""

from __future__ import annotations

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.places import to_place
from ceasefire.extract.sentences import Sentence
from ceasefire.records import Evidence, Place


def mention_places(analysis: Analysis, sentence: Sentence, evidence: Evidence) -> list[Place]:
    seen: set[int] = set()
    places = []
    for mention in analysis.within(analysis.places, sentence):
        if mention.record.geonameid not in seen:
            seen.add(mention.record.geonameid)
            places.append(to_place(mention, evidence))
    return places
