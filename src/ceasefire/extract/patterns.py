"""Token patterns: grammar written as data (knowledge/grammar.yaml), read by one interpreter.

A pattern is a list of token specs, in the manner of spaCy's `Matcher`. A spec matches one
token by what it is:

- a word: `in` (a word list), `group` (a cue group of cues.yaml), `suffix` (an ending; with
  `in`, either suffices), `not_in`, `any`; `shape: capitalized`; with `marks: true`, `any`
  takes a mark of punctuation too (the dots and hyphens inside "U.S.-Russian");
- digits: `digits: [fewest, most]`;
- a phrase of one or more words: `table: FILE.KEY` (the names of a knowledge table, such as
  the months of months.yaml);
- punctuation: `punct`;

and may repeat (`op`: "?", "*", "+", or `repeat: [min, max]`) and be `name`d, so that a
match reports the words each named spec took (the day, month and year of a date). A pattern
is tried in one of four places, its `mode`:

- `spans`: the tokens between two offsets are exactly the pattern ("Russia['s forces have
  ]killed": what may stand between a doer and its act);
- `starts`: the tokens from an offset on begin with the pattern ("IS[-held] town");
- `ends`: the tokens up to an offset end with the pattern ("a town [held by the ]IS");
- `finds`: the pattern is sought anywhere in a stretch of text ("clashes on [12 May 2016]").

Every pattern carries its source and examples, the part it is tried on written in brackets;
`check_examples` tries them all (the tests call it), and the file is validated when loaded,
so a malformed pattern is an error naming it. Words are compared normalized (casefolded,
Arabic letter forms unified).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from typing import Any, NamedTuple

from ceasefire import knowledge
from ceasefire.extract.normalize import fold, normalize, normalize_term

# A possessive ending ("'s"), a run of digits, a word (letters and digits, inner
# apostrophes and Arabic vowel marks: "وقفًا"), or one mark of punctuation. Digits and
# letters written together are two tokens ("12جوان", "4th"), and a hyphen stands between two
# ("IS-held", "mid-March").
_TOKEN = re.compile(r"['’][sS]\b|\d+|[^\W\d_][\w'’\u064B-\u0652\u0670]*|[^\w\s]")
# the same in a text of ASCII alone (most English news): ranges of letters and digits are
# read faster than the Unicode category of each character
_ASCII_TOKEN = re.compile(r"'[sS]\b|[0-9]+|[A-Za-z][A-Za-z0-9_']*|[^A-Za-z0-9_\s]")
_MAX_TOKENS = 16  # a pattern matches at most this many tokens
_TOKEN_REACH = 24  # characters a token and the space before it may take, at most
_MODES = frozenset({"spans", "starts", "ends", "finds"})
_SPEC_KEYS = frozenset(
    {"in", "group", "not_in", "suffix", "any", "marks", "punct", "shape", "digits", "table"}
    | {"name"}
    | {"op", "repeat"}
)
_OPS = {"?": (0, 1), "*": (0, _MAX_TOKENS), "+": (1, _MAX_TOKENS)}


class Token(NamedTuple):
    norm: str  # the word normalized, or the punctuation as it stands
    raw: str
    start: int
    end: int


class Found(NamedTuple):
    """A match: its span, and the words each named spec took."""

    start: int
    end: int
    parts: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Spec:
    words: frozenset[str] | None  # one of these words, or any word when None
    excluded: frozenset[str]
    suffix: str | None
    punct: frozenset[str] | None  # one of these marks instead of a word
    capitalized: bool
    digits: tuple[int, int] | None
    phrases: dict[tuple[str, ...], str] | None  # a table's names by their words
    first_words: frozenset[str]  # the words the table's names begin with
    name: str | None
    low: int
    high: int
    marks: bool  # `any` takes marks of punctuation as well as words
    # Does one token fit this spec (for a `table` spec: may a name begin with it)? A test
    # made for the spec when it is made (`_fitter`): it is asked of nearly every token read.
    fits: Callable[[Token], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fits", _fitter(self))

    def phrase_sizes(self, tokens: Sequence[Token], t: int) -> list[int]:
        """The lengths of the table's phrases that begin at token `t`, longest first."""
        phrases = self.phrases or {}
        if t >= len(tokens) or not self.fits(tokens[t]):
            return []
        return [
            size
            for size in range(min(_LONGEST_PHRASE, len(tokens) - t), 0, -1)
            if tuple(tok.norm for tok in tokens[t : t + size]) in phrases
        ]


_LONGEST_PHRASE = 3


def _is_word(raw: str) -> bool:
    return raw[0].isalnum() or raw[0] in "'’_"


def _fitter(spec: _Spec) -> Callable[[Token], bool]:
    """The test of whether a token fits `spec`, written out for the usual kinds of spec (a
    table's first words, marks, digits, a word list, a capitalized word) so that it reads
    only what that kind asks; `_fits` for the others."""
    if spec.phrases is not None:
        first_words = spec.first_words
        return lambda token: token[0] in first_words
    if spec.punct is not None:
        punct = spec.punct
        return lambda token: token[0] in punct
    if spec.digits is not None:
        fewest, most = spec.digits
        # decimal digits only: "²" is a digit to `isdigit` but no number of a date
        return lambda token: token[1].isdecimal() and fewest <= len(token[1]) <= most
    if not spec.excluded and spec.suffix is None:
        words = spec.words
        if words is not None and not spec.capitalized:
            return lambda token: token[0] in words and _is_word(token[1])
        if words is None and spec.capitalized:
            return lambda token: _is_word(token[1]) and token[1][0].isupper()
    return partial(_fits, spec)


def _fits(spec: _Spec, token: Token) -> bool:
    """Does one word token fit `spec` (one of no table, marks nor digits)? With `marks`, a
    mark of punctuation fits too."""
    if token.norm in spec.excluded:
        return False
    if not _is_word(token.raw):
        return spec.marks
    if spec.capitalized and not token.raw[0].isupper():
        return False
    if spec.suffix is not None and token.norm.endswith(spec.suffix):
        return True  # `suffix` and `in` together: either will do
    if spec.words is None:
        return spec.suffix is None
    return token.norm in spec.words


@dataclass(frozen=True, slots=True)
class TokenPattern:
    name: str
    mode: str
    specs: tuple[_Spec, ...]
    backwards: tuple[_Spec, ...]  # the specs in reverse, for `ends` (phrases reversed too)
    longest: int  # the most tokens a match takes
    reach: int  # the characters those tokens may take
    leads: tuple[_Spec, ...]  # the first token of a match fits one of these (`_leading`)
    trails: tuple[_Spec, ...]  # and its last token one of these
    digits_first: bool  # every match begins with digits ("72-hour")
    needs: _Needs | None = None  # words one of which every match holds (`_needed_words`)
    anchors: tuple[str, ...] = ()  # every match begins with one of these words (`_anchors`)
    bounded: bool = False  # no match takes more tokens than `longest` (uncapped) counts

    def spans(self, text: str, start: int, end: int) -> bool:
        """Are the tokens of text[start:end] exactly this pattern?"""
        if end - start > self.reach:
            return False
        if self.needs and not self.needs.may_be_in(text, start, end):
            return False
        most = self.longest if self.bounded else end - start  # no token is empty
        tokens = _leading_tokens(text, start, end, most + 1, self.leads)
        if tokens is None or len(tokens) > most:
            return False  # a first token that begins no match, or more than a match takes
        if self.needs and not self.needs.among(tokens):
            return False
        return len(tokens) in _reachable(self.specs, tokens, 0)

    def starts(self, text: str, offset: int) -> bool:
        """Do the tokens from `offset` on begin with this pattern?"""
        return self.end_of(text, offset) is not None

    def end_of(self, text: str, offset: int) -> int | None:
        """Where the longest match that begins at `offset` ends, if one does."""
        if self.needs and not self.needs.may_be_in(text, offset, offset + self.reach):
            return None  # a quick no: a word every match holds is not there
        tokens = _leading_tokens(text, offset, offset + self.reach, self.longest, self.leads)
        if tokens is None:
            return None  # a quick no: the first token cannot begin it
        if self.needs and not self.needs.among(tokens):
            return None  # a quick no: none of the tokens a match may take is a needed word
        ends = _reachable(self.specs, tokens, 0)
        return (tokens[max(ends) - 1].end if max(ends) else offset) if ends else None

    def ends(self, text: str, offset: int) -> bool:
        """Do the tokens up to `offset` end with this pattern?"""
        return self.start_of(text, offset) is not None

    def start_of(self, text: str, offset: int) -> int | None:
        """Where the longest match that ends at `offset` begins, if one does."""
        if self.needs and not self.needs.may_be_in(text, max(0, offset - self.reach), offset):
            return None
        if self.trails:  # a quick no, from the last token alone
            token = _last_token(text, offset, self.longest, self.reach)
            if token is not None and not _fits_any(self.trails, token):
                return None
        tokens = _last_tokens(text, offset, self.longest, self.reach)[::-1]
        last = self.backwards[0]
        if last.low and (not tokens or not last.fits(tokens[0])):
            return None
        if self.needs and not self.needs.among(tokens):
            return None
        starts = _reachable(self.backwards, tokens, 0)
        return (tokens[max(starts) - 1].start if max(starts) else offset) if starts else None

    def finds(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        """The leftmost-longest matches in text[start:end], none overlapping another."""
        end = len(text) if end is None else end
        if self.digits_first and not _may_hold_digits(text[start:end]):
            return []  # a quick no, before reading any token
        if self.needs and not self.needs.may_be_in(text, start, end):
            return []
        if self.anchors:
            folded, base = _folded(text), 0
            if folded is None:  # a text that folds to another length: its stretch may not
                folded, base = fold(text[start:end]), start
            if folded is not None:
                return self._finds_anchored(text, start, end, folded, base)
        return self.finds_in(tokenize(text, start, end))

    def _finds_anchored(
        self, text: str, start: int, end: int, folded: str, base: int
    ) -> list[Found]:
        """`finds` read from where its first words are written, not from every token: the
        folded text (the form tokens' words take; `folded[i]` folds `text[base + i]`) is
        searched for them, and the tokens are read from the last space before each (no token
        holds a space), so they are those `tokenize` would read there. The same matches, in
        a stretch naming none read no token at all."""
        low, high = start - base, end - base
        places = sorted(
            {i for word in self.anchors for i in _occurrences(folded, word, low, high)}
        )
        found: list[Found] = []
        after = start  # where the last match ended: matches do not overlap
        for index in places:
            offset = base + index
            if offset < after:
                continue
            restart = max(text.rfind(" ", after, offset), text.rfind("\n", after, offset)) + 1
            tokens = _tokens_from(text, max(restart, after), end, offset, self.longest)
            if not tokens or tokens[0].start != offset or not _fits_any(self.leads, tokens[0]):
                continue  # inside a word ("warplanes" holds "war")
            if max(_reachable(self.specs, tokens, 0), default=0) == 0:
                continue  # no match here (a quick no: the words each spec took not kept)
            stop, taken = max(_matches(self.specs, tokens, 0), key=_end)
            found.append(Found(offset, tokens[stop - 1].end, _parts(taken, tokens)))
            after = tokens[stop - 1].end
        return found

    def finds_in(self, tokens: list[Token]) -> list[Found]:
        """`finds` on tokens already made (several patterns sought in one stretch)."""
        found: list[Found] = []
        leads = self.leads
        t = 0
        while t < len(tokens):
            if not _fits_any(leads, tokens[t]):  # the usual case: a quick no
                t += 1
                continue
            if max(_reachable(self.specs, tokens, t), default=t) == t:
                t += 1  # no match here (a quick no: the words each spec took not kept)
                continue
            stop, taken = max(_matches(self.specs, tokens, t), key=_end)
            found.append(Found(tokens[t].start, tokens[stop - 1].end, _parts(taken, tokens)))
            t = stop
        return found

    def at(self, text: str, start: int, end: int) -> bool:
        """The pattern tried in its own mode on text[start:end]."""
        if self.mode == "spans":
            return self.spans(text, start, end)
        if self.mode == "starts":
            return self.starts(text[:end], start)
        if self.mode == "ends":
            return self.ends(text[start:], end - start)
        return any((f.start, f.end) == (start, end) for f in self.finds(text))


def _leading(specs: tuple[_Spec, ...]) -> tuple[_Spec, ...]:
    """The specs up to the first that must take a token: the first token of any match fits
    one of them. None when every spec may take nothing (an empty match: no quick no)."""
    for index, spec in enumerate(specs):
        if spec.low:
            return specs[: index + 1]
    return ()


def _may_hold_digits(text: str) -> bool:
    """May a token of `text` be digits (`str.isdecimal`)? Not when the text is ASCII without
    0-9; other scripts have digits of their own, which are not looked for."""
    return not text.isascii() or _ASCII_DIGIT.search(text) is not None


_ASCII_DIGIT = re.compile(r"[0-9]")


def _fits_any(specs: tuple[_Spec, ...], token: Token) -> bool:
    """May a match begin with `token`, by `_leading` specs (none: any token may)?"""
    if not specs:
        return True
    if len(specs) == 1:
        return specs[0].fits(token)
    return any(spec.fits(token) for spec in specs)


def _backwards(spec: _Spec) -> _Spec:
    """The spec as read from right to left: a table's phrases reversed."""
    fields = {name: getattr(spec, name) for name, f in _Spec.__dataclass_fields__.items() if f.init}
    if spec.phrases is not None:
        fields["phrases"] = {words[::-1]: name for words, name in spec.phrases.items()}
        fields["first_words"] = frozenset(words[0] for words in fields["phrases"])
    return _Spec(**fields)


def _parts(taken: tuple[tuple[str, int, int], ...], tokens: list[Token]) -> dict[str, str]:
    return {name: " ".join(tok.raw for tok in tokens[a:b]) for name, a, b in taken if b > a}


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end], words normalized, punctuation as it stands."""
    # a Token made as the tuple it is (its own constructor is Python code), its offsets
    # asked one by one (cheaper than unpacking the span), an ASCII word lowercased in place
    # (`_normal` would do just that, through its cache)
    new = tuple.__new__
    return [
        new(
            Token,
            (
                raw.lower() if (raw := m.group()).isascii() else _normal(raw),
                raw,
                m.start(),
                m.end(),
            ),
        )
        for m in _tokens_of(text).finditer(text, start, end)
    ]


def _tokens_of(text: str) -> re.Pattern[str]:
    return _ASCII_TOKEN if text.isascii() else _TOKEN


def _leading_tokens(
    text: str, start: int, end: int, count: int, leads: tuple[_Spec, ...]
) -> list[Token] | None:
    """The first `count` tokens of text[start:end] (made as `tokenize` makes them), read
    no further than that; None when the first cannot begin a match, by `leads`."""
    new = tuple.__new__
    tokens: list[Token] = []
    for m in _tokens_of(text).finditer(text, start, end):
        raw = m.group()
        norm = raw.lower() if raw.isascii() else _normal(raw)
        token = new(Token, (norm, raw, m.start(), m.end()))
        if not tokens and not _fits_any(leads, token):
            return None
        tokens.append(token)
        if len(tokens) >= count:
            break
    return tokens


def _tokens_from(text: str, start: int, end: int, offset: int, count: int) -> list[Token]:
    """The first `count` tokens of text[start:end] (made as `tokenize` makes them) that
    begin at `offset` or after it."""
    new = tuple.__new__
    tokens: list[Token] = []
    for m in _tokens_of(text).finditer(text, start, end):
        if m.start() < offset:
            continue
        raw = m.group()
        norm = raw.lower() if raw.isascii() else _normal(raw)
        tokens.append(new(Token, (norm, raw, m.start(), m.end())))
        if len(tokens) >= count:
            break
    return tokens


def _last_tokens(text: str, end: int, count: int, reach: int) -> list[Token]:
    """The last `count` tokens before `end`, read from a short stretch first; the first
    token of a stretch may be a cut word, so a stretch holding no more than `count` tokens
    is read again at full reach."""
    window = min(reach, count * _SHORT_TOKEN)
    tokens = tokenize(text, max(0, end - window), end)
    if len(tokens) <= count and window < reach and end > window:
        tokens = tokenize(text, max(0, end - reach), end)
    return tokens[-count:]


_SHORT_TOKEN = 10  # characters a token and its space usually take: the first stretch read


def _last_token(text: str, end: int, count: int, reach: int) -> Token | None:
    """The last token `_last_tokens` would read before `end`, read from the last space
    before it (within the first stretch `_last_tokens` reads): no token holds a space, so
    the tokens after one are the same whatever stretch they are read from. None when no
    space stands there, or no token after it."""
    space = text.rfind(" ", max(0, end - min(reach, count * _SHORT_TOKEN)), end - 1)
    if space < 0:
        return None
    tokens = tokenize(text, space + 1, end)
    return tokens[-1] if tokens else None


@lru_cache(maxsize=1 << 16)
def _normal(token: str) -> str:
    if token.isascii():
        return token.lower()
    if _is_word(token):
        return normalize_term(token) or token
    return token


_Taken = tuple[tuple[str, int, int], ...]
_Match = tuple[int, _Taken]


def _matches(specs: Sequence[_Spec], tokens: Sequence[Token], t: int) -> list[_Match]:
    """Every way `specs` match tokens from `t`: where the match ends, and what each named
    spec took, in the order of plain backtracking (patterns are a few specs long). They are
    gathered into a list by plain recursion: nested generators cost a resumption per level
    for every match passed up."""
    found: list[_Match] = []
    _ends(specs, tokens, 0, t, (), found)
    return found


def _reachable(specs: Sequence[_Spec], tokens: Sequence[Token], t: int) -> set[int]:
    """Where the matches of `specs` from token `t` end: those of `_matches`, found without
    the words each spec took. The specs are read one after another, each carrying the set
    of tokens where a match of the specs before it may stand, so that each way of reaching a
    token is followed once (a pattern of many optional specs has many)."""
    here = {t}
    for spec in specs:
        if spec.phrases is None:
            here = _after_words(spec, tokens, here)
        else:
            here = _after_phrases(spec, tokens, here)
        if not here:
            break
    return here


def _after_words(spec: _Spec, tokens: Sequence[Token], here: set[int]) -> set[int]:
    """Where `spec` (of one token, repeated `low` to `high` times) may end, begun at any of
    `here`."""
    low, high, size, fits = spec.low, spec.high, len(tokens), spec.fits
    after: set[int] = set(here) if low == 0 else set()
    for at in here:
        count = 0
        while count < high and at < size and fits(tokens[at]):
            at += 1
            count += 1
            if count >= low:
                after.add(at)
    return after


def _after_phrases(spec: _Spec, tokens: Sequence[Token], here: set[int]) -> set[int]:
    """Where `spec` (of a table's phrases, repeated `low` to `high` times) may end, begun at
    any of `here`."""
    after: set[int] = set(here) if spec.low == 0 else set()
    reached, count = here, 0
    while reached and count < spec.high:
        reached = {at + step for at in reached for step in spec.phrase_sizes(tokens, at)}
        count += 1
        if count >= spec.low:
            after |= reached
    return after


def _end(match: _Match) -> int:
    return match[0]


def _ends(
    specs: Sequence[_Spec],
    tokens: Sequence[Token],
    s: int,
    t: int,
    taken: _Taken,
    found: list[_Match],
) -> None:
    """Add to `found` every way specs[s:] match tokens from `t`."""
    if s == len(specs):
        found.append((t, taken))
        return
    _repeat(specs, tokens, s, t, t, 0, taken, found)


def _repeat(
    specs: Sequence[_Spec],
    tokens: Sequence[Token],
    s: int,
    first: int,
    t: int,
    count: int,
    taken: _Taken,
    found: list[_Match],
) -> None:
    spec = specs[s]
    if count >= spec.low:
        named = (*taken, (spec.name, first, t)) if spec.name else taken
        _ends(specs, tokens, s + 1, t, named, found)
    if count >= spec.high:
        return
    if spec.phrases is None:  # one token, the usual case
        if t < len(tokens) and spec.fits(tokens[t]):
            _repeat(specs, tokens, s, first, t + 1, count + 1, taken, found)
        return
    for size in spec.phrase_sizes(tokens, t):
        _repeat(specs, tokens, s, first, t + size, count + 1, taken, found)


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
    most = sum(spec.high * (_LONGEST_PHRASE if spec.phrases else 1) for spec in specs)
    longest = min(most, _MAX_TOKENS)
    backwards = tuple(_backwards(spec) for spec in specs[::-1])
    leads = _leading(specs)
    return TokenPattern(
        name,
        entry["mode"],
        specs,
        backwards,
        longest,
        longest * _TOKEN_REACH,
        leads,
        _leading(backwards),
        bool(leads) and all(_digits_only(spec) for spec in leads),
        _needed_words(specs),
        _anchors(leads, specs),
        most <= _MAX_TOKENS,
    )


_MAX_ANCHORS = 16  # more first words than this are sought faster token by token


def _anchors(leads: tuple[_Spec, ...], specs: tuple[_Spec, ...]) -> tuple[str, ...]:
    """The words every match begins with, when the leading specs fit listed words alone
    (none: a match may begin with any word, a mark or digits) and a match takes no more
    tokens than `longest` counts (none: a match may be longer than the tokens it reads)."""
    if sum(spec.high * (_LONGEST_PHRASE if spec.phrases else 1) for spec in specs) > _MAX_TOKENS:
        return ()
    words: set[str] = set()
    for spec in leads:
        if spec.phrases is not None:
            words |= spec.first_words
        elif _of_listed_words(spec):
            words |= spec.words or frozenset()
        else:
            return ()
    if not words or len(words) > _MAX_ANCHORS or not all(w[:1].isalnum() for w in words):
        return ()
    return tuple(sorted(words))


def _of_listed_words(spec: _Spec) -> bool:
    """Does `spec` fit only words of its list (as `_fitter` reads a spec)?"""
    return (
        spec.punct is None
        and spec.digits is None
        and spec.words is not None
        and spec.suffix is None
        and not spec.marks
    )


def _occurrences(text: str, word: str, start: int, end: int) -> list[int]:
    """Where `word` is written in text[start:end]."""
    found = []
    index = text.find(word, start, end)
    while index >= 0:
        found.append(index)
        index = text.find(word, index + 1, end)
    return found


@lru_cache(maxsize=4)
def _folded(text: str) -> str | None:
    """The whole text folded (`normalize.fold`), made once per text: the stretches that
    `finds` reads are slices of it."""
    return fold(text)


class _Needs(NamedTuple):
    """Words one of which every match of a pattern holds, split once by script: Latin words
    are sought in a stretch's lowercase, others in its normalized form (as tokens are
    normalized: `_normal`)."""

    latin: tuple[str, ...]
    other: tuple[str, ...]
    words: frozenset[str]  # all of them

    def may_be_in(self, text: str, start: int, end: int) -> bool:
        """May text[start:end] hold one of the words as a token? (A quick no before
        tokenizing.) Latin words are sought in the whole text's lowercase, made once per
        text, where lowercasing keeps the offsets."""
        lowered = _lowered(text)
        low, high = start, end
        if lowered is None:
            lowered, low, high = text[start:end].lower(), 0, end - start
        for word in self.latin:  # a loop, not `any`: most lists are a few words long
            if lowered.find(word, low, high) >= 0:
                return True
        stretch = text[start:end]
        if not self.other or stretch.isascii():
            return False
        normalized = normalize(stretch).text
        return any(word in normalized for word in self.other)

    def among(self, tokens: list[Token]) -> bool:
        """Is one of the words one of `tokens`? Every match takes one: where none is, the
        tokens need not be matched."""
        return not self.words.isdisjoint([token.norm for token in tokens])


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """The text in lowercase, or None where lowercasing changes its length ("İ")."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def _needed_words(specs: tuple[_Spec, ...]) -> _Needs | None:
    """The words of a spec that every match takes a word of (one of them must then stand in
    any stretch that matches); None when there is no such spec. Of several, the one whose
    shortest word is longest, the last on a tie: a short word ("of", "by", "ب") stands
    inside most stretches, and so says no to few."""
    needed = [
        spec
        for spec in specs
        if spec.low
        and spec.phrases is None
        and spec.punct is None
        and spec.digits is None
        and spec.words
        and spec.suffix is None
    ]
    if not needed:
        return None
    words = max((s.words or frozenset() for s in reversed(needed)), key=lambda w: min(map(len, w)))
    return _Needs(
        tuple(w for w in words if w.isascii()),
        tuple(w for w in words if not w.isascii()),
        words,
    )


def _digits_only(spec: _Spec) -> bool:
    """Does `spec` fit only digits (the way `_Spec.fits` reads a spec)?"""
    return spec.phrases is None and spec.punct is None and spec.digits is not None


_WORD_KEYS = frozenset(
    {"in", "group", "any", "suffix", "punct", "not_in", "digits", "table", "shape"}
)


def _spec(spec: dict[str, Any], cues: dict[str, Any], fail: Any) -> _Spec:
    unknown = set(spec) - _SPEC_KEYS
    if unknown:
        raise fail(f"unknown token keys {sorted(unknown)}")
    if not spec.keys() & _WORD_KEYS:
        raise fail(
            f"token {spec} says nothing of its word: give in, group, any, suffix, punct, "
            "shape, digits or table"
        )
    for key in ("in", "not_in"):
        odd = [w for w in spec.get(key, []) if not isinstance(w, str)]
        if odd:  # YAML reads a bare no, on or yes as a truth value: quote such words
            raise fail(f"token {key} {odd} holds words that are not strings: quote them")
    words: set[str] | None = None
    if "in" in spec:
        words = {normalize_term(w) for w in spec["in"]}
    if "group" in spec:
        if spec["group"] not in cues:
            raise fail(f"no cue group {spec['group']!r} in cues.yaml")
        group = cues[spec["group"]]
        words = (words or set()) | {normalize_term(w) for ws in group.values() for w in ws}
    low, high = _OPS.get(spec.get("op", ""), (1, 1))
    if "repeat" in spec:
        low, high = spec["repeat"]
    phrases = _table(spec["table"], fail) if "table" in spec else None
    return _Spec(
        words=frozenset(words) if words is not None else None,
        excluded=frozenset(normalize_term(w) for w in spec.get("not_in", [])),
        suffix=spec.get("suffix"),
        punct=frozenset(spec["punct"]) if "punct" in spec else None,
        capitalized=spec.get("shape") == "capitalized",
        digits=tuple(spec["digits"]) if "digits" in spec else None,  # type: ignore[arg-type]
        phrases=phrases,
        first_words=frozenset(words[0] for words in phrases or ()),
        name=spec.get("name"),
        low=low,
        high=high,
        marks=bool(spec.get("marks")),
    )


def _table(paths: str | list[str], fail: Any) -> dict[tuple[str, ...], str]:
    """The names of knowledge tables (each `FILE.KEY`: a mapping's keys or a list) by their
    words."""
    phrases: dict[tuple[str, ...], str] = {}
    for path in [paths] if isinstance(paths, str) else paths:
        file, _, key = path.partition(".")
        try:
            names = knowledge.load(file)[key]
        except (knowledge.KnowledgeError, KeyError, TypeError):
            raise fail(f"no table {path!r}") from None
        phrases.update({tuple(_normal(w) for w in _TOKEN.findall(n)): n for n in names})
    return phrases


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
