"""Who takes which part in a ceasefire mention: parties, sponsors, mediators.

Actors after "between" are parties, after "brokered by" sponsors, after "mediated by" or an
envoy's title mediators (knowledge/cues.yaml `roles`); a state or body announcing it is a
sponsor, an armed group announcing it a party.
"""

from __future__ import annotations

import re

from ceasefire.extract.actors import ActorMention, unique_actors
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.sentences import Sentence
from ceasefire.records import Actor, Evidence

_ANNOUNCING = frozenset({"announced", "agreed", "expanded", "extended", "proposed"})
_BELLIGERENT = frozenset({"REB", "INS", "OPP"})
# Civilians, refugees and the press report or suffer a truce; they neither sponsor it nor
# bind themselves to it ("three civilians were killed... announced by Russia").
_BYSTANDERS = frozenset({"CVL", "REF", "MED"})
_CLAUSE_END = re.compile(r"[,;:–—(]| and then ")


def mention_roles(
    analysis: Analysis, sentence: Sentence, actors: list[ActorMention], evidence: Evidence
) -> tuple[list[Actor], list[Actor], list[Actor]]:
    cued = {role: _after_cues(analysis, sentence, role, actors) for role in _ROLES}
    announcers = [
        a for a in _announcers(analysis, sentence, actors) if a.record.agent not in _BYSTANDERS
    ]
    parties = cued["parties"] + [a for a in announcers if a.record.agent in _BELLIGERENT]
    sponsors = cued["sponsors"] + [a for a in announcers if a.record.agent not in _BELLIGERENT]
    mediators = cued["mediators"] + [
        a for a in actors if a.person is not None and a.record.agent == "IGO"
    ]
    return (
        unique_actors(parties, evidence),
        unique_actors([a for a in sponsors if a not in mediators], evidence),
        unique_actors(mediators, evidence),
    )


_ROLES = ("parties", "sponsors", "mediators")


def _after_cues(
    analysis: Analysis, sentence: Sentence, role: str, actors: list[ActorMention]
) -> list[ActorMention]:
    """Actors in the clause that follows a role cue ("between X and Y", "brokered by X")."""
    taken: list[ActorMention] = []
    for cue in analysis.hits_in(sentence, "role", role):
        clause = _CLAUSE_END.search(analysis.text, cue.end, sentence.end)
        stop = clause.start() if clause else sentence.end
        taken += [a for a in actors if cue.end <= a.start < stop]
    return taken


def _announcers(
    analysis: Analysis, sentence: Sentence, actors: list[ActorMention]
) -> list[ActorMention]:
    """The actors right before an announcing verb ("the US announced", "Russia extended")."""
    verbs = [t for t in analysis.hits_in(sentence, "status") if t.key in _ANNOUNCING]
    found = []
    for verb in verbs:
        before = [a for a in actors if a.end <= verb.start]
        if before and not _CLAUSE_END.search(analysis.text, before[-1].end, verb.start):
            found.append(before[-1])
    return found
