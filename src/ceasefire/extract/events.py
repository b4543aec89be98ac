"""Conflict events: ACLED event and sub-event types, with actors, place, date and fatalities.

Each sub-event trigger of a sentence (knowledge/events.yaml) gives one event, unless the
sentence denies, threatens or only imagines it, or gives a running total; with no trigger, an
armed group that killed attacked. Who acted and who was acted on are read in `doers`; the
coding is then set by ACLED's rules (an attack on combatants is a battle, a crowd's clash with
forces a riot). The place is the most specific one of the sentence, else of the document; the
date the sentence's, else the document's. A number beside a death word is the toll ("killing
three", "20 killed"); "no casualties" is 0; a toll in the sentences that follow, before the
next event, is this one's.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from ceasefire import knowledge
from ceasefire.extract.actors import ActorMention, side_key, to_actor
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.dates import DateMention, dateline_day
from ceasefire.extract.doers import ARMED, CROWDS, NOT_DOERS, ActContext, has_subject, who_acted
from ceasefire.extract.lexicon import Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import fold, normalize_term
from ceasefire.extract.numbers import Number
from ceasefire.extract.patterns import Found, pattern
from ceasefire.extract.places import PlaceMention, names_a_meeting, to_place
from ceasefire.extract.scope import is_dateline
from ceasefire.extract.sentences import Sentence, sentence_at, sentence_index
from ceasefire.records import Actor, Event, Evidence, Place

_NEGATION_REACH = 25  # characters before a trigger in which a negation cancels it
_TOLL_REACH = 40  # characters between a number and the death word it counts
_QUALIFIED = 20  # "killing 3", "killed at least 25": the number follows the death word
_A_VICTIM = pattern("a_victim")
_A_VICTIM_AFTER = pattern("a_victim_after")
_BY_BEFORE = pattern("by_before")
_THE_BEFORE = pattern("the_before")
_DEFINITE_ACT = pattern("definite_act")  # "the government air [strikes]": an act told before
_ASKED_WHO = pattern("asked_who")  # "unclear who fired": the question of an act told elsewhere
_ASKED_FIRST = pattern("asked_who_first")  # "Who attacked the convoy is disputed"
_ANOTHER_COUNT = pattern("another_count")  # "civilians and ": between two counts of the dead
_NOT_DEAD_AFTER = pattern("not_dead_after")  # "2 were wounded": a count of the living
_SPECIFIC = {"city": 0, "locality": 0, "admin1": 1, "country": 2}
_CROWD_ACTOR = {"protests": "protesters", "riots": "rioters"}
_CROWD_STRENGTH = {
    "peaceful_protest": 0,
    "protest_with_intervention": 1,
    "excessive_force_against_protesters": 2,
    "violent_demonstration": 3,
    "mob_violence": 3,
}
_ACT_GAP = pattern("act_gap")  # "Russian and Syrian strikes", "IS attack"
_OTHER_SIDE = pattern("other_side")  # "fighting the"
_PASSIVE_BEFORE = pattern("passive_before")
# "killed since April", "since 2011", "since the army began its offensive"
_SINCE = (pattern("since_a_month"), pattern("since_a_year"), pattern("since_it_began"))
_SITE_OF = pattern("site_of")  # "the site of a deadly [attack]": a place named by its past
_PASSIVE_SUBJECT = pattern("passive_subject")  # "... were [killed]": its subject counted
_YEAR_WHEN = pattern("year_when")  # "since early 2011 when": a clause of that year
_PERFECT_BEFORE = pattern("perfect_before")  # "has carried out air [strikes]"
_WAR_TOLL = (pattern("war_toll"), pattern("war_toll_ar"))  # "the war has killed 400,000"
_CLAUSE_BREAKS = (".", ";", ",", "،", "؛")
# "retook the city in 2015", "September 2014 The US launches airstrikes"
_IN_A_YEAR = (pattern("in_a_year"), pattern("month_of_a_year"))
# "the war that began with protests", "after two weeks of air strikes"
_ORIGINS = (pattern("began_with"), pattern("span_of_acts"))
_LIST_GAP = pattern("place_list_gap")  # ", ", " and ", "، و": between the items of a list
_AND_IN_LIST = pattern("list_and")  # a list of places closes with "and" (و)
_NEWS_DAYS = 21  # days before an article's own day within which the acts it tells are its news
_FIRST_YEAR = 1900  # numbers from here up to the text's year may be years
_INTENDED_REACH = 12  # characters from an act to the "meant to" that makes it intended
_YEAR_REACH = 60  # characters between an act and the year that dates it, at most
_SINCE_REACH = 8  # words between a death word and the "since" of a running total, at most
_PERFECT_SINCE_REACH = 16  # the same, after a perfect ("have been killed ... since")
_PERFECT = frozenset({"been", "has", "have", "had"})  # right before a verb: its perfect
_KILLING = "killing"  # the kind of a death word standing in for an act no word names
_UNIDENTIFIED = "unidentified armed group"  # the doer of an act whose doer no one names
_VICTIM_REACH = 30  # characters after the trigger in which the one acted on is named
# acts named by their weapon, which a text may name as things held, not used
_WEAPON_ACTS = frozenset(
    {"shelling_artillery_missile_attack", "remote_explosive_landmine_ied", "grenade"}
)
_HELD_REACH = 60  # characters from "seized", "loaded with" to the weapons held
_UNSEEN_HANDS = frozenset(
    {
        "remote_explosive_landmine_ied",
        "suicide_bomb",
        "grenade",
        "attack",
        "abduction_forced_disappearance",
    }
)


def find_events(analysis: Analysis, lex: Lexicon, published: str | None) -> list[Event]:
    """Events in text order, one per sub-event type named in a sentence and per act: an act
    the headline (`Analysis.headline_end`) or a later sentence tells again is one."""
    events: list[Event] = []
    killings: list[Event] = []  # told by a death word alone: "Syrian army kills 31"
    last: Event | None = None
    donors: list[Event] = []  # acts of running totals, not reported, that lend their doers
    # Only sentences that name an act or a toll can add to the events.
    relevant = {
        s.start: s
        for key in (("event", None), ("acted", None), ("cue", "deaths"), ("cue", "no_deaths"))
        for s in analysis.sentences_with(*key)
    }
    countries = Counter(p.record.country for p in analysis.places)
    # where a sentence names no place: the document's most specific place of events
    places = (_most_specific(_event_places(analysis, lex), countries), countries)

    dateline = dateline_day(analysis.text, analysis.dates)
    reference = dateline.isoformat() if dateline else published  # the article's own day
    background: list[Event] = []  # acts dated well before it
    campaign: list[Event] = []  # acts told as done over time ("has bombarded the area")

    def act(sentence: Sentence, trigger: Hit, scope: Sentence) -> Event:
        return _event(analysis, lex, sentence, trigger, scope, published, places)

    for sentence in (relevant[start] for start in sorted(relevant)):
        triggers = _triggers(analysis, lex, sentence)
        if (
            analysis.hits_in(sentence, "cue", "cumulative")
            or _since_a_date(analysis, sentence, lex)
            or _war_total(analysis, sentence)
        ):
            # a running total or a campaign ("have killed 9,000 so far", "is carrying out
            # strikes"): no event, but the doers it names may be those of the acts told next
            donors += [act(sentence, t, sentence) for t in triggers]
            continue
        past = [t for t in triggers if _of_a_past_year(analysis, t) or _origin(analysis, t)]
        triggers = [t for t in triggers if t not in past]
        # acts counted since a date ("325 raids since 21 May") lend their doers only
        counted = [t for t in triggers if _counted_since(analysis, lex, sentence, t)]
        donors += [act(sentence, t, sentence) for t in counted]
        triggers = [t for t in triggers if t not in counted]
        scopes = [_scope(sentence, triggers, i) for i in range(len(triggers))]
        found = [act(sentence, t, scope) for t, scope in zip(triggers, scopes, strict=True)]
        habitual = _habitual(analysis, sentence, triggers, found)
        if habitual:
            # what has been done over time ("the regime has heavily bombarded the area"):
            # no event, but its doers may be those of the acts told next
            donors += [found[i] for i in habitual]
            campaign += [found[i] for i in habitual]
            kept = [i for i in range(len(found)) if i not in habitual]
            triggers, scopes = [triggers[i] for i in kept], [scopes[i] for i in kept]
            found = [found[i] for i in kept]
            if not found:
                last = campaign[-1]  # a toll told next makes it an act of the news
                continue
        # an act dated well before the article's own day is background ("In May, barrel
        # bombs killed 60"), as an act of a past year is
        stale = [e for e in found if _before_the_news(e.date, reference)]
        background += stale
        if stale:
            kept = [i for i, e in enumerate(found) if e not in stale]
            triggers, scopes = [triggers[i] for i in kept], [scopes[i] for i in kept]
            found = [found[i] for i in kept]
            if not found:
                last = stale[-1]
                continue
        if past and not found:
            # history told as background ("the battle for Homs in 2014"): no event of the
            # news, nor its toll; "the fighting" said next still speaks of that history
            last = act(sentence, past[-1], sentence)
            continue
        killings.extend(e for e, t in zip(found, triggers, strict=True) if t.kind == _KILLING)
        if last is not None and _refers_back(analysis, triggers, found, last):
            if last.fatalities is None:
                last.fatalities = found[0].fatalities
        elif found:
            for trigger, event, scope in zip(triggers, found, scopes, strict=True):
                earlier = _told_before(analysis, lex, trigger, event, scope, events)
                if earlier is None:
                    events.extend(_per_place(analysis, lex, event, scope))
                last = earlier or event  # what is said next of "the strikes" is of that act
        elif (
            last is not None
            and last.fatalities is None
            and not analysis.hits_in(sentence, "cue", "another_act")
        ):
            # "The clashes killed 20 fighters.", not "Elsewhere, jets ... killing 18"
            last.fatalities = _toll(analysis, sentence, sentence, lex)
    if any(e.fatalities for e in background) and not any(e.fatalities for e in events):
        # no act of the news has a toll, an older one has: that act is what the article is
        # about (findings on an attack weeks before), and its events are the article's
        events = sorted(events + background, key=lambda e: e.evidence.start)
    # acts told in the perfect that a toll told next dates as news ("Jets have bombed the
    # town. Twelve people were killed."), or, in an article that tells no single act, the
    # campaign it is about ("forces have intensified their bombardment of Idlib")
    news = [e for e in campaign if e.fatalities is not None or not (events or background)]
    if news:
        events = sorted(events + news, key=lambda e: e.evidence.start)
    _carry_doers(events, donors)
    told = _retold_in_headline(_told_again(events, killings), analysis.headline_end)
    return _one_per_act(analysis, lex, _told_over_two_sentences(analysis, told))


def _habitual(
    analysis: Analysis, sentence: Sentence, triggers: list[Hit], found: list[Event]
) -> set[int]:
    """The indexes of the acts told in the perfect ("has carried out air strikes", "have
    been used to launch rockets") in a sentence that gives them no day and names no dead:
    what has been done over time, not an act of the news."""
    if analysis.within(analysis.dates, sentence) or analysis.hits_in(sentence, "cue", "deaths"):
        return set()
    text = analysis.text
    return {
        i
        for i, (trigger, event) in enumerate(zip(triggers, found, strict=True))
        if event.fatalities is None and _PERFECT_BEFORE.ends(text, trigger.start)
    }


def _told_over_two_sentences(analysis: Analysis, events: list[Event]) -> list[Event]:
    """One act told over two sentences is one event, as ACLED codes one event per act: a
    protest and what the police did to it next ("Workers held a sit-in in Ankara. Police
    dispersed the group."), of the stronger sub-type, as a sentence naming both gives
    (`_one_crowd_event`); fire and the reply to it ("The rebels shelled the town. Government
    forces fired back."), an armed clash whose second actor is the side that replied."""
    kept: list[Event] = []
    for event in events:
        last = kept[-1] if kept else None
        if last is not None and _continues_crowd(analysis, last, event):
            _take_stronger_crowd(last, event)
        elif last is not None and _replies_to(analysis, last, event):
            last.type, last.subtype, last.plover = event.type, event.subtype, event.plover
            last.actor2 = last.actor2 or event.actor1
        else:
            kept.append(event)
            continue
        if last.fatalities is None:
            last.fatalities = event.fatalities
    return kept


def _take_stronger_crowd(last: Event, event: Event) -> None:
    """`last` takes the sub-type of `event` where that is the stronger crowd act."""
    if _CROWD_STRENGTH[event.subtype or ""] > _CROWD_STRENGTH[last.subtype or ""]:
        if event.type != last.type:
            last.actor1 = event.actor1  # protesters become rioters
        last.type, last.subtype, last.plover = event.type, event.subtype, event.plover
        last.actor2 = last.actor2 or event.actor2


def _replies_to(analysis: Analysis, earlier: Event, later: Event) -> bool:
    """Is `later` a reply to the fire of `earlier`, told right after it, of its day and
    place (or of no place of its own)?"""
    if later.subtype != "armed_clash" or earlier.subtype not in _FIRE:
        return False
    if earlier.date != later.date or not _next_sentence(analysis, earlier, later):
        return False
    if later.place is not None and not _same_place(earlier.place, later.place):
        return False
    return bool(analysis.hits_in(later.evidence, "cue", "returned_fire"))


_FIRE = frozenset({"shelling_artillery_missile_attack", "armed_clash"})  # what one replies to


def _next_sentence(analysis: Analysis, earlier: Event, later: Event) -> bool:
    """Is `later` told in the sentence right after `earlier`'s?"""
    sentences = analysis.sentences
    index = sentence_index(sentences, earlier.evidence.start) + 1  # the one after earlier's
    return index < len(sentences) and sentences[index].start == later.evidence.start


def _continues_crowd(analysis: Analysis, earlier: Event, later: Event) -> bool:
    """Does `later`, told in the sentence right after `earlier`'s, tell what became of the
    same crowd (both crowd events, of one day and place)?"""
    if earlier.subtype not in _CROWD_STRENGTH or later.subtype not in _CROWD_STRENGTH:
        return False
    if earlier.date != later.date or not _same_place(earlier.place, later.place):
        return False
    return _next_sentence(analysis, earlier, later)


def _one_per_act(analysis: Analysis, lex: Lexicon, events: list[Event]) -> list[Event]:
    """The same act told again ("Government aircraft bombed Saraqeb on Monday ... the
    raids on Saraqeb killed 9") is one event, as ACLED codes one event per act: a later event
    of the sub-type, place and date of an earlier one that `_retells` it gives way to it,
    lending it its toll if it had none; unless its sentence tells a further act ("another
    strike", "also", "elsewhere": knowledge/events.yaml `another_act`).
    """
    told: dict[tuple, list[int]] = {}
    kept: list[Event] = []
    lede_end = max(analysis.headline_end, _lede_end(analysis))
    for event in events:
        earlier = told.setdefault(_act_key(event), [])
        same = next((i for i in earlier if _retells(event, kept[i], lede_end)), None)
        if same is None or _tells_another(analysis, lex, event.evidence):
            earlier.append(len(kept))
            kept.append(event)
        elif kept[same].fatalities is None:
            kept[same].fatalities = event.fatalities
    return kept


def _act_key(event: Event) -> tuple:
    place = event.place
    where = (place.geonameid, place.canonical) if place is not None else None
    return (event.subtype, where, event.date)


def _tells_another(analysis: Analysis, lex: Lexicon, sentence: Sentence | Evidence) -> bool:
    """Does the sentence tell a further act ("also", "another", "elsewhere")? Not where the
    word adds to what a source says ("the Observatory further said"): that may be of the act
    told before."""
    spoken = lex.words["spoken"]
    return any(
        not analysis.tokens.after(cue.end, spoken)
        for cue in analysis.hits_in(sentence, "cue", "another_act")
    )


def _lede_end(analysis: Analysis) -> int:
    """Where the text's first sentence ends: a headline and lede run together, as they do in
    text taken from a page."""
    return analysis.sentences[0].end if analysis.sentences else 0


def _retells(later: Event, earlier: Event, lede_end: int) -> bool:
    """May `later` tell `earlier` again (of one sub-type, place and date): the same doer or
    one unnamed, and no toll of its own; unless `earlier` is told in the headline or lede,
    which name the act in brief before the body gives its toll."""
    if (
        later.fatalities is not None
        and earlier.evidence.start >= lede_end
        and (earlier.fatalities is None or later.fatalities > earlier.fatalities)
    ):
        return False  # a toll of its own, not a part of the one told before
    return not _named(later.actor1) or not _named(earlier.actor1) or _side(later) == _side(earlier)


def _side(event: Event) -> str:
    """The doer's side: a state's government and its forces are one ("Syrian army", "the
    Syrian government" told of one strike)."""
    doer = event.actor1
    assert doer is not None
    return side_key(doer.canonical, doer.country, doer.agent)


def _per_place(analysis: Analysis, lex: Lexicon, event: Event, scope: Sentence) -> list[Event]:
    """An act on several places listed together ("shelled rebel positions in Daraa, Hama
    and Idlib provinces") is an event per place, as ACLED codes it; a toll, told for them
    all, stays with the first."""
    listed = _listed_with(analysis, lex, scope, event.place) if event.place else []
    return [event] + [
        replace(event, place=to_place(mention, event.evidence), fatalities=None)
        for mention in listed
        if mention.record.geonameid != event.place.geonameid  # type: ignore[union-attr]
    ]


def _listed_with(
    analysis: Analysis, lex: Lexicon, scope: Sentence, place: Place
) -> list[PlaceMention]:
    """The places of a list after a locative word ("in A, B and C") that holds `place`, in
    one country; empty when `place` is in no such list."""
    mentions = analysis.within(_event_places(analysis, lex), scope)
    runs: list[list[PlaceMention]] = []
    for mention in mentions:
        joined = runs and _LIST_GAP.spans(analysis.text, runs[-1][-1].end, mention.start)
        if joined and mention.record.country == runs[-1][-1].record.country:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    for run in runs:
        names = {m.record.geonameid for m in run}
        if (
            len(names) > 1
            and place.geonameid in names
            and _AND_IN_LIST.finds(analysis.text, run[0].end, run[-1].start)
            and analysis.tokens.before(run[0].start, lex.words["locative"], lex.skippable)
        ):
            return run
    return []


def _of_a_past_year(analysis: Analysis, trigger: Hit) -> bool:
    """Is the act dated to a year before the text's own ("Government troops recaptured the
    old city of Homs in 2014", in a 2017 article; "police fired on protests in the capital in
    early 2013")? Such an act is history told as background. The year must stand close to the
    act, in its clause."""
    years = _past_years(analysis)
    if years and _in_a_clause_of_a_year(analysis, trigger):
        return True
    start, end = max(0, trigger.start - _YEAR_REACH), trigger.end + _YEAR_REACH
    if not any(start <= year < end for year in years):
        return False  # the usual case: no earlier year written near the act
    text = analysis.text
    finds = (f for p in _IN_A_YEAR for f in p.finds(text, start, min(len(text), end)))
    for found in finds:
        between = text[min(found.end, trigger.end) : max(found.start, trigger.start)]
        if int(found.parts["year"]) < int((analysis.published or "0")[:4]) and not any(
            mark in between for mark in _CLAUSE_BREAKS
        ):
            return True
    return False


def _in_a_clause_of_a_year(analysis: Analysis, trigger: Hit) -> bool:
    """Is the act told in a clause that "when" opens after a year before the text's own
    ("since early 2011 when the regime cracked down on pro-democracy protests")?"""
    sentence = sentence_at(analysis.sentences, trigger.start)
    if sentence is None:
        return False
    text, this_year = analysis.text, int((analysis.published or "0")[:4] or 0)
    for found in _YEAR_WHEN.finds(text, sentence.start, trigger.start):
        between = text[found.end : trigger.start]
        if int(found.parts["year"]) < this_year and not any(
            mark in between for mark in (*_CLAUSE_BREAKS, " - ")
        ):
            return True
    return False


def _origin(analysis: Analysis, trigger: Hit) -> bool:
    """Is the act what a war began with ("the war that began with anti-government
    protests"), or what filled a span of time ("after two weeks of air strikes")? Such
    origins and campaigns are background, as an act of a past year is."""
    return any(p.ends(analysis.text, trigger.start) for p in _ORIGINS)


def _past_years(analysis: Analysis) -> list[int]:
    """Where the text writes a year before its own (offsets), found once per text."""
    if "past_years" not in analysis.memo:
        published = analysis.published or ""
        this_year = int(published[:4]) if published[:4].isdigit() else 0
        analysis.memo["past_years"] = [
            n.start for n in analysis.numbers if _FIRST_YEAR <= n.value < this_year
        ]
    return analysis.memo["past_years"]  # type: ignore[return-value]


def _since_a_date(analysis: Analysis, sentence: Sentence, lex: Lexicon) -> bool:
    """Does the sentence count its toll since a month, a year or the start of something
    ("84 journalists have been killed since 2011", "قتل 300 شخص منذ آذار", "killed since the
    army began its offensive"), as `_counted_since` reads it of its death words?"""
    deaths = analysis.hits_in(sentence, "cue", "deaths")
    return any(_counted_since(analysis, lex, sentence, death) for death in deaths)


def _war_total(analysis: Analysis, sentence: Sentence) -> bool:
    """Does the sentence give a war's toll ("the civil war has killed 400,000", "أسفر النزاع
    عن مقتل"), which no act of the news has?"""
    if not analysis.hits_in(sentence, "cue", "deaths"):
        return False
    text = analysis.text
    return any(p.finds(text, sentence.start, sentence.end) for p in _WAR_TOLL)


def _counted_since(analysis: Analysis, lex: Lexicon, sentence: Sentence, word: Hit) -> bool:
    """Is a date that counts since ("since 21 May", "since the offensive began") written
    closely after `word` (a death or act word), with no relative clause between ("killed
    three in Taiz, a town split since June 2015" tells one act)? Sought only where "since"
    or "منذ" is written."""
    if "since" not in sentence.text and "منذ" not in sentence.text:
        return False
    relative = lex.words["relative"]
    reach = _PERFECT_SINCE_REACH if analysis.tokens.before(word.start, _PERFECT) else _SINCE_REACH
    for since in _sinces(analysis, sentence):
        between = analysis.text[word.end : since.start].split()
        if (
            word.end <= since.start
            and len(between) <= reach
            and not any(normalize_term(w) in relative for w in between)
        ):
            return True
    return False


def _sinces(analysis: Analysis, sentence: Sentence) -> list[Found]:
    """The dates counted since in `sentence`, found once per sentence."""
    key = f"since:{sentence.start}"
    if key not in analysis.memo:
        text = analysis.text
        analysis.memo[key] = [
            f for p in _SINCE for f in p.finds(text, sentence.start, sentence.end)
        ]
    return analysis.memo[key]  # type: ignore[return-value]


def _told_again(events: list[Event], killings: list[Event]) -> list[Event]:
    """A killing told by its death word alone ("Syrian army kills 31", often the headline)
    is the act the text names elsewhere with the same doer ("Syrian warplanes targeted ...
    killing 31"): the named act stays, with the toll if it had none."""
    told = {id(k) for k in killings}
    first_by: dict[str, Event] = {}  # each doer's first act that a death word did not tell
    for event in events:
        if event.actor1 is not None and id(event) not in told:
            first_by.setdefault(event.actor1.canonical, event)
    dropped = set()
    for killing in killings:
        act = first_by.get(killing.actor1.canonical) if killing.actor1 else None
        if act is not None:
            act.fatalities = act.fatalities if act.fatalities is not None else killing.fatalities
            dropped.add(id(killing))
    return [e for e in events if id(e) not in dropped]


def _retold_in_headline(events: list[Event], headline_end: int) -> list[Event]:
    """A headline tells again an act the body reports ("Drone strike kills 3 near
    Marib", then the strike told in full): an event of the headline (the text up to
    `headline_end`) gives way to one of its type in the body, which takes its toll if it
    has none."""
    if not headline_end:
        return events
    body = [e for e in events if e.evidence.start >= headline_end]
    kept = []
    for event in events:
        told = next((e for e in body if e.type == event.type), None)
        if event.evidence.start >= headline_end or told is None:
            kept.append(event)
        elif told.fatalities is None:
            told.fatalities = event.fatalities
    return kept


def _named(actor: Actor | None) -> bool:
    return actor is not None and actor.canonical != _UNIDENTIFIED


def _carry_doers(events: list[Event], donors: list[Event]) -> None:
    """An act told again without its doer ("the airstrikes killed 12") is the one the text
    named before with its doer ("Russian warplanes bombed the town"), else after; the acts of
    running totals and campaigns (`donors`, not reported) name doers too."""
    told = sorted([*events, *donors], key=lambda e: e.evidence.start)
    lending = {id(d) for d in donors}
    later: dict[str | None, list[int]] = {}  # by sub-type, the indexes of acts naming a doer
    for index, event in enumerate(told):
        if _named(event.actor1):
            later.setdefault(event.subtype, []).append(index)
    last: dict[str | None, Actor] = {}  # by sub-type, the doer of the latest act naming one
    for index, event in enumerate(told):
        if event.actor1 is None and id(event) not in lending:
            doer = last.get(event.subtype)
            if doer is None:
                after = later.get(event.subtype, [])
                position = bisect_right(after, index)
                doer = told[after[position]].actor1 if position < len(after) else None
            event.actor1 = doer
        if _named(event.actor1):
            last[event.subtype] = event.actor1  # type: ignore[assignment]


def _armed_victim(
    analysis: Analysis,
    sentence: Sentence,
    scope: Sentence,
    trigger: Hit,
    actors: list[ActorMention],
    doer: Actor | None,
) -> bool:
    """Is the one attacked a combatant: an armed actor other than the doer (who in Arabic may
    stand right after the act: "هاجم مسلحون ...") or a combatant word right after the act
    ("shot dead a soldier"), not the attacker named after "by", or a combatant word right
    before a passive act ("a police officer was shot dead")?"""
    near = trigger.end + _VICTIM_REACH
    doing = (doer.name, doer.canonical) if doer else None
    if any(
        trigger.end <= a.start <= near
        and a.record.agent in ARMED
        and (a.text, a.record.canonical) != doing
        for a in actors
    ):
        return True
    text = analysis.text
    passive = _PASSIVE_BEFORE.ends(text, trigger.start)
    return any(
        (trigger.end <= h.start <= near and not _BY_BEFORE.ends(text, h.start))
        or (passive and 0 <= trigger.start - h.end <= _VICTIM_REACH)
        for h in analysis.hits_in(sentence, "cue", "combatants")
        if _within(h, scope)
    )


def _crowd(
    lex: Lexicon,
    event_type: str,
    trigger: Hit,
    evidence: Evidence,
    actor1: Actor | None,
    actor2: Actor | None,
) -> tuple[Actor | None, Actor | None]:
    """The crowd as actor1 (the one named, else the trigger's words), the other as actor2."""
    if actor1 is not None and actor1.agent == "CVL":
        return actor1, actor2
    crowd = lex.actors.get(_CROWD_ACTOR[event_type]) or lex.actors.get("protesters")
    if crowd is None:
        return actor1, actor2
    named = to_actor(ActorMention(trigger.start, trigger.end, trigger.text, crowd), evidence)
    return named, actor1 or actor2


def _names(
    analysis: Analysis, sentence: Sentence, scope: Sentence, cue: str, after: int = 0
) -> bool:
    """Does the scope name one of the `cue` words (after offset `after`)?"""
    return any(
        h.start >= after and _within(h, scope) for h in analysis.hits_in(sentence, "cue", cue)
    )


def _crowd_clash(
    analysis: Analysis,
    lex: Lexicon,
    sentence: Sentence,
    scope: Sentence,
    actors: list[ActorMention],
) -> bool:
    """Is the clash a crowd's: a crowd that takes part, not one that reports ("residents
    said"), and at most one armed side?"""
    armed = {a.record.canonical for a in actors if a.record.agent in ARMED | {"GOV"}}
    if len(armed) >= 2:
        return False
    return any(
        _within(h, scope) and not analysis.tokens.after(h.end, lex.words["speech"])
        for h in analysis.hits_in(sentence, "cue", "crowd")
    )


def _refers_back(analysis: Analysis, triggers: list[Hit], found: list[Event], last: Event) -> bool:
    """ "The clashes killed 20": the same act again, named with "the", adds to the last event."""
    if len(found) != 1 or found[0].subtype != last.subtype:
        return False
    return _THE_BEFORE.ends(analysis.text, triggers[0].start)


def _told_before(
    analysis: Analysis,
    lex: Lexicon,
    trigger: Hit,
    event: Event,
    scope: Sentence,
    events: list[Event],
) -> Event | None:
    """The event told before that a definite noun names again ("Eyewitnesses said the
    regime used cluster bombs in the airstrikes", "والغارات أسفرت عن ..."): the latest of its
    type and date, and of its place unless this sentence names none. None when the act is
    not so named, or tells a toll of its own (another act, or a count `_one_per_act`
    weighs)."""
    if not _definite_act(analysis, lex, trigger):
        return None
    own_place = bool(analysis.within(_event_places(analysis, lex), scope))
    for earlier in reversed(events):
        if earlier.type != event.type or earlier.date != event.date:
            continue
        if own_place and not _same_place(earlier.place, event.place):
            continue
        if event.fatalities is None or (
            earlier.fatalities is not None and event.fatalities <= earlier.fatalities
        ):
            return earlier
        return None
    return None


def _same_place(one: Place | None, other: Place | None) -> bool:
    return one is not None and other is not None and one.geonameid == other.geonameid


def _definite_act(analysis: Analysis, lex: Lexicon, trigger: Hit) -> bool:
    """Is the act named by a noun made definite: after "the" and words that describe it in
    English, with the article written on it in Arabic?"""
    words = trigger.text.split()
    if not words or normalize_term(words[-1]) not in _act_nouns():
        return False
    text = analysis.text
    word_start = max(text.rfind(" ", 0, trigger.start), text.rfind("\n", 0, trigger.start)) + 1
    prefix = normalize_term(text[word_start : trigger.start])
    if prefix:  # the Arabic article and the particles before it, on the noun's word
        return prefix in lex.words["definite_prefix"]
    return _DEFINITE_ACT.ends(text, trigger.start)


@cache
def _act_nouns() -> frozenset[str]:
    """The nouns of acts (knowledge/events.yaml `act_nouns`), normalized."""
    nouns = knowledge.load("events")["act_nouns"]
    return frozenset(normalize_term(word) for words in nouns.values() for word in words)


def _triggers(analysis: Analysis, lex: Lexicon, sentence: Sentence) -> list[Hit]:
    """One trigger per sub-event type, none that is denied, threatened or hypothetical (told
    after "if", "in a bid to", or just before "meant to": an act told before a purpose is
    done, "enforced a curfew in a bid to curb the outbreak"), nor, beside another act, one
    that only says who is at war with whom ("an air strike by the coalition fighting
    Daesh")."""
    hypothetical = analysis.hits_in(sentence, "cue", "hypothetical")
    negations = analysis.hits_in(sentence, "cue", "negation")
    threats = analysis.hits_in(sentence, "cue", "threat")
    acts = analysis.hits_in(sentence, "event") + _acted(analysis, sentence)
    if not acts:
        return [] if negations or threats or hypothetical else _armed_killing(analysis, sentence)
    halts = analysis.hits_in(sentence, "cue", "halting")
    held = analysis.hits_in(sentence, "cue", "weapons_held")
    kept: dict[str, Hit] = {}
    ordered = sorted(acts)
    for index, hit in enumerate(ordered):
        last = _listed_to(analysis.text, ordered, index)  # "air strikes and shelling are ..."
        if hit.key in _WEAPON_ACTS and any(0 <= hit.start - h.end <= _HELD_REACH for h in held):
            continue  # "seized 20 mortar shells", "a ship loaded with heavy weapons"
        # (each list asked first: most sentences have none of these cues)
        if negations and any(0 <= hit.start - n.end <= _NEGATION_REACH for n in negations):
            continue
        if halts and any(
            _near(hit, h, _NEGATION_REACH) or _near(last, h, _NEGATION_REACH) for h in halts
        ):
            continue  # "are to stop"; "strikes and shelling will stop"
        if threats and any(t.end <= hit.start for t in threats):
            continue
        if hypothetical and any(
            h.end <= hit.start or 0 <= h.start - last.end <= _INTENDED_REACH for h in hypothetical
        ):
            continue  # "if rebels shell the town", "strikes are meant to stop"
        if analysis.tokens.after(hit.end, lex.words["modal"]):
            continue  # "shelling would not end the siege": imagined, not told
        if _SITE_OF.ends(analysis.text, hit.start):
            continue  # "Khan Sheikhun, the site of a deadly April chemical attack": a place
        if _ASKED_WHO.ends(analysis.text, hit.start) or _ASKED_FIRST.spans(
            analysis.text, sentence.start, hit.start
        ):
            continue  # "it is unclear who fired", "Who attacked the convoy is disputed"
        if len(acts) > 1 and _between_sides(analysis, lex, sentence, hit):
            continue
        kept.setdefault(hit.key, hit)
    triggers = _one_clash(analysis, sentence, list(kept.values()))
    return _one_crowd_event(_no_crowd_met(analysis, sentence, triggers))


_PROTESTS = frozenset(_CROWD_STRENGTH) - {"protest_with_intervention"}


def _no_crowd_met(analysis: Analysis, sentence: Sentence, triggers: list[Hit]) -> list[Hit]:
    """Force used on a protest ("police fired tear gas") is an intervention in it; where
    neither this sentence nor the one before tells of a protest ("forces fired tear gas at
    farmers in their fields"), it is an attack on civilians, as ACLED codes it."""
    if not any(t.key == "protest_with_intervention" for t in triggers):
        return triggers
    index = sentence_index(analysis.sentences, sentence.start)
    for told in analysis.sentences[max(0, index - 1) : index + 1]:
        if any(h.key in _PROTESTS for h in analysis.hits_in(told, "event")):
            return triggers
    return [
        t._replace(key="attack") if t.key == "protest_with_intervention" else t for t in triggers
    ]


def _one_clash(analysis: Analysis, sentence: Sentence, triggers: list[Hit]) -> list[Hit]:
    """Fire and the reply to it in one sentence ("shelled the village, and the army fired
    back") are one armed clash: the shelling is part of it."""
    if not analysis.hits_in(sentence, "cue", "returned_fire"):
        return triggers
    if not any(t.key == "armed_clash" for t in triggers):
        return triggers
    return [t for t in triggers if t.key != "shelling_artillery_missile_attack"]


def _armed_killing(analysis: Analysis, sentence: Sentence) -> list[Hit]:
    """ "IS militants killed a soldier": with no act named, an armed subject of a death word
    attacked; the death word is the trigger (a battle if the dead bore arms)."""
    armed = [a for a in analysis.within(analysis.actors, sentence) if a.record.agent in ARMED]
    if not armed:
        return []
    text = analysis.text
    return [
        death._replace(kind=_KILLING, key="attack")
        for death in analysis.hits_in(sentence, "cue", "deaths")
        if has_subject(text, death, armed)
    ][:1]


def _between_sides(analysis: Analysis, lex: Lexicon, sentence: Sentence, hit: Hit) -> bool:
    """ "a coalition fighting Daesh": an act word right after one side and right before the
    other describes the sides, not an act."""
    if normalize_term(hit.text) not in lex.words["between_sides"]:
        return False
    text, actors = analysis.text, analysis.within(analysis.actors, sentence)
    return any(a.end <= hit.start and not text[a.end : hit.start].strip() for a in actors) and any(
        _OTHER_SIDE.spans(text, hit.end, a.start) for a in actors if a.start >= hit.end
    )


def _acted(analysis: Analysis, sentence: Sentence) -> list[Hit]:
    """Words that report an act only beside its doer ("Russian strikes", "IS attack", at most
    two words between) or its toll ("strikes kill"), as triggers of their sub-event type."""
    acted = analysis.hits_in(sentence, "acted")
    if not acted:
        return []
    text = analysis.text
    actors = analysis.within(analysis.actors, sentence)
    doers = [a for a in actors if a.record.agent not in NOT_DOERS]
    deaths = analysis.hits_in(sentence, "cue", "deaths")
    return [
        hit._replace(kind="event")
        for hit in acted
        if any(a.end <= hit.start and _ACT_GAP.spans(text, a.end, hit.start) for a in doers)
        or any(0 <= d.start - hit.end <= 1 for d in deaths)
    ]


def _listed_to(text: str, acts: list[Hit], index: int) -> Hit:
    """The last act of the list that the act at `index` opens ("air strikes and shelling",
    "القصف والغارات"): what is said after the list is said of each of its acts."""
    last = acts[index]
    for other in acts[index + 1 :]:
        if other.start < last.end or text[last.end : other.start] not in _LIST_JOINS:
            break
        last = other
    return last


_LIST_JOINS = frozenset({" and ", ", ", ", and ", " or ", " و", "، و", "، "})


def _near(a: Hit, b: Hit, reach: int) -> bool:
    """Are two spans within `reach` characters of each other, either way round?"""
    return 0 <= a.start - b.end <= reach or 0 <= b.start - a.end <= reach


def _one_crowd_event(triggers: list[Hit]) -> list[Hit]:
    """A sentence about a protest reports one crowd event, the strongest its words name (a
    riot over a protest, a protest met by force over a peaceful one); the harm done to the
    crowd, or that it protests about, is part of it, not another event."""
    crowd = [t for t in triggers if t.key in _CROWD_STRENGTH]
    if not crowd:
        return triggers
    strongest = max(crowd, key=lambda t: _CROWD_STRENGTH[t.key])
    return [strongest]


def _scope(sentence: Sentence, triggers: list[Hit], index: int) -> Sentence:
    """The part of the sentence that belongs to trigger `index`: from the end of the trigger
    before it to the start of the one after ("shelled X; clashes in Z killed 4")."""
    if len(triggers) == 1:
        return sentence
    start = triggers[index - 1].end if index else sentence.start
    separator = sentence.text.rfind(";", 0, triggers[index].start - sentence.start)
    start = max(start, sentence.start + separator + 1)
    end = triggers[index + 1].start if index + 1 < len(triggers) else sentence.end
    return Sentence(start, end, sentence.text[start - sentence.start : end - sentence.start])


class _Coding(NamedTuple):
    """What an event is coded as, and who acts in it."""

    type: str
    subtype: str
    plover: str | None
    actor1: Actor | None
    actor2: Actor | None


def _event(
    analysis: Analysis,
    lex: Lexicon,
    sentence: Sentence,
    trigger: Hit,
    scope: Sentence,
    published: str | None,
    places: tuple[PlaceMention | None, Counter[str]],
) -> Event:
    event_type, plover = lex.events[trigger.key]
    evidence = analysis.evidence(sentence)
    actors = analysis.within(analysis.actors, sentence)
    context = ActContext(analysis, lex, sentence, scope, trigger, actors, evidence)
    actor1, actor2 = who_acted(context, event_type)
    coding = _Coding(event_type, trigger.key, plover, actor1, actor2)
    coding = _recode_victims(_recode_actors(coding, context), context)
    dates = analysis.within(analysis.dates, sentence) or _months_before(analysis, sentence, trigger)
    return Event(
        type=coding.type,
        subtype=coding.subtype,
        plover=coding.plover,
        actor1=coding.actor1,
        actor2=coding.actor2,
        place=_place(analysis, lex, scope, sentence, evidence, places),
        date=_act_date(analysis.text, dates, trigger) or _document_date(analysis, published),
        fatalities=_toll(analysis, sentence, scope, lex),
        evidence=evidence,
    )


def _recode_actors(coding: _Coding, context: ActContext) -> _Coding:
    """ACLED codebook rules about who acts: armed men storming or gassing with no crowd
    attack civilians; the crowd acts in a protest; an unnamed bomber is an unidentified group.
    """
    lex, trigger, evidence = context.lex, context.trigger, context.evidence
    actor1, actor2 = coding.actor1, coding.actor2
    if (
        coding.type in CROWDS
        and coding.subtype != "peaceful_protest"  # "an STC-organized demonstration"
        and actor1 is not None
        and actor1.agent in ARMED
    ):
        crowd_there = _names(context.analysis, context.sentence, context.scope, "crowd")
        if coding.type == "riots" or not crowd_there:
            return coding._replace(
                type=lex.events["attack"][0], subtype="attack", plover=lex.events["attack"][1]
            )
    if coding.type == "protests" or (coding.type in CROWDS and actor1 is None):
        actor1, actor2 = _crowd(lex, coding.type, trigger, evidence, actor1, actor2)
        return coding._replace(actor1=actor1, actor2=actor2)
    if actor1 is None and coding.subtype in _UNSEEN_HANDS:
        unknown = lex.actors.get(_UNIDENTIFIED)
        if unknown is not None:
            said = ActorMention(trigger.start, trigger.end, trigger.text, unknown)
            return coding._replace(actor1=to_actor(said, evidence))
    return coding


def _recode_victims(coding: _Coding, context: ActContext) -> _Coding:
    """ACLED codebook rules about who is hit: an attack on combatants is a battle, and a
    crowd's clash with forces, with no armed group on its side, is that crowd's riot."""
    analysis, lex = context.analysis, context.lex
    sentence, scope, trigger = context.sentence, context.scope, context.trigger
    if coding.type == "violence_against_civilians" and _armed_victim(
        analysis, sentence, scope, trigger, context.actors, coding.actor1
    ):
        event_type, plover = lex.events["armed_clash"]
        return coding._replace(type=event_type, subtype="armed_clash", plover=plover)
    if coding.subtype == "armed_clash" and _crowd_clash(
        analysis, lex, sentence, scope, context.actors
    ):
        event_type, plover = lex.events["violent_demonstration"]
        actor1 = coding.actor1
        crowd_on = actor1 if actor1 and actor1.agent == "CVL" else None
        actor1, actor2 = _crowd(
            lex, event_type, trigger, context.evidence, crowd_on, actor1 or coding.actor2
        )
        return _Coding(event_type, "violent_demonstration", plover, actor1, actor2)
    if coding.subtype == "attack" and not _named_doer(coding.actor1):
        crowd = _crowd_subject(analysis, scope, trigger, context.actors)
        if crowd is not None:
            event_type, plover = lex.events["mob_violence"]
            on = to_actor(crowd, context.evidence) if isinstance(crowd, ActorMention) else None
            actor1, actor2 = _crowd(lex, event_type, trigger, context.evidence, on, coding.actor2)
            return _Coding(event_type, "mob_violence", plover, actor1, actor2)
    return coding


def _named_doer(doer: Actor | None) -> bool:
    return _named(doer) and doer is not None and doer.agent != "CVL"


def _crowd_subject(
    analysis: Analysis, scope: Sentence, trigger: Hit, actors: list[ActorMention]
) -> Hit | ActorMention | None:
    """The crowd that is the subject of an attack no armed doer is named for ("settlers beat
    and attacked a man", "villagers attacked the convoy"): a crowd word, or a civilian group,
    just before the act. ACLED codes a crowd's violence on people as mob violence."""
    crowds: list[Hit | ActorMention] = [
        *analysis.hits_in(scope, "cue", "crowd"),
        *(a for a in actors if a.record.agent == "CVL"),
    ]
    return next(
        (
            c
            for c in crowds
            if scope.start <= c.start and 0 <= trigger.start - c.end <= _SUBJECT_REACH
        ),
        None,
    )


_SUBJECT_REACH = 16  # characters between a crowd word and the act it is the subject of


def _place(
    analysis: Analysis,
    lex: Lexicon,
    scope: Sentence,
    sentence: Sentence,
    evidence: Evidence,
    places: tuple[PlaceMention | None, Counter[str]],
) -> Place | None:
    """The most specific place of the trigger's part of the sentence, else of the sentence,
    else of the document."""
    fallback, countries = places
    in_sentence = analysis.within(_event_places(analysis, lex), sentence)
    candidates = _inside(in_sentence, scope) or in_sentence
    # Where it happened is said with "in", "near", "at": prefer those places, unless another
    # in the same country is more specific ("in western Yemen (Al Hudaydah)").
    located = [
        p
        for p in candidates
        if analysis.tokens.before(p.start, lex.words["locative"], lex.skippable)
    ]
    best = _most_specific(located, countries)
    if best is None:
        best = _most_specific(candidates, countries)
    else:
        inside = [p for p in candidates if p.record.country == best.record.country]
        finer = _most_specific(inside, countries)
        if finer is not None and _rank_kind(finer) < _rank_kind(best):
            best = finer
    if (
        best is not None
        and fallback is not None
        and best.record.kind == "country"
        and fallback.record.country == best.record.country
    ):
        best = fallback  # "air strikes in northwestern Syria": the article's finest place there
    best = best or fallback
    return to_place(best, evidence) if best else None


def _event_places(analysis: Analysis, lex: Lexicon) -> list[PlaceMention]:
    """The document's places where an act may happen: not those that name a meeting or an
    accord held there ("the Astana talks"), nor a dateline, where the report was filed
    ("BEIRUT (Reuters) -"). Read once per document."""
    if "event_places" not in analysis.memo:
        analysis.memo["event_places"] = [
            p
            for p in analysis.places
            if not names_a_meeting(analysis.tokens, p, lex) and not _dateline(analysis, p)
        ]
    return analysis.memo["event_places"]  # type: ignore[return-value]


def _dateline(analysis: Analysis, place: PlaceMention) -> bool:
    sentence = sentence_at(analysis.sentences, place.start)
    return sentence is not None and is_dateline(analysis.text, sentence, place)


def _rank_kind(place: PlaceMention) -> int:
    return _SPECIFIC.get(place.record.kind, 3)


def _most_specific(places: list[PlaceMention], countries: Counter[str]) -> PlaceMention | None:
    """The most specific place; between equals, the one in the country the text names most."""

    def rank(place: PlaceMention) -> tuple[int, int]:
        return _rank_kind(place), -countries[place.record.country]

    return min(places, key=rank) if places else None


def _within(item: Hit | Number, scope: Sentence) -> bool:
    return scope.start <= item.start and item.end <= scope.end


def _act_date(text: str, dates: list[DateMention], trigger: Hit) -> str | None:
    """The date of the act: one written onto its word ("Sunday's bombardment", "weekend air
    raids"), else the sentence's first; a statement made later ("UNICEF on Tuesday condemned
    weekend air raids") dates itself, not the act."""
    for mention in dates:
        between = text[mention.end : trigger.start]
        if mention.end <= trigger.start and between.strip() in _ONTO_ACT:
            return mention.date
    return dates[0].date if dates else None


_ONTO_ACT = frozenset({"", "'s", "’s", "s"})  # "s": a possessive whose apostrophe was lost


def _months_before(analysis: Analysis, sentence: Sentence, trigger: Hit) -> list[DateMention]:
    """An earlier month the sentence names before the act, which then happened in it
    ("quieter than in the last days of April, when air strikes killed dozens", in May)."""
    return [m for m in analysis.within(analysis.past_months, sentence) if m.end <= trigger.start]


def _before_the_news(date: str | None, reference: str | None) -> bool:
    """Is the act's day more than `_NEWS_DAYS` before the article's own? ACLED codes the
    acts of the period a report covers; older ones it tells are background."""
    if not date or not reference or len(date) < 10 or len(reference) < 10:
        return False
    try:
        gap = dt.date.fromisoformat(reference[:10]) - dt.date.fromisoformat(date[:10])
    except ValueError:
        return False
    return gap.days > _NEWS_DAYS


def _document_date(analysis: Analysis, published: str | None) -> str | None:
    return analysis.dates[0].date if analysis.dates else published


def _inside(items: list[PlaceMention], scope: Sentence) -> list[PlaceMention]:
    return [i for i in items if scope.start <= i.start and i.end <= scope.end]


def _toll(analysis: Analysis, sentence: Sentence, scope: Sentence, lex: Lexicon) -> int | None:
    """Deaths stated in `scope` (a sentence or part of one), or 0 for "no casualties".

    Each death word counts the number right after it ("killing 3", "killed 3") or else the
    nearest before it ("3 soldiers were killed"); the tolls of several death words add up
    ("6 were killed by fire and 3 by mines"). A death word with no number but a single victim
    ("killed a soldier", "a commander was shot dead") counts one.
    """
    if [h for h in analysis.hits_in(sentence, "cue", "no_deaths") if _within(h, scope)]:
        return 0
    deaths = [h for h in analysis.hits_in(sentence, "cue", "deaths") if _within(h, scope)]
    if not deaths:
        return None
    numbers = [n for n in analysis.within(analysis.numbers, sentence) if _within(n, scope)]
    subset = lex.words["subset"]
    whole_of = _wholes(analysis.text, numbers, subset)
    counted: dict[int, int] = {}
    singles = 0
    for word in deaths:
        number = _count_for(analysis.text, word, numbers, deaths, lex.qualifiers, subset)
        number = whole_of.get(number.start, number) if number is not None else None
        if number is not None:
            counted[number.start] = number.value
            for joined in _joined_counts(analysis.text, number, numbers):
                counted[joined.start] = joined.value
        elif _single_victim(analysis.text, word):
            singles = 1
    if counted:  # a toll repeated (headline and lead run together) is counted once
        return sum(set(counted.values()))
    return singles or None


def _count_for(
    text: str,
    word: Hit,
    numbers: list[Number],
    deaths: list[Hit],
    qualifiers: frozenset[str],
    subset: frozenset[str],
) -> Number | None:
    after = [
        n
        for n in numbers
        if 0 <= n.start - word.end <= _QUALIFIED
        and normalize_term(text[word.end : n.start]) in qualifiers | {""}
        and not _counts_the_living(text, n)  # "2 killed 13 injured"
    ]
    if after:
        return after[0]
    before = [
        n
        for n in numbers
        if 0 <= _counted_to(text, n, word, subset) - n.end <= _reach(text, n, word)
        and not any(n.end <= d.start < word.start for d in deaths)  # another word's number
    ]
    return before[-1] if before else None


def _reach(text: str, number: Number, word: Hit) -> int:
    """How far before a death word its count may stand: further where the count opens the
    subject of a passive death word with no clause mark between ("Four staff of the Union of
    Syrian Medical Relief Organisations were killed")."""
    between = text[number.end : word.start]
    if _PASSIVE_SUBJECT.ends(text, word.start) and not any(m in between for m in _CLAUSE_BREAKS):
        return 2 * _TOLL_REACH
    return _TOLL_REACH


def _counted_to(text: str, number: Number, word: Hit, subset: frozenset[str]) -> int:
    """Where the words a number counts end before a death word: at "including" or "among
    them", whose part of the group ("17 troops including a commander were killed") stands
    between the count and the word, else at the word."""
    if word.start - number.end > 2 * _TOLL_REACH:
        return word.start
    stretch = text[number.end : word.start]
    between = f" {fold(stretch) or stretch.lower()} "  # as subset words are written
    found = [between.find(f" {w} ") for w in subset]
    return number.end + min((i for i in found if i >= 0), default=word.start - number.end)


def _counts_the_living(text: str, number: Number) -> bool:
    """Is the number followed by a word that makes it a count of the wounded or the held
    ("13 injured", "2 were wounded")? Not where that word is a verb with a count of its own
    ("killed 30 people and injured 90"), nor where another count stands between ("killed 14
    and 40 were wounded"): the number before it is the dead."""
    end = _NOT_DEAD_AFTER.end_of(text, number.end)
    if end is None:
        return False
    between, following = text[number.end : end], text[end : end + 3].lstrip()[:1]
    return not following.isdigit() and not any(c.isdigit() for c in between)


def _wholes(text: str, numbers: list[Number], subset: frozenset[str]) -> dict[int, Number]:
    """The counts of a part of the people counted before them, by their start, with that
    whole count ("24 people including five children and two women": five and two are of the
    24; `subset`: the words of cues.yaml `subset`)."""
    whole_of: dict[int, Number] = {}
    whole: Number | None = None
    for number in numbers:
        if whole is not None:
            between = f" {normalize_term(text[whole.end : number.start])} "
            if any(f" {w} " in between for w in subset):
                whole_of[number.start] = whole
                continue
        whole = number
    return whole_of


def _joined_counts(text: str, first: Number, numbers: list[Number]) -> list[Number]:
    """The counts joined to a toll by "and" ("killing six civilians and five militiamen",
    "two women and their seven children"): the dead of one act, added up; not one that the
    words after it make the wounded ("3 soldiers and 2 were wounded")."""
    joined = []
    last = first
    for number in (n for n in numbers if n.start > first.start):
        if not _ANOTHER_COUNT.spans(text, last.end, number.start):
            break
        if _NOT_DEAD_AFTER.starts(text, number.end):
            break
        joined.append(number)
        last = number
    return joined


def _single_victim(text: str, word: Hit) -> bool:
    """ "killed a soldier", "shot dead an officer", "a commander was killed"."""
    return _A_VICTIM_AFTER.starts(text, word.end) or _A_VICTIM.ends(text, word.start)
