"""The status of a ceasefire mention: the strongest stage its sentence reaches.

The strongest trigger not negated or only feared (knowledge/statuses.yaml precedence); "agreed"
for what will take effect; "proposed" when the sentence only seeks or imagines the
arrangement; "mentioned" when the sentence dates the news to an earlier month.
"""

from __future__ import annotations

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.sentences import Sentence

NEGATION_REACH = 25  # characters before a trigger in which a negation cancels it


def mention_status(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> str:
    """The sentence's status; a sentence that dates the news to an earlier month ("the regime
    of calm announced in May", in a December article) only mentions the arrangement."""
    status = _stated_status(analysis, sentence, lex)
    if status in _LOOKED_BACK and analysis.within(analysis.past_months, sentence):
        return "mentioned"
    return status


_LOOKED_BACK = frozenset({"proposed", "agreed", "announced", "in_force", "extended", "expanded"})


def _stated_status(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> str:
    # a stage denied ("did not collapse") or only feared ("fears of a collapse") is not reached
    unreached = analysis.hits_in(sentence, "cue", "negation") + analysis.hits_in(
        sentence, "cue", "feared"
    )
    future = analysis.hits_in(sentence, "cue", "future")
    triggers = {
        _agreed_if_ahead(t, future)
        for t in analysis.hits_in(sentence, "status")
        if not any(0 <= t.start - n.end <= NEGATION_REACH for n in unreached)
    }
    if analysis.hits_in(sentence, "cue", "hypothetical"):
        return (
            "proposed"
            if not triggers & {"violated", "collapsed", "rejected"}
            else _first(triggers, lex)
        )
    return _first(triggers, lex)


def _agreed_if_ahead(trigger: Hit, future: list[Hit]) -> str:
    """An arrangement that will take effect ("will take effect at 4 a.m.", "ستدخل الهدنة حيز
    التنفيذ") is agreed, not yet in force."""
    if trigger.key == "in_force" and any(
        0 <= trigger.start - f.end <= NEGATION_REACH for f in future
    ):
        return "agreed"
    return trigger.key


def _first(triggers: set[str], lex: Lexicon) -> str:
    return next((s for s in lex.status_precedence if s in triggers), "mentioned")
