"""The one loader for the knowledge files in this folder.

Extractors and cleaners receive knowledge from here; none opens a data file itself.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


class KnowledgeError(Exception):
    """A knowledge file is missing or malformed."""


@cache
def load(name: str) -> Any:
    """Parse `knowledge/<name>.yaml` once per process and return its content."""
    path = resources.files(__package__) / f"{name}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"knowledge file {name}.yaml is missing") from exc
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"knowledge file {name}.yaml is not valid YAML: {exc}") from exc


@cache
def version() -> str:
    """A hash of every knowledge file: stored records made with another version are stale."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(resources.files(__package__).iterdir(), key=lambda p: p.name):
        if path.name.endswith((".yaml", ".tsv")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def load_table(name: str) -> list[dict[str, str]]:
    """Rows of `knowledge/<name>.tsv` (a header line, then tab-separated values)."""
    import csv
    import io

    path = resources.files(__package__) / f"{name}.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"knowledge file {name}.tsv is missing") from exc
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
