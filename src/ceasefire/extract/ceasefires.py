"""Ceasefire mentions: a typology term, with what its sentence says of it.

Each field of a mention is made in one module: its status in `status`, its parties, sponsors
and mediators in `roles`, who calls it by its term in `attribution`, its places in `scope`,
its start and end in `window`.
"""

from __future__ import annotations

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.attribution import find_speakers
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.roles import mention_roles
from ceasefire.extract.scope import mention_places
from ceasefire.extract.status import mention_status
from ceasefire.extract.window import mention_window
from ceasefire.records import Ceasefire


def find_ceasefires(analysis: Analysis, lex: Lexicon) -> list[Ceasefire]:
    """One record per ceasefire type named in each sentence, in text order."""
    found: list[Ceasefire] = []
    sentences = analysis.sentences_with("term")
    speakers = find_speakers(analysis, lex) if sentences else None
    for sentence in sentences:
        terms = analysis.hits_in(sentence, "term")
        evidence = analysis.evidence(sentence)
        status = mention_status(analysis, sentence, lex)
        actors = analysis.within(analysis.actors, sentence)
        parties, sponsors, mediators = mention_roles(analysis, sentence, actors, evidence)
        places = mention_places(analysis, sentence, evidence)
        start, end = mention_window(analysis, sentence, lex)
        for term in _one_per_type(terms):
            ended = analysis.tokens.after(term.end, lex.words["ended_after"])
            found.append(
                Ceasefire(
                    type=term.key,
                    term=term.text,
                    status="collapsed" if ended else status,
                    evidence=evidence,
                    characterized_by=speakers.characterizers(
                        sentence, [t for t in terms if t.key == term.key], evidence
                    )
                    if speakers
                    else [],
                    parties=parties,
                    sponsors=sponsors,
                    mediators=mediators,
                    places=places,
                    start=start,
                    end=end,
                )
            )
    return found


def _one_per_type(terms: list[Hit]) -> list[Hit]:
    seen: set[str] = set()
    kept = []
    for term in terms:
        if term.key not in seen:
            seen.add(term.key)
            kept.append(term)
    return kept
