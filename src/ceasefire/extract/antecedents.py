"""The arrangement a definite mention refers back to, and the roles it takes from it.

"Egypt said Israel and Hamas have agreed to a truce in Rafah. ... The truce would begin once
the captives were freed": the second sentence names no one, but
"the truce" is the arrangement of the first, with its parties, sponsors and mediators. A
mention is definite when an article or a possessive stands before its term ("the truce",
"its ceasefire") or, in Arabic, when the term carries the article ("الهدنة", "بالاتفاق").
"""

from __future__ import annotations

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.normalize import normalize_term
from ceasefire.records import Ceasefire

_GENERIC = "ceasefire"  # the type of a term that does not say which kind
_COMMITTED = frozenset({"agreed", "announced", "in_force", "extended", "expanded"})


def roles_carried_back(analysis: Analysis, mentions: list[Ceasefire], lex: Lexicon) -> None:
    """Give each definite mention that names no one in any role, in a sentence that names no
    one before its term (a name there owns it or breaks it: "their three-day ceasefire", "if
    Ukraine violates the ceasefire"), the roles the arrangement it refers back to has been
    given so far: those of the commitments named before it (agreed, announced, in force,
    extended, expanded), of a type it may be, each actor in the role it was first named
    in. `mentions` are in text order."""
    before: list[Ceasefire] = []
    for mention in mentions:
        if (
            not (mention.parties or mention.sponsors or mention.mediators)
            and _definite(analysis, mention, lex)
            and not _named_before(analysis, mention)
        ):
            _take_roles(
                mention,
                [m for m in before if m.status in _COMMITTED and _may_be(mention.type, m.type)],
            )
        before.append(mention)


def _named_before(analysis: Analysis, mention: Ceasefire) -> bool:
    """Does the sentence name an actor before the mention's term?"""
    term_start = mention.evidence.start + max(0, mention.evidence.text.find(mention.term))
    return any(a.start < term_start for a in analysis.within(analysis.actors, mention.evidence))


def _take_roles(mention: Ceasefire, antecedents: list[Ceasefire]) -> None:
    seen: set[str] = set()
    for antecedent in antecedents:
        for role in ("parties", "sponsors", "mediators"):
            for actor in getattr(antecedent, role):
                if actor.canonical not in seen:
                    seen.add(actor.canonical)
                    getattr(mention, role).append(actor)


def _may_be(kind: str, antecedent: str) -> bool:
    return kind == antecedent or _GENERIC in (kind, antecedent)


def _definite(analysis: Analysis, mention: Ceasefire, lex: Lexicon) -> bool:
    term = normalize_term(mention.term)
    if term.startswith(tuple(lex.words["definite_prefix"])):
        return True  # "الهدنة", "والهدنة", "بالاتفاق"
    offset = mention.evidence.text.find(mention.term)
    if offset < 0:
        return False
    start = mention.evidence.start + offset
    return analysis.tokens.before(start, lex.words["definite"], lex.words["term_modifier"])
