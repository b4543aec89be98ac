"""Token patterns: grammar written as data (knowledge/grammar.yaml), read by one interpreter.

A pattern is a list of token specs, in the manner of spaCy's `Matcher`: each spec matches one
word (`in`: a word list, `group`: a cue group of cues.yaml, `suffix`: an ending, either of
`in` or `suffix` sufficing when both are given, `not_in`, `any`), or
punctuation (`punct`), and may repeat (`op`: "?", "*", "+", or `repeat: [min, max]`). A
pattern is tried in one of three places, its `mode`:

- `spans`: the words between two offsets are exactly the pattern ("Russia['s forces have
  ]killed": what may stand between a doer and its act);
- `starts`: the words from an offset on begin with the pattern ("IS[-held] town");
- `ends`: the words up to an offset end with the pattern ("a town [held by the ]IS").

Every pattern carries its source and examples, the span it is tried on written in brackets;
`check_examples` tries them all (the tests call it), and the file is validated when loaded,
so a malformed pattern is an error naming it. Words are compared normalized (casefolded,
Arabic letter forms unified).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ceasefire import knowledge
from ceasefire.extract.normalize import normalize_term

# A possessive ending ("'s"), a word (letters, digits, inner apostrophes and hyphens), or one
# mark of punctuation ("-" of "IS-held" when the name ends before it).
_TOKEN = re.compile(r"['’][sS]\b|[\w'’]+(?:-[\w'’]+)*|[^\w\s]")
_MAX_TOKENS = 16  # a pattern matches at most this many tokens
_TOKEN_REACH = 24  # characters a token and the space before it may take, at most
_MODES = frozenset({"spans", "starts", "ends"})
_SPEC_KEYS = frozenset({"in", "group", "not_in", "suffix", "any", "punct", "op", "repeat"})
_OPS = {"?": (0, 1), "*": (0, _MAX_TOKENS), "+": (1, _MAX_TOKENS)}


@dataclass(frozen=True, slots=True)
class _Spec:
    words: frozenset[str] | None  # one of these words, or any word when None
    excluded: frozenset[str]
    suffix: str | None
    punct: frozenset[str] | None  # one of these marks instead of a word
    low: int
    high: int

    def fits(self, token: str) -> bool:
        if self.punct is not None:
            return token in self.punct
        if not (token[0].isalnum() or token[0] in "'’-_"):
            return False
        if token in self.excluded:
            return False
        if self.suffix is not None and token.endswith(self.suffix):
            return True  # `suffix` and `in` together: either will do
        if self.words is None:
            return self.suffix is None
        return token in self.words


@dataclass(frozen=True, slots=True)
class TokenPattern:
    name: str
    mode: str
    specs: tuple[_Spec, ...]
    longest: int  # the most tokens a match takes
    reach: int  # the characters those tokens may take

    def spans(self, text: str, start: int, end: int) -> bool:
        """Are the words of text[start:end] exactly this pattern?"""
        if end - start > self.reach:
            return False
        return _match(self.specs, _tokens(text, start, end), 0, 0, whole=True)

    def starts(self, text: str, offset: int) -> bool:
        """Do the words from `offset` on begin with this pattern?"""
        tokens = _tokens(text, offset, offset + self.reach)[: self.longest]
        return _match(self.specs, tokens, 0, 0, whole=False)

    def ends(self, text: str, offset: int) -> bool:
        """Do the words up to `offset` end with this pattern?"""
        tokens = _tokens(text, max(0, offset - self.reach), offset)[-self.longest :]
        return _match(self.specs[::-1], tokens[::-1], 0, 0, whole=False)

    def at(self, text: str, start: int, end: int) -> bool:
        """The pattern tried in its own mode on text[start:end]."""
        if self.mode == "spans":
            return self.spans(text, start, end)
        if self.mode == "starts":
            return self.starts(text[:end], start)
        return self.ends(text[start:], end - start)


def _tokens(text: str, start: int, end: int) -> list[str]:
    """The tokens of text[start:end], words normalized, punctuation as it stands."""
    return [_normal(t) for t in _TOKEN.findall(text, start, end)]


def _normal(token: str) -> str:
    if token.isascii():
        return token.lower()
    if token[0].isalnum() or token[0] in "'’_":
        return normalize_term(token) or token
    return token


def _match(specs: Sequence[_Spec], tokens: list[str], s: int, t: int, whole: bool) -> bool:
    """Backtracking match of specs[s:] against tokens[t:] (patterns are a few specs long)."""
    if s == len(specs):
        return t == len(tokens) or not whole
    spec = specs[s]
    count = 0
    while count < spec.low:
        if t + count >= len(tokens) or not spec.fits(tokens[t + count]):
            return False
        count += 1
    while True:
        if _match(specs, tokens, s + 1, t + count, whole):
            return True
        if count >= spec.high or t + count >= len(tokens) or not spec.fits(tokens[t + count]):
            return False
        count += 1


@cache
def grammar() -> dict[str, TokenPattern]:
    """Every pattern of knowledge/grammar.yaml, validated and compiled, by name."""
    data = knowledge.load("grammar")
    cues = knowledge.load("cues")
    return {name: _compile(name, entry, cues) for name, entry in data["patterns"].items()}


def pattern(name: str) -> TokenPattern:
    """The pattern called `name`; a name the grammar lacks is a KnowledgeError."""
    try:
        return grammar()[name]
    except KeyError:
        raise knowledge.KnowledgeError(f"grammar.yaml has no pattern {name!r}") from None


def _compile(name: str, entry: dict[str, Any], cues: dict[str, Any]) -> TokenPattern:
    def fail(problem: str) -> knowledge.KnowledgeError:
        return knowledge.KnowledgeError(f"grammar.yaml pattern {name!r}: {problem}")

    for key in ("source", "mode", "tokens", "examples"):
        if key not in entry:
            raise fail(f"no {key!r}")
    if entry["mode"] not in _MODES:
        raise fail(f"mode {entry['mode']!r} is not one of {sorted(_MODES)}")
    if not entry["examples"].get("match") or "no_match" not in entry["examples"]:
        raise fail("examples need 'match' (at least one) and 'no_match' lists")
    specs = tuple(_spec(spec, cues, fail) for spec in entry["tokens"])
    longest = min(sum(spec.high for spec in specs), _MAX_TOKENS)
    return TokenPattern(name, entry["mode"], specs, longest, longest * _TOKEN_REACH)


def _spec(spec: dict[str, Any], cues: dict[str, Any], fail: Any) -> _Spec:
    unknown = set(spec) - _SPEC_KEYS
    if unknown:
        raise fail(f"unknown token keys {sorted(unknown)}")
    words: set[str] | None = None
    if "in" in spec:
        words = {normalize_term(w) for w in spec["in"]}
    if "group" in spec:
        if spec["group"] not in cues:
            raise fail(f"no cue group {spec['group']!r} in cues.yaml")
        group = cues[spec["group"]]
        words = (words or set()) | {normalize_term(w) for ws in group.values() for w in ws}
    if not spec.keys() & {"in", "group", "any", "suffix", "punct", "not_in"}:
        raise fail(f"token {spec} says nothing of its word: give in, group, any, suffix or punct")
    low, high = _OPS.get(spec.get("op", ""), (1, 1))
    if "repeat" in spec:
        low, high = spec["repeat"]
    return _Spec(
        words=frozenset(words) if words is not None else None,
        excluded=frozenset(normalize_term(w) for w in spec.get("not_in", [])),
        suffix=spec.get("suffix"),
        punct=frozenset(spec["punct"]) if "punct" in spec else None,
        low=low,
        high=high,
    )


_EXAMPLE = re.compile(r"^(?P<before>[^\[\]]*)\[(?P<inside>[^\[\]]*)\](?P<after>[^\[\]]*)$")


def check_examples() -> list[str]:
    """Every example of every pattern that does not behave as written, as a sentence."""
    failures = []
    data = knowledge.load("grammar")["patterns"]
    for name, compiled in grammar().items():
        for expected, key in ((True, "match"), (False, "no_match")):
            for example in data[name]["examples"][key]:
                parts = _EXAMPLE.match(example)
                if parts is None:
                    failures.append(f"{name}: example {example!r} has no [bracketed] span")
                    continue
                text = parts["before"] + parts["inside"] + parts["after"]
                start = len(parts["before"])
                if compiled.at(text, start, start + len(parts["inside"])) != expected:
                    failures.append(f"{name}: {key} example {example!r} fails")
    return failures
