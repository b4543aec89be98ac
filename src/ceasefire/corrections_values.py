"""What a correction may say: the kinds of record, the actions on each, the fields that can be
set, and each field's value checked and turned into the shape the records hold (an actor's
name becomes a SCHEMA.md Actor, a place's name a Place), so that applying a correction needs
no dictionary or gazetteer, and a bad value is refused when it is given, naming what is valid.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ceasefire import knowledge


class CorrectionError(ValueError):
    """A correction that cannot be made; the message names the bad input and what is valid."""


KINDS = ("event", "violation", "arrangement", "mention", "document")
ACTIONS = ("reject", "confirm", "set", "merge", "move")
ACTIONS_OF = {
    "event": ("reject", "confirm", "set"),
    "violation": ("reject", "confirm"),
    "arrangement": ("reject", "confirm", "set", "merge"),
    "mention": ("move",),
    "document": ("reject", "confirm"),
}
FIELDS = {
    "event": ("actor1", "event_type", "place", "fatalities"),
    "arrangement": ("type", "status", "start", "end", "scope", "parties", "sponsors", "mediators"),
}
EVENT_TYPES = (
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "protests",
    "riots",
    "strategic_developments",
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_action(action: str, kind: str) -> str:
    """The action, if it can be done to a record of `kind` ("irrelevant" is a document's
    reject, as SCHEMA.md names it)."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown kind {kind!r}; valid kinds: {', '.join(KINDS)}")
    if action == "irrelevant" and kind == "document":
        action = "reject"
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}; valid actions: {', '.join(ACTIONS)}")
    if action not in ACTIONS_OF[kind]:
        valid = ", ".join(ACTIONS_OF[kind])
        raise CorrectionError(f"{action!r} does not apply to {_a(kind)}; valid actions: {valid}")
    return action


def check_field(kind: str, field: str | None) -> str:
    fields = FIELDS.get(kind, ())
    if not field:
        raise CorrectionError(f"`set` needs a field; fields of {_a(kind)}: {', '.join(fields)}")
    if field not in fields:
        raise CorrectionError(
            f"unknown field {field!r} of {_a(kind)}; valid fields: {', '.join(fields)}"
        )
    return field


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def normalize(kind: str, field: str, value: Any) -> Any:
    """The value as the record holds it, or a CorrectionError naming what is expected."""
    check = _CHECKS[(kind, field)]
    return check(field, value)


def _actor(field: str, value: Any) -> dict[str, Any] | None:
    """An actor's canonical name (or an alias of one) becomes its SCHEMA.md Actor; an actor
    the dictionary does not know is kept by the name given."""
    if value is None:
        return None
    if isinstance(value, dict) and isinstance(value.get("canonical"), str):
        return {k: value.get(k) for k in ("name", "canonical", "country", "agent", "code")}
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError(f"{field} takes an actor's name (text), not {_shown(value)}")
    name = value.strip()
    known = _actors().get(name.casefold())
    if known is None:
        return {"name": name, "canonical": name, "country": None, "agent": None, "code": None}
    return {"name": name, **known}


def _actors_list(field: str, value: Any) -> list[dict[str, Any]]:
    """A list of actors: a JSON list, or names separated by commas."""
    names = _as_list(field, value)
    return [a for a in (_actor(field, name) for name in names) if a is not None]


def _place(field: str, value: Any) -> dict[str, Any] | None:
    """A place's name becomes the gazetteer's place of that name (the most populous of
    those that share it; "Aleppo" is the city), or a SCHEMA.md Place given whole."""
    if value is None:
        return None
    if isinstance(value, dict):
        missing = [k for k in ("canonical", "lat", "lon", "country", "kind") if k not in value]
        if missing:
            raise CorrectionError(f"{field} as an object needs {', '.join(missing)}")
        return value
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError(f"{field} takes a place's name (text), not {_shown(value)}")
    found = _places().get(value.strip().casefold())
    if found is None:
        raise CorrectionError(
            f"no place named {value!r} in the gazetteer; give a name it knows "
            '("Aleppo", "Idlib", "Syria") or a Place object with lat, lon, country, kind'
        )
    return {**found, "name": value.strip()}


def _places_list(field: str, value: Any) -> list[dict[str, Any]]:
    return [p for p in (_place(field, name) for name in _as_list(field, value)) if p]


def _count(field: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CorrectionError(f"{field} takes a whole number of 0 or more, not {_shown(value)}")
    return value


def _date(field: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise CorrectionError(f"{field} takes a date as YYYY-MM-DD (or null), not {_shown(value)}")
    return value


def _one_of(options: tuple[str, ...]) -> Any:
    def check(field: str, value: Any) -> str:
        if value not in options:
            raise CorrectionError(
                f"{field} cannot be {_shown(value)}; valid values: {', '.join(options)}"
            )
        return value

    return check


def _as_list(field: str, value: Any) -> list[Any]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return value
    raise CorrectionError(
        f"{field} takes a list (a JSON list, or names separated by commas), not {_shown(value)}"
    )


def _shown(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"[:80]


@cache
def _actors() -> dict[str, dict[str, Any]]:
    """Actors by canonical name, folded."""
    from ceasefire.extract.lexicon import lexicon

    return {
        name.casefold(): {
            "canonical": a.canonical,
            "country": a.country,
            "agent": a.agent,
            "code": a.code,
        }
        for name, a in lexicon().actors.items()
    }


@cache
def _places() -> dict[str, dict[str, Any]]:
    """Gazetteer places by name, folded: countries first, then the most populous."""
    from ceasefire.extract.lexicon import lexicon

    found: dict[str, dict[str, Any]] = {}
    rows = sorted(lexicon().places.values(), key=lambda p: (p.kind != "country", -p.population))
    for p in rows:
        found.setdefault(
            p.name.casefold(),
            {
                "canonical": p.name,
                "geonameid": p.geonameid or None,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "admin1": p.admin1,
                "kind": p.kind,
            },
        )
    return found


@cache
def _statuses() -> tuple[str, ...]:
    return (*knowledge.load("resolution")["arrangements"]["lifecycle"], "mentioned")


@cache
def _types() -> tuple[str, ...]:
    return tuple(t["type"] for t in knowledge.load("typology")["types"])


def _status(field: str, value: Any) -> str:
    return _one_of(_statuses())(field, value)


def _type(field: str, value: Any) -> str:
    return _one_of(_types())(field, value)


_CHECKS = {
    ("event", "actor1"): _actor,
    ("event", "event_type"): _one_of(EVENT_TYPES),
    ("event", "place"): _place,
    ("event", "fatalities"): _count,
    ("arrangement", "type"): _type,
    ("arrangement", "status"): _status,
    ("arrangement", "start"): _date,
    ("arrangement", "end"): _date,
    ("arrangement", "scope"): _places_list,
    ("arrangement", "parties"): _actors_list,
    ("arrangement", "sponsors"): _actors_list,
    ("arrangement", "mediators"): _actors_list,
}
