"""States named by their adjective after a word of mediating or sponsoring: "بوساطة مصرية"
(an Egyptian mediation), "بوساطة سعودية-أمريكية", "برعاية روسية تركية". Arabic says who
mediated by an adjective of nationality after the noun (knowledge/actors_world.yaml
`nationality`); each adjective stands for its state's government."""

from __future__ import annotations

from ceasefire.extract.actors import ActorMention
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.patterns import tokenize

_CUES = frozenset({"mediators", "sponsors"})  # role words an adjective of nationality follows
_REACH = 60  # characters read after a cue for its adjectives
_JOINERS = frozenset({"-", "‐", "–", "،", ","})  # between two adjectives of one list
_AND = "و"  # written onto the next adjective ("روسية وتركية")


def adjective_states(text: str, hits: list[Hit], lex: Lexicon) -> list[ActorMention]:
    """The states that the adjectives right after a mediating or sponsoring word name."""
    found: list[ActorMention] = []
    for cue in hits:
        if cue.kind == "role" and cue.key in _CUES:
            found += _adjectives_after(text, cue.end, lex)
    return found


def _adjectives_after(text: str, end: int, lex: Lexicon) -> list[ActorMention]:
    found: list[ActorMention] = []
    for token in tokenize(text, end, min(len(text), end + _REACH)):
        if token.raw in _JOINERS:
            continue
        start, word = token.start, token.norm
        country = lex.generic.nationality.get(word)
        if country is None and word.startswith(_AND):  # "وتركية": "and" + the adjective
            start, country = start + 1, lex.generic.nationality.get(word[1:])
        government = lex.governments.get(country or "")
        if government is None:
            break
        found.append(ActorMention(start, token.end, text[start : token.end], government))
    return found
