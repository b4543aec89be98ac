"""Ceasefire mentions: a typology term, with what its sentence says of it.

Each field of a mention is made in one module: its status in `status`, its parties, sponsors
and mediators in `roles`, who calls it by its term in `attribution`, its places, venues and
exclusions in `scope`, its start and end in `window`.
"""

from __future__ import annotations

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.attribution import find_speakers
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.roles import mention_sides, without_backers
from ceasefire.extract.scope import mention_scope, nationwide
from ceasefire.extract.sentences import Sentence
from ceasefire.extract.status import mention_status
from ceasefire.extract.window import mention_window
from ceasefire.records import Ceasefire


def find_ceasefires(analysis: Analysis, lex: Lexicon) -> list[Ceasefire]:
    """One record per ceasefire type named in each sentence, in text order."""
    found: list[Ceasefire] = []
    sentences = analysis.sentences_with("term")
    if not sentences:
        return found
    speakers = find_speakers(analysis, lex)
    spoken: list[frozenset[str]] = []  # per mention: parties only by their forces' words
    for sentence in sentences:
        terms = analysis.hits_in(sentence, "term")
        evidence = analysis.evidence(sentence)
        scope = mention_scope(analysis, sentence, evidence, lex)
        sides = mention_sides(
            analysis, sentence, speakers, terms, scope.excluded["actors"], evidence
        )
        start, end = mention_window(analysis, sentence, lex)
        for term, status in _one_per_type_and_status(analysis, sentence, terms, lex):
            alike = [t for t in terms if t.key == term.key]
            found.append(
                Ceasefire(
                    type=term.key,
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
            )
            spoken.append(sides.spoken)
    without_backers(found, spoken)
    return nationwide(analysis, found)


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
