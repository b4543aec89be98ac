"""Why each record exists: per sentence, its clauses, the knowledge that fired in each, and
the records the sentence gave.

A newcomer reads this to see which word made a status, a role or a place: every hit is shown
as `kind:key "words"`, the kind and key naming the knowledge file and group that holds the
pattern (`status:expired` is knowledge/statuses.yaml, `cue:negation` knowledge/cues.yaml).
"""

from __future__ import annotations

from collections.abc import Iterator

from ceasefire.extract import extract_document
from ceasefire.extract.analysis import Analysis, analyse
from ceasefire.extract.clauses import clauses_of
from ceasefire.extract.lexicon import lexicon
from ceasefire.extract.sentences import Sentence
from ceasefire.records import Actor, Ceasefire, Displacement, Document, Event, Place

# the cue groups that change what a clause asserts: shown as the clause's modality
MODALITY = ("negation", "conditional", "feared", "future", "hypothetical")


def explain(doc: Document) -> str:
    """The explanation of one document's records, as plain text."""
    analysis = analyse(doc.text, doc.published, lexicon())
    result = extract_document(doc)
    records: dict[int, list[str]] = {}
    for mention in result.ceasefires:
        records.setdefault(mention.evidence.start, []).append(_ceasefire(mention))
    for moved in result.displacement:
        records.setdefault(moved.evidence.start, []).append(_displacement(moved))
    for event in result.events:
        records.setdefault(event.evidence.start, []).append(_event(event))
    lines = [f"document {doc.id} ({doc.language or 'language unknown'}, {doc.published})"]
    for number, sentence in enumerate(analysis.sentences, 1):
        made = records.get(sentence.start, [])
        if made:
            lines += _sentence(analysis, number, sentence, made)
    if len(lines) == 1:
        lines.append("  no record: no sentence names a ceasefire, an act or a displacement")
    return "\n".join(lines) + "\n"


def _sentence(analysis: Analysis, number: int, sentence: Sentence, made: list[str]) -> list[str]:
    lines = [f"\n[{number}] {_short(sentence.text, 300)}"]
    for index, clause in enumerate(clauses_of(analysis, sentence), 1):
        hits = list(_hits(analysis, clause))
        if not hits:
            continue
        modality = sorted(
            {h.key for h in analysis.hits_in(clause, "cue") if h.key in MODALITY}
        ) or ["asserted"]
        lines.append(f"  clause {index} ({', '.join(modality)}): {_short(clause.text, 160)}")
        lines.append(f"    {'; '.join(hits)}")
    lines += [f"  -> {record}" for record in made]
    return lines


def _hits(analysis: Analysis, clause: Sentence) -> Iterator[str]:
    for hit in analysis.within(analysis.hits, clause):
        yield f'{hit.kind}:{_short(hit.key, 24)} "{hit.text}"'
    for date in analysis.within(analysis.dates, clause):
        yield f"date {date.date}"


def _ceasefire(mention: Ceasefire) -> str:
    parts = [f'ceasefire mention: {mention.type} "{mention.term}", status {mention.status}']
    for role in ("parties", "sponsors", "mediators", "characterized_by"):
        actors: list[Actor] = getattr(mention, role)
        if actors:
            parts.append(f"{role} {', '.join(a.canonical or a.name for a in actors)}")
    if mention.places:
        parts.append(f"places {_places(mention.places)}")
    if mention.start or mention.end:
        parts.append(f"from {mention.start or '?'} to {mention.end or '?'}")
    return "; ".join(parts)


def _displacement(moved: Displacement) -> str:
    origin = f" from {moved.origin.name}" if moved.origin else ""
    destination = f" to {moved.destination.name}" if moved.destination else ""
    projection = " (projected)" if moved.conditional else ""
    return f"displacement: {moved.count}{projection}{origin}{destination}"


def _event(event: Event) -> str:
    doer = event.actor1.canonical if event.actor1 else "doer unknown"
    place = event.place.name if event.place else "no place"
    return f"event: {event.type}/{event.subtype} by {doer} at {place} on {event.date or '?'}"


def _places(places: list[Place]) -> str:
    return ", ".join(f"{p.name} ({p.country})" if p.country else p.name for p in places)


def _short(text: str, size: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
