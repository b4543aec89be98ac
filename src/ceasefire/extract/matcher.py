"""One pass of an Aho-Corasick automaton (pyahocorasick) finds every known term in a text.

Patterns come from the knowledge files, each tagged with what it names. A hit counts only at
word boundaries; before an Arabic term, attached proclitics (و ف ب ل ك ال) are allowed.
A pattern written with an initial capital (a proper name) only matches a capitalized word, so
"Turkey" the country is never "a turkey"; one in capitals ("US", "WHO") only matches
capitals. Where hits overlap, the longest wins; hits of the
same span but different kinds (a name that is both a place and an actor) are all kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import ahocorasick
from mypy_extensions import mypyc_attr

from ceasefire import knowledge
from ceasefire.extract.marks import mark_sites, stretches
from ceasefire.extract.normalize import Normalized, has_arabic, normalize, normalize_term


@dataclass(frozen=True, slots=True)
class Entry:
    """What a pattern names: its kind ("place", "actor", "term", ...) and a key into that table."""

    kind: str
    key: str
    case: str = "any"  # "any"; "initial": a capital first letter; "upper": all capitals


class Hit(NamedTuple):
    start: int
    end: int
    kind: str
    key: str
    text: str


# A Python class even where this module is compiled (setup.py): the lexicon cache pickles it.
@mypyc_attr(native_class=False)
class Matcher:
    """All patterns of all kinds, found in one pass over the text.

    One-word patterns ("Aleppo", "truce", "UN", "هدنة") are looked up word by word in a
    dict, and so are phrases of words ("cessation of hostilities"), word after word while
    the words read so far open one; those with punctuation ("U.S.", "al-Nusra"), and in
    Arabic text all phrases, are found by Aho-Corasick automata, which store ints indexing
    their entries (an int automaton pickles fast).
    """

    def __init__(self, patterns: Iterable[tuple[str, Entry]]) -> None:
        words: dict[str, list[tuple[str, str, str]]] = {}
        phrases: dict[str, list[tuple[str, str, str]]] = {}
        # Equal tuples are made once and shared: hundreds of thousands of terms share a few
        # tens of thousands of entries (a town's spellings, a word's forms), which the
        # lexicon would otherwise hold as copies, in memory and in its cache.
        pool: dict[tuple, tuple] = {}  # built with the matcher: not kept, nor cached
        shared = pool.setdefault
        for pattern, entry in patterns:
            term = normalize_term(pattern)
            if not term:
                continue
            value = shared((entry.kind, entry.key, entry.case), (entry.kind, entry.key, entry.case))
            table = words if _WORD.fullmatch(term) else phrases
            if value not in table.setdefault(term, []):
                table[term].append(value)
        self._values: list[tuple[int, tuple[tuple[str, str, str], ...]]] = []
        # Text without Arabic, its non-word characters turned to spaces: each word is looked
        # up, and the words after it while they continue a phrase of words ("cessation of"),
        # in a tree of words (`_word_tree`); the few patterns with punctuation ("u.s.") are
        # found by automata. Arabic text looks its words up in the tree's first level.
        self._tree = _word_tree(
            {term: shared(tuple(e), tuple(e)) for term, e in words.items()},
            {t: shared(tuple(e), tuple(e)) for t, e in phrases.items() if _SPACED.match(t)},
        )
        # Those with a rare mark (an apostrophe, a diacritic: "ma'arrat", "qal‘eh") are sought
        # only around the rare marks a text writes, the others around their own marks (a full
        # stop after "u.s": `marks`), those with no mark (none but spaces) everywhere.
        punctuated = {t: tuple(e) for t, e in phrases.items() if not _SPACED.match(t)}
        rare = {ch for term in punctuated for ch in term if _rare_mark(ch)}
        marked = {t: e for t, e in punctuated.items() if not rare.isdisjoint(t)}
        anchored = {
            t: e for t, e in punctuated.items() if t not in marked and any(map(_is_mark, t))
        }
        self._marked = self._compile(marked, pool)
        self._marked_sites = mark_sites(marked, rare.__contains__)
        self._anchored = self._compile(anchored, pool)
        self._anchored_sites = mark_sites(anchored, _is_mark)
        self._punctuated = self._compile(
            {t: e for t, e in punctuated.items() if t not in marked and t not in anchored}, pool
        )
        # Text with Arabic, where proclitics attach to words: words are looked up one by one
        # and all phrases are matched by this automaton.
        arabic = knowledge.load("arabic")
        self._article = normalize_term(arabic["article"])
        elided = normalize_term(arabic["elided_article"])
        self._phrases = self._compile(_with_elided_article(phrases, self._article, elided), pool)
        self._proclitics = _proclitics()
        self._enclitics = _enclitics()
        self._unsuffixed = frozenset(arabic["unsuffixed_kinds"])
        self._articled = frozenset(arabic["articled_kinds"])
        self._article_proclitics = frozenset(
            normalize_term(p) for p in arabic["article_proclitics"]
        )

    def _compile(
        self,
        table: dict[str, tuple[tuple[str, str, str], ...]],
        pool: dict[tuple, tuple],
    ) -> ahocorasick.Automaton:
        """An automaton whose values index `self._values`: (term length, entries), each
        tuple taken from `pool` where an equal one is there already."""
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        shared = pool.setdefault
        for key, entries in table.items():
            automaton.add_word(key, len(self._values))
            value = (len(key), shared(entries, entries))
            self._values.append(shared(value, value))
        automaton.make_automaton()
        return automaton

    def find(self, text: str, resolve: bool = True) -> list[Hit]:
        """Every hit in `text` in text order, overlaps resolved unless `resolve` is false."""
        norm = normalize(text)
        found: list[Hit] = []
        if has_arabic(norm.text):
            self._collect_arabic_words(norm, text, found)
            self._collect_phrases(self._phrases, norm, text, found)
        else:
            self._collect_spaced(norm, text, found)
            punctuated: list[Hit] = []
            self._collect_phrases(self._punctuated, norm, text, punctuated)
            for automaton, sites in (
                (self._anchored, self._anchored_sites),
                (self._marked, self._marked_sites),
            ):
                for start, end in stretches(sites, norm.text):
                    self._collect_phrases(automaton, norm, text, punctuated, start, end)
            # in text order, as one automaton would give them: by end, the longest first
            found += sorted(punctuated, key=_end_then_start)
        return resolve_overlaps(found) if resolve else found

    def _collect_spaced(self, norm: Normalized, text: str, found: list[Hit]) -> None:
        """The words and phrases of words in a text without Arabic, whose characters other
        than word characters count as spaces: a phrase's words stand one space apart."""
        words = norm.text.translate(_SPACING).split(" ")
        tree, count = self._tree, len(words)
        spans: list[tuple[int, int, tuple[tuple[str, str, str], ...]]] = []  # (end, start, entries)
        start = 0
        for index, word in enumerate(words):
            node = tree.get(word) if word else None
            if node is not None:
                entries, following = node
                end, after = start + len(word), index + 1
                if entries:
                    spans.append((end, start, entries))
                while following is not None and after < count and words[after]:
                    node = following.get(words[after])
                    if node is None:
                        break
                    end += 1 + len(words[after])
                    after += 1
                    entries, following = node
                    if entries:
                        spans.append((end, start, entries))
            start += len(word) + 1
        # in text order, as found by the end: the longest first (no two share a start and
        # an end, so the entries are never compared)
        spans.sort()
        if norm.offsets is not None:
            for end_n, start_n, entries in spans:
                _add(norm, text, start_n, end_n, entries, found)
            return
        # The usual case, offsets unchanged by normalizing: `_add` inlined into one list
        # comprehension, and each Hit made as the tuple it is (its class's own constructor is
        # a Python function).
        new = tuple.__new__
        found += [
            new(Hit, (start, end, kind, key, span))
            for end, start, entries in spans
            for span in (text[start:end],)
            for kind, key, case in entries
            if case == "any" or _case_fits(case, span)
        ]

    def _collect_arabic_words(self, norm: Normalized, text: str, found: list[Hit]) -> None:
        for match in _WORD.finditer(norm.text):
            word, start, end = match.group(), match.start(), match.end()
            entries = self._word(word)
            if entries is not None:
                _add(norm, text, start, end, entries, found)
            if word[0] in _PROCLITIC_LETTERS:
                for size, behind in self._behind_proclitics(word):
                    _add(norm, text, start + size, end, behind, found)
            if entries is None:  # "أعلنه" is "أعلن" with "him", its alef no proclitic
                for stem in self._stems(word):
                    _add(norm, text, start, end, stem, found)

    def _word(self, word: str) -> tuple[tuple[str, str, str], ...] | None:
        """The entries of the one-word pattern `word`, if it is one."""
        node = self._tree.get(word)
        return node[0] if node is not None else None

    def _behind_proclitics(
        self, word: str
    ) -> Iterator[tuple[int, tuple[tuple[str, str, str], ...]]]:
        """The word without attached proclitics: "وبحلب" is also "حلب" behind "وب", and
        "سيفرون" "يفرون" behind "س"; with the proclitics' length. Pronoun suffixes may
        follow ("بتمديدها")."""
        for size in range(1, min(_MAX_PROCLITIC, len(word) - 2) + 1):
            proclitic = word[:size]
            if proclitic in self._proclitics:
                rest = word[size:]
                entries = self._word(rest)
                if proclitic in self._article_proclitics:
                    entries = self._unarticled(entries)
                    yield from self._articled_names(proclitic, rest)
                if entries:
                    yield size, entries
                for stem in self._stems(rest):
                    yield size, stem

    def _unarticled(
        self, entries: tuple[tuple[str, str, str], ...] | None
    ) -> tuple[tuple[str, str, str], ...]:
        """The entries of a word behind the article that may stand there: terms and cues,
        not names of `articled_kinds` written without it ("مشهد" in "المشهد", the scene)."""
        return tuple(e for e in entries or () if e[0] not in self._articled)

    def _articled_names(
        self, proclitic: str, rest: str
    ) -> Iterator[tuple[int, tuple[tuple[str, str, str], ...]]]:
        """The names of `articled_kinds` that hold the article ("الحديدة" in "للحديدة",
        "والحديدة"), spanning the article (or "لل"), as a name listed with it is written;
        behind the bare article the whole word was looked up already."""
        if proclitic == self._article:
            return
        named = self._word(self._article + rest) or ()
        kept = tuple(e for e in named if e[0] in self._articled)
        if kept:
            yield len(proclitic) - _ARTICLE_SIZE, kept

    def _stems(self, word: str) -> Iterator[tuple[tuple[str, str, str], ...]]:
        """The entries of known words that `word` is with a pronoun suffix: "هدنتها" is
        "هدنه" + "ها". Proper names take no pronoun suffix: "ميداني" ("of the field") is no
        "ميدان" with "my", nor "هامة" ("important") "هام" with "its"."""
        for suffix in self._enclitics:
            if len(word) - len(suffix) >= _MIN_STEM and word.endswith(suffix):
                stem = word[: -len(suffix)]
                for candidate in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
                    entries = self._word(candidate) if candidate else None
                    if entries is not None:
                        kept = tuple(e for e in entries if e[0] not in self._unsuffixed)
                        if kept:
                            yield kept
                        return

    def _collect_phrases(
        self,
        automaton: ahocorasick.Automaton,
        norm: Normalized,
        text: str,
        found: list[Hit],
        start: int = 0,
        end: int | None = None,
    ) -> None:
        """The automaton's terms in norm.text[start:end], at word boundaries."""
        if not len(automaton):  # a matcher of a few words may have no phrase of this sort
            return
        string, values, size = norm.text, self._values, len(norm.text)
        for end_index, value in automaton.iter(string, start, size if end is None else end):
            length, entries = values[value]
            end_n = end_index + 1
            if end_n < size and string[end_n].isalnum():  # inside a longer word: the usual case
                continue
            start_n = end_n - length
            if (
                start_n
                and string[start_n - 1].isalnum()
                and not self._after_proclitic(string, start_n)
            ):
                continue
            _add(norm, text, start_n, end_n, entries, found)

    def _after_proclitic(self, string: str, start: int) -> bool:
        """Does an Arabic word start at `start` behind attached proclitics ("وبحلب")?"""
        if not has_arabic(string[start]):
            return False
        word_start = start - 1
        while word_start > 0 and string[word_start - 1].isalnum():
            word_start -= 1
        return string[word_start:start] in self._proclitics


def _with_elided_article(
    phrases: dict[str, list[tuple[str, str, str]]], article: str, elided: str
) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The phrases, and each that opens with the Arabic article as written after the
    preposition ل, which takes the article's alef ("للتحالف الدولي" for "ل" + "التحالف
    الدولي"; knowledge/arabic.yaml `elided_article`)."""
    table = {t: tuple(e) for t, e in phrases.items()}
    for term, entries in phrases.items():
        if term.startswith(article) and " " in term:
            table.setdefault(elided + term[len(article) :], tuple(entries))
    return table


_WORD = re.compile(r"\w+")
# Marks that news writes in most sentences: a term holding no other mark is sought in the
# whole text; one holding another (an apostrophe, a diacritic) only around those marks.
_FREQUENT_MARKS = frozenset('.,;:!?()[]/"«»–—-')


def _rare_mark(ch: str) -> bool:
    return _is_mark(ch) and ch not in _FREQUENT_MARKS


def _is_mark(ch: str) -> bool:
    return not ch.isalnum() and not ch.isspace()


def _end_then_start(hit: Hit) -> tuple[int, int]:
    return hit.end, hit.start


_Entries = tuple[tuple[str, str, str], ...]
# a word's entries (None: no pattern is that word alone) and the words that may follow it in
# a phrase, each with its own node (None: it ends every phrase it is in)
_Node = tuple[_Entries | None, "dict[str, _Node] | None"]


def _word_tree(words: dict[str, _Entries], phrases: dict[str, _Entries]) -> dict[str, _Node]:
    """The one-word patterns and the phrases of words as a tree of words: a word's node
    holds its entries and the nodes of the words after it. A text's words are followed down
    it one lookup a word, with no phrase built and hashed to look up."""
    tree: dict[str, list] = {}
    for phrase, entries in [*words.items(), *phrases.items()]:
        level, *rest = phrase.split(" ")
        node = tree.setdefault(level, [None, {}])
        for word in rest:
            node = node[1].setdefault(word, [None, {}])
        node[0] = entries
    return _frozen(tree)


def _frozen(tree: dict[str, list]) -> dict[str, _Node]:
    """The tree of lists `_word_tree` builds, as tuples with no empty dicts."""
    return {word: (node[0], _frozen(node[1]) if node[1] else None) for word, node in tree.items()}


class _Spacing(dict[int, str]):
    """A `str.translate` table turning every character but word characters (\\w: what
    `str.isalnum` accepts, and "_") and spaces into a space, as `re.sub(r"[^\\w ]", " ")`
    would, several times faster. Each character's entry is made when first met, and kept
    while the table is small (a text of random code points must not grow it without end)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        spaced = char if char.isalnum() or char == "_" or char == " " else " "
        if len(self) < _MOST_SPACING:
            self[code] = spaced
        return spaced


_MOST_SPACING = 1 << 16


_SPACING = _Spacing()
_SPACED = re.compile(r"^\w+(?: \w+)*$")
_MAX_PROCLITIC = 4
_ARTICLE_SIZE = 2  # ال, or لل for ل with the article
_MIN_STEM = 3  # shorter stems would turn particles into names
_PROCLITIC_LETTERS = frozenset("وفبلكاس")


def _add(
    norm: Normalized,
    text: str,
    start_n: int,
    end_n: int,
    entries: tuple[tuple[str, str, str], ...],
    found: list[Hit],
) -> None:
    """Record the entries that fit the span as written (capitals where the pattern has them)."""
    if norm.offsets is None:
        start, end = start_n, end_n
    else:
        start, end = norm.original(start_n), norm.original(end_n - 1) + 1
    span = text[start:end]
    for kind, key, case in entries:
        if case == "any" or _case_fits(case, span):
            found.append(Hit(start, end, kind, key, span))


def case_of(pattern: str) -> str:
    """How a pattern's capitals constrain the text: "UN", "ISIS" only match capitals; a
    name ("Jas", "Ras al Ain") only a word written as a name, not a capital inside a word
    ("JaS", an abbreviation), unless the name has one itself ("McAllen": "mixed")."""
    letters = [ch for ch in pattern if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return "upper"
    if not pattern[:1].isupper():
        return "any"
    return "mixed" if _capital_inside(pattern) else "initial"


def _case_fits(case: str, span: str) -> bool:
    if case == "any":
        return True
    if case == "initial":
        return span[:1].isupper() and (not _capital_inside(span) or span.isupper())
    if case == "mixed":
        return span[:1].isupper()
    return all(ch.isupper() for ch in span if ch.isalpha())


def _capital_inside(word: str) -> bool:
    """Does a capital follow a small letter ("JaS", "McAllen")?"""
    if word[1:].islower():  # the usual name: no capital after the first letter
        return False
    return any(word[i].isupper() and word[i - 1].islower() for i in range(1, len(word)))


@cache
def _enclitics() -> tuple[str, ...]:
    """Pronoun suffixes, longest first."""
    suffixes = {normalize_term(s) for s in knowledge.load("arabic")["enclitics"]}
    return tuple(sorted(suffixes, key=len, reverse=True))


@cache
def _proclitics() -> frozenset[str]:
    return frozenset(normalize_term(p) for p in knowledge.load("arabic")["proclitics"])


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Drop hits overlapped by a longer one; keep same-span hits of every kind.

    Hits are swept in text order into clusters of overlapping spans; most clusters hold one
    span and are kept as they are, the others are settled longest first. Hits sort as the
    tuples they are (by start, then end): no key function to call per hit.
    """
    ordered = sorted(hits)
    kept: list[Hit] = []
    cluster: list[Hit] = []
    reach = -1
    for hit in ordered:
        if cluster and hit.start >= reach:
            kept += cluster if len(cluster) == 1 else _settle(cluster)
            cluster = []
        cluster.append(hit)
        reach = max(reach, hit.end) if len(cluster) > 1 else hit.end
    kept += _settle(cluster)
    kept.sort()
    return kept


def _settle(cluster: list[Hit]) -> list[Hit]:
    """Longest first, a hit stays unless it overlaps a kept hit of another span."""
    if len({(h.start, h.end) for h in cluster}) == 1:
        return cluster
    kept: list[Hit] = []
    for hit in sorted(cluster, key=lambda h: (h.start - h.end, h.start)):
        if all(
            (k.start, k.end) == (hit.start, hit.end) or k.end <= hit.start or hit.end <= k.start
            for k in kept
        ):
            kept.append(hit)
    return kept
