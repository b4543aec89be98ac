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
