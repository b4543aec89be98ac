"""Who calls a ceasefire mention by its term: the actors in whose mouth the text puts it.

A reporting word (knowledge/attribution.yaml) makes the actor next to it a speaker: the actor
before it in English ("the army said"), the one after it in Arabic and in English inversions
("قالت الوزارة", `," said the group`), the one after "according to" or "بحسب". A term is said
by the speaker of the quotation that holds it; else by the first speaker of its clause before
it, the outermost report ("X said Y agreed to a truce": X speaks); else by a speaker of an
earlier clause of its sentence; else by a speaker set off after it (", the army said"). A
clause opened by "while" or "فيما" with a speaker of its own is that speaker's. "He said", and
an Arabic verb whose subject is left unsaid ("وأضاف أن"), speak for the speaker named before.
Agencies, civilians and refugees relay or suffer a truce: they never characterize it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from ceasefire.extract.actors import ActorMention, unique_actors
from ceasefire.extract.analysis import Analysis
from ceasefire.extract.lexicon import ActorRecord, AttributionWords, Lexicon
from ceasefire.extract.matcher import Hit
from ceasefire.extract.normalize import has_arabic, normalize_term
from ceasefire.extract.roles import document_sides
from ceasefire.extract.sentences import Sentence, sentence_at
from ceasefire.records import Actor, Evidence

_BYSTANDERS = frozenset({"CVL", "REF", "MED"})  # civilians, refugees and the press
_ARMED = frozenset({"MIL", "REB", "INS"})  # armed forces and groups
_CLAUSE_MARKS = frozenset(',;:()[]“”"«»„‘’؛،')  # no subject and its verb stand across these
_CLAUSE_MARK = re.compile(f"[{re.escape(''.join(sorted(_CLAUSE_MARKS)))}]")
# words that may stand between a speaker and the verb after it ("on Friday", "foreign ministry
# spokesman Ali Nasser"), and between a verb and the speaker after it ("said the group")
_NEAR_BEFORE = 6
_NEAR_AFTER = 2
_LINKED = 4  # words joining two speakers of one verb ("and Palestinian militant group")
_QUOTE_GAP = 4  # words between a quotation and the report of it ("”, the army said")
_ANAPHOR_REACH = 3  # sentences back to the speaker that "he said" stands for
_MIN_QUOTE = 2  # words beyond the term: fewer, and the marks only set the term apart
_TITLE = 3  # words of a title between a comma and the speaker of a tag ("U.S. President")
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# "both sides" as a speaker, until read as the sides the document names
_COLLECTIVE = ActorRecord("both sides", None, "COLLECTIVE", None)


class _Span(NamedTuple):
    """A stretch of text, to look up what lies inside it."""

    start: int
    end: int


class Speech(NamedTuple):
    """A reporting word and who speaks by it; no speakers when the text names none known."""

    start: int
    end: int
    kind: str  # "verb" or "according"
    speakers: tuple[ActorMention, ...]
    sentence: int  # the start of its sentence
    collective: bool = False  # "both sides said": the sides speak as themselves


class Speakers:
    """Every report of a document, with its speakers, found once for all its terms. The
    reports are read in text order as far as the sentences asked about: a report's speakers
    depend only on the reports before it ("he said" takes the last ones)."""

    def __init__(self, analysis: Analysis, lex: Lexicon) -> None:
        self._analysis = analysis
        self._words = lex.attribution
        self._governments = lex.governments
        self._actors = lex.actors
        hits = self._words.matcher.find(analysis.text)
        self._joiners = [h for h in hits if h.kind == "joiner"]
        self._joiner_ends = {
            end for j in self._joiners for end in range(j.end, j.end + 2)
        }  # a verb right after "but", across one space
        self._relatives = [h for h in hits if h.kind == "relative"]
        self._collectives = [h for h in hits if h.kind == "collective"]
        self._starts = [s.start for s in analysis.sentences]
        self._marks: dict[int, list[int]] = {}  # clause marks by sentence, found when asked
        self._by_sentence: dict[int, list[Speech]] = {}
        self._reports = [h for h in hits if h.kind in ("verb", "according")]  # in text order
        self._anaphors = [h for h in hits if h.kind == "anaphor"]
        self._read = 0  # the reports before this one are read
        self._speeches: list[Speech] = []

    def characterizers(
        self, sentence: Sentence, terms: list[Hit], evidence: Evidence
    ) -> list[Actor]:
        """The actors who use one of `terms` (the words of one type in `sentence`, as "the
        truce" in a headline and again in the lead run on): their speakers, less those who
        only relay."""
        speakers = []
        for term in terms:
            speech = self._quoted_by(sentence, term) or self._reported_by(sentence, term)
            if speech is not None:
                speakers += [
                    a if speech.collective else self._side(a)
                    for a in speech.speakers
                    if a.record.agent not in _BYSTANDERS
                ]
        return unique_actors(speakers, evidence)

    def armed_speakers(
        self, sentence: Sentence, terms: list[Hit], evidence: Evidence
    ) -> list[Actor]:
        """The sides whose forces or fighters speak of one of `terms` ("the army said the
        truce held", "أعلن جيش الاحتلال انتهاء الهدنة", "the rebel commander said"): armed
        forces speak of a truce they are bound by."""
        found = []
        for term in terms:
            speech = self._quoted_by(sentence, term) or self._reported_by(sentence, term)
            if speech is not None:
                found += [a for a in speech.speakers if a.record.agent in _ARMED]
        return unique_actors(found, evidence)

    def _side(self, speaker: ActorMention) -> ActorMention:
        """A state's forces speak for the state: an army statement is the government's word,
        as a minister's or a spokesman's is."""
        record = speaker.record
        if record.agent != "MIL" or not record.country:
            return speaker
        return speaker._replace(record=self._governments.get(record.country, record))

    # ------------------------------------------------------------------ who speaks where

    def _read_until(self, offset: int) -> None:
        """Read the reports that begin before `offset`, in text order."""
        reports = self._reports
        while self._read < len(reports) and reports[self._read].start < offset:
            speech = self._speech(reports[self._read])
            self._read += 1
            if speech is not None:
                self._speeches.append(speech)
                self._by_sentence.setdefault(speech.sentence, []).append(speech)

    def _speech(self, hit: Hit) -> Speech | None:
        """The report of a reporting word with its speakers, or None when the word reports
        nothing here; "he said" takes the last speakers read."""
        analysis, speeches, anaphors = self._analysis, self._speeches, self._anaphors
        sentence = sentence_at(analysis.sentences, hit.start)
        if sentence is None:
            return None
        actors = self._candidates(sentence)
        if _inside_any(hit, [*actors, *analysis.within(analysis.places, sentence)]):
            return None
        found = (
            ()
            if self._pronoun_before(hit, anaphors)
            else self._speakers(hit, sentence, self._with_collectives(actors, sentence))
        )
        collective = any(a.record is _COLLECTIVE for a in found)
        if collective:
            found = self._sides_for_collectives(found)
        if not found and self._unsaid_subject(hit, sentence, anaphors):
            found = _last_speakers(speeches, self._starts, sentence)  # "وتابع:", "he said"
        elif not found and hit.key == "weak":
            return None  # "عبر" with no speaker beside it is "via"
        elif not found and self._second_verb(hit, sentence):
            found = (
                speeches[-1].speakers
                if speeches[-1:] and speeches[-1].sentence == (sentence.start)
                else ()
            )
        return Speech(hit.start, hit.end, hit.kind, found, sentence.start, collective)

    def _with_collectives(
        self, actors: list[ActorMention], sentence: Sentence
    ) -> list[ActorMention]:
        """The sentence's actors, and "both sides", "الطرفان" there as speakers to be read
        like names, in text order."""
        collectives = [
            ActorMention(h.start, h.end, h.text, _COLLECTIVE)
            for h in self._collectives
            if sentence.start <= h.start < sentence.end
        ]
        return sorted([*actors, *collectives]) if collectives else actors

    def _sides_for_collectives(self, found: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
        """The speakers, with "both sides" read as the sides the document names."""
        sides = document_sides(self._analysis)
        return tuple(side for a in found for side in (sides if a.record is _COLLECTIVE else [a]))

    def _candidates(self, sentence: Sentence) -> list[ActorMention]:
        """The sentence's actors, and the names read there as places that also name an actor:
        next to a reporting word, "Moscow" and "Turkey" are their governments speaking
        ("while Moscow speaks of", "according to Turkey")."""
        analysis = self._analysis
        actors = analysis.within(analysis.actors, sentence)
        taken = {a.start for a in actors}
        places = {p.start for p in analysis.within(analysis.places, sentence)}
        extra = [
            ActorMention(h.start, h.end, h.text, self._actors[h.key])
            for h in analysis.hits_in(sentence, "actor")
            if h.start not in taken and h.start in places and h.key in self._actors
        ]
        return sorted([*actors, *extra]) if extra else actors

    def _speakers(
        self, hit: Hit, sentence: Sentence, actors: list[ActorMention]
    ) -> tuple[ActorMention, ...]:
        """The actors a reporting word makes speakers: after "according to"; before an English
        verb, or after it when set off by a comma or a quotation; after an Arabic verb, or
        right before it."""
        arabic = has_arabic(sentence.text)
        after = self._chain(self._next_to(hit, actors, forwards=True), actors, forwards=True)
        if hit.kind == "according":
            return after
        before = self._chain(self._next_to(hit, actors, forwards=False), actors, forwards=False)
        if arabic:
            if after or not before or not self._auxiliaries_only(before[0].end, hit.start):
                return after
            return before  # "الوزير قد أعلن": the subject first
        if self._set_off(hit.start, sentence, 0):  # `..., said the group`: inverted
            return after or before
        return before

    def _next_to(self, hit: Hit, actors: list[ActorMention], forwards: bool) -> ActorMention | None:
        """The actor nearest the word on one side, within a few words and in the same clause."""
        if forwards:
            near = [a for a in actors if a.start >= hit.end]
            nearest = near[0] if near else None
        else:
            near = [a for a in actors if a.end <= hit.start]
            nearest = near[-1] if near else None
        if nearest is None:
            return None
        low, high = (hit.end, nearest.start) if forwards else (nearest.end, hit.start)
        between = self._analysis.text[low:high]
        words = between.split()
        if len(words) > (_NEAR_AFTER if forwards else _NEAR_BEFORE):
            return None  # the usual case, told first: too far to be the word's subject
        if self._analysis.text[nearest.end : nearest.end + 1] == "-":
            return None  # "a junta-allied militia", "Iran-backed": a modifier, not a subject
        marks = _CLAUSE_MARKS & set(between.replace("’s", "").replace("'s", ""))
        unaided = list(words)  # the words but the auxiliaries at their end
        while unaided and normalize_term(unaided[-1]) in self._words.auxiliaries:
            unaided.pop()
        if not forwards and " ".join(unaided)[-1:] in (",", "،"):
            marks -= {",", "،"}  # "X, the group's spokesman, said": commas of an apposition
            nearest = self._before_relative(nearest, actors)
        if forwards and self._analysis.within(self._analysis.places, _Span(low, high)):
            return None  # "اتهمت دمشق المعارضة": the capital after the verb is its subject
        if (
            marks
            or between.strip() in _POSSESSIVES  # "Hamas's demands": a noun, not a verb
            or any(normalize_term(w) in self._words.complementizers for w in words)
        ):
            return None
        return nearest

    def _before_relative(self, nearest: ActorMention, actors: list[ActorMention]) -> ActorMention:
        """The subject before a relative clause set off by commas: in "Turkey, which backs the
        rebels, said" the speaker is Turkey, not the rebels."""
        text = self._analysis.text
        comma = max(text.rfind(",", 0, nearest.start), text.rfind("،", 0, nearest.start))
        if comma < 0 or not any(comma < r.start < nearest.start for r in self._relatives):
            return nearest
        before = [a for a in actors if a.end <= comma and not text[a.end : comma].strip()]
        return before[-1] if before else nearest

    def _chain(
        self, first: ActorMention | None, actors: list[ActorMention], forwards: bool
    ) -> tuple[ActorMention, ...]:
        """The speaker and those joined to it ("Russia and Turkey said", "قالت روسيا وتركيا")."""
        if first is None:
            return ()
        chain = [first]
        index = actors.index(first)
        step = 1 if forwards else -1
        while 0 <= index + step < len(actors):
            other = actors[index + step]
            low, high = (chain[-1].end, other.start) if forwards else (other.end, chain[-1].start)
            if not self._links(self._analysis.text[low:high]):
                break
            chain.append(other)
            index += step
        return tuple(chain)

    def _links(self, between: str) -> bool:
        """Does the text between two actors join them ("and", ",", "و", "and militant group")?"""
        words = between.replace("–", " ").replace("—", " ").split()  # "X – along with Y –"
        if not words:  # "اتهمت حماس إسرائيل": the verb's subject, then its object
            return False
        if len(words) > _LINKED or set(between) & (_CLAUSE_MARKS - {",", "،"}):
            return False
        links = self._words.links
        rest = words[1:] if words[0] in (",", "،") else words
        if not rest:  # "Russia, Turkey and Iran": a comma alone joins names
            return True
        # ", and", ", along with", "، ومعهم"; not ", which the"
        heads = (rest[0].lower(), " ".join(rest[:2]).lower(), " ".join(words).lower())
        return any(head in links or normalize_term(head) in links for head in heads)

    def _unsaid_subject(self, hit: Hit, sentence: Sentence, anaphors: list[Hit]) -> bool:
        """Does the report speak for someone named before: "he said", "the group said", or an
        Arabic verb followed straight by "أن", a colon or a quotation ("وأضاف أن")?"""
        if hit.kind != "verb":
            return False
        if self._pronoun_before(hit, anaphors):
            return True  # "it said", "the statement also called for"
        text = self._analysis.text
        index = bisect_left(anaphors, hit.start, key=lambda h: h.start)
        after = anaphors[index] if index < len(anaphors) else None
        if after is not None and self._gap(hit.end, after.start) == 0:
            return True  # `," said the group`
        if not has_arabic(sentence.text):
            return False
        rest = text[hit.end : sentence.end].split()
        if not rest:
            return False
        first = rest[0]
        return first[0] in ':"“«' or normalize_term(first) in self._words.complementizers

    def _pronoun_before(self, hit: Hit, anaphors: list[Hit]) -> bool:
        """Is the verb's subject a pronoun or a phrase standing for someone named before ("it
        said", "لكنه اتهم إيران")? A name after the verb is then its object."""
        if hit.kind != "verb":
            return False
        index = bisect_left(anaphors, hit.start, key=lambda h: h.start)
        before = anaphors[index - 1] if index else None
        return before is not None and self._auxiliaries_only(before.end, hit.start)

    def _auxiliaries_only(self, low: int, high: int) -> bool:
        """Do only commas and auxiliaries ("قد", "كان") stand between a subject and its verb?"""
        words = self._analysis.text[low:high].replace(",", " ").replace("،", " ").split()
        return all(normalize_term(w) in self._words.auxiliaries for w in words)

    def _second_verb(self, hit: Hit, sentence: Sentence) -> bool:
        """Is the verb a second one of the subject before, in English ("X said ... and
        warned", "... but warned")?"""
        if hit.kind != "verb" or has_arabic(sentence.text):
            return False
        before = self._analysis.text[sentence.start : hit.start].split()
        return len(before) > 1 and (
            before[-1].lower() in self._words.links or hit.start in self._joiner_ends
        )

    def _set_off(self, start: int, sentence: Sentence, words: int = 1) -> bool:
        """Is the report set off from what it reports, by a comma or a closing quotation mark
        at most `words` before it (`," said the group`, ", the army said")?"""
        mark = self._last_mark(sentence, start)
        return mark >= 0 and self._gap(mark + 1, start) <= words

    def _last_mark(self, sentence: Sentence, start: int) -> int:
        """The offset of the last clause mark of the sentence before `start`, or -1; the
        sentence's marks are found once."""
        marks = self._marks.get(sentence.start)
        if marks is None:
            text = self._analysis.text
            found = _CLAUSE_MARK.finditer(text, sentence.start, sentence.end)
            marks = [match.start() for match in found]
            self._marks[sentence.start] = marks
        index = bisect_left(marks, start)
        return marks[index - 1] if index else -1

    def _gap(self, low: int, high: int) -> int:
        """Words between two offsets."""
        return len(self._analysis.text[low:high].split()) if high > low else 0

    # ------------------------------------------------------------------ who says a term

    def _quoted_by(self, sentence: Sentence, term: Hit) -> Speech | None:
        """The report right after the quotation that holds the term ("”, the group said").
        A report before it ("X said: “") is the first report of the clause, found as any."""
        quote = self._quotation(sentence, term)
        if quote is None or quote[1] is None:
            return None
        closing = quote[1]
        after = [s for s in self._in(sentence) if s.start >= closing]
        if after and self._gap(closing, after[0].start) <= _QUOTE_GAP:
            return after[0]
        return None

    def _quotation(self, sentence: Sentence, term: Hit) -> tuple[int, int | None] | None:
        """The span of the quotation marks around the term in its sentence: (the offset of the
        opening mark, of the closing one or None when the quotation runs on), or None."""
        text = self._analysis.text
        for opening, closing in self._words.quotes:
            start = text.rfind(opening, sentence.start, term.start)
            if start < 0:
                continue
            if opening == closing and text.count(opening, sentence.start, start) % 2:
                continue  # a straight mark before the term that closes an earlier quotation
            end = text.find(closing, term.end, sentence.end)
            inside = text[start + 1 : end if end >= 0 else sentence.end]
            if len(inside.split()) - len(term.text.split()) < _MIN_QUOTE:
                continue
            return start, (end + 1 if end >= 0 else None)
        return None

    def _relative_report(
        self, sentence: Sentence, term: Hit, in_sentence: list[Speech]
    ) -> Speech | None:
        """A report in a relative clause right after the term ("the truce that Russia
        announced", "الهدنة التي أعلنتها روسيا")."""
        for relative in self._relatives:
            if (
                term.end <= relative.start < sentence.end
                and self._gap(term.end, relative.start) <= 2
            ):
                after = [s for s in in_sentence if s.start >= relative.end]
                if after and self._gap(relative.end, after[0].start) <= _NEAR_AFTER:
                    return after[0]
        return None

    def _reported_by(self, sentence: Sentence, term: Hit) -> Speech | None:
        """The first report of the term's clause before it, else of an earlier clause of the
        sentence, else a report set off after it (", the army said")."""
        in_sentence = self._in(sentence)
        opens = [j.start for j in self._joiners if sentence.start <= j.start <= term.start]
        opens += [  # "..., وقالت مصادر إن": a report after a comma opens a clause of its own
            s.start
            for s in in_sentence
            if s.end <= term.start and self._set_off(_first_start(s), sentence, 0)
        ]
        clause = max(opens) if opens else sentence.start
        own = [s for s in in_sentence if clause <= s.start and s.end <= term.start]
        if own:
            return own[0]
        earlier = [s for s in in_sentence if s.end <= clause]
        if earlier:
            return earlier[0]
        relative = self._relative_report(sentence, term, in_sentence)
        if relative is not None:
            return relative
        for part in (sentence, *self._continuations(sentence)):
            for speech in self._in(part):
                if speech.start >= term.end and (
                    speech.kind == "according" or self._tagged_on(_first_start(speech), part)
                ):
                    return speech
        return None

    def _in(self, sentence: Sentence) -> list[Speech]:
        """The reports of a sentence, in text order."""
        self._read_until(sentence.end)
        return self._by_sentence.get(sentence.start, [])

    def _tagged_on(self, start: int, sentence: Sentence) -> bool:
        """Is the report a tag after a comma (", the army said", ", U.S. President Joe Biden
        said"), not a clause of its own (", and Israel said it would respond")?"""
        text = self._analysis.text
        mark = self._last_mark(sentence, start)
        words = text[mark + 1 : start].split() if mark >= 0 else []
        links = self._words.links
        return (
            mark >= 0
            and not text[start - 1 : start].isalpha()  # "وقالت": "and said", a clause
            and len(words) <= _TITLE
            and not any(w.lower() in links or normalize_term(w) in links for w in words)
            and not any(mark < j.start < start for j in self._joiners)
        )

    def _continuations(self, sentence: Sentence) -> list[Sentence]:
        """The sentences that only continue this one, split off after an abbreviation ("at 4
        a.m. local time, the president said"): they start with a small letter."""
        sentences = self._analysis.sentences
        index = bisect_left(self._starts, sentence.start) + 1
        found = []
        while index < len(sentences) and sentences[index].text[:1].islower():
            found.append(sentences[index])
            index += 1
        return found


def _first_start(speech: Speech) -> int:
    """Where a report begins: its first speaker, when named before the verb in its sentence."""
    return min([speech.start, *(a.start for a in speech.speakers if a.start >= speech.sentence)])


def _inside_any(hit: Hit, names: list) -> bool:
    """Is the word part of a name ("States" in "United States")?"""
    return any(n.start <= hit.start and hit.end <= n.end for n in names)


def _last_speakers(
    speeches: list[Speech], starts: list[int], sentence: Sentence
) -> tuple[ActorMention, ...]:
    """The speakers of the last report before, if it lies a few sentences back at most; a
    report by the press only relays ("in a statement seen by Reuters"), and is passed over."""
    last = next(
        (
            s
            for s in reversed(speeches)
            if (not s.speakers and s.kind == "verb")  # "in a statement" names no one new
            or any(a.record.agent not in _BYSTANDERS for a in s.speakers)
        ),
        None,
    )
    if last is None:
        return ()
    back = bisect_left(starts, sentence.start) - bisect_left(starts, last.sentence)
    return last.speakers if back <= _ANAPHOR_REACH else ()


def find_speakers(analysis: Analysis, lex: Lexicon) -> Speakers:
    """The reports of a document, for `Speakers.characterizers`."""
    return Speakers(analysis, lex)


__all__ = ["AttributionWords", "Speakers", "Speech", "find_speakers"]
