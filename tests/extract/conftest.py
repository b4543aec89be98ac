from __future__ import annotations

from typing import Any

import pytest

import ceasefire


@pytest.fixture(scope="session")
def extract():
    """`ceasefire.extract` returning the SCHEMA.md dict, as a user of the JSON would see it."""

    def run(text: str, published: str | None = "2016-05-06", **kwargs: Any) -> dict[str, Any]:
        return ceasefire.extract(text, published=published, **kwargs).to_dict()

    return run


def canonicals(actors: list[dict]) -> set[str]:
    return {a["canonical"] for a in actors}


def by_type(result: dict, kind: str) -> list[dict]:
    return [c for c in result["ceasefires"] if c["type"] == kind]
