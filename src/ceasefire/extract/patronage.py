"""Who backs whom in a war (knowledge/patrons.yaml), at a date.

Read for one question: do the powers that broker a deal stand behind its sides? Powers that
broker a deal between their own clients are its sponsors; a broker that backs neither side, or
only one of them, is a mediator.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from ceasefire import knowledge
from ceasefire.extract.actors import side_key
from ceasefire.extract.lexicon import ActorRecord, lexicon


class _Backing(NamedTuple):
    patron: str  # a side key (`actors.side_key`)
    client: str  # a side key
    country: str | None  # the client's country (ISO alpha-3)
    since: str
    until: str


def stand_behind(brokers: list[ActorRecord], sides: list[ActorRecord], date: str | None) -> bool:
    """Does each side that has a known backer have one among the brokers, on `date` (ISO;
    None: at any time)? A side nobody is known to back tells nothing."""
    known = [s for s in sides if _key(s) in _by_client()]
    return bool(known) and all(any(backs(b, s, date) for b in brokers) for s in known)


def backs(patron: ActorRecord, client: ActorRecord, date: str | None) -> bool:
    """Does `patron` back `client` on `date`?"""
    key = _key(patron)
    return any(b.patron == key and _during(b, date) for b in _by_client().get(_key(client), ()))


def one_war(brokers: list[ActorRecord], date: str | None) -> bool:
    """Does each broker back a side in one and the same country on `date` ("a truce the US
    and Russia brokered": patrons of the two camps of Syria's war)?"""
    common: set[str] | None = None
    for broker in brokers:
        key = _key(broker)
        countries = {
            b.country
            for backings in _by_client().values()
            for b in backings
            if b.patron == key and _during(b, date) and b.country
        }
        common = countries if common is None else common & countries
    return bool(common)


def _key(record: ActorRecord) -> str:
    return side_key(record.canonical, record.country, record.agent)


def _during(backing: _Backing, date: str | None) -> bool:
    return date is None or backing.since <= date[:10] <= backing.until


@cache
def _by_client() -> dict[str, tuple[_Backing, ...]]:
    """Each client's backings, by side key."""
    records = lexicon().actors
    found: dict[str, list[_Backing]] = {}
    for entry in knowledge.load("patrons")["patrons"]:
        client = records[entry["client"]]
        backing = _Backing(
            _key(records[entry["patron"]]),
            _key(client),
            client.country,
            str(entry.get("since") or "0000-01-01"),
            str(entry.get("until") or "9999-12-31"),
        )
        found.setdefault(backing.client, []).append(backing)
    return {client: tuple(backings) for client, backings in found.items()}
