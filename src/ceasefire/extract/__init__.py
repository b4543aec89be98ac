"""Extraction: a cleaned Document in, a SCHEMA.md Result out.

One pass of the matcher finds every known word; places, actors, numbers and dates are read
from its hits (`analysis`), then each record extractor (ceasefires, displacement) works on
that shared analysis. Every record carries the sentence it comes from as evidence.
"""

from __future__ import annotations

from ceasefire.extract.actors import to_actor
from ceasefire.extract.analysis import Analysis, analyse
from ceasefire.extract.ceasefires import find_ceasefires
from ceasefire.extract.collector import collector_paused
from ceasefire.extract.compiled import warn_if_stale
from ceasefire.extract.displacement import find_displacement
from ceasefire.extract.events import find_events
from ceasefire.extract.lexicon import lexicon
from ceasefire.extract.places import to_place
from ceasefire.extract.sentences import sentence_at
from ceasefire.records import Actor, Document, Evidence, Place, Result, Source

warn_if_stale()


def extract_document(doc: Document, events: bool = True) -> Result:
    """The SCHEMA.md record of one document; `events=False` skips conflict events (an empty
    list) for callers who only want the ceasefire, place, actor and displacement records."""
    lex = lexicon()
    with collector_paused():  # extraction makes no reference cycles: see `collector`
        analysis = analyse(
            doc.text, doc.published, lex, acts=events, headline_end=_headline_end(doc)
        )
        result = Result(
            id=doc.id,
            title=doc.title,
            language=doc.language,
            published=doc.published,
            source=Source(outlet=doc.outlet, author=doc.author),
            places=_places(analysis),
            actors=_actors(analysis),
            ceasefires=find_ceasefires(analysis, lex),
            events=(find_events(analysis, lex, doc.published) if events else []),
            displacement=find_displacement(analysis, lex),
            text=doc.text,
        )
        # The analysis is freed here, while the collector is still off: the young collection
        # that follows turning it on then walks the result alone, not every mention made.
        del analysis
    return result


def _headline_end(doc: Document) -> int:
    """Where the headline the cleaned text opens with ends (0: none)."""
    title = (doc.title or "").strip()
    return len(title) if title and doc.text.startswith(title) else 0


def _evidence(analysis: Analysis, offset: int) -> Evidence | None:
    sentence = sentence_at(analysis.sentences, offset)
    return analysis.evidence(sentence) if sentence else None


def _places(analysis: Analysis) -> list[Place]:
    """Each distinct place once, with the sentence of its first mention."""
    seen: set[int] = set()
    places = []
    for mention in analysis.places:
        if mention.record.geonameid not in seen:
            seen.add(mention.record.geonameid)
            places.append(to_place(mention, _evidence(analysis, mention.start)))
    return places


def _actors(analysis: Analysis) -> list[Actor]:
    """Each distinct (words, actor) pair once: "Kerry" and "the US" both name the United States."""
    seen: set[tuple[str, str]] = set()
    actors = []
    for mention in analysis.actors:
        key = (" ".join(mention.text.casefold().split()), mention.record.canonical)
        if key not in seen:
            seen.add(key)
            actors.append(to_actor(mention, _evidence(analysis, mention.start)))
    return actors
