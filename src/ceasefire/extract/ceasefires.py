"""Ceasefire mentions: a typology term, with the status, actors, places and dates of its sentence.

Within a sentence: the status is the strongest trigger not negated (knowledge/statuses.yaml
precedence), or "proposed" when the sentence only seeks or imagines the arrangement; actors
after "between" are parties, after "brokered by" sponsors, envoys and "mediated by" mediators;
a state or body announcing it is a sponsor; the actors before the term are the ones who call
it by that name.
"""

from __future__ import annotations

import re
from datetime import date

from ceasefire.extract.actors import ActorMention, to_actor
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.dates import shifted
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.places import to_place
from ceasefire.extract.sentences import Sentence
from ceasefire.records import Actor, Ceasefire, Evidence, Place

_NEGATION_REACH = 25  # characters before a trigger in which a negation cancels it
_ANNOUNCING = frozenset({"announced", "agreed", "expanded", "extended", "proposed"})
_BELLIGERENT = frozenset({"REB", "INS", "OPP"})
_NOT_CHARACTERIZING = frozenset({"CVL", "REF", "MED"})
_CLAUSE_END = re.compile(r"[,;:–—(]| and then ")
_DURATION = re.compile(
    r"(?<!\d)(\d{1,5})[\s-]*(hours?|days?|weeks?|ساعة|ساعات|يوما|يوم|أيام)", re.IGNORECASE
)
_DAYS_PER_UNIT = {"hour": 1 / 24, "day": 1, "week": 7, "ساع": 1 / 24, "يوم": 1, "أيا": 1}


def find_ceasefires(analysis: Analysis, lex: Lexicon) -> list[Ceasefire]:
    """One record per ceasefire type named in each sentence, in text order."""
    found: list[Ceasefire] = []
    for sentence in analysis.sentences_with("term"):
        terms = analysis.hits_in(sentence, "term")
        evidence = analysis.evidence(sentence)
        status = _status(analysis, sentence, lex)
        actors = analysis.within(analysis.actors, sentence)
        parties, sponsors, mediators = _roles(analysis, sentence, actors, evidence)
        places = _unique_places(analysis, sentence, evidence)
        start, end = _window(analysis, sentence, lex)
        for term in _one_per_type(terms):
            ended = analysis.tokens.after(term.end, lex.words["ended_after"])
            found.append(
                Ceasefire(
                    type=term.key,
                    term=term.text,
                    status="collapsed" if ended else status,
                    evidence=evidence,
                    characterized_by=_characterizers(actors, term, parties, evidence),
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


def _status(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> str:
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
        if not any(0 <= t.start - n.end <= _NEGATION_REACH for n in unreached)
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
        0 <= trigger.start - f.end <= _NEGATION_REACH for f in future
    ):
        return "agreed"
    return trigger.key


def _first(triggers: set[str], lex: Lexicon) -> str:
    return next((s for s in lex.status_precedence if s in triggers), "mentioned")


def _roles(
    analysis: Analysis, sentence: Sentence, actors: list[ActorMention], evidence: Evidence
) -> tuple[list[Actor], list[Actor], list[Actor]]:
    cued = {role: _after_cues(analysis, sentence, role, actors) for role in _ROLES}
    # Civilians, refugees and the press report or suffer a truce; they neither sponsor it nor
    # bind themselves to it ("three civilians were killed... announced by Russia").
    announcers = [
        a
        for a in _announcers(analysis, sentence, actors)
        if a.record.agent not in _NOT_CHARACTERIZING
    ]
    parties = cued["parties"] + [a for a in announcers if a.record.agent in _BELLIGERENT]
    sponsors = cued["sponsors"] + [a for a in announcers if a.record.agent not in _BELLIGERENT]
    mediators = cued["mediators"] + [
        a for a in actors if a.person is not None and a.record.agent == "IGO"
    ]
    return (
        _unique(parties, evidence),
        _unique([a for a in sponsors if a not in mediators], evidence),
        _unique(mediators, evidence),
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


def _characterizers(
    actors: list[ActorMention], term: Hit, parties: list[Actor], evidence: Evidence
) -> list[Actor]:
    party_names = {p.canonical for p in parties}
    before = [
        a
        for a in actors
        if a.end <= term.start
        and a.record.agent not in _NOT_CHARACTERIZING
        and a.record.canonical not in party_names
    ]
    return _unique(before, evidence)


def _unique(mentions: list[ActorMention], evidence: Evidence) -> list[Actor]:
    seen: set[str] = set()
    actors = []
    for mention in mentions:
        if mention.record.canonical not in seen:
            seen.add(mention.record.canonical)
            actors.append(to_actor(mention, evidence))
    return actors


def _unique_places(analysis: Analysis, sentence: Sentence, evidence: Evidence) -> list[Place]:
    seen: set[int] = set()
    places = []
    for mention in analysis.within(analysis.places, sentence):
        if mention.record.geonameid not in seen:
            seen.add(mention.record.geonameid)
            places.append(to_place(mention, evidence))
    return places


def _window(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> tuple[str | None, str | None]:
    """Start: the first date of the sentence; end: a date after "until", or start + duration."""
    dates = analysis.within(analysis.dates, sentence)
    ends = [d for d in dates if analysis.tokens.before(d.start, lex.words["until"])]
    starts = [d for d in dates if d not in ends]
    start = starts[0].date if starts else None
    end = ends[0].date if ends else _after_duration(analysis.text, sentence, start)
    return start, end


def _after_duration(text: str, sentence: Sentence, start: str | None) -> str | None:
    if start is None:
        return None
    match = _DURATION.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    unit = match.group(2).lower()[:4].rstrip("s")
    per_unit = next((v for k, v in _DAYS_PER_UNIT.items() if unit.startswith(k)), None)
    if per_unit is None:
        return None
    days = max(1, round(int(match.group(1)) * per_unit))
    return shifted(date.fromisoformat(start), days)
