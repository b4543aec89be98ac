"""Resolution: incremental runs against N stored documents, and a day of many reports.

    .venv/bin/python bench/resolve.py [--case incremental|day|all] [--docs 10000]
        [--reports 10000] [--country IN]

incremental: builds N documents from the shipped demo corpus, each copy moved to another week
and another Syrian city, ingests and extracts them into SQLite, and resolves them all at once:
that full run is the baseline. Then it adds one new report (dated after the others, as news
arrives) and one late report of an old week (a backfill), and times resolving each. The ratios
say what incremental resolution saves over recomputing the world.

day: R reports of shellings by several outlets in each of up to R/5 towns of one country
(India, whose gazetteer has the most towns that a one-line report names unambiguously;
`--country`), with a local truce agreed in one town in ten, all dated the same day; then the
same reports with each town's day spread over four months (the baseline). The time to
resolve each and the ratio say whether event grouping and violation matching stay linear
when one day brings them all (target: ratio <= 2).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import ceasefire
from ceasefire.demo import corpus_dir
from ceasefire.extract.lexicon import lexicon
from ceasefire.pipeline import ingest
from ceasefire.resolve import resolve
from ceasefire.store import DocumentStore, open_store
from ceasefire.store.resolved import ResolvedStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from corpus_shards import CITIES


def demo_documents(root: Path) -> list[dict]:
    """The demo corpus as cleaned documents (id, published, title, text)."""
    store = DocumentStore(open_store(str(root / "demo.db")))
    with contextlib.chdir(corpus_dir().parent):
        ingest(["corpus"], store, extract=False)
    return [store.get(row["id"]) for row in store.list()]


def generate(path: Path, docs: list[dict], count: int) -> date:
    """Write `count` variants of `docs` as JSONL; return the latest date written."""
    latest = date.min
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            copy, index = divmod(n, len(docs))
            doc = docs[index]
            english, arabic = CITIES[copy % len(CITIES)]
            day = date.fromisoformat(doc["published"]) + timedelta(weeks=copy)
            latest = max(latest, day)
            text = doc["text"].replace("Aleppo", english).replace("حلب", arabic)
            record = {"id": f"{doc['id']}~{copy}", "text": text, "published": day.isoformat()}
            record["title"] = (doc["title"] or "").replace("Aleppo", english)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return latest


def one_more(root: Path, name: str, day: date) -> Path:
    path = root / f"{name}.jsonl"
    text = (
        f"Government forces shelled the Salaheddine district of Aleppo on {day:%A}, killing "
        "two civilians, monitors said, as the regime of calm announced by Russia held elsewhere."
    )
    path.write_text(json.dumps({"id": name, "text": text, "published": day.isoformat()}) + "\n")
    return path


OUTLETS = [
    "Government forces shelled {town} on {day:%d %B %Y}, killing {n} civilians, residents said.",
    "Artillery fired by government forces hit {town} on {day:%B %d, %Y}; at least {n} civilians "
    "were killed.",
    "Residents of {town} said {n} civilians died when government troops shelled the town on "
    "{day:%d %B %Y}.",
    "Monitors reported that government shelling killed {n} civilians in {town} on {day:%d %B %Y}.",
    "{n} civilians were killed as government forces shelled {town} on {day:%d %B %Y}, a local "
    "official said.",
]
TRUCE = "A local truce was agreed in {town} on {day:%d %B %Y}, its elders said."
DAY = date(2016, 5, 4)
SPREAD_DAYS = 120


def towns(count: int, country: str) -> list[str]:
    """Towns of a country in the gazetteer, largest first, at most one per tenth of a degree
    of latitude and longitude, whose name the extractor places at that town in a report of a
    shelling."""
    found: list[str] = []
    cells: set[tuple[int, int]] = set()
    places = sorted(lexicon().places.values(), key=lambda r: (-r.population, r.geonameid))
    for record in places:
        name = record.name
        if record.country != country or record.kind != "city":
            continue
        if not (name.isascii() and name.replace(" ", "").isalpha()):
            continue
        cell = (math.floor(record.lat / 0.1), math.floor(record.lon / 0.1))
        if cell in cells:
            continue
        text = OUTLETS[0].format(town=name, day=DAY, n=3)
        events = ceasefire.extract(text, published=DAY.isoformat()).events
        if len(events) == 1 and events[0].place and events[0].place.geonameid == record.geonameid:
            cells.add(cell)
            found.append(name)
            if len(found) == count:
                break
    return found


def day_of_reports(path: Path, places: list[str], reports: int, spread: bool) -> None:
    """`reports` reports of a shelling, the outlets of each town in turn, and a truce two
    days before it in one town in ten; every town on one day, or each on its own day of four
    months."""
    per_town = math.ceil(reports / len(places))
    with path.open("w", encoding="utf-8") as handle:
        for number, town in enumerate(places):
            day = DAY + timedelta(days=number % SPREAD_DAYS if spread else 0)
            for outlet in range(min(per_town, reports - number * per_town)):
                template = OUTLETS[outlet % len(OUTLETS)]
                text = template.format(town=town, day=day, n=3 + outlet % 3)
                record = {"id": f"r{number}-{outlet}", "text": text, "published": str(day)}
                handle.write(json.dumps(record) + "\n")
            if number % 10 == 0:
                agreed = day - timedelta(days=2)
                text = TRUCE.format(town=town, day=agreed)
                record = {"id": f"t{number}", "text": text, "published": str(agreed)}
                handle.write(json.dumps(record) + "\n")


def resolve_day(root: Path, name: str, places: list[str], reports: int, spread: bool) -> float:
    path = root / f"{name}.jsonl"
    day_of_reports(path, places, reports, spread)
    store = DocumentStore(open_store(str(root / f"{name}.db")))
    ingest([str(path)], store)
    summary = resolve(store.engine)
    counts = ResolvedStore(store.engine).counts()
    print(
        f"{name}: {summary.documents} documents resolved in {summary.seconds:.2f} s: "
        f"{counts['reports']} reports in {counts['events']} events, "
        f"{counts['arrangements']} arrangements, {counts['violations']} violation candidates"
    )
    return summary.seconds


def day_case(reports: int, country: str) -> None:
    places = towns(reports // len(OUTLETS), country)
    print(f"{reports} reports of shellings in {len(places)} towns of {country}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one_day = resolve_day(root, "all on one day", places, reports, spread=False)
        label = f"spread over {SPREAD_DAYS} days (baseline)"
        spread = resolve_day(root, label, places, reports, spread=True)
    print(f"ratio one day / spread: {one_day / spread:.2f} (target <= 2)")


def incremental_case(docs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        latest = generate(root / "docs.jsonl", demo_documents(root), docs)
        store = DocumentStore(open_store(str(root / "bench.db")))
        started = time.perf_counter()
        ingest([str(root / "docs.jsonl")], store)
        ingested = time.perf_counter() - started
        full = resolve(store.engine)
        counts = ResolvedStore(store.engine).counts()
        timings = {}
        for name, day in (("new", latest + timedelta(days=1)), ("backfill", date(2018, 3, 1))):
            ingest([str(one_more(root, name, day))], store)
            timings[name] = resolve(store.engine)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"stored: {docs} documents (ingested and extracted in {ingested:.1f} s)")
    print(
        f"baseline, resolving all {full.documents} at once: {full.seconds:.2f} s "
        f"({full.documents / full.seconds:,.0f} docs/s): {counts['arrangements']} arrangements, "
        f"{counts['events']} events from {counts['reports']} reports, "
        f"{counts['violations']} violation candidates"
    )
    for name, label in (
        ("new", "one new document, the latest"),
        ("backfill", "one late report of an old week"),
    ):
        summary = timings[name]
        print(
            f"{label}: {summary.seconds * 1000:.0f} ms "
            f"({full.seconds / summary.seconds:,.0f}x faster than the full run), "
            f"{summary.arrangements} arrangements and {summary.events} events rewritten"
        )
    print(f"peak memory (RSS) of this process: {peak_mb:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=["incremental", "day", "all"], default="all")
    parser.add_argument("--docs", type=int, default=10_000, help="incremental: stored documents")
    parser.add_argument("--reports", type=int, default=10_000, help="day: reports of one day")
    parser.add_argument("--country", default="IN", help="day: the country of the towns")
    args = parser.parse_args()
    if args.case in ("incremental", "all"):
        incremental_case(args.docs)
    if args.case in ("day", "all"):
        day_case(args.reports, args.country)


if __name__ == "__main__":
    main()
