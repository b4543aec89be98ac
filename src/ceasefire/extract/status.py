"""The status of a ceasefire mention: the strongest stage its sentence reaches.

The strongest trigger not negated or only feared (knowledge/statuses.yaml precedence); "agreed"
for what will take effect; "proposed" when the sentence only seeks or imagines the
arrangement; "mentioned" when the sentence dates the news to an earlier month.
"""

from __future__ import annotations

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.clauses import governed_by
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.patterns import pattern
from ceasefire.extract.sentences import Sentence

NEGATION_REACH = 25  # characters before a trigger in which a negation cancels it
_AGREEMENT_ON = pattern("agreement_on")
_LOOKED_BACK = frozenset({"proposed", "agreed", "announced", "in_force", "extended", "expanded"})


def mention_status(analysis: Analysis, sentence: Sentence, term: Hit, lex: Lexicon) -> str:
    """The status the clauses that speak of `term` give it, else its sentence's; a sentence
    that dates the news to an earlier month ("the regime of calm announced in May", in a
    December article) only mentions the arrangement. A term named as a place ("in the
    de-escalation zone") takes its sentence's status."""
    status = "mentioned"
    if not analysis.tokens.before(term.start, lex.words["inside"], lex.skippable):
        status = _stated_status(analysis, governed_by(analysis, sentence, "term", term.start), lex)
    if status == "mentioned":
        status = _stated_status(analysis, sentence, lex)
    if status == "mentioned" and _agreement_on(analysis, sentence, term):
        status = "agreed"
    if status in _LOOKED_BACK and analysis.within(analysis.past_months, sentence):
        return "mentioned"
    return status


def _agreement_on(analysis: Analysis, sentence: Sentence, term: Hit) -> bool:
    """ "Iranian-Iraqi agreement on a truce", "اتفاق تركي – إيراني على تهدئة": named as agreed,
    unless denied ("no agreement on a truce was reached")."""
    start = _AGREEMENT_ON.start_of(analysis.text, term.start)
    if start is None:
        return False
    denials = analysis.hits_in(sentence, "cue", "negation")
    return not any(0 <= start - n.end <= NEGATION_REACH for n in denials)


def _stated_status(analysis: Analysis, span: Sentence, lex: Lexicon) -> str:
    """The strongest stage `span` (a sentence or a clause) reaches."""
    # a stage denied ("did not collapse") or only feared ("fears of a collapse") is not
    # reached; some stages denied say where the arrangement stands ("failed to extend" it)
    unreached = analysis.hits_in(span, "cue", "negation") + analysis.hits_in(span, "cue", "feared")
    future = analysis.hits_in(span, "cue", "future")
    triggers: set[str] = set()
    for trigger in analysis.hits_in(span, "status"):
        if not any(0 <= trigger.start - n.end <= NEGATION_REACH for n in unreached):
            triggers.add(_agreed_if_ahead(trigger, future))
        elif trigger.key in lex.status_when_unreached:
            triggers.add(lex.status_when_unreached[trigger.key])
    if "ended" in triggers:
        triggers.discard("ended")
        triggers.add("expired" if _time_limited(analysis, span, lex) else "collapsed")
    if analysis.hits_in(span, "cue", "hypothetical"):
        return (
            "proposed"
            if not triggers & {"violated", "collapsed", "rejected"}
            else _first(triggers, lex)
        )
    return _first(triggers, lex)


def _time_limited(analysis: Analysis, span: Sentence, lex: Lexicon) -> bool:
    """Does `span` say how long the arrangement lasts ("a 24-hour truce", "دامت 24 ساعة")?"""
    units = lex.words["duration_unit"]
    return any(analysis.tokens.after(n.end, units) for n in analysis.within(analysis.numbers, span))


def _agreed_if_ahead(trigger: Hit, future: list[Hit]) -> str:
    """An arrangement that will take effect ("will begin at 6 a.m.", "ستدخل الهدنة حيز
    التنفيذ") is agreed, not yet in force."""
    if trigger.key == "in_force" and any(
        0 <= trigger.start - f.end <= NEGATION_REACH for f in future
    ):
        return "agreed"
    return trigger.key


def _first(triggers: set[str], lex: Lexicon) -> str:
    return next((s for s in lex.status_precedence if s in triggers), "mentioned")
