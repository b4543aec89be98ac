"""Incremental resolution: the time to resolve one new document against N stored ones.

    .venv/bin/python bench/resolve.py [--docs 10000]

Builds N documents from the shipped demo corpus, each copy moved to another week and another
Syrian city, ingests and extracts them into SQLite, and resolves them all at once: that full
run is the baseline. Then it adds one new report (dated after the others, as news arrives)
and one late report of an old week (a backfill), and times resolving each. The ratios say
what incremental resolution saves over recomputing the world.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from ceasefire.demo import corpus_dir
from ceasefire.pipeline import ingest
from ceasefire.resolve import resolve
from ceasefire.store import DocumentStore, open_store
from ceasefire.store.resolved import ResolvedStore

CITIES = [
    ("Aleppo", "حلب"),
    ("Homs", "حمص"),
    ("Hama", "حماة"),
    ("Idlib", "إدلب"),
    ("Daraa", "درعا"),
    ("Latakia", "اللاذقية"),
    ("Raqqa", "الرقة"),
    ("Deir ez-Zor", "دير الزور"),
]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        latest = generate(root / "docs.jsonl", demo_documents(root), args.docs)
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
    print(f"stored: {args.docs} documents (ingested and extracted in {ingested:.1f} s)")
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


if __name__ == "__main__":
    main()
