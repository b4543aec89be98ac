"""Ceasefire terms found beyond the typology's word lists.

- An Arabic term with its adjectives written inside it ("وقف فوري لإطلاق النار", grammar.yaml
  `split_ceasefire_ar`): a term of the ceasefire type, unless the typology's words already
  name that stretch; one whose adjectives say it is one-sided ("وقفًا أحادي الجانب لإطلاق
  النار") is also the role word `unilateral` (knowledge/roles.yaml) over the same words,
  which a term would otherwise hide.
- An agreement named for the place it was made ("the Minsk agreements", "the Sweden
  agreement", "اتفاق استوكهولم"), in a text that names a ceasefire: the arrangement by its
  name, of the ceasefire type. The place inside the name is no place of its scope.
"""

from __future__ import annotations

from functools import cache

from ceasefire import knowledge
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import normalize_term
from ceasefire.extract.patterns import pattern

# Marks a named agreement's term: its sentence's places are the other terms' (ceasefires.py).
NAMED = ("role", "named_agreement")
_PARTICLES = frozenset({"", "و", "ف", "ب", "ل", "وب", "ول", "فب"})  # attached before a noun
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


def named_agreements(text: str, hits: list[Hit], words: dict[str, frozenset[str]]) -> list[Hit]:
    """Agreements named for a place (`words`: the lexicon's cue words, whose
    `agreement_after` follow the place's name and `agreement_before` precede it), in a text
    whose `hits` name a ceasefire term."""
    if not any(h.kind == "term" for h in hits):
        return []
    after, before = words["agreement_after"], words["agreement_before"]
    found = []
    for hit in hits:
        if hit.kind != "place":
            continue
        following = _next_word(text, hit.end)
        if following is not None and normalize_term(text[following[0] : following[1]]) in after:
            start, end = hit.start, following[1]
        else:
            preceding = _previous_word(text, hit.start)
            if preceding is None:
                continue
            word = normalize_term(text[preceding[0] : preceding[1]])
            core = next(
                (b for b in before if word.endswith(b) and word[: -len(b)] in _PARTICLES), None
            )
            if core is None:
                continue
            start, end = preceding[1] - len(core), hit.end  # "باتفاق": the term is "اتفاق ..."
        span = text[start:end]
        found += [Hit(start, end, "term", "ceasefire", span), Hit(start, end, *NAMED, span)]
    return found


def _next_word(text: str, end: int) -> tuple[int, int] | None:
    """The span of the word one space after `end`."""
    if not text.startswith(" ", end):
        return None
    stop = end + 1
    while stop < len(text) and text[stop].isalpha():
        stop += 1
    return (end + 1, stop) if stop > end + 1 else None


def _previous_word(text: str, start: int) -> tuple[int, int] | None:
    """The span of the word one space before `start`."""
    if start < 2 or text[start - 1] != " ":
        return None
    first = start - 1
    while first > 0 and text[first - 1].isalpha():
        first -= 1
    return (first, start - 1) if first < start - 1 else None
