"""`ceasefire resolve`: stored extraction records linked across documents.

Resolution is incremental. Documents not yet resolved are taken in batches; each batch is
one transaction that
1. replaces the batch's placed mentions and event reports;
2. re-gathers, per theatre, only the mentions from the earliest changed date on, starting
   from the arrangements as they stood before it (`arrangements.gather`), which gives the
   same arrangements as gathering everything from scratch, in any order of arrival;
3. regroups only the events the new reports touch (`event_links.group`);
4. re-checks violation candidates for the arrangements and events that changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ceasefire import knowledge
from ceasefire.area_index import Areas
from ceasefire.arrangements import Draft, build, gather, rules, sort_key, summary
from ceasefire.event_links import Report, group, linked_events, reports_of
from ceasefire.event_links import build as build_event
from ceasefire.geo import bounds
from ceasefire.mentions import Mention, mentions_of
from ceasefire.monitor import candidate, compliance, post_alerts, violent
from ceasefire.monitor import window as watch_window
from ceasefire.store.corrections import irrelevant_documents
from ceasefire.store.locks import resolve_lock
from ceasefire.store.resolved import ResolvedStore

_log = logging.getLogger(__name__)


@dataclass(slots=True)
class Alert:
    url: str
    threshold: int


@dataclass(slots=True)
class ResolveSummary:
    documents: int = 0
    arrangements: int = 0  # arrangements written (new or changed)
    events: int = 0  # resolved events written
    violations: int = 0  # violation candidates found anew
    alerts: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    new_violations: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (document id, why)
    orphaned: list[int] = field(default_factory=list)  # corrections whose records are gone

    def text(self) -> str:
        line = (
            f"resolved {self.documents} documents in {self.seconds:.1f} s: "
            f"{self.arrangements} arrangements and {self.events} events updated, "
            f"{self.violations} new violation candidates"
        )
        if self.alerts:
            line += f", {len(self.alerts)} alerts posted"
        for doc_id, why in self.skipped[:_SHOWN_SKIPS]:
            line += f"\nskipped {doc_id}: {why}"
        if len(self.skipped) > _SHOWN_SKIPS:
            line += f"\n... and {len(self.skipped) - _SHOWN_SKIPS} more skipped"
        if self.orphaned:
            ids = ", ".join(str(i) for i in self.orphaned[:_SHOWN_SKIPS])
            line += (
                f"\nwarning: {len(self.orphaned)} corrections no longer apply, their records "
                f"gone (ids {ids}); `ceasefire corrections --orphaned` lists them"
            )
        return line


_SHOWN_SKIPS = 10


def resolve(
    engine: Engine,
    batch_size: int = 2000,
    progress: Callable[[int], object] | None = None,
    alert: Alert | None = None,
) -> ResolveSummary:
    """Resolve every stored document that is not resolved yet. One resolution at a time
    runs on a database: another process's waits, then finds what this one resolved."""
    store = ResolvedStore(engine)
    summary = ResolveSummary()
    started = time.perf_counter()
    with resolve_lock(engine):
        while docs := store.pending(batch_size):
            _resolve_isolating(engine, store, docs, summary)
            summary.documents += len(docs)
            if progress is not None:
                progress(len(docs))
        if summary.documents:
            _apply_corrections(engine, summary)
    if alert is not None and summary.new_violations:
        summary.alerts = _alerts(store, summary.new_violations, alert)
    summary.seconds = time.perf_counter() - started
    return summary


def _apply_corrections(engine: Engine, summary: ResolveSummary) -> None:
    """Analysts' corrections, applied again on top of what this run changed; those whose
    records are gone are logged and reported."""
    from ceasefire.corrections_apply import apply_corrections

    applied = apply_corrections(engine)
    summary.orphaned = applied.orphaned
    if applied.orphaned:
        _log.warning("%s", applied.warning())


def _resolve_isolating(
    engine: Engine, store: ResolvedStore, docs: list[dict[str, Any]], summary: ResolveSummary
) -> None:
    """Resolve `docs` in one transaction. When that fails on something in the records (not
    the database), the batch is halved until the document that breaks it is found; that one
    is skipped and reported, and everything else is resolved, in the same order."""
    try:
        with engine.begin() as conn:
            _resolve_batch(conn, store, docs, summary)
        return
    except SQLAlchemyError:
        raise  # the database's trouble, not a document's: stop and say so
    except Exception as exc:
        if len(docs) > 1:
            middle = len(docs) // 2
            _resolve_isolating(engine, store, docs[:middle], summary)
            _resolve_isolating(engine, store, docs[middle:], summary)
            return
        why = f"cannot be resolved: {type(exc).__name__}: {str(exc)[:200]}"
    _skip(engine, store, docs[0]["id"], why, summary)


def _skip(
    engine: Engine, store: ResolvedStore, doc_id: str, why: str, summary: ResolveSummary
) -> None:
    """Mark a document resolved without its records, so that it stops no later run; it is
    tried again when it is extracted again (`ceasefire reextract`)."""
    _log.warning("resolution skipped document %s: %s", doc_id, why)
    summary.skipped.append((doc_id, why))
    with engine.begin() as conn:
        store.mark_resolved(conn, [doc_id])


def _readable(
    docs: list[dict[str, Any]], summary: ResolveSummary, irrelevant: set[str]
) -> tuple[list[Mention], list[Report]]:
    """The placed mentions and event reports of each document whose records can be read;
    each that cannot is skipped and reported. Documents an analyst marked irrelevant give
    none."""
    silent = rules().silent
    placed: list[Mention] = []
    reports: list[Report] = []
    for doc in docs:
        if doc["records"] is None or doc["id"] in irrelevant:
            continue  # not extracted, extraction failed, or irrelevant: nothing to link
        try:
            mentions = mentions_of(
                doc["id"], doc["published"], doc["records"], silent, doc.get("title")
            )
            found = reports_of(doc["id"], doc["records"])
        except Exception as exc:  # records from an older or broken extractor
            why = f"records cannot be read: {type(exc).__name__}: {str(exc)[:200]}"
            _log.warning("resolution skipped document %s: %s", doc["id"], why)
            summary.skipped.append((doc["id"], why))
            continue
        placed += mentions
        reports += found
    return placed, reports


def _resolve_batch(
    conn: Connection, store: ResolvedStore, docs: list[dict[str, Any]], summary: ResolveSummary
) -> None:
    ids = [d["id"] for d in docs]
    removed = store.drop_mentions(conn, ids)
    touched_events = store.drop_reports(conn, ids)
    placed, new_reports = _readable(docs, summary, irrelevant_documents(conn))
    store.add_mentions(conn, placed)
    store.add_reports(conn, new_reports)
    arrangement_rows, before = _resolve_arrangements(conn, store, removed, placed)
    event_records, before_events = _resolve_events(conn, store, new_reports, touched_events)
    found = monitor(conn, store, arrangement_rows, event_records)
    new = {(v["arrangement_id"], v["event_id"]) for v in found} - before - before_events
    summary.arrangements += len(arrangement_rows)
    summary.events += len(event_records)
    summary.violations += len(new)
    summary.new_violations += sorted(new)
    store.mark_resolved(conn, ids)


# ---------------------------------------------------------------- arrangements


def _resolve_arrangements(
    conn: Connection,
    store: ResolvedStore,
    removed: list[tuple[Mention, str | None]],
    placed: list[Mention],
) -> tuple[list[dict[str, Any]], set[tuple[str, str]]]:
    """Re-gather each theatre that gained or lost mentions, from the earliest date touched."""
    since: dict[str, str] = {}
    lost: dict[str, set[str]] = defaultdict(set)  # arrangements that lost a mention
    for mention in [m for m, _ in removed] + placed:
        since[mention.theatre] = min(
            since.get(mention.theatre, mention.sort_date), mention.sort_date
        )
    for mention, aid in removed:
        if aid:
            lost[mention.theatre].add(aid)
    rows: list[dict[str, Any]] = []
    before: set[tuple[str, str]] = set()
    for theatre in sorted(since):
        theatre_rows, gone = _regather(conn, store, theatre, since[theatre], lost[theatre])
        old = store.area_keys(conn, [row["id"] for row in theatre_rows])
        same = {row["id"] for row in theatre_rows if old.get(row["id"]) == row["area_key"]}
        before |= store.replace_arrangements(conn, gone, theatre_rows, keep_violations=same)
        rows += [row for row in theatre_rows if row["id"] not in same]
    return rows, before


def _regather(
    conn: Connection, store: ResolvedStore, theatre: str, since: str, lost: set[str]
) -> tuple[list[dict[str, Any]], set[str]]:
    """Gather a theatre's mentions from `since` on again; returns the arrangements to write
    (those whose mentions changed, including those in `lost`, which lost some) and the ids
    of those that went away."""
    rule = rules()
    tail = store.tail(conn, theatre, since)
    mentions = [m for m, _ in tail]
    held = {aid for _, aid in tail if aid} | lost
    starts = sorted(m.start for m in mentions if m.start)
    start_range = (
        (_shift(starts[0], -rule.same_start), _shift(starts[-1], rule.same_start))
        if starts
        else None
    )
    candidates = held | set(
        store.open_arrangements(
            conn, theatre, _shift(since, -max(rule.quiet, rule.quiet_nationwide)), start_range
        )
    )
    prefix = store.mentions_before(conn, candidates, since)
    drafts = []
    for aid in sorted(prefix):
        draft = Draft(id=aid, theatre=theatre)
        for mention in sorted(prefix[aid], key=sort_key):
            draft.add(mention, rule)
        drafts.append(draft)
    result = gather(mentions, drafts)
    before = {m.key: aid for m, aid in tail}
    after = {m.key: d.id for d in result for m in d.mentions if m.sort_date >= since}
    moved: dict[str | None, list[str]] = defaultdict(list)
    for key, aid in before.items():
        if after.get(key) != aid:
            moved[after.get(key)].append(key)
    for aid, keys in moved.items():
        store.assign(conn, keys, aid)
    touched = {aid for key, aid in before.items() if after.get(key) != aid} | set(moved) | lost
    changed = [arrangement_row(d) for d in result if d.id in touched]
    gone = (held | candidates) - {d.id for d in result}
    return changed, gone


def arrangement_row(draft: Draft) -> dict[str, Any]:
    record = build(draft)
    watch_start, watch_end = watch_window(record, draft.last)
    return {
        "id": draft.id,
        "theatre": draft.theatre,
        "type": record["type"],
        "status": record["status"],
        "start": record["start"],
        "end": record["end"],
        "first_start": min(draft.starts) if draft.starts else None,
        "last_start": max(draft.starts) if draft.starts else None,
        "first_seen": draft.first,
        "last_seen": draft.last,
        "watch_start": watch_start,
        "watch_end": watch_end,
        "area_key": area_key(record, watch_start, watch_end),
        "record": record,
        "summary": summary(record),
        **search_columns(record),
    }


def search_columns(record: dict[str, Any]) -> dict[str, Any]:
    """The bounding box of its area and its names as text, for the HTTP API's filters."""
    box = dict(zip(("west", "south", "east", "north"), bounds(record["area"]), strict=True))
    actors = [a["canonical"] for key in ("parties", "sponsors", "mediators") for a in record[key]]
    actors += [c["actor"]["canonical"] for c in record["characterizations"]]
    places = [
        name for p in record["places"] for name in (p["canonical"], p["name"], p["country"] or "")
    ]
    return {
        **box,
        "places": "|".join(dict.fromkeys(places)),
        "actors": "|".join(dict.fromkeys(actors)),
        "terms": "|".join(dict.fromkeys(c["term"] for c in record["characterizations"])),
    }


def area_key(record: dict[str, Any], watch_start: str, watch_end: str) -> str:
    """What violation candidates depend on: places, dates and the watched window."""
    places = [
        (p["country"], p["canonical"], p["kind"], p["lat"], p["lon"]) for p in record["places"]
    ]
    basis = json.dumps([places, record["start"], record["end"], watch_start, watch_end])
    return hashlib.sha1(basis.encode()).hexdigest()


def _shift(day: str, delta: timedelta) -> str:
    try:
        return (date.fromisoformat(day[:10]) + delta).isoformat()
    except (ValueError, OverflowError):
        return day


# ---------------------------------------------------------------- events


def _linked_events(conn: Connection, store: ResolvedStore, reports: list[Report]) -> set[str]:
    """The resolved events holding a stored report that may be the same event as one of
    `reports`: stored reports of their types and dates are fetched at once, then indexed
    (`event_links.linked_events`)."""
    days = timedelta(days=knowledge.load("resolution")["events"]["max_days_apart"])
    found: set[str] = set()
    by_type: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        if report.date and report.place:
            by_type[report.type].append(report)
    for kind, of_kind in by_type.items():
        stored = [
            pair
            for first, last in _spans(sorted({r.date for r in of_kind if r.date}), days)
            for pair in store.reports_between(conn, kind, first, last)
        ]
        found |= linked_events(stored, of_kind)
    return found


def _spans(dates: list[str], days: timedelta) -> list[tuple[str, str]]:
    """The date ranges within `days` of the sorted `dates`, those that meet merged: what
    reports of those dates may be linked with. A batch's reports are of a few weeks and of
    scattered older days (a backfill's "the May 2016 truce"); one range from the first to
    the last would read every stored report of the years between."""
    spans: list[tuple[str, str]] = []
    for day in dates:
        first, last = _shift(day, -days), _shift(day, days)
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], last)
        else:
            spans.append((first, last))
    return spans


def _resolve_events(
    conn: Connection, store: ResolvedStore, new_reports: list[Report], touched: set[str]
) -> tuple[list[dict[str, Any]], set[tuple[str, str]]]:
    """Regroup the events that new or removed reports touch; returns the events written."""
    affected = set(touched)
    pool = {r.key: r for r in new_reports}
    frontier = list(new_reports) + store.reports_of_events(conn, touched)
    while frontier:  # every report linked, however indirectly, to a changed one
        pool.update((r.key, r) for r in frontier)
        linked = _linked_events(conn, store, frontier) - affected
        affected |= linked
        frontier = [r for r in store.reports_of_events(conn, linked) if r.key not in pool]
    records = []
    for reports in group(list(pool.values())):
        record = build_event(reports)
        store.set_event(conn, [r.key for r in reports], record["id"])
        records.append(record)
    before = store.replace_events(conn, affected, records)
    return records, before


# ---------------------------------------------------------------- violations


def monitor(
    conn: Connection,
    store: ResolvedStore,
    arrangement_rows: list[dict[str, Any]],
    event_records: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Violation candidates of the arrangements and events that changed: the stored events
    in the changed arrangements' windows, and the arrangements watching on the changed
    events' days, each event tested only against the arrangements whose area may hold it
    (`area_index.Areas`)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    event_dates: dict[str, str] = {}  # each linked event's date, stored beside its candidate

    def test(rows: Areas, event: dict[str, Any]) -> None:
        place = event.get("place")
        for row in rows.near(place) if place else ():
            watch = (row["watch_start"], row["watch_end"])
            if (v := candidate(row["record"], watch, event)) is not None:
                found[(v["arrangement_id"], v["event_id"])] = v
                event_dates[event["id"]] = event["date"]

    changed_events = {e["id"] for e in event_records}
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in arrangement_rows:
        if row["theatre"]:
            by_country[row["theatre"]].append(row)
    for country, rows in by_country.items():
        first = min(r["watch_start"] for r in rows)
        last = max(r["watch_end"] for r in rows)
        areas = Areas(rows)
        for event in store.events_in(conn, country, first, last):
            if event["id"] not in changed_events:
                test(areas, event)
    for country, events in _violent_by_country(event_records).items():
        days = [e["date"] for e in events]
        areas = Areas(store.arrangements_watching(conn, country, min(days), max(days)))
        for event in events:
            test(areas, event)
    violations = [found[key] for key in sorted(found)]
    store.add_violations(conn, violations, event_dates)
    return violations


def _violent_by_country(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Events that can violate an arrangement (violent, dated, placed in a country)."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        place = event.get("place")
        if violent(event) and event.get("date") and place and place.get("country"):
            found[place["country"]].append(event)
    return found


def _alerts(store: ResolvedStore, new: list[tuple[str, str]], alert: Alert) -> list[dict[str, Any]]:
    """Post an alert for each arrangement-day that new candidates brought to the threshold."""
    fresh = set(new)
    sent = []
    for aid in sorted({aid for aid, _ in new}):
        record = store.arrangement(aid)
        if record is None:
            continue
        rows = store.violation_rows(aid)
        days = {r["date"] for r in rows if (aid, r["event_id"]) in fresh}
        per_day = compliance(rows, {r["event_id"]: r["date"] for r in rows})
        sent += post_alerts(
            alert.url, alert.threshold, record, [d for d in per_day if d["date"] in days]
        )
    return sent
