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


def name_articles() -> frozenset[str]:
    """The Arabic article as romanized ("al", "el", "ash"), which may open a name."""
    return _rules().articles


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


def folded_name(name: str) -> str:
    """A Latin name as it is looked up exactly: lowercase, without accents, apostrophes and
    hyphens ("Ḩays" and "Hays", "Maarat al-Numan" and "Maarat al Numan")."""
    if name.isascii() and name.isalpha():  # one plain word, as most names read are
        return name.lower()
    decomposed = unicodedata.normalize("NFKD", name.lower())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_LETTERS.findall(letters))


def name_index(places: Iterable[tuple[str, str, str]]) -> dict[str, tuple[str, ...]]:
    """Gazetteer keys by the folded form of each Latin name of a town (`places` as
    `skeleton_index` takes them): the names a text places explicitly ("the city of Hays")
    are looked up so, however short."""
    index: dict[str, list[str]] = {}
    for key, _country, name in places:
        if not name.isascii() and not _LATIN.match(name):
            continue
        folded = folded_name(name)
        if folded:
            keys = index.setdefault(folded, [])
            if key not in keys:
                keys.append(key)
    return {name: tuple(keys) for name, keys in index.items()}


_LATIN = re.compile(r"^[\u0000-\u024F\u1E00-\u1EFF\s]+$")
