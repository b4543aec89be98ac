"""Every actor and person of the actor files states its side, its source and its names in
English and Arabic, and every person speaks for a known actor (knowledge/actors.yaml header)."""

from __future__ import annotations

import datetime

import pytest

from ceasefire import knowledge
from ceasefire.extract.lexicon import ACTOR_FILES, actor_knowledge

SIDES = frozenset(
    {"government", "pro_government", "opposition", "third_party", "humanitarian", "civilians",
     "press"}
)
AGENTS = frozenset({"GOV", "MIL", "REB", "INS", "IGO", "NGO", "CVL", "REF", "MED", "OPP", "JUD",
                    "BUS"})


def _entries(key: str) -> list[tuple[str, dict]]:
    return [
        (name, entry)
        for name in ACTOR_FILES
        for entry in (knowledge.load(name) or {}).get(key) or []
    ]


def _problems(entry: dict, *fields: str) -> list[str]:
    """What an entry lacks: a field of `fields`, or its English or Arabic names."""
    missing = [f for f in fields if not entry.get(f)]
    aliases = entry.get("aliases") or {}
    missing += [f"{language} names" for language in ("en", "ar") if not aliases.get(language)]
    return missing


def test_every_actor_has_a_side_a_source_and_english_and_arabic_names() -> None:
    problems = [
        f"{name}.yaml {entry.get('canonical')}: {', '.join(lack)}"
        for name, entry in _entries("actors")
        if (lack := _problems(entry, "canonical", "agent", "side", "source"))
    ]
    assert problems == []


def test_sides_and_agents_are_of_the_vocabulary() -> None:
    wrong = [
        f"{name}.yaml {entry['canonical']}: {entry.get('side')} / {entry.get('agent')}"
        for name, entry in _entries("actors")
        if entry.get("side") not in SIDES or entry.get("agent") not in AGENTS
    ]
    assert wrong == []


def test_every_person_has_a_source_names_and_a_known_side_at_every_date() -> None:
    known = {entry["canonical"] for entry in actor_knowledge()[0]}
    problems = []
    for name, person in _entries("people"):
        lack = _problems(person, "name", "speaks_for", "source")
        spoken = person.get("speaks_for")
        periods = spoken if isinstance(spoken, list) else [{"actor": spoken}]
        lack += [f"unknown actor {p.get('actor')}" for p in periods if p.get("actor") not in known]
        for period in periods:
            for end in ("since", "until"):
                if end in period and not isinstance(period[end], datetime.date):
                    lack.append(f"{end} {period[end]!r} is not an ISO date")
        if lack:
            problems.append(f"{name}.yaml {person.get('name')}: {', '.join(lack)}")
    assert problems == []


@pytest.mark.parametrize("key", ["actors", "people"])
def test_no_name_is_given_twice_in_one_file(key: str) -> None:
    field = "canonical" if key == "actors" else "name"
    for name in ACTOR_FILES:
        names = [entry[field] for entry in (knowledge.load(name) or {}).get(key) or []]
        assert len(names) == len(set(names)), name


def test_patrons_and_wars_name_known_actors() -> None:
    known = {entry["canonical"]: entry for entry in actor_knowledge()[0]}
    backings = knowledge.load("patrons")["patrons"]
    unknown = [n for b in backings for n in (b["patron"], b["client"]) if n not in known]
    wars = knowledge.load("wars")["interstate"]
    not_states = [s for w in wars for s in w["sides"] if known.get(s, {}).get("agent") != "GOV"]
    assert unknown == [] and not_states == []
    assert all(b.get("source") for b in backings) and all(w.get("source") for w in wars)
