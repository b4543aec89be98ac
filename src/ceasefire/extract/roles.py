"""Who takes which part in a ceasefire mention: parties, sponsors, mediators.

The words of knowledge/roles.yaml place the actors of the sentence around them: the list of
names right after "between", after a term's "with", or joined before a term ("the
Israel-Hezbollah truce") are parties; after "guaranteed by" or "by decision of" sponsors; after
"mediated by", "under the auspices of" or "بوساطة", written onto "-brokered", titled envoy, or
monitoring it, mediators. Names joined by "and", "و" or commas are read as one list, so that
"X and Y agreed" binds both. The subject of a verb is the list right before it, or for an
Arabic verb first the list right after it ("اتفقت أمريكا وروسيا"): who agrees to it or breaches
it is a party, unless two foreign powers agree on it for a third country (sponsors); who
declares or calls for it, or says that the sides agreed, is a sponsor, except an armed group
reporting it (a party) and the announcer of a mediation (a mediator). A unilateral halt binds
no one by being declared: its declarer is its sponsor. Names left out of it ("does not apply
to", "باستثناء") take no part. Mediators named by a cue in a sentence of the document without
a term are the mediators of its mentions. Distances are counted in words, and a list or a
subject never runs across a clause mark.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ceasefire import knowledge
from ceasefire.extract.actors import ActorMention, unique_actors
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import normalize_term
from ceasefire.extract.patronage import one_war, stand_behind
from ceasefire.extract.patterns import pattern
from ceasefire.extract.sentences import Sentence, sentence_at
from ceasefire.records import Actor, Ceasefire, Evidence

if TYPE_CHECKING:
    from ceasefire.extract.attribution import Speakers

_BELLIGERENT = frozenset({"REB", "INS", "OPP"})
_NEGOTIATED = pattern("negotiated")
_ANNOUNCING = frozenset({"GOV", "IGO"})  # who announces what others agreed
# Civilians, refugees and the press report or suffer a truce; they neither sponsor it nor
# bind themselves to it ("three civilians were killed... announced by Russia").
_BYSTANDERS = frozenset({"CVL", "REF", "MED"})
# International bodies and aid agencies mediate, monitor or call for a truce; they are never
# bound by one ("OSCE monitors reported violations of the truce")
_NEVER_BOUND = frozenset({"IGO", "NGO"})
# Marks that end a clause: a list of names or a subject does not run across them.
_CLAUSE_MARKS = frozenset(",;:–—()[]\n.!?؛،")
_TYPED_DASHES = ("--", " - ")  # a dash typed with hyphens also ends a clause
# Marks that may stand inside a list of names ("the US, Russia and Jordan", 'و"أنصار الله"').
_LIST_MARKS = frozenset(",،\"'“”«»()")
_HYPHENS = frozenset("-‐–")  # a hyphen joins the two sides named before a term
_BREACH_BY = 5  # words between a breach and its "by" ("violation of the truce by")
_NEAR_TERM = 4  # words between a term and its "with" ("a truce with the rebels")
_AFTER_CUE = 3  # words between a cue and the first name it governs ("between the army")
_SUBJECT_GAP = 4  # words between a subject and its verb ("Russia's military has announced")
_FOREIGN_WORDS = 2  # of which at most this many words outside the known filler words
_OBJECT_GAP = 6  # words between a verb and the term it declares ("declared a three-day truce")
_SAID_GAP = 4  # words between "said" and the agreement it reports ("said that X agreed")
_REPORT_GAP = 12  # words between a verb and the term of what it reports ("announced that ...")
_MONITOR_GAP = 5  # words between a monitor and "monitoring" ("a UN mission monitoring")
_APPOSITION = 20  # words of an apposition between a subject and its verb, at most


@dataclass(frozen=True, slots=True)
class _Words:
    """The context words of knowledge/roles.yaml, normalized as the text is."""

    coordination: frozenset[str]
    list_filler: frozenset[str]
    filler: frozenset[str]
    joined: frozenset[str]
    states: dict[str, str]  # ISO alpha-3 -> alpha-2
    envoys: frozenset[str]
    reporting: frozenset[str]
    list_tails: tuple[tuple[str, ...], ...]  # longest first
    asked: frozenset[str]  # before a verb of keeping: it is asked of someone ("to observe")
    self_reference: frozenset[str]  # "they" of "X said they agreed": the speakers themselves
    lines: frozenset[str]  # "the border" of "the border between X and Y": no sides named


@cache
def _words() -> _Words:
    roles = knowledge.load("roles")

    def flat(group: dict[str, list[str]]) -> frozenset[str]:
        return frozenset(normalize_term(w) for words in group.values() for w in words or [])

    return _Words(
        coordination=flat(roles["coordination"]),
        list_filler=flat(roles["list_filler"]),
        filler=flat(roles["between_subject_and_verb"]),
        joined=flat(roles["joined_mediators"]),
        states=dict(roles["states"]),
        envoys=flat(roles["envoy_titles"]),
        reporting=flat(roles["reporting"]),
        asked=flat(roles["asked"]),
        self_reference=flat(roles["self_reference"]),
        lines=flat(roles["lines"]),
        list_tails=tuple(
            sorted({tuple(w.split()) for w in flat(roles["list_tail"])}, key=len, reverse=True)
        ),
    )


def keepers(
    analysis: Analysis,
    sentence: Sentence,
    actors: list[ActorMention],
    speakers: Speakers,
    evidence: Evidence,
) -> list[Actor]:
    """Who says it keeps the arrangement, or is accused with the other side of breaking it
    (knowledge/roles.yaml `keep`): parties, unless the halt is unilateral. The subject of
    the words, else, when no name stands before them, who says them ("his forces would
    observe the ceasefire, the president said") unless they are only asked of someone
    ("called on all sides to observe it")."""
    actors = [a for a in actors if a.record.agent not in _BYSTANDERS]
    reader = _Reader(analysis, sentence, actors)
    found: list[Actor] = []
    if reader.hits("unilateral"):  # a declarer keeping its own halt binds itself to no one
        return found
    for verb in reader.hits("keep"):
        subject = reader.subject_of(verb)
        if subject:
            found += unique_actors(subject, evidence)
        elif not analysis.tokens.before(verb.start, _words().asked):
            found += [
                a for a in speakers.characterizers(sentence, [verb], evidence) if a.agent != "IGO"
            ]
    return found


class Sides(NamedTuple):
    """The roles of one sentence's mentions."""

    parties: list[Actor]
    sponsors: list[Actor]
    mediators: list[Actor]
    spoken: frozenset[str]  # parties only because their forces speak of it


def mention_sides(
    analysis: Analysis,
    sentence: Sentence,
    speakers: Speakers,
    terms: list[Hit],
    excluded: list[Actor],
    evidence: Evidence,
) -> Sides:
    """The parties, sponsors and mediators of the sentence's terms: by the role words
    (`mention_roles`); a side that says it keeps the arrangement (`keepers`) is a party even
    if it announced it; so is one whose armed forces speak of it ("the army said the truce
    held"), unless the halt is unilateral. None of those excluded, nor a mediator, nor an
    international body or aid agency."""
    roles, keeping = _sentence_sides(analysis, sentence, speakers, evidence)
    parties, sponsors, mediators = (list(found) for found in roles)
    kept = {a.canonical: a for a in keeping}
    armed: dict[str, Actor] = {}
    if not analysis.hits_in(sentence, "role", "unilateral"):
        armed = {a.canonical: a for a in speakers.armed_speakers(sentence, terms, evidence)}
    left_out = {a.canonical for a in excluded + mediators}
    named = {a.canonical for a in parties} | set(kept)
    sides = {a.country for a in [*parties, *kept.values()] if a.country}
    spoken = frozenset(
        name
        for name, actor in armed.items()
        if name not in named
        and name not in left_out
        and actor.country  # a multinational coalition speaks as a backer
        and actor.country not in sides
    )
    added = [*kept.values(), *(actor for name, actor in armed.items() if name in spoken)]
    parties = _unique(
        [a for a in parties + added if a.canonical not in left_out and a.agent not in _NEVER_BOUND]
    )
    sponsors = [a for a in sponsors if a.canonical not in kept and a.canonical not in spoken]
    return Sides(parties, sponsors, mediators, spoken)


def _sentence_sides(
    analysis: Analysis, sentence: Sentence, speakers: Speakers, evidence: Evidence
) -> tuple[tuple[list[Actor], list[Actor], list[Actor]], list[Actor]]:
    """The roles the sentence's words give and the sides that say they keep it: the same for
    every term of the sentence, so read once per sentence (callers copy the lists)."""
    key = f"sides:{sentence.start}"
    if key not in analysis.memo:
        actors = analysis.within(analysis.actors, sentence)
        analysis.memo[key] = (
            mention_roles(analysis, sentence, actors, evidence),
            keepers(analysis, sentence, actors, speakers, evidence),
        )
    return analysis.memo[key]  # type: ignore[return-value]


def brokers_stay_mediators(analysis: Analysis, mentions: list[Ceasefire]) -> None:
    """The states and bodies that a sentence naming the arrangement presents as having
    negotiated it ("following intense negotiation, Blinken said"; "Oman, backed by Kuwait,
    had held weeks of intense negotiations towards the truce"), none of its parties or
    sides, are its brokers: its mediators there, and in every mention where they are named
    sponsors for announcing it."""
    sides = {a.canonical for m in mentions for a in m.parties}
    sides |= {a.record.canonical for a in document_sides(analysis)}
    brokers: dict[str, Actor] = {}
    negotiating: dict[int, bool] = {}  # by sentence: does it speak of negotiating?
    for mention in mentions:
        sentence = sentence_at(analysis.sentences, mention.evidence.start)
        if sentence is None:
            continue
        if sentence.start not in negotiating:
            found = _NEGOTIATED.finds(analysis.text, sentence.start, sentence.end)
            negotiating[sentence.start] = bool(found)
        if not negotiating[sentence.start]:
            continue
        named = analysis.within(analysis.actors, sentence)
        speaking = mention.characterized_by + unique_actors(named, mention.evidence)
        here = [a for a in speaking if a.agent in _ANNOUNCING and a.canonical not in sides]
        brokers.update((a.canonical, a) for a in here)
        mention.mediators = _unique(mention.mediators + here)
    _sponsors_mediate(mentions, brokers.keys())


def standing_mediators(mentions: list[Ceasefire], war: str | None) -> None:
    """The standing mediators of the text's war (knowledge/wars.yaml `mediators`), which
    broker its ceasefires by mandate, are mediators where a mention names them sponsors for
    announcing or backing an arrangement: "the Stockholm agreement that the UN
    Secretary-General announced" is the UN's mediation in Yemen."""
    standing = _standing_mediators().get(war or "")
    if not standing:
        return
    _sponsors_mediate(mentions, standing)


def _sponsors_mediate(mentions: list[Ceasefire], canonicals: Collection[str]) -> None:
    """The sponsors of each mention that are among `canonicals` become its mediators."""
    for mention in mentions:
        moved = [a for a in mention.sponsors if a.canonical in canonicals]
        if moved:
            mention.sponsors = [a for a in mention.sponsors if a.canonical not in canonicals]
            mention.mediators = _unique(mention.mediators + moved)


@cache
def _standing_mediators() -> dict[str, frozenset[str]]:
    """The standing mediators of each war, by the country it is fought in."""
    return {
        entry["fought_in"]: frozenset(entry["mediators"])
        for entry in knowledge.load("wars")["mediators"]
    }


def without_backers(mentions: list[Ceasefire], spoken: list[frozenset[str]]) -> None:
    """A country that sponsors or mediates an arrangement of the document is no party for its
    forces' words alone: a patron's army speaks of the truce it guarantees."""
    backers = {a.country for m in mentions for a in m.sponsors + m.mediators if a.country}
    for mention, only_spoken in zip(mentions, spoken, strict=True):
        mention.parties = [
            a for a in mention.parties if not (a.canonical in only_spoken and a.country in backers)
        ]


def sides_by_default(analysis: Analysis, mentions: list[Ceasefire]) -> None:
    """A document that names the two sides of its war ("between the army and the RSF", "كلا
    الجانبين (الحكومة وجماعة الحوثي)") but no party of any arrangement it reports: the sides
    are the parties of its arrangements, unless one is declared unilaterally; those a mention
    names as sponsors, mediators or excluded stay so."""
    if any(m.parties for m in mentions) or analysis.sentences_with("role", "unilateral"):
        return
    sides = document_sides(analysis)
    if len(_names(sides)) < 2:
        return
    for mention in mentions:
        held = {a.canonical for a in mention.sponsors + mention.mediators}
        held |= {a.canonical for a in mention.excluded["actors"]}
        mention.parties = [
            a for a in unique_actors(sides, mention.evidence) if a.canonical not in held
        ]


def _unique(actors: list[Actor]) -> list[Actor]:
    """Each actor once, the first time it is named."""
    first: dict[str, Actor] = {}
    for actor in actors:
        first.setdefault(actor.canonical, actor)
    return list(first.values())


def mention_roles(
    analysis: Analysis, sentence: Sentence, actors: list[ActorMention], evidence: Evidence
) -> tuple[list[Actor], list[Actor], list[Actor]]:
    """The parties, sponsors and mediators the sentence names for its ceasefire terms, with
    the brokers that sentences of the document naming no term give it ("The talks, hosted by
    X, ended on Monday"), each with the sentence that names it."""
    actors = [a for a in actors if a.record.agent not in _BYSTANDERS]
    parties: list[ActorMention] = []
    sponsors: list[ActorMention] = []
    mediators: list[ActorMention] = []
    if actors:
        parties, sponsors, mediators = _Reader(analysis, sentence, actors).roles()
    named = _names(parties) | _names(sponsors) | _names(mediators)
    return (
        unique_actors(parties, evidence),
        unique_actors(sponsors, evidence),
        unique_actors(mediators, evidence) + _elsewhere(_document_brokers(analysis), named),
    )


def _elsewhere(found: list[tuple[ActorMention, Evidence]], named: set[str]) -> list[Actor]:
    """The actors found in other sentences that this sentence gives no role, once each."""
    actors: list[Actor] = []
    for mention, evidence in found:
        if mention.record.canonical not in named:
            named = named | {mention.record.canonical}
            actors += unique_actors([mention], evidence)
    return actors


_Found = list[tuple[ActorMention, Evidence]]
_Roles = tuple[list[ActorMention], list[ActorMention], list[ActorMention]]


def _document_brokers(analysis: Analysis) -> _Found:
    """Mediators that the document's sentences without a ceasefire term name by a cue ("talks
    hosted by", "بوساطة", "the UN envoy", "monitors of"): the talks around the arrangement,
    told apart from it. Guarantors are not taken so: "brokered by" and "proposed by" there
    may speak of another instrument (a resolution, a framework). Read once per document."""
    if "brokers" in analysis.memo:
        return analysis.memo["brokers"]  # type: ignore[return-value]
    with_terms = {s.start for s in analysis.sentences_with("term")}
    mediators: _Found = []
    for sentence in analysis.sentences_with("role"):
        actors = [
            a
            for a in analysis.within(analysis.actors, sentence)
            if a.record.agent not in _BYSTANDERS
        ]
        if sentence.start in with_terms or not actors:
            continue
        evidence = analysis.evidence(sentence)
        reader = _Reader(analysis, sentence, actors)
        neutral = reader.brokered([])[1]
        mediators += [(a, evidence) for a in reader.brokers() + neutral]
    analysis.memo["brokers"] = mediators
    return mediators


def document_sides(analysis: Analysis) -> list[ActorMention]:
    """The sides of the war the document is about, as it names them after "between" ("a truce
    between the army and the RSF", "معارك بين الجيش وقوات الدعم السريع"): whom "both sides"
    and "الطرفان" stand for. The first such list of two actors or more, from a sentence naming
    an arrangement if one does, else from any sentence. Read once per document."""
    if "sides" in analysis.memo:
        return analysis.memo["sides"]  # type: ignore[return-value]
    with_terms = {s.start for s in analysis.sentences_with("term")}
    found: dict[bool, list[ActorMention]] = {}
    for sentence in analysis.sentences_with("role"):
        named = sentence.start in with_terms
        if named in found:
            continue
        actors = [
            a
            for a in analysis.within(analysis.actors, sentence)
            if a.record.agent not in _BYSTANDERS
        ]
        sides = _Reader(analysis, sentence, actors)._after_cues("parties") if actors else []
        if len(_names(sides)) >= 2:
            found[named] = sides
    sides = found.get(True) or found.get(False) or _armed_of_one_country(analysis)
    analysis.memo["sides"] = sides
    return sides


def _armed_of_one_country(analysis: Analysis) -> list[ActorMention]:
    """With no "between", the sides of a civil war are the armed forces and groups of the one
    country that the document names two or more of ("the army", "the RSF"), each once; none
    when it names armed actors of several countries (a war between states, or foreign forces)."""
    armed = [a for a in analysis.actors if a.record.agent in _ARMED_SIDES and a.record.country]
    countries = {a.record.country for a in armed}
    if len(countries) != 1:
        return []
    first: dict[str, ActorMention] = {}
    for actor in armed:
        first.setdefault(actor.record.canonical, actor)
    return list(first.values()) if len(first) >= 2 else []


_ARMED_SIDES = frozenset({"MIL", "REB", "INS"})


def _patrons_of_sides(
    analysis: Analysis, brokers: list[ActorMention], parties: list[ActorMention]
) -> bool:
    """Do the brokers stand behind the sides: each side named here, else each of the sides the
    document names, backed by one of them? Where the text names no sides, do they back the
    sides of one war ("a deal that Turkey, Iran and Qatar brokered")?"""
    date, records = analysis.published, [b.record for b in brokers]
    named = [p.record for p in parties if p.record.canonical not in _names(brokers)]
    sides = named or [a.record for a in document_sides(analysis)]
    if sides:
        return stand_behind(records, sides, date)
    return one_war(records, date)


class _Reader:
    """The roles of one sentence's actors, read from the role words around them."""

    def __init__(self, analysis: Analysis, sentence: Sentence, actors: list[ActorMention]):
        self.analysis = analysis
        self.sentence = sentence
        self.actors = actors
        self.text = analysis.text
        self.words = _words()

    def hits(self, key: str) -> list[Hit]:
        return self.analysis.hits_in(self.sentence, "role", key)

    def roles(self) -> _Roles:
        """The sentence's parties, sponsors and mediators, each actor in one role."""
        unilateral = bool(self.hits("unilateral"))
        parties, sponsors = self._committed(unilateral)
        announced = self._announced(unilateral)
        patrons, neutral = self.brokered(parties + announced[0])
        return _one_role_each(
            parties + announced[0],
            sponsors + announced[1] + patrons,
            announced[2] + self.brokers() + neutral,
            left_out=self._excluded(),
            decreed=_names(self._after_cues("decreed")),
        )

    def brokered(
        self, parties: list[ActorMention]
    ) -> tuple[list[ActorMention], list[ActorMention]]:
        """Who brokered it ("brokered by", "the Qatar-brokered truce"), as its sponsors when
        they stand behind its sides (those named here, else the document's), else as its
        mediators."""
        brokers = self._after_cues("brokered") + self.joined_mediators()
        if not brokers:
            return [], []
        if _patrons_of_sides(self.analysis, brokers, parties):
            return brokers, []
        return [], brokers

    def _committed(self, unilateral: bool) -> tuple[list[ActorMention], list[ActorMention]]:
        """Who is bound by it and who stands behind it, by the words of agreeing, breaching,
        naming the sides ("between"), guaranteeing and decreeing. Naming the sides of a
        unilateral halt binds none of them."""
        parties, sponsors = self._bound()
        if not unilateral:
            sides, foreign = self._sides_before_terms()
            parties += self._after_cues("parties") + self._near_terms() + sides
            sponsors += foreign
        sponsors += self._after_cues("sponsors") + self._after_cues("decreed")
        return parties, sponsors

    def _announced(self, unilateral: bool) -> _Roles:
        """Who announces, declares or calls for it: an armed group reporting it speaks as a
        party; in a sentence about mediating, a state or body announcing it is the broker;
        otherwise, and always for what is declared outright or alone, a sponsor. A side that
        declares a truce with another ("Colombia announces truce extension with ELN") is a
        party to it."""
        roles: _Roles = ([], [], [])
        mediating = bool(self.hits("mediation"))
        counterparts = set() if unilateral else _names(self._near_terms())
        for actor, declared in self._declarers():
            belligerent = actor.record.agent in _BELLIGERENT
            with_another = bool(counterparts - {actor.record.canonical}) and not mediating
            if with_another or (belligerent and not (declared or unilateral)):
                roles[0].append(actor)
            elif mediating and not belligerent:
                roles[2].append(actor)
            else:
                roles[1].append(actor)
        return roles

    def brokers(self) -> list[ActorMention]:
        """The brokers, hosts, envoys and monitors a sentence names by a cue, and those who
        work with both sides towards it."""
        return (
            self._after_cues("mediators")
            + self._subjects("between_both")
            + self._monitors()
            + self._envoys()
        )

    # --- lists of names -------------------------------------------------------------------

    def _list_at(self, index: int) -> list[ActorMention]:
        """The names joined to the one at `index` by "and", "و" or commas, in text order."""
        first = last = index
        while first > 0 and self._joined(first - 1, first):
            first -= 1
        while last + 1 < len(self.actors) and self._joined(last, last + 1):
            last += 1
        return self.actors[first : last + 1]

    def _joined(self, left: int, right: int) -> bool:
        """Are the two names items of one list? Only list marks and coordination words stand
        between them, and after a conjunction at most one other word."""
        gap = self.text[self.actors[left].end : self.actors[right].start]
        if gap in _HYPHENS:  # "the Israel-Hezbollah ceasefire"
            return True
        words = _gap_words(gap, _LIST_MARKS)
        if words is None:
            return False
        coordination, filler = self.words.coordination, self.words.list_filler
        phrase = f" {' '.join(words)} "
        for joiner in (c for c in coordination if " " in c and f" {c} " in phrase):
            phrase = phrase.replace(f" {joiner} ", " and ")
        words = phrase.split()
        joined = any(w in coordination or _conjoined(w, coordination) for w in words)
        others = [w for w in words if w not in coordination and w not in filler]
        # a conjunction may carry one word of the next name ("and Syrian rebel groups",
        # "وحركة"); a comma alone joins only names ("X, Y and Z", not "X, declaring Y")
        if joined:
            return len(others) <= 1
        return ("," in gap or "،" in gap) and not others

    def _first_after(self, end: int, reach: int) -> int | None:
        """The index of the first name within `reach` words after `end`, in the clause."""
        for index, actor in enumerate(self.actors):
            if actor.start >= end:
                # quotation marks, and the bracket of "both sides (the army and the RSF)"
                words = _gap_words(self.text[end : actor.start], frozenset("\"'“”«»("))
                return index if words is not None and len(words) <= reach else None
        return None

    def _last_before(self, start: int, reach: int, others: int) -> int | None:
        """The index of the last name within `reach` words before `start`, in the clause,
        with at most `others` words that are not filler words ("has", "قد")."""
        for index in range(len(self.actors) - 1, -1, -1):
            actor = self.actors[index]
            if actor.end <= start:
                return index if self._subject_gap(actor.end, start, reach, others) else None
        return None

    def _subject_gap(self, start: int, end: int, reach: int, others: int) -> bool:
        words = _gap_words(self.text[start:end], frozenset("\"'“”«»"))
        if words is not None:  # "X and other states (in the region) reached"
            tail = next((t for t in self.words.list_tails if tuple(words[: len(t)]) == t), ())
            words = words[len(tail) :]
        if words is None or len(words) > reach:
            return False
        return sum(w not in self.words.filler for w in words) <= others

    # --- cues -----------------------------------------------------------------------------

    def _after_cues(self, role: str) -> list[ActorMention]:
        """The list of names right after each cue of `role` ("between X and Y"); not after
        a "between" that places a border or a road ("the border between Turkey and Iraq")."""
        found: list[ActorMention] = []
        for cue in self.hits(role):
            if self.analysis.tokens.before(cue.start, self.words.lines):
                continue
            index = self._first_after(cue.end, _AFTER_CUE)
            if index is not None:
                found += self._list_at(index)
        return found

    def _sides_before_terms(self) -> tuple[list[ActorMention], list[ActorMention]]:
        """ "The Israel-Hezbollah ceasefire", "a Hamas and Israel truce": two or more names
        right before a term are its sides (parties), or, when they are powers foreign to the
        places named, its sponsors."""
        parties: list[ActorMention] = []
        backers: list[ActorMention] = []
        for term in self.analysis.hits_in(self.sentence, "term"):
            index = self._last_before(term.start, 1, 1)
            if index is None:
                continue
            sides = self._list_at(index)
            if len(_names(sides)) >= 2:
                (backers if self._foreign_powers(sides) else parties).extend(sides)
        return parties, backers

    def _near_terms(self) -> list[ActorMention]:
        """ "A truce with the rebels": the names after a "with" that follows a term."""
        terms = self.analysis.hits_in(self.sentence, "term")
        found: list[ActorMention] = []
        for cue in self.hits("parties_near_term"):
            if any(self._within(t.end, cue.start, _NEAR_TERM) for t in terms):
                index = self._first_after(cue.end, _AFTER_CUE)
                if index is not None:
                    found += self._list_at(index)
        return found

    def _within(self, start: int, end: int, reach: int) -> bool:
        """Do at most `reach` words, and no clause mark, stand between `start` and `end`?"""
        if start > end:
            return False
        words = _gap_words(self.text[start:end], frozenset())
        return words is not None and len(words) <= reach

    def _subjects(self, key: str) -> list[ActorMention]:
        """The list of names that is the subject of each verb of `key`: right before it, or
        for an Arabic verb first right after it (verb-subject order)."""
        found: list[ActorMention] = []
        for verb in self.hits(key):
            found += self.subject_of(verb)
        return found

    def subject_of(self, verb: Hit, reach: int = 2) -> list[ActorMention]:
        """The list of names right before the verb, or for an Arabic verb first the one
        within `reach` words after it ("أعلن الرئيس الأمريكي ترامب")."""
        index = None
        if _is_arabic(verb.text):
            index = self._first_after_verb(verb.end, reach)
        if index is None:
            index = self._last_before(verb.start, _SUBJECT_GAP, _FOREIGN_WORDS)
        if index is None:
            index = self._before_apposition(verb.start)
        return self._list_at(index) if index is not None else []

    def _before_apposition(self, start: int) -> int | None:
        """The subject named before an apposition set off by commas ("The army and the RSF,
        the two warring factions vying for control of the country, have agreed"): the last
        name right before the opening comma, when the apposition names no one."""
        text = self.text
        closing = text.rfind(",", self.sentence.start, start)
        if closing < 0 or not self._subject_gap(closing + 1, start, _SUBJECT_GAP, 0):
            return None
        opening = text.rfind(",", self.sentence.start, closing)
        inside = text[opening + 1 : closing]
        if opening < 0 or len(inside.split()) > _APPOSITION or set(inside) & _CLAUSE_MARKS:
            return None
        if any(opening < a.start < closing for a in self.actors):
            return None
        before = [i for i, a in enumerate(self.actors) if a.end <= opening]
        if before and not text[self.actors[before[-1]].end : opening].strip():
            return before[-1]
        return None

    def _declarers(self) -> list[tuple[ActorMention, bool]]:
        """Who announces, declares or proposes a term of the sentence, and whether the term is
        what they declare ("X declared a truce", "the truce X announced", "أعلن X عن هدنة")
        rather than what they report ("X announced that the sides agreed to a truce", "أعلنت X
        أن ..."). A verb whose term is neither its object nor in the clause it reports
        declares something else ("announced the interception of a rocket before the truce")."""
        terms = self.analysis.hits_in(self.sentence, "term")
        found: list[tuple[ActorMention, bool]] = []
        verbs = [(v, 2) for v in self.hits("declare")] + [(v, 0) for v in self.hits("call")]
        for verb, reach in verbs:
            subject = self.subject_of(verb, reach)
            # the object follows the verb, or the subject written after it ("أعلن X عن")
            after = max([verb.end] + [a.end for a in subject if a.start >= verb.end])
            declared = any(
                self._within(after, t.start, _OBJECT_GAP)
                or self._within(t.end, verb.start, _OBJECT_GAP)
                for t in terms
            )
            if declared or any(self._reports(after, t.start) for t in terms):
                found += [(a, declared) for a in subject]
        return found + [(a, False) for a in self._announcers_of_agreement()]

    def _announcers_of_agreement(self) -> list[ActorMention]:
        """ "The ministry said the two sides had agreed to a truce": a state or international
        body that says others agreed to it announces the agreement."""
        agreements = self.hits("agree")
        found: list[ActorMention] = []
        for verb in self.hits("say"):
            speaker = [a for a in self.subject_of(verb) if a.record.agent in _ANNOUNCING]
            after = max([verb.end] + [a.end for a in speaker if a.start >= verb.end])
            for agreed in agreements:
                sides = self.subject_of(agreed)
                # the agreeing sides, or else the verb, come right after "said (that)"
                start = sides[0].start if sides and sides[0].start >= after else agreed.start
                if speaker and self._within(after, start, _SAID_GAP):
                    if not sides and self._of_themselves(after, start):
                        continue  # "X and Y said they agreed": parties (`_self_reported`)
                    found += [a for a in speaker if a.record.canonical not in _names(sides)]
        return found

    def _self_reported(self) -> list[ActorMention]:
        """ "India and Pakistan said they have agreed to a ceasefire", "أعلن الطرفان أنهما
        اتفقا": who says that they themselves agreed is bound by it."""
        found: list[ActorMention] = []
        for verb in self.hits("say"):
            speaker = self.subject_of(verb)
            after = max([verb.end] + [a.end for a in speaker if a.start >= verb.end])
            for agreed in self.hits("agree"):
                if (
                    speaker
                    and not self.subject_of(agreed)
                    and self._within(after, agreed.start, _SAID_GAP)
                    and self._of_themselves(after, agreed.start)
                ):
                    found += speaker
        return found

    def _of_themselves(self, start: int, end: int) -> bool:
        """Do the words between a verb of saying and what it reports refer to its subject
        ("they", "we", "أنهما"; knowledge/roles.yaml `self_reference`)?"""
        words = _gap_words(self.text[start:end], frozenset()) or []
        return any(w in self.words.self_reference for w in words)

    def _reports(self, start: int, end: int) -> bool:
        """Does a clause reported by "that" or "أن" run from `start` to a term at `end`?"""
        words = _gap_words(self.text[start:end], frozenset())
        return (
            words is not None
            and len(words) <= _REPORT_GAP
            and any(w in self.words.reporting for w in words[:_OBJECT_GAP])
        )

    def _first_after_verb(self, end: int, reach: int) -> int | None:
        for index, actor in enumerate(self.actors):
            if actor.start >= end:
                return index if self._subject_gap(end, actor.start, reach, reach) else None
        return None

    def _bound(self) -> tuple[list[ActorMention], list[ActorMention]]:
        """Those who agree to it, accept it, sign it, or breach it (its parties), and those
        who arrange it without binding themselves (its sponsors): who agree on a unilateral
        halt, or states that agree on it for a third country's places."""
        parties = self._subjects("breach") + self._breachers_after() + self._self_reported()
        backers: list[ActorMention] = []
        unilateral = bool(self.hits("unilateral"))
        for verb in self.hits("agree"):
            subject = self.subject_of(verb)
            arranged = unilateral or self._foreign_powers(subject)
            (backers if arranged else parties).extend(subject)
        return parties, backers

    def _breachers_after(self) -> list[ActorMention]:
        """ "A violation of the truce by the militia": who is named after "by" within a few
        words after a word of breaching."""
        breaches = self.hits("breach")
        found: list[ActorMention] = []
        for cue in self.hits("breach_by"):
            if any(self._within(b.end, cue.start, _BREACH_BY) for b in breaches):
                index = self._first_after(cue.end, _AFTER_CUE)
                if index is not None:
                    found += self._list_at(index)
        return found

    def _foreign_powers(self, subject: list[ActorMention]) -> bool:
        """Are these two or more states, none of whose countries holds a place the sentence
        names ("the US and Russia agreed on a truce in the south of the country")?"""
        states = self.words.states
        codes = {states.get(a.record.country or "") for a in subject}
        if len(subject) < 2 or None in codes or any(a.record.agent != "GOV" for a in subject):
            return False
        places = {
            p.record.country for p in self.analysis.within(self.analysis.places, self.sentence)
        }
        places.discard("")
        return bool(places) and not codes & places

    def joined_mediators(self) -> list[ActorMention]:
        """ "The Qatar-brokered truce": the name written onto "-brokered"."""
        tokens, text = self.analysis.tokens, self.text
        return [
            a
            for a in self.actors
            if text[a.end : a.end + 1] in _HYPHENS and tokens.after(a.end, self.words.joined)
        ]  # written onto the word: "Hezbollah brokered by" is no "Hezbollah-brokered"

    def _envoys(self) -> list[ActorMention]:
        """ "The UN envoy", "المبعوث الأممي": an international body's envoy mediates."""
        titles = self.words.envoys
        return [
            a
            for a in self.actors
            if a.record.agent == "IGO" and any(t in titles for t in _phrases(a.text))
        ]

    def _monitors(self) -> list[ActorMention]:
        """ "A UN mission monitoring the truce", "Egypt will send delegations to monitor the
        truce": who watches over it, or sends others to, mediates it."""
        found: list[ActorMention] = []
        sends = self.hits("sends")
        for cue in self.hits("monitors"):
            index = self._last_before(cue.start, _MONITOR_GAP, _MONITOR_GAP)
            if index is not None:
                found.append(self.actors[index])
            for verb in (v for v in sends if v.end <= cue.start):  # "X will send ... to monitor"
                found += self.subject_of(verb)
        return found

    def _excluded(self) -> set[str]:
        """The names the sentence leaves out of it: after "does not apply to", or right
        before "are excluded"."""
        names: set[str] = set()
        for cue in self.hits("excluded"):
            index = self._first_after(cue.end, _AFTER_CUE)
            if index is not None:
                names |= _names(self._list_at(index))
        for cue in self.hits("excluded_before"):
            index = self._last_before(cue.start, _SUBJECT_GAP, _SUBJECT_GAP)
            if index is not None:
                names |= _names(self._list_at(index))
        return names


def _one_role_each(
    parties: list[ActorMention],
    sponsors: list[ActorMention],
    mediators: list[ActorMention],
    left_out: set[str],
    decreed: set[str],
) -> _Roles:
    """A mediator is neither party nor sponsor; who is bound by it does not stand behind it
    as well, unless it decreed it alone; a name left out of it takes no part."""
    mediating = _names(mediators) | left_out
    parties = [a for a in parties if a.record.canonical not in mediating | decreed]
    taken = mediating | _names(parties)
    sponsors = [a for a in sponsors if a.record.canonical not in taken]
    mediators = [a for a in mediators if a.record.canonical not in left_out]
    return parties, sponsors, mediators


def _names(actors: list[ActorMention]) -> set[str]:
    return {a.record.canonical for a in actors}


def _gap_words(gap: str, allowed: frozenset[str]) -> list[str] | None:
    """The normalized words between two spans, or None when a clause mark not in `allowed`
    stands between them."""
    if any(ch in _CLAUSE_MARKS and ch not in allowed for ch in gap):
        return None
    if any(dash in gap for dash in _TYPED_DASHES):  # "in April -- with the ..."
        return None
    cleaned = "".join(" " if ch in allowed else ch for ch in gap)
    # a quotation mark or a dash standing alone is no word
    return [normalize_term(w) for w in cleaned.split() if any(ch.isalnum() for ch in w)]


def _phrases(text: str) -> set[str]:
    """The normalized words of `text` and its two-word phrases."""
    words = normalize_term(text).split()
    return set(words) | {f"{a} {b}" for a, b in pairwise(words)}


def _conjoined(word: str, coordination: frozenset[str]) -> bool:
    """An Arabic conjunction written onto the next word ("وحركة": "and" + "movement")."""
    return len(word) > 2 and word[0] in coordination


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)
