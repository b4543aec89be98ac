"""The documentation says what the code does: the README's command table lists exactly the
commands `ceasefire --help` shows, docs/schema.md is what records.py generates, and
docs/exports.md documents every export column and every ACLED value the exports write."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire import knowledge, schema_doc
from ceasefire.evaluate import acled_type
from ceasefire.export import ACCEPTS, KINDS
from ceasefire.export.arrangements import ARRANGEMENT_COLUMNS, CHARACTERIZATION_COLUMNS
from ceasefire.export.events import ACLED_COLUMNS, OWN_COLUMNS
from ceasefire.export.others import (
    DISPLACEMENT_COLUMNS,
    DOCUMENT_COLUMNS,
    MENTION_COLUMNS,
    VIOLATION_COLUMNS,
)

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXPORTS = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
SECTIONS = {
    "events": ("## Events", ACLED_COLUMNS + OWN_COLUMNS),
    "arrangements": ("## Arrangements", ARRANGEMENT_COLUMNS),
    "characterizations": ("### Characterizations", CHARACTERIZATION_COLUMNS),
    "mentions": ("## Mentions", MENTION_COLUMNS),
    "violations": ("## Violations", VIOLATION_COLUMNS),
    "displacement": ("## Displacement", DISPLACEMENT_COLUMNS),
    "documents": ("## Documents", DOCUMENT_COLUMNS),
}


def _help_commands() -> list[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    shown = subprocess.run(
        [sys.executable, "-m", "ceasefire", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    ).stdout
    box = shown.split("Commands", 1)[1]
    return re.findall(r"^[│|] (\w[\w-]*)\s", box, flags=re.MULTILINE)


def _readme_commands() -> list[str]:
    table = README.split("## Commands", 1)[1].split("\n\n")[2]
    return re.findall(r"^\| `ceasefire ([\w-]+)", table, flags=re.MULTILINE)


def test_readme_command_table_lists_exactly_the_commands_of_help() -> None:
    shown = _help_commands()
    assert len(shown) >= 15
    assert sorted(_readme_commands()) == sorted(shown)


def test_schema_doc_is_what_records_py_generates() -> None:
    committed = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert committed == schema_doc.render(), "regenerate: python -m ceasefire.schema_doc"


def _documented(section: str) -> set[str]:
    """The backquoted names in the first cell of each table row of a section."""
    body = EXPORTS.split(section + "\n", 1)[1]
    body = re.split(r"^##+ ", body, flags=re.MULTILINE)[0]
    cells = re.findall(r"^\| ([^|]+) \|", body, flags=re.MULTILINE)
    return {name for cell in cells for name in re.findall(r"`([^`]+)`", cell)}


@pytest.mark.parametrize("kind", KINDS)
def test_every_export_column_is_documented(kind: str) -> None:
    section, columns = SECTIONS[kind]
    assert _documented(section) == {c.name for c in columns}
    kinds_table = EXPORTS.split("## Kinds, formats and filters", 1)[1].split("Formats:", 1)[0]
    [row] = [line for line in kinds_table.splitlines() if line.startswith(f"| `{kind}` |")]
    for name in ACCEPTS[kind]:  # the filters it takes, in the table of kinds
        assert f"`{name}`" in row or "as `arrangements`" in row


def test_every_acled_value_is_documented_and_reads_back() -> None:
    mapping = knowledge.load("acled_export")
    for table in ("event_types", "sub_event_types"):
        for key, display in mapping[table].items():
            assert f"| `{key}` | {display} |" in EXPORTS
            assert acled_type(display) == key
    for code, name in mapping["inter_names"].items():
        assert f"| {code} | {name} |" in EXPORTS
    for agent in mapping["inter_by_agent"]:
        assert f"`{agent}`" in EXPORTS.split("### Actor categories", 1)[1].split("###", 1)[0]
    subtypes = knowledge.load("events")["subtypes"]
    assert set(subtypes) <= set(mapping["sub_event_types"])  # every sub-type the extractor makes
    types = {entry["type"] for entry in subtypes.values()}
    assert types == set(mapping["event_types"])


def test_iso_table_is_what_build_iso_makes() -> None:
    from ceasefire.knowledge import build_iso

    committed = (ROOT / "src" / "ceasefire" / "knowledge" / "iso_countries.tsv").read_text(
        encoding="utf-8"
    )
    assert committed == build_iso.render(), "regenerate: python -m ceasefire.knowledge.build_iso"
