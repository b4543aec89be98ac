"""Who acted in an event, and who was acted on.

The doer is the actor named in the act itself ("Syrian warplanes targeted"), else one named
before it, else one named after it (in Arabic the doer follows the verb: "قصفت قوات النظام").
Never the doer: those the act killed (the object of a death word, the subject of a passive
one), its target ("a strike on IS"), a place's holder ("held by IS"), one named after a place
preposition ("in Assad's hometown"), one who only speaks of the act ("Britain said"), or a
party without arms. A kind of group gives way to the group it names ("militants of ISIL").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from ceasefire.extract.actors import ActorMention, to_actor
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import has_arabic
from ceasefire.extract.patterns import pattern
from ceasefire.extract.sentences import Sentence, sentence_at
from ceasefire.records import Actor, Evidence

CROWDS = frozenset({"protests", "riots"})  # event types in which the crowd acts
VICTIMS = frozenset({"CVL", "REF", "MED"})
ARMED = frozenset({"MIL", "REB", "INS"})
# those who report an attack, or parties without arms, rarely carry it out
NOT_DOERS = VICTIMS | {"IGO", "NGO", "OPP"}
_TYPE_CODE = 6  # CAMEO codes of this length or shorter name a type of actor, not a group
# Constructions around a name or a death word: knowledge/grammar.yaml
_HOLDING = pattern("holding")
_HELD_BY = pattern("held_by")
_SUBJECT_GAP = pattern("subject_gap")
_DIED_GAP = pattern("died_gap")
_SAID_IT_DID = pattern("said_it")
_CLAIMS_TO_HAVE = pattern("claims_to_have")
_SAID_IT_ACTED = pattern("said_it_acted")
_OBJECT_GAP = pattern("object_gap")
_PASSIVE_AFTER = pattern("passive_after")
_HEADS_SPEECH = pattern("heads_speech")
_LISTED = pattern("joined_by_and")


class ActContext(NamedTuple):
    """An act's trigger in its sentence (and the part of it that is the act's), with the
    sentence's actors."""

    analysis: Analysis
    lex: Lexicon
    sentence: Sentence
    scope: Sentence
    trigger: Hit
    actors: list[ActorMention]
    evidence: Evidence


def who_acted(context: ActContext, event_type: str) -> tuple[Actor | None, Actor | None]:
    """Who acted (before the trigger) and who was acted on (after it, or the victims named).

    Bodies that report (the UN, a monitor, a news agency) do not act, and a group that only
    qualifies a place ("IS-held town", "a town held by IS") is not there as an actor.
    """
    text, evidence, trigger = context.analysis.text, context.evidence, context.trigger
    actors = [a for a in context.actors if not _qualifies_place(text, a.start, a.end)]
    after = [a for a in actors if a.start >= trigger.end]
    doers = _doers(context, actors, event_type)
    first = _named_for(trigger, doers)
    others = [a for a in after if a is not first and (first is None or a.record != first.record)]
    victims = [a for a in actors if a.record.agent in VICTIMS and a is not first]
    second = others[0] if others else (victims[0] if victims else None)
    return (
        to_actor(first, evidence) if first else None,
        to_actor(second, evidence) if second else None,
    )


def _named_for(trigger: Hit, doers: list[ActorMention]) -> ActorMention | None:
    """The likeliest doer. A kind of group named before the act gives way to the group named
    ("militants of the group ISIL attacked"); one right after the act is its subject, as in
    Arabic ("هاجم مسلحون مجهولون حاجزا لقوات النظام": unknown gunmen attacked a checkpoint of
    the regime's forces)."""
    if not doers:
        return None
    first = doers[0]
    if not _generic(first) or first.start >= trigger.end:
        return first
    return next((a for a in doers if not _generic(a)), first)


@lru_cache(maxsize=4096)
def _qualifies_place(text: str, start: int, end: int) -> bool:
    """Does the name at text[start:end] only qualify a place? Asked of one name for each act
    of its sentence: remembered (a text's hash is computed once)."""
    return bool(_HOLDING.starts(text, end) or _HELD_BY.ends(text, start))


def _doers(context: ActContext, actors: list[ActorMention], event_type: str) -> list[ActorMention]:
    """Who may have acted, likeliest first. The one named in the act itself ("Syrian
    warplanes targeted") acts; those before a death word that has no actor for subject
    ("fighters were killed in Russian strikes") and those it has for object ("killed 10 IS
    members") were its victims; one named after "on" or "against" was hit. With no one before
    the act, one named after it acted ("shelling by regime forces"; in Arabic the doer follows
    the verb), unless it only speaks of the act."""
    analysis, lex, sentence, trigger = (
        context.analysis,
        context.lex,
        context.sentence,
        context.trigger,
    )
    text = analysis.text
    deaths = analysis.hits_in(sentence, "cue", "deaths")
    # asked again for every act of the sentence, of the same actors: answered once
    memo: dict[tuple, bool] = analysis.memo.setdefault("doers", {})  # type: ignore[assignment]
    passive = [
        d.start
        for d in deaths
        if d.end <= trigger.start and not _memo(memo, ("subject", d), has_subject, text, d, actors)
    ]
    before = [
        a
        for a in actors
        if a.end <= trigger.start
        and not any(a.end <= d for d in passive)
        and not _killed(text, a, deaths, trigger)
    ]
    if event_type in CROWDS:  # the crowd acts, or whoever the sentence says acted
        return [a for a in actors if a.record.agent == "CVL"] or before
    inside = [a for a in actors if a.start < trigger.end and trigger.start < a.end]
    speech = lex.words["spoken"]
    named = [
        a
        for a in inside + before
        if a.record.agent not in NOT_DOERS
        and not _memo(memo, ("speaks", a.start, a.end), _speaks, analysis, a, speech)
    ]
    if named:
        return named
    hit, skippable = lex.words["target_before"], lex.skippable
    spoken = _spoken_after(analysis, actors, speech)
    return [
        a
        for a in actors
        if a.start >= trigger.end
        and a.record.agent not in NOT_DOERS
        and not _memo(memo, ("speaks", a.start, a.end), _speaks, analysis, a, speech)
        and a not in spoken
        and not _killed(text, a, deaths, trigger)
        and not _died(text, a, deaths)
        and not analysis.tokens.before(a.start, hit, skippable)
    ]


def _memo(memo: dict[tuple, bool], key: tuple, ask: Callable[..., bool], *args: Any) -> bool:
    """`ask(*args)`, remembered under `key`."""
    answer = memo.get(key)
    if answer is None:
        answer = memo[key] = ask(*args)
    return answer


def _killed(text: str, actor: ActorMention, deaths: list[Hit], trigger: Hit) -> bool:
    """ "killed 10 IS members", "killing some 40 fighters of the group": the
    object of a death word, a few words after it and before the act, was killed."""
    return any(
        d.end <= actor.start
        and not d.end <= trigger.start < actor.start
        and _OBJECT_GAP.spans(text, d.end, actor.start)
        for d in deaths
    )


def _died(text: str, actor: ActorMention, deaths: list[Hit]) -> bool:
    """ "30 members of the YPG were killed": the subject of a passive death word died."""
    return any(d.start >= actor.end and _DIED_GAP.spans(text, actor.end, d.start) for d in deaths)


def _speaks(analysis: Analysis, actor: ActorMention, speech: frozenset[str]) -> bool:
    """ "Britain said ...", "the Britain-based group said", "US President Donald Trump
    said", but not "forces claimed to have fired": those claim their act."""
    text = analysis.text
    if not analysis.tokens.after(actor.end, speech):
        return _heads_speech(analysis, actor)
    return not (_CLAIMS_TO_HAVE.starts(text, actor.end) or _SAID_IT_ACTED.starts(text, actor.end))


def _spoken_after(
    analysis: Analysis, actors: list[ActorMention], speech: frozenset[str]
) -> list[ActorMention]:
    """The Arabic subjects of a speech verb written before them ("أعلنته روسيا والجيش
    السوري": Russia and the army announced it), with those listed after one: they speak of
    the act, they did not do it. English inverted speech ("said the coalition") follows a
    quote in which the speaker may claim its own act, and is left to `_speaks`."""
    found: list[ActorMention] = []
    for actor in actors:
        if not has_arabic(actor.text):
            continue
        if analysis.tokens.before(actor.start, speech) or (
            found and _LISTED.spans(analysis.text, found[-1].end, actor.start)
        ):
            found.append(actor)
    return found


def _heads_speech(analysis: Analysis, actor: ActorMention) -> bool:
    """Is the name part of the subject of a speech verb a few words on, with no act word
    between ("the Britain-based group said", not "Syrian jets bombed the town activists
    said" with its commas lost)?"""
    end = _HEADS_SPEECH.end_of(analysis.text, actor.end)
    if end is None:
        return False
    sentence = sentence_at(analysis.sentences, actor.start)
    acts = (
        analysis.hits_in(sentence, "event") + analysis.hits_in(sentence, "acted")
        if sentence
        else []
    )
    return not any(a.start < end and actor.end < a.end for a in acts)


def has_subject(text: str, death: Hit, actors: list[ActorMention]) -> bool:
    """ "ISIL terrorist group killed", "IS said that it killed": an actor right before the
    death word, or saying it did it, killed; but not in "10 soldiers killed in Israeli raids",
    where the word is a passive."""
    if _PASSIVE_AFTER.starts(text, death.end):
        return False
    return any(
        a.end <= death.start
        and (
            _SUBJECT_GAP.spans(text, a.end, death.start)
            or _SAID_IT_DID.spans(text, a.end, death.start)
        )
        for a in actors
    )


def _generic(mention: ActorMention) -> bool:
    """A kind of actor ("militants", "jihadists"), not a named one: no country, and a CAMEO
    code of a type alone (REB, IMGMUS), or no code and a common noun for a name ("terrorist
    groups"; the US-led coalition has no code either, but a name)."""
    record = mention.record
    if record.country is not None:
        return False
    if record.code is None:
        return record.canonical[:1].islower()
    return len(record.code) <= _TYPE_CODE
