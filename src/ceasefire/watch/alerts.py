"""Alerts: an arrangement announced (new), an arrangement whose status changed, and one
that reached the threshold of violation candidates. Each is about one thing (its key), is
logged and POSTed to the webhook as JSON with the arrangement, the event when one triggered
it, and the evidence sentence, and is remembered in the database so that it never fires
twice; one the webhook refused is posted again next round."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import Engine, insert, select, update

from ceasefire.arrangements import summary
from ceasefire.store import queries
from ceasefire.store.resolved import ResolvedStore
from ceasefire.store.schema import alerts

Say = Callable[[str], None]


@dataclass(slots=True)
class Before:
    """The arrangements shown before a round, with their status: what is new or changed."""

    status: dict[str, str]


def before(engine: Engine) -> Before:
    rows = ResolvedStore(engine).arrangement_rows()
    return Before({row["id"]: row["status"] for row in rows})


def found(engine: Engine, was: Before, threshold: int) -> list[dict[str, Any]]:
    """The alerts the arrangements as they are now give, against `was`."""
    store = ResolvedStore(engine)
    counts = store.violation_counts()
    made = []
    for row in store.arrangement_rows():
        record = row["record"]
        aid = record["id"]
        if aid not in was.status:
            made.append(_alert("announced", f"announced:{aid}", record, _latest(record)))
        elif was.status[aid] != record["status"]:
            key = f"status:{aid}:{was.status[aid]}->{record['status']}"
            alert = _alert("status_changed", key, record, _latest(record))
            made.append({**alert, "previous_status": was.status[aid]})
        if counts.get(aid, 0) >= threshold:
            made.append(_violations(engine, store, record, counts[aid], threshold))
    return made


def _alert(
    kind: str, key: str, record: dict[str, Any], evidence: dict[str, Any] | None
) -> dict[str, Any]:
    places = ", ".join(dict.fromkeys(p["canonical"] for p in record["places"])) or "?"
    return {
        "key": key,
        "alert": kind,
        "message": f"{kind.replace('_', ' ')}: {record['type']} in {places} ({record['id']}), "
        f"{record['status']}",
        "arrangement": summary(record),
        "event": None,
        "evidence": evidence,
    }


def _latest(record: dict[str, Any]) -> dict[str, Any] | None:
    """The sentence behind the arrangement's current status (else its first mention)."""
    said = [t for t in record["timeline"] if t["status"] == record["status"]]
    source = said[-1] if said else (record["mentions"] or [None])[0]
    if source is None:
        return None
    return {"document_id": source["document_id"], "text": source["evidence"]["text"]}


def _violations(
    engine: Engine, store: ResolvedStore, record: dict[str, Any], count: int, threshold: int
) -> dict[str, Any]:
    """The threshold alert, with the latest candidate's event (the one that reached it)."""
    rows = store.violation_rows(record["id"])
    last = max(rows, key=lambda v: (v["date"] or "", v["event_id"]))
    event = queries.get_event(engine, last["event_id"])
    alert = _alert(
        "violations",
        f"violations:{record['id']}:{threshold}",
        record,
        {
            "document_id": (event or {}).get("sources", [{}])[0].get("document_id"),
            "text": last["evidence"]["text"],
        },
    )
    alert["message"] += f", {count} violation candidates (threshold {threshold})"
    return {**alert, "event": event, "violations": count, "threshold": threshold}


def fire(
    engine: Engine, made: list[dict[str, Any]], webhook: str | None, http: httpx.Client, say: Say
) -> list[dict[str, Any]]:
    """Log each alert not fired before and remember it; POST it, and those the webhook
    refused before, which are kept and tried again each round until it takes them. Returns
    the alerts fired or posted now."""
    with engine.connect() as conn:
        known = {row[0] for row in conn.execute(select(alerts.c.key))}
        waiting = [
            row[0]
            for row in conn.execute(select(alerts.c.payload).where(alerts.c.posted.is_(False)))
        ]
    fresh = [a for a in made if a["key"] not in known]
    for alert in fresh:
        say(f"alert: {alert['message']}")
        at = datetime.now(UTC).isoformat(timespec="seconds")
        with engine.begin() as conn:
            row = {"key": alert["key"], "fired_at": at, "payload": alert}
            conn.execute(insert(alerts).values(**row, posted=webhook is None))
    if not webhook:
        return fresh
    sent = []
    for alert in waiting + fresh:
        if _post(http, webhook, alert, say):
            with engine.begin() as conn:
                conn.execute(update(alerts).where(alerts.c.key == alert["key"]).values(posted=True))
            sent.append(alert)
    return sent


def _post(http: httpx.Client, url: str, alert: dict[str, Any], say: Say) -> bool:
    try:
        response = http.post(url, json=alert)
    except httpx.HTTPError as exc:
        say(f"error: webhook {url} refused the alert: {type(exc).__name__}: {exc}")
        return False
    if response.status_code >= 300:
        say(f"error: webhook {url} answered HTTP {response.status_code} to the alert")
        return False
    return True
