"""One round of `ceasefire watch`: ask each feed that is not backing off, ingest its new
entries (the same ingest as `ceasefire ingest`: cleaning, duplicates, extraction, storing),
resolve, and raise the alerts the round's changes give."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import Engine

from ceasefire.ingest.dedupe import raw_hash
from ceasefire.ingest.encoding import decode
from ceasefire.ingest.errors import IngestError
from ceasefire.ingest.feeds import read_feed
from ceasefire.ingest.items import RawItem
from ceasefire.ingest.readers import item_from_object
from ceasefire.records import Failure
from ceasefire.store import DocumentStore
from ceasefire.watch import alerts
from ceasefire.watch.config import WatchConfig
from ceasefire.watch.feeds import FeedStates, Pacer, client, fetch_feed, get

Say = Callable[[str], None]


@dataclass(slots=True)
class Round:
    """What one round did."""

    asked: int = 0
    unchanged: int = 0
    failed: int = 0
    backing_off: int = 0
    new_entries: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)


def watch(engine: Engine, config: WatchConfig, once: bool, say: Say) -> Round:
    """Poll every `config.every` seconds until interrupted; one round with `once`."""
    with client(config.timeout) as http:
        pacer = Pacer(config.host_delay)
        while True:
            started = time.monotonic()
            done = poll_once(engine, config, http, pacer, say)
            if once:
                return done
            time.sleep(max(0.0, config.every - (time.monotonic() - started)))


def poll_once(
    engine: Engine, config: WatchConfig, http: httpx.Client, pacer: Pacer, say: Say
) -> Round:
    done = Round()
    was = alerts.before(engine)
    items: list[RawItem | Failure] = []
    for url in config.feeds:
        items += _ask(engine, config, http, pacer, url, done, say)
    done.new_entries = sum(isinstance(i, RawItem) for i in items)
    if items:
        _ingest(engine, items, say)
    made = alerts.found(engine, was, config.alert_violations)
    done.alerts = alerts.fire(engine, made, config.webhook, http, say)
    say(
        f"round: {done.asked} feeds asked, {done.unchanged} unchanged, {done.failed} failed, "
        f"{done.backing_off} backing off, {done.new_entries} new entries, "
        f"{len(done.alerts)} alerts"
    )
    return done


def _ask(
    engine: Engine,
    config: WatchConfig,
    http: httpx.Client,
    pacer: Pacer,
    url: str,
    done: Round,
    say: Say,
) -> list[RawItem | Failure]:
    """A feed's new or changed entries, or none (unchanged, failed, backing off)."""
    states = FeedStates(engine)
    state = states.get(url)
    if not state.due(time.time()):
        done.backing_off += 1
        say(f"{url}: backing off until {_when(state.retry_after)} after {state.errors} failures")
        return []
    done.asked += 1
    fetched = fetch_feed(http, pacer, state, config.backoff, config.max_backoff)
    states.save(state)
    if fetched.failed:
        done.failed += 1
        say(f"{url}: {fetched.problem}; next try after {_when(state.retry_after)}")
        return []
    if fetched.status == 304:
        done.unchanged += 1
        say(f"{url}: not modified")
        return []
    entries = list(read_feed(fetched.body, url))
    new = _new(engine, entries, by_bytes=not config.fetch_pages)
    say(f"{url}: {len(entries)} entries, {len(new)} new")
    if config.fetch_pages:
        new = [_with_page(http, pacer, item, say) for item in new]
    return new


def _new(engine: Engine, entries: list[RawItem | Failure], by_bytes: bool) -> list[Any]:
    """Entries not stored yet (or, `by_bytes`, stored with other bytes); a feed's failures
    (no entries, an entry without content) are kept as ingest keeps them."""
    items = [e for e in entries if isinstance(e, RawItem)]
    stored = DocumentStore(engine).raw_hashes(i.doc_id for i in items)
    fresh = [
        i
        for i in items
        if i.doc_id not in stored or (by_bytes and stored[i.doc_id] != raw_hash(i.raw))
    ]
    return fresh + [e for e in entries if isinstance(e, Failure)]


def _with_page(http: httpx.Client, pacer: Pacer, item: Any, say: Say) -> Any:
    """The entry with its article page, cleaned as `ingest` cleans an HTML page; the entry
    as the feed gives it when the page cannot be had."""
    if not isinstance(item, RawItem) or not item.fields.get("url"):
        return item
    page = get(http, pacer, item.fields["url"])
    if page.status != 200:
        say(f"{item.fields['url']}: {page.problem}; the feed's own text is used")
        return item
    try:
        html = decode(page.body).text
    except IngestError as exc:
        say(f"{item.fields['url']}: {exc}; the feed's own text is used")
        return item
    fields = {k: v for k, v in item.fields.items() if k != "html" and v}
    obj = {**fields, "id": item.doc_id, "html": html}
    return item_from_object(obj, item.source, item.line)


def _ingest(engine: Engine, items: list[RawItem | Failure], say: Say) -> None:
    from ceasefire.pipeline import ingest_items
    from ceasefire.resolve import resolve

    report = ingest_items(items, DocumentStore(engine), workers=1)
    say(report.summary())
    say(resolve(engine).text())


def _when(moment: float | None) -> str:
    if moment is None:
        return "now"
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")
