"""Mixed load on a real `ceasefire serve`: concurrent readers and writers, with targets.

    .venv/bin/python bench/load.py [--clients 16] [--seconds 60] [--baseline-seconds 15]

Builds the demo database, starts `ceasefire serve` on 127.0.0.1 with a token, and drives it
with `--clients` threads for `--seconds`: 10 % of requests POST one to three small reports
(unique ids), 90 % read, spread over every read route. It prints requests/second, p50 and
p99 latency per route and the count of each status, then checks in the database that every
document of every accepted POST was stored. The same load from one client (for
`--baseline-seconds`) is the baseline the throughput is compared with; each run has a server
of its own on a fresh copy of the demo database.

Targets (the exit status is 1 when one is missed): no 5xx, every accepted document stored,
POST p99 under 2 s, read p99 under 1 s.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from api_server import build_demo, server

TOKEN = "load-bench-token"
WRITE_SHARE = 0.10
POST_P99_TARGET = 2.0
READ_P99_TARGET = 1.0

PLACES = ["Aleppo", "Idlib", "Homs", "Hama", "Daraa", "Douma", "Latakia", "Deir ez-Zor"]
ACTORS = ["Regime forces", "Rebel fighters", "Russian jets", "Government artillery"]
ATTACKS = ["shelled", "struck", "bombarded", "attacked"]
DEALS = [
    "despite the regime of calm announced by Russia",
    "a day after the truce that Washington and Moscow brokered began",
    "as a humanitarian pause was meant to let aid convoys in",
    "breaking the ceasefire agreed in Astana",
]


@dataclass
class Tally:
    """What the clients saw: latencies per route, statuses, and the documents accepted."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    unexpected: Counter = field(default_factory=Counter)  # (route, status) of non-200s
    accepted: list[str] = field(default_factory=list)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, route: str, seconds: float, status: int, stored: list[str]) -> None:
        with self.lock:
            self.latencies[route].append(seconds)
            self.statuses[status] += 1
            if status != 200:
                self.unexpected[(route, status)] += 1
            self.accepted.extend(stored)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())


def report(doc_id: str, rng: random.Random) -> dict[str, str]:
    """A short news report of an attack during a truce, different each time."""
    place, actor = rng.choice(PLACES), rng.choice(ACTORS)
    day = rng.randrange(1, 29)
    dead, hurt = rng.randrange(1, 40), rng.randrange(0, 90)
    text = (
        f"{actor} {rng.choice(ATTACKS)} {place} on Friday, killing {dead} civilians and "
        f"wounding {hurt}, {rng.choice(DEALS)}. Residents of the {rng.choice(PLACES)} road "
        f"district said {rng.randrange(2, 30)} shells fell near a market and a school, and "
        f"rescue workers searched the rubble of {rng.randrange(2, 12)} buildings."
    )
    return {
        "id": doc_id,
        "published": f"2016-{rng.randrange(2, 13):02d}-{day:02d}",
        "title": f"{place}: {dead} killed in attack",
        "outlet": "Load Wire",
        "text": text,
    }


def read_targets(base: str) -> list[tuple[str, str]]:
    """(route, path) of reads over every read route, with ids taken from the database."""
    arrangement = httpx.get(f"{base}/arrangements").json()["items"][0]["id"]
    event = httpx.get(f"{base}/events").json()["items"][0]["id"]
    document = httpx.get(f"{base}/documents").json()["items"][0]["id"]
    return [
        ("GET /health", "/health"),
        ("GET /arrangements", "/arrangements"),
        ("GET /arrangements?full", "/arrangements?full=true"),
        ("GET /arrangements/{id}", f"/arrangements/{arrangement}"),
        ("GET /events", "/events?limit=100"),
        ("GET /events geojson", "/events?format=geojson&bbox=35,32,42,37&limit=500"),
        (EVENT_ROUTE, f"/events/{event}"),
        ("GET /violations", "/violations"),
        ("GET /places", "/places?format=geojson"),
        ("GET /actors", "/actors"),
        ("GET /documents", "/documents"),
        ("GET /documents?q", "/documents?q=aleppo"),
        ("GET /documents/{id}", f"/documents/{document}"),
    ]


def client(base: str, number: int, stop: float, reads: list[tuple[str, str]], tally: Tally) -> None:
    rng = random.Random(number)
    sent = 0
    with httpx.Client(base_url=base, timeout=120) as http:
        while time.monotonic() < stop:
            started = time.perf_counter()
            if rng.random() < WRITE_SHARE:
                sent += 1
                docs = [report(f"load-{number}-{sent}-{k}", rng) for k in range(rng.randint(1, 3))]
                answer = http.post(
                    "/documents", json=docs, headers={"Authorization": f"Bearer {TOKEN}"}
                )
                stored = _accepted(docs, answer)
                route = "POST /documents"
            else:
                route, path = rng.choice(reads)
                answer = http.get(path)
                stored = []
            tally.add(route, time.perf_counter() - started, answer.status_code, stored)
            if answer.status_code == 404 and route == EVENT_ROUTE:
                _follow_events(http, reads)


EVENT_ROUTE = "GET /events/{id}"


def _follow_events(http: httpx.Client, reads: list[tuple[str, str]]) -> None:
    """An event's id follows its earliest report: a report dated before it gives it a new id
    and the old one answers 404. Read the event by its new id from then on."""
    first = http.get("/events?limit=1").json()["items"][0]["id"]
    reads[:] = [(r, f"/events/{first}" if r == EVENT_ROUTE else p) for r, p in reads]


def _accepted(docs: list[dict[str, Any]], answer: httpx.Response) -> list[str]:
    """The ids a 200 answer took in (all but those it reports as failed)."""
    if answer.status_code != 200:
        return []
    failed = {f["id"] for f in answer.json()["failed"]}
    return [d["id"] for d in docs if d["id"] not in failed]


def drive(base: str, clients: int, seconds: float, offset: int) -> Tally:
    tally = Tally()
    reads = read_targets(base)
    stop = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(base, offset + n, stop, reads, tally))
        for n in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tally.seconds = time.monotonic() - started
    return tally


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def show(label: str, tally: Tally) -> None:
    rate = tally.requests / tally.seconds
    print(f"\n{label}: {tally.requests:,} requests in {tally.seconds:.0f} s, {rate:,.1f} req/s")
    print(f"  {'route':<26}{'n':>7}{'p50 ms':>10}{'p99 ms':>10}")
    for route in sorted(tally.latencies):
        times = tally.latencies[route]
        p50, p99 = percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000
        print(f"  {route:<26}{len(times):>7}{p50:>10.1f}{p99:>10.1f}")
    statuses = ", ".join(f"{status}: {n:,}" for status, n in sorted(tally.statuses.items()))
    print(f"  statuses: {statuses}")
    for (route, status), n in sorted(tally.unexpected.items()):
        print(f"  {status} from {route}: {n}")


def missing(db: Path, ids: list[str]) -> list[str]:
    """The ids not in the documents table."""
    found: set[str] = set()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk)
            found.update(r[0] for r in rows)
    return [i for i in ids if i not in found]


def verdict(tally: Tally, db: Path) -> list[str]:
    """The targets missed, each said in a line."""
    misses = []
    errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    if errors:
        misses.append(f"{errors} answers were 5xx")
    lost = missing(db, tally.accepted)
    print(f"  stored: {len(tally.accepted) - len(lost):,} of {len(tally.accepted):,} accepted docs")
    if lost:
        misses.append(f"{len(lost)} accepted documents are not stored, e.g. {lost[:3]}")
    posts = tally.latencies.get("POST /documents", [])
    if posts and percentile(posts, 0.99) >= POST_P99_TARGET:
        misses.append(f"POST p99 {percentile(posts, 0.99):.2f} s >= {POST_P99_TARGET} s")
    for route, times in tally.latencies.items():
        if route.startswith("GET") and percentile(times, 0.99) >= READ_P99_TARGET:
            misses.append(f"{route} p99 {percentile(times, 0.99):.2f} s >= {READ_P99_TARGET} s")
    return misses


def run(demo: Path, name: str, clients: int, seconds: float) -> tuple[Tally, list[str]]:
    """`clients` for `seconds` on a server of its own, on a fresh copy of the demo database
    (each run starts from the same data: resolution costs more as reports accumulate)."""
    db = demo.with_name(f"{name}.db")
    with sqlite3.connect(demo) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    with server(db, TOKEN) as running:
        tally = drive(running.base, clients, seconds, offset=0)
        label = f"{clients} client{'s' if clients > 1 else ''}"
        show(label if name != "baseline" else f"baseline, {label}", tally)
        misses = verdict(tally, db)
        log = running.log.read_text(errors="replace")
    for line in log.splitlines():
        if "answered 5" in line:
            print(f"  server log: {line}")
    return tally, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--baseline-seconds", type=float, default=15.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        demo = build_demo(Path(tmp))
        print(f"ceasefire serve on the demo database; {WRITE_SHARE:.0%} writes")
        baseline, missed_alone = run(demo, "baseline", 1, args.baseline_seconds)
        loaded, missed = run(demo, "loaded", args.clients, args.seconds)
    ratio = (loaded.requests / loaded.seconds) / (baseline.requests / baseline.seconds)
    print(f"\nthroughput: {ratio:.2f}x the 1-client baseline")
    misses = missed_alone + missed
    if misses:
        print("\ntargets missed:\n  " + "\n  ".join(misses))
        return 1
    print(
        f"\ntargets met: no 5xx, every accepted document stored, POST p99 < "
        f"{POST_P99_TARGET:g} s, read p99 < {READ_P99_TARGET:g} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
