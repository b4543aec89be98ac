"""Who calls a ceasefire mention by its term: the actors who characterize it.

Today: the actors before the term in its sentence, less its parties and bystanders.
"""

from __future__ import annotations

from ceasefire.extract.actors import ActorMention, unique_actors
from ceasefire.extract.matcher import Hit
from ceasefire.records import Actor, Evidence

_BYSTANDERS = frozenset({"CVL", "REF", "MED"})  # civilians, refugees and the press


def characterizers(
    actors: list[ActorMention], term: Hit, parties: list[Actor], evidence: Evidence
) -> list[Actor]:
    party_names = {p.canonical for p in parties}
    before = [
        a
        for a in actors
        if a.end <= term.start
        and a.record.agent not in _BYSTANDERS
        and a.record.canonical not in party_names
    ]
    return unique_actors(before, evidence)
