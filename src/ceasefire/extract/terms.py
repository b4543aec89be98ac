"""Ceasefire terms found beyond the typology's word lists: an Arabic term with its adjectives
written inside it ("وقف فوري لإطلاق النار", grammar.yaml `split_ceasefire_ar`). Each is a
term of the ceasefire type, unless the typology's words already name that stretch; one whose
adjectives say it is one-sided ("وقفًا أحادي الجانب لإطلاق النار") is also the role word
`unilateral` (knowledge/roles.yaml) over the same words, which a term would otherwise hide."""

from __future__ import annotations

from functools import cache

from ceasefire import knowledge
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import normalize_term
from ceasefire.extract.patterns import pattern

_FIRING = ("اطلاق النار", "إطلاق النار", "اطلاق نار", "إطلاق نار")  # what every such term ends with


def split_terms(text: str, hits: list[Hit]) -> list[Hit]:
    """The split terms of `text` that no term hit of `hits` covers."""
    if not any(f in text for f in _FIRING):
        return []
    terms = [(h.start, h.end) for h in hits if h.kind == "term"]
    found = []
    for match in pattern("split_ceasefire_ar").finds(text):
        if any(start <= match.start and match.end <= end for start, end in terms):
            continue
        words = text[match.start : match.end]
        found.append(Hit(match.start, match.end, "term", "ceasefire", words))
        if _unilateral() & set(normalize_term(match.parts.get("adjectives", "")).split()):
            found.append(Hit(match.start, match.end, "role", "unilateral", words))
    return found


@cache
def _unilateral() -> frozenset[str]:
    """The single words that say a halt is one-sided, normalized."""
    words = knowledge.load("roles")["roles"]["unilateral"]
    return frozenset(normalize_term(w) for ws in words.values() for w in ws if " " not in w)
