"""Skeletons of place names: "Kansafra" and Kansafrah, "Shadadah" and Ash Shaddadah.

Arabic names reach English news in many romanizations. What they share is a skeleton
(knowledge/romanization.yaml): the consonants of the name without its article. Names that
no pattern matched are looked up by it (`places.find_spelled_places`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from ceasefire import knowledge

_LETTERS = re.compile(r"[a-z]+")
_REPEATED = re.compile(r"(.)\1+")  # a letter written twice or more ("Shaddadah")


def skeleton(name: str) -> str:
    """The consonants a name keeps across romanizations: "Tell Abiad" and "Tall Abyaḑ"
    both give "tlbd"."""
    rules = _rules()
    folded = unicodedata.normalize("NFKD", name.lower())
    words = [w for w in _LETTERS.findall(folded) if w not in rules.articles]
    letters = []
    for word in words:
        if len(word) > 2 and word.endswith("h") and word[-2] in rules.silent:
            word = word[:-1]
        for digraph, letter in rules.digraphs:
            word = word.replace(digraph, letter)
        letters.append(word.translate(rules.drop))
    joined = "".join(letters)
    return _REPEATED.sub(r"\1", joined)


class _Rules:
    def __init__(self, spec: dict) -> None:
        self.articles = frozenset(spec["articles"])
        self.digraphs = tuple((str(k), str(v)) for k, v in spec["digraphs"].items())
        self.silent = frozenset(spec["silent"])
        self.drop = str.maketrans("", "", spec["silent"])
        self.min_length = int(spec["min_skeleton"])
        self.countries = frozenset(spec["countries"])
        self.not_names = frozenset(w.lower() for w in spec["not_names"])
        self.not_name_endings = tuple(spec["not_name_endings"])


@cache
def _rules() -> _Rules:
    return _Rules(knowledge.load("romanization"))


def may_be_name(word: str) -> bool:
    """Could this capitalized word be a town's name, not "Syrian", "Eastern" or "April"?"""
    rules = _rules()
    lowered = word.lower()
    return lowered not in rules.not_names and not lowered.endswith(rules.not_name_endings)


def skeleton_index(places: Iterable[tuple[str, str, str]]) -> dict[str, tuple[str, ...]]:
    """Gazetteer keys by the skeleton of each Latin name of the towns of the countries whose
    names come from Arabic: `places` is (key, country, name) triples."""
    index: dict[str, list[str]] = {}
    rules = _rules()
    minimum = rules.min_length
    for key, country, name in places:
        if country not in rules.countries:
            continue
        shape = skeleton(name)
        if len(shape) >= minimum:
            keys = index.setdefault(shape, [])
            if key not in keys:
                keys.append(key)
    return {shape: tuple(keys) for shape, keys in index.items()}
