"""Strict checks of the filters a listing or an export is given, shared by CLI and API.

A mistyped filter would otherwise quietly match nothing ("--type trcue" lists no
arrangement, "--since 2016-13-01" compares as text); each check here refuses it instead, with
a message naming the valid values.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ceasefire import knowledge

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FilterError(ValueError):
    """A filter value that is not one of the valid ones; the message lists them."""


@cache
def arrangement_types() -> tuple[str, ...]:
    """The typology's types (`typology.yaml`), weakest commitment first."""
    return tuple(entry["type"] for entry in knowledge.load("typology")["types"])


@cache
def event_types() -> tuple[str, ...]:
    """ACLED's event types and sub-event types as `events.yaml` names them."""
    subtypes = knowledge.load("events")["subtypes"]
    kinds = dict.fromkeys(entry["type"] for entry in subtypes.values())
    return (*kinds, *subtypes)


@cache
def country_codes() -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes (`iso_countries.tsv`)."""
    return tuple(row["alpha2"] for row in knowledge.load_table("iso_countries"))


def check_date(value: str | None, name: str = "since") -> str | None:
    """`value` if it is a real calendar date written YYYY-MM-DD."""
    if value is None:
        return None
    why = "write it YYYY-MM-DD"
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError as exc:
            why = f"{exc}; write a real date YYYY-MM-DD"
    raise FilterError(f"{name} {value!r} is not a date: {why}, e.g. 2016-05-01")


def check_choice(value: str | None, valid: tuple[str, ...], name: str) -> str | None:
    """`value` if it is one of `valid`, else an error listing them all."""
    if value is None or value in valid:
        return value
    raise FilterError(f"unknown {name} {value!r}; valid values: {', '.join(valid)}")


def check_country(value: str | None, name: str = "country") -> str | None:
    """The alpha-2 code, upper-cased, if ISO 3166-1 has it."""
    if value is None:
        return None
    return check_choice(value.upper(), country_codes(), name)


def check_arrangement_type(value: str | None, name: str = "type") -> str | None:
    return check_choice(value, arrangement_types(), name)


def check_event_type(value: str | None, name: str = "type") -> str | None:
    return check_choice(value, event_types(), name)
