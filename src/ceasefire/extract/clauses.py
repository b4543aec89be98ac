"""Clauses: the parts of a sentence between punctuation and the words that open a new clause.

What a clause says of an arrangement (its stage, a wish, a denial) belongs to the terms of that
clause, not to the whole sentence: in "the army declared a new truce, days after the expiry of
the previous one", the new truce is declared and the previous one expired. The words that open
a clause are knowledge (cues.yaml `clause_opener`); only punctuation is found here.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ceasefire.extract.analysis import Analysis
from ceasefire.extract.sentences import Sentence

# a comma, semicolon or colon before a space (not "400,000"), a dash between spaces, brackets,
# a line break (a headline runs into the first line of the story)
_BREAK = re.compile(r"[,،;؛:](?=\s)|\s[—–-]{1,2}\s|[()\[\]\n]")


def clauses_of(analysis: Analysis, sentence: Sentence) -> list[Sentence]:
    """The clauses of `sentence` in order, as spans of the text."""
    cuts = sorted(
        {m.end() for m in _BREAK.finditer(analysis.text, sentence.start, sentence.end)}
        | {h.start for h in analysis.hits_in(sentence, "cue", "clause_opener")}
        | {sentence.start, sentence.end}
    )
    return [Sentence(a, b, analysis.text[a:b]) for a, b in pairwise(cuts) if b > a]


def governed_by(analysis: Analysis, sentence: Sentence, kind: str, offset: int) -> Sentence:
    """The part of `sentence` that speaks of the `kind` span at `offset` (a ceasefire term):
    its own clause, with the clauses that name no such span of their own next to it, those
    before it up to the previous such clause and those after it up to the next ("the truce
    took effect, but the army breached it"; "خرقت قوات النظام ، أمس الهدنة")."""
    clauses = clauses_of(analysis, sentence)
    named = [bool(analysis.hits_in(c, kind)) for c in clauses]
    own = next(
        i for i, c in enumerate(clauses) if c.start <= offset < c.end or i == len(clauses) - 1
    )
    first = own
    while first > 0 and not named[first - 1]:
        first -= 1
    last = own
    while last + 1 < len(clauses) and not named[last + 1]:
        last += 1
    start, end = clauses[first].start, clauses[last].end
    return Sentence(start, end, analysis.text[start:end])
