"""HTTP API throughput and latency on loopback, with 100,000 stored events.

    .venv/bin/python bench/api.py [--events 100000] [--clients 8] [--seconds 10]

Builds the demo database, adds synthetic resolved events (spread over Syria and 2016) and
copies of the demo arrangements until there are `--events` events and about a thousand
arrangements, starts `ceasefire serve` on 127.0.0.1, and drives it with concurrent clients
for a fixed time per query. It prints requests/second and p50/p99 latency for the
arrangement list and for an event GeoJSON query (a month, a box, 500 per page), against
`/health` (no database work beyond counting) as the baseline of the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from api_server import serving
from ceasefire.demo import corpus_dir
from ceasefire.pipeline import ingest
from ceasefire.resolve import resolve
from ceasefire.store import DocumentStore, open_store
from ceasefire.store.resolved import ResolvedStore
from ceasefire.store.schema import arrangements

CITIES = [
    ("Aleppo", 36.20, 37.16, "Aleppo"),
    ("Idlib", 35.93, 36.63, "Idlib"),
    ("Homs", 34.73, 36.71, "Homs"),
    ("Hama", 35.13, 36.76, "Hama"),
    ("Daraa", 32.62, 36.10, "Daraa"),
    ("Douma", 33.57, 36.40, "Rif-dimashq"),
    ("Raqqa", 35.95, 39.01, "Ar-Raqqah"),
    ("Deir ez-Zor", 35.34, 40.14, "Deir ez-Zor"),
]
TYPES = [
    ("explosions_remote_violence", "shelling_artillery_missile_attack"),
    ("explosions_remote_violence", "air_drone_strike"),
    ("battles", "armed_clash"),
    ("violence_against_civilians", "attack"),
]


def synthetic_event(n: int, rng: random.Random) -> dict[str, Any]:
    name, lat, lon, admin1 = rng.choice(CITIES)
    kind, subtype = rng.choice(TYPES)
    day = date(2016, 1, 1) + timedelta(days=rng.randrange(366))
    text = f"Report {n}: {subtype.replace('_', ' ')} in {name}."
    evidence = {"start": 0, "end": len(text), "text": text}
    place = {
        "name": name,
        "canonical": name,
        "geonameid": None,
        "lat": lat + rng.uniform(-0.05, 0.05),
        "lon": lon + rng.uniform(-0.05, 0.05),
        "country": "SY",
        "admin1": admin1,
        "kind": "city",
        "evidence": evidence,
    }
    return {
        "id": f"evt-bench-{n:07d}",
        "type": kind,
        "subtype": subtype,
        "plover": "ASSAULT",
        "actor1": None,
        "actor2": None,
        "place": place,
        "date": day.isoformat(),
        "fatalities": rng.choice([None, 0, 1, 2, 3, 5, 12]),
        "evidence": evidence,
        "sources": [{"document_id": f"bench-doc-{n}", "evidence": evidence}],
    }


def build(db: Path, events: int, copies: int) -> None:
    store = DocumentStore(open_store(str(db)))
    with contextlib.chdir(corpus_dir().parent):
        ingest(["corpus"], store)
    resolve(store.engine)
    resolved = ResolvedStore(store.engine)
    rng = random.Random(7)
    have = resolved.counts()["events"]
    with store.engine.begin() as conn:
        for start in range(0, events - have, 5000):
            batch = [
                synthetic_event(n, rng) for n in range(start, min(start + 5000, events - have))
            ]
            resolved.replace_events(conn, [], batch)
        rows = [dict(r) for r in conn.execute(select(arrangements)).mappings()]
        for copy in range(1, copies):
            clones = []
            for row in rows:
                clone = {**row, "id": f"{row['id']}-{copy}"}
                clone["record"] = {**row["record"], "id": clone["id"]}
                clones.append(clone)
            conn.execute(insert(arrangements), clones)


def drive(url: str, clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        mine, bad = [], 0
        with httpx.Client(timeout=60) as http:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = http.get(url)
                mine.append(time.perf_counter() - started)
                bad += response.status_code != 200
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / elapsed,
        "p50": cuts[49] * 1000,
        "p99": cuts[98] * 1000,
        "n": len(latencies),
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--arrangement-copies", type=int, default=125)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "api.db"
        started = time.perf_counter()
        build(db, args.events, args.arrangement_copies)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
        queries = {
            "baseline GET /health": "/health",
            "arrangement list (100 per page)": "/arrangements?limit=100",
            "event GeoJSON (a month, a box, 500 per page)": (
                "/events?format=geojson&since=2016-05-01&until=2016-05-31"
                "&bbox=35.5,32,41,37&limit=500"
            ),
        }
        serve_and_drive(db, queries, args.clients, args.seconds)


def serve_and_drive(
    db: Path, queries: dict[str, str], clients: int, seconds: float, target_ms: float = 0
) -> None:
    """Serve `db` and drive each query (the first is the baseline) with `clients` clients
    for `seconds`; print requests/s, the ratio to the baseline, p50 and p99 (and whether p99
    meets `target_ms`, when given)."""
    with serving(db) as base:
        health = httpx.get(f"{base}/health").json()
        print(
            f"stored: {health['events']:,} events, {health['arrangements']:,} arrangements; "
            f"{clients} clients for {seconds:.0f} s per query, one server process"
        )
        base_rps = None
        for label, path in queries.items():
            figures = drive(base + path, clients, seconds)
            target = f" (target <= {target_ms:.0f} ms)" if target_ms and base_rps else ""
            base_rps = base_rps or figures["rps"]
            print(
                f"{label}: {figures['rps']:,.0f} req/s ({figures['rps'] / base_rps:.2f}x the "
                f"baseline), p50 {figures['p50']:.1f} ms, p99 {figures['p99']:.1f} ms{target}, "
                f"{figures['n']:,} requests, {figures['errors']} errors"
            )


if __name__ == "__main__":
    main()
