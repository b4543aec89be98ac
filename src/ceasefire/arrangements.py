"""Mentions gathered into arrangements, and an arrangement's SCHEMA.md record.

Mentions are taken in a fixed order (date said, document, position). Each joins the open
arrangement it matches best, or founds a new one when it says enough to stand alone. The
result depends only on the set of mentions, never on the order documents arrived in, and an
arrangement's id is a hash of its founding mention. The matching rules and their weights are
in `knowledge/resolution.yaml`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from ceasefire import knowledge
from ceasefire.geo import area, region_of
from ceasefire.mentions import Mention, Region

_GENERIC = "ceasefire"  # the type of a text that does not say which kind


@dataclass(frozen=True, slots=True)
class Rules:
    quiet: timedelta
    quiet_nationwide: timedelta
    same_start: timedelta
    restart: timedelta
    after_close: timedelta
    new_commitment: frozenset[str]
    closing: frozenset[str]
    silent: frozenset[str]
    founding: frozenset[str]
    score: dict[str, int]
    incompatible: frozenset[frozenset[str]]
    status_weight: dict[str, int]
    lifecycle: tuple[str, ...]
    strength: tuple[str, ...]  # the typology, weakest first


@cache
def rules() -> Rules:
    data = knowledge.load("resolution")["arrangements"]
    return Rules(
        quiet=timedelta(days=data["quiet_days"]),
        quiet_nationwide=timedelta(days=data["quiet_days_nationwide"]),
        same_start=timedelta(days=data["same_start_days"]),
        restart=timedelta(days=data["restart_days"]),
        after_close=timedelta(days=data["after_close_days"]),
        new_commitment=frozenset(data["new_commitment_statuses"]),
        closing=frozenset(data["closing_statuses"]),
        silent=frozenset(data["silent_statuses"]),
        founding=frozenset(data["founding_statuses"]),
        score=dict(data["score"]),
        incompatible=frozenset(frozenset(pair) for pair in data["incompatible"]),
        status_weight=dict(data["status_weight"]),
        lifecycle=tuple(data["lifecycle"]),
        strength=tuple(t["type"] for t in knowledge.load("typology")["types"]),
    )


def arrangement_id(founding_key: str) -> str:
    return "arr-" + hashlib.sha1(founding_key.encode()).hexdigest()[:12]


def sort_key(mention: Mention) -> tuple[str, str, bool, int]:
    """Date said, document, then the document's body before its headline (`gather`)."""
    return (mention.sort_date, mention.document_id, mention.headline, mention.index)


@dataclass(slots=True)
class Draft:
    """An arrangement while mentions are being gathered: what matching needs to know."""

    id: str
    theatre: str
    mentions: list[Mention] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    regions: set[Region] = field(default_factory=set)
    nationwide: bool = False
    starts: set[str] = field(default_factory=set)
    first: str = ""
    last: str = ""
    closed: str | None = None
    in_force: bool = False

    @property
    def start(self) -> str:
        return min(self.starts) if self.starts else self.first

    def add(self, mention: Mention, rule: Rules) -> None:
        if not self.mentions:
            self.first = mention.date
            self.nationwide = mention.nationwide
            self.regions.update(mention.regions)
        elif not mention.inherited and _widens(mention, self, rule):
            self.regions.update(mention.regions)
        self.mentions.append(mention)
        self.types.add(mention.type)
        if mention.start:
            self.starts.add(mention.start)
        elif mention.status == "in_force" and not self.in_force:
            self.starts.add(mention.date)  # reported in force the day it took effect
        self.in_force = self.in_force or mention.status == "in_force"
        self.last = max(self.last, mention.date)
        if mention.status in rule.closing:
            self.closed = self.closed or mention.date
        elif mention.status not in rule.silent and mention.status != "violated":
            self.closed = None


def _widens(mention: Mention, draft: Draft, rule: Rules) -> bool:
    """An expansion widens the scope; so does a commitment made at the start."""
    if mention.status == "expanded":
        return True
    return mention.status in rule.new_commitment and _near_start(mention, draft, rule)


def _near_start(mention: Mention, draft: Draft, rule: Rules) -> bool:
    return abs(_day(mention.start or mention.date) - _day(draft.start)) <= rule.same_start


def gather(mentions: list[Mention], drafts: list[Draft] | None = None) -> list[Draft]:
    """Assign `mentions` (taken in `sort_key` order) to `drafts` or to new ones.

    `drafts` are arrangements as they stood before the first of `mentions`; they are
    extended in place. Mentions that match nothing and say too little to found an
    arrangement are left out (they stay stored, unresolved).
    """
    rule = rules()
    drafts = list(drafts or [])
    theatres: dict[str, _Open] = {}
    for draft in drafts:
        theatres.setdefault(draft.theatre, _Open()).add(draft)
    for mention in sorted(mentions, key=sort_key):
        here = theatres.setdefault(mention.theatre, _Open())
        best = _best_match(mention, here.candidates(mention, rule), rule)
        if best is None:
            # a passing reference, news of the end of something unknown, or a headline,
            # which sums up what the body tells in full: none founds an arrangement
            if mention.status not in rule.founding or mention.headline:
                continue
            best = Draft(id=arrangement_id(mention.key), theatre=mention.theatre)
            drafts.append(best)
        best.add(mention, rule)
        here.add(best)
    return drafts


@dataclass(slots=True)
class _Open:
    """A theatre's arrangements that a mention may still join: those whose window is open,
    and, by their start dates, those a mention giving the same start may reopen."""

    active: dict[str, Draft] = field(default_factory=dict)
    by_start: dict[date, dict[str, Draft]] = field(default_factory=dict)

    def add(self, draft: Draft) -> None:
        self.active[draft.id] = draft
        for start in draft.starts:
            self.by_start.setdefault(_day(start), {})[draft.id] = draft

    def candidates(self, mention: Mention, rule: Rules) -> list[Draft]:
        said = _day(mention.date)
        for gone in [d for d in self.active.values() if _window_passed(d, said, rule)]:
            del self.active[gone.id]  # mentions come in date order: it stays passed
        found = dict(self.active)
        if mention.start:
            start, days = _day(mention.start), rule.same_start.days
            for offset in range(-days, days + 1):
                found.update(self.by_start.get(start + timedelta(days=offset), {}))
        return list(found.values())


def _window_passed(draft: Draft, said: date, rule: Rules) -> bool:
    if draft.closed is not None:
        return said > _day(draft.closed) + rule.after_close
    return said > _day(draft.last) + (rule.quiet_nationwide if draft.nationwide else rule.quiet)


def _best_match(mention: Mention, drafts: list[Draft], rule: Rules) -> Draft | None:
    """The best-scoring arrangement; between equals, the one sharing more regions, then the
    one begun most recently (a report most likely speaks of the newest)."""
    scored = [(score, d) for d in drafts if (score := match(mention, d, rule)) is not None]
    if not scored:
        return None

    def rank(pair: tuple[int, Draft]) -> tuple[int, int, str, str]:
        score, draft = pair
        shared = len(draft.regions.intersection(mention.regions))
        return (score, shared, draft.first, draft.id)

    return max(scored, key=rank)[1]


def match(mention: Mention, draft: Draft, rule: Rules) -> int | None:
    """How well a mention fits an arrangement, or None when it cannot be the same one."""
    if not _in_window(mention, draft, rule):
        return None
    if any(frozenset((mention.type, t)) in rule.incompatible for t in draft.types):
        return None
    same_start = _same_start(mention, draft, rule)
    same_type = mention.type in draft.types and mention.type != _GENERIC
    if mention.start and draft.starts and not same_start and not same_type:
        return None  # says it began on another date, and calls it something else
    scope = _scope_score(mention, draft, rule)
    if scope is None:
        return None
    if mention.status in rule.new_commitment and not _may_renew(mention, draft, rule, scope):
        return None
    weights = rule.score
    return scope + weights["same_type"] * same_type + weights["same_start"] * same_start


def _may_renew(mention: Mention, draft: Draft, rule: Rules, scope: int) -> bool:
    """A new commitment is of this arrangement only with its scope and at its start (a stated
    start near one of its own; without one, near its start, or while open for its type)."""
    if not (mention.inherited or scope == rule.score["shared_region"]):
        return False
    same_type = mention.type in draft.types and mention.type != _GENERIC
    if mention.start:
        if _same_start(mention, draft, rule):
            return True
        start = _day(mention.start)
        # far from every start it knows; with none known, no start is a restart
        restarts = all(abs(start - _day(s)) > rule.restart for s in draft.starts)
        return same_type and draft.closed is None and not restarts
    return _near_start(mention, draft, rule) or (same_type and draft.closed is None)


def _scope_score(mention: Mention, draft: Draft, rule: Rules) -> int | None:
    """Both nationwide or sharing a region: the same scope; a region of a nationwide
    arrangement: covered by it. A nationwide report is not of a local arrangement."""
    weights = rule.score
    if mention.nationwide and not mention.inherited:
        return weights["shared_region"] if draft.nationwide else None
    if draft.nationwide:
        return weights["nationwide_covers"]
    if mention.nationwide or draft.regions.intersection(mention.regions):
        return weights["shared_region"]
    return None


def _in_window(mention: Mention, draft: Draft, rule: Rules) -> bool:
    return _same_start(mention, draft, rule) or not _window_passed(draft, _day(mention.date), rule)


def _same_start(mention: Mention, draft: Draft, rule: Rules) -> bool:
    if not mention.start:
        return False
    start = _day(mention.start)
    return any(abs(start - _day(s)) <= rule.same_start for s in draft.starts)


_LAST_DAY = date(9990, 12, 31)  # dates are capped here so that adding a window never overflows


def _day(value: str) -> date:
    try:
        return min(date.fromisoformat(value[:10]), _LAST_DAY)
    except ValueError:
        return _LAST_DAY


# ---------------------------------------------------------------- the record


def build(draft: Draft) -> dict[str, Any]:
    """The SCHEMA.md Arrangement of a draft, from all its mentions."""
    rule = rules()
    mentions = sorted(draft.mentions, key=sort_key)
    records = [m.record for m in mentions]
    parties = _actors(r["parties"] for r in records)
    sponsors = _actors(r["sponsors"] for r in records)
    timeline = _timeline(mentions, rule)
    excluded = _excluded(records)
    places = _without(_places(records, draft), excluded["places"])
    closing = [t["date"] for t in timeline if t["status"] in rule.closing]
    ends = [r["end"] for r in records if r.get("end")]
    status = _status(timeline, rule)
    return {
        "id": draft.id,
        "type": _type(mentions, parties + sponsors, rule),
        "status": status,
        "start": _start(mentions, timeline),
        "end": max(ends) if ends else (closing[-1] if status in rule.closing else None),
        "places": places,
        "venues": _without(_unique_places(r.get("venues") or [] for r in records), places),
        "excluded": excluded,
        "area": area(places),
        "parties": parties,
        "sponsors": sponsors,
        "mediators": _actors(r["mediators"] for r in records),
        "characterizations": _characterizations(mentions),
        "timeline": timeline,
        "mentions": [
            {
                "document_id": m.document_id,
                "ceasefire_index": m.index,
                "evidence": m.record["evidence"],
            }
            for m in mentions
        ],
    }


def _type(mentions: list[Mention], committed: list[dict[str, Any]], rule: Rules) -> str:
    """What its own sponsors or parties call it (the strongest when they differ); when none
    of them is quoted, what the mentions call it most, weighed by what they report."""
    names = {a["canonical"] for a in committed}
    stated = {
        m.type for m in mentions if names & {a["canonical"] for a in m.record["characterized_by"]}
    }
    specific = stated - {_GENERIC}
    if specific:
        return max(specific, key=rule.strength.index)
    weights: Counter[str] = Counter()
    for m in mentions:
        weights[m.type] += rule.status_weight.get(m.status, rule.status_weight["default"])
    if len(weights) > 1:
        weights.pop(_GENERIC, None)
    return min(weights, key=lambda t: (-weights[t], -rule.strength.index(t)))


def _timeline(mentions: list[Mention], rule: Rules) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    entries = []
    for m in mentions:
        when = m.published or m.start
        if m.status in rule.silent or when is None or (when, m.status) in seen:
            continue
        seen.add((when, m.status))
        entries.append(
            {
                "date": when,
                "status": m.status,
                "document_id": m.document_id,
                "evidence": m.record["evidence"],
            }
        )
    order = {status: i for i, status in enumerate(rule.lifecycle)}
    return sorted(entries, key=lambda e: (e["date"], order.get(e["status"], len(order))))


_PROPOSAL_STAGE = frozenset({"proposed", "agreed", "announced", "rejected"})


def _status(timeline: list[dict[str, Any]], rule: Rules) -> str:
    """The latest status, where a proposal or an agreement reported after the arrangement
    took effect is a look back, not a new stage."""
    current = "mentioned"
    rank = {status: i for i, status in enumerate(rule.lifecycle)}
    for entry in timeline:
        status = entry["status"]
        if status in _PROPOSAL_STAGE and rank.get(current, -1) > rank[status]:
            continue
        current = status
    return current


def _start(mentions: list[Mention], timeline: list[dict[str, Any]]) -> str | None:
    """The start most reports give, a report of it in force counting three times (the date
    it took effect, not the date it was agreed); the earliest of those that tie. Else the
    first report of it agreed, announced or in force; else its first report."""
    starts: Counter[str] = Counter()
    for m in mentions:
        if m.start:
            starts[m.start] += 3 if m.status == "in_force" else 1
    if starts:
        return min(starts, key=lambda day: (-starts[day], day))
    begun = [t["date"] for t in timeline if t["status"] in ("agreed", "announced", "in_force")]
    return begun[0] if begun else (mentions[0].published if mentions else None)


def _actors(groups: Any) -> list[dict[str, Any]]:
    """Actors named in any mention, once each, in the order first named."""
    found: dict[str, dict[str, Any]] = {}
    for group in groups:
        for actor in group:
            found.setdefault(actor["canonical"], actor)
    return list(found.values())


def _places(records: list[dict[str, Any]], draft: Draft) -> list[dict[str, Any]]:
    """The places of its scope, once each; the country alone when nationwide."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for record in records:
        for place in record["places"]:
            if draft.nationwide != (place["kind"] == "country"):
                continue
            if not draft.nationwide and region_of(place) not in draft.regions:
                continue
            found.setdefault((place["country"] or "", place["canonical"]), place)
    return list(found.values())


def _excluded(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """What any mention says it does not cover (records stored before mentions had the field
    have none)."""
    left_out = [r.get("excluded") or {} for r in records]
    return {
        "places": _unique_places(e.get("places") or [] for e in left_out),
        "actors": _actors(e.get("actors") or [] for e in left_out),
    }


def _unique_places(groups: Any) -> list[dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for group in groups:
        for place in group:
            found.setdefault((place["country"] or "", place["canonical"]), place)
    return list(found.values())


def _without(places: list[dict[str, Any]], others: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`places` less those also in `others`: an excluded place is not in the scope, nor is a
    place of the scope a venue."""
    taken = {(p["country"] or "", p["canonical"]) for p in others}
    return [p for p in places if (p["country"] or "", p["canonical"]) not in taken]


def _characterizations(mentions: list[Mention]) -> list[dict[str, Any]]:
    """Who calls it what: each actor's first use of each term, with the sentence."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for m in mentions:
        for actor in m.record["characterized_by"]:
            key = (actor["canonical"], m.record["term"].casefold())
            rows.setdefault(
                key,
                {
                    "actor": actor,
                    "term": m.record["term"],
                    "type": m.type,
                    "first_seen": m.published,
                    "document_id": m.document_id,
                    "evidence": m.record["evidence"],
                },
            )
    return list(rows.values())


def summary(record: dict[str, Any]) -> dict[str, Any]:
    """An arrangement without its mentions, and its actors, places and timeline without
    evidence: what a listing shows. The timeline of an arrangement reported for years runs
    to hundreds of entries, each with its sentence; the whole record keeps them."""

    def bare(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in item.items() if k != "evidence"} for item in items]

    short = {k: v for k, v in record.items() if k != "mentions"}
    for key in ("parties", "sponsors", "mediators", "places", "venues", "timeline"):
        short[key] = bare(record.get(key) or [])
    left_out = record.get("excluded") or {}
    short["excluded"] = {k: bare(left_out.get(k) or []) for k in ("places", "actors")}
    short["characterizations"] = [
        {**c, "actor": bare([c["actor"]])[0]} for c in record["characterizations"]
    ]
    return short
