"""Ingest throughput into SQLite: documents/second for generated news-like documents.

    .venv/bin/python bench/ingest.py [--docs 10000] [--words 300]

Prints the full pipeline's rate (read JSONL, clean, detect language, hash, MinHash, near-
duplicate lookup, store) and, as a baseline in the same run, a bare `sqlite3` insert of the
same texts; the ratio says what the pipeline costs over just writing the rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from ceasefire.pipeline import ingest
from ceasefire.store import DocumentStore, open_store

WORDS = (
    "the government forces opposition fighters shelled district city residents said truce "
    "ceasefire regime of calm announced extended aid convoy corridor civilians killed wounded "
    "ministry defence statement talks negotiations envoy council hospital neighbourhood village "
    "countryside air strike clashes monitors reported sources local council evacuation buses "
    "agreement guarantors violations accused sides hours days week morning night northern "
    "eastern western southern province border crossing humanitarian pause"
).split()


def generate(path: Path, docs: int, words: int, seed: int = 7) -> list[str]:
    """Write `docs` JSONL documents of about `words` words; return their texts."""
    rng = random.Random(seed)
    texts = []
    with path.open("w", encoding="utf-8") as handle:
        for n in range(docs):
            sentences = []
            while sum(len(s.split()) for s in sentences) < words:
                length = rng.randint(8, 24)
                sentences.append(" ".join(rng.choices(WORDS, k=length)).capitalize() + ".")
            text = f"Report {n}\n\n" + " ".join(sentences)
            texts.append(text)
            record = {"id": f"doc-{n}", "text": text, "published": "2016-05-06"}
            handle.write(json.dumps(record) + "\n")
    return texts


def baseline(db: Path, texts: list[str]) -> float:
    """Seconds to insert the raw texts with sqlite3 alone, in batches of 500."""
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, text TEXT)")
    for start in range(0, len(texts), 500):
        rows = [(f"doc-{start + i}", t) for i, t in enumerate(texts[start : start + 500])]
        with conn:
            conn.executemany("INSERT INTO docs VALUES (?, ?)", rows)
    conn.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        texts = generate(root / "docs.jsonl", args.docs, args.words)
        base = baseline(root / "baseline.db", texts)
        timings = {}
        for extract in (False, True):
            store = DocumentStore(open_store(str(root / f"bench-{extract}.db")))
            started = time.perf_counter()
            report = ingest([str(root / "docs.jsonl")], store, extract=extract)
            timings[extract] = time.perf_counter() - started
            assert report.new == args.docs, report.summary()
    base_rate = args.docs / base
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {args.docs} of ~{args.words} words (JSONL), {os.cpu_count()} CPUs")
    print(f"baseline sqlite3 insert only: {base:.2f} s, {base_rate:,.0f} docs/s")
    for extract, label in ((False, "ingest --no-extract"), (True, "ingest with extraction")):
        seconds = timings[extract]
        rate = args.docs / seconds
        print(
            f"ceasefire {label}: {seconds:.2f} s, {rate:,.0f} docs/s, "
            f"{seconds / base:.1f}x the baseline's time"
            + (
                f"; target >= 1,000 docs/s {'met' if rate >= 1000 else 'NOT met'}"
                if not extract
                else ""
            )
        )
    print(f"peak memory (RSS) of this process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
