"""Ceasefire mentions: a typology term, with what its sentence says of it.

Each field of a mention is made in one module: its status in `status`, its parties, sponsors
and mediators in `roles`, who calls it by its term in `attribution`, its places, venues and
exclusions in `scope`, its start and end in `window`.
"""

from __future__ import annotations

from typing import NamedTuple

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.antecedents import roles_carried_back
from ceasefire.extract.attribution import Speakers, find_speakers
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.roles import (
    brokers_stay_mediators,
    mention_sides,
    sides_by_default,
    standing_mediators,
    without_backers,
)
from ceasefire.extract.scope import (
    Scope,
    carried_scope,
    mention_scope,
    named_scope,
    nationwide,
    war_country,
)
from ceasefire.extract.sentences import Sentence
from ceasefire.extract.status import mention_status
from ceasefire.extract.terms import NAMED
from ceasefire.extract.window import mention_window
from ceasefire.records import Ceasefire


def find_ceasefires(analysis: Analysis, lex: Lexicon) -> list[Ceasefire]:
    """One record per ceasefire type and status named in each sentence, in text order; and
    one for "the agreement" of a sentence naming no term, which refers back to the
    arrangement named before it (`_referring_back`)."""
    sentences = analysis.sentences_with("term")
    if not sentences:
        return []
    speakers = find_speakers(analysis, lex)
    made: list[tuple[Ceasefire, frozenset[str]]] = []  # with the parties named by words only
    for sentence in sentences:
        terms = analysis.hits_in(sentence, "term")
        where = _Where.of(analysis, sentence, lex)  # the same for every term of the sentence
        for term, status in _one_per_type_and_status(analysis, sentence, terms, lex):
            alike = [t for t in terms if t.key == term.key]
            made.append(_mention(analysis, speakers, sentence, where, term, status, alike))
    made += _referring_back(analysis, lex, speakers, [m for m, _ in made])
    made.sort(key=lambda pair: pair[0].evidence.start)
    found = [mention for mention, _ in made]
    _scope_carried_on(analysis, lex, found)
    roles_carried_back(analysis, found, lex)
    without_backers(found, [spoken for _, spoken in made])
    brokers_stay_mediators(analysis, found)
    standing_mediators(found, war_country(found, lex))
    sides_by_default(analysis, found)
    return nationwide(analysis, found, lex)


class _Where(NamedTuple):
    """What a sentence says of the scope and time of the arrangements it names."""

    scope: Scope
    start: str | None
    end: str | None

    @classmethod
    def of(cls, analysis: Analysis, sentence: Sentence, lex: Lexicon) -> _Where:
        evidence = analysis.evidence(sentence)
        return cls(
            mention_scope(analysis, sentence, evidence, lex),
            *mention_window(analysis, sentence, lex),
        )


def _mention(
    analysis: Analysis,
    speakers: Speakers,
    sentence: Sentence,
    where: _Where,
    term: Hit,
    status: str,
    alike: list[Hit],
    kind: str | None = None,
) -> tuple[Ceasefire, frozenset[str]]:
    """The record of one mention: `term` in `sentence` (of type `kind`, or the term's own),
    with the parties that only its armed speakers make."""
    evidence = analysis.evidence(sentence)
    scope, start, end = where
    if _named_agreement(analysis, sentence, term):  # named for where it was made, not for
        # where it applies: the sentence's places are not its, but those its text names are
        scope = scope._replace(places=named_scope(analysis, term, evidence))
    sides = mention_sides(analysis, sentence, speakers, alike, scope.excluded["actors"], evidence)
    mention = Ceasefire(
        type=kind or term.key,
        term=term.text,
        status=status,
        evidence=evidence,
        characterized_by=speakers.characterizers(sentence, alike, evidence),
        parties=sides.parties,
        sponsors=sides.sponsors,
        mediators=sides.mediators,
        places=scope.places,
        venues=scope.venues,
        excluded=scope.excluded,
        start=start,
        end=end,
    )
    return mention, sides.spoken


def _named_agreement(analysis: Analysis, sentence: Sentence, term: Hit) -> bool:
    return any(
        (h.start, h.end) == (term.start, term.end) for h in analysis.hits_in(sentence, *NAMED)
    )


def _referring_back(
    analysis: Analysis, lex: Lexicon, speakers: Speakers, named: list[Ceasefire]
) -> list[tuple[Ceasefire, frozenset[str]]]:
    """ "The agreement was welcomed by both sides", "ورحبت الفصائل بالاتفاق": a definite
    "agreement" in a sentence naming no term is the arrangement last named before it, of its
    type and scope (its places, with those this sentence adds), and of its
    status unless the sentence says where it stands; only a mention with places tells which
    arrangement it is. Kept when the sentence says where it stands or who speaks of it."""
    made = []
    for sentence in analysis.sentences_with("cue", "agreement_anaphor"):
        before = [m for m in named if m.evidence.start < sentence.start and m.places]
        if analysis.hits_in(sentence, "term") or not before:
            continue  # no arrangement named before with places to tell which it is
        hit = analysis.hits_in(sentence, "cue", "agreement_anaphor")[0]
        noun = hit.text.split()[-1]  # "agreement" of "the agreement", as the text calls it
        anaphor = hit._replace(start=hit.end - len(noun), text=noun)
        status = mention_status(analysis, sentence, anaphor, lex)
        where = _Where.of(analysis, sentence, lex)
        mention, spoken = _mention(
            analysis, speakers, sentence, where, anaphor, status, [anaphor], before[-1].type
        )
        if mention.status == "mentioned" and not mention.characterized_by:
            continue  # it says nothing of the arrangement
        # its scope, with what this sentence adds to it
        named_places = {(p.geonameid, p.canonical) for p in before[-1].places}
        mention.places = before[-1].places + [
            p for p in mention.places if (p.geonameid, p.canonical) not in named_places
        ]
        if mention.status == "mentioned":  # only who speaks of it: where it stands is as before
            mention.status = before[-1].status
        made.append((mention, spoken))
    return made


def _scope_carried_on(analysis: Analysis, lex: Lexicon, found: list[Ceasefire]) -> None:
    """ "The truce starts on Monday. However, it covers only the southern hills":
    what a sentence going on about the arrangement says it covers or leaves out is the scope
    of the mention right before it (at most `_CARRIED` sentences back)."""
    with_terms = {s.start for s in analysis.sentences_with("term")}
    sentences = analysis.sentences
    last = {m.evidence.start: m for m in found}  # the last mention of each sentence
    for index, sentence in enumerate(sentences):
        mention = last.get(sentence.start)
        if mention is None:
            continue
        for following in sentences[index + 1 : index + 1 + _CARRIED]:
            if following.start in with_terms:
                break
            scope = carried_scope(analysis, following, lex)
            if scope is not None:
                named = {(p.geonameid, p.canonical) for p in mention.places}
                mention.places += [
                    p for p in scope.places if (p.geonameid, p.canonical) not in named
                ]
                mention.excluded["places"] += scope.excluded["places"]


_CARRIED = 2  # sentences between an arrangement's mention and one going on about it


def _one_per_type_and_status(
    analysis: Analysis, sentence: Sentence, terms: list[Hit], lex: Lexicon
) -> list[tuple[Hit, str]]:
    """The first term of each type and status in the sentence, with its status: a headline's
    "announces ceasefire" and its story's "have agreed to a ceasefire" are two mentions."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for term in terms:
        ended = analysis.tokens.after(term.end, lex.words["ended_after"])
        status = "collapsed" if ended else mention_status(analysis, sentence, term, lex)
        if (term.key, status) not in seen:
            seen.add((term.key, status))
            kept.append((term, status))
    return kept
