"""Scale-out: `ceasefire batch` with 1 and 2 Dask workers on a generated corpus, then load,
resolution and API reads on the result.

    .venv/bin/python bench/scale.py [--docs 100000] [--clients 8] [--seconds 10] [--keep DIR]

1. Writes `--docs` JSONL lines in shards of 5,000 (tests/corpus_shards.py): variants of the
   shipped demo corpus and, when ../shared/data is present, of its real articles
   (realnews-dev, FA-KES), each moved to another city and week and cut to about half its
   paragraphs, with exact and near duplicates and bad lines among them.
2. Runs `ceasefire batch` on a local cluster of 1 worker, then of 2 (a fresh output folder
   each): documents/second of each and the speed-up (target >= 1.8x on this 2-core machine).
3. `ceasefire load --no-resolve` of the 2-worker output into SQLite, then `ceasefire resolve`
   of every document, each in a child process: seconds, documents/second and peak memory.
4. Serves the result and drives it with `--clients` concurrent clients for `--seconds` per
   query: p50 and p99 of a page of 100 arrangements and of a month of events in a box
   (target p99 <= 100 ms), against /health.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[0] / "tests"))
sys.path.insert(0, str(HERE))
from api import serve_and_drive  # noqa: E402
from ceasefire.batch.run import run_batch  # noqa: E402
from corpus_shards import Text, demo_texts, write_shards  # noqa: E402

DATA = HERE.parents[1] / "shared" / "data"
SHARD = 5000
P99_TARGET_MS = 100.0
SPEEDUP_TARGET = 1.8
# A child process that runs one command's library call and prints its peak memory.
MEASURED = """
import json, resource, sys, time
from ceasefire.store import DocumentStore, open_store
store = DocumentStore(open_store(sys.argv[2]))
started = time.perf_counter()
if sys.argv[1] == "load":
    from ceasefire.batch.load import load
    done = load(__import__("pathlib").Path(sys.argv[3]), store).seen
else:
    from ceasefire.resolve import resolve
    done = resolve(store.engine).documents
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"done": done, "seconds": seconds, "rss_mb": rss}))
"""


def real_texts() -> list[Text]:
    """The real articles of ../shared/data, when it is there."""
    texts: list[Text] = []
    realnews = DATA / "realnews-dev" / "realnews-dev.jsonl"
    if realnews.exists():
        for line in realnews.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts.append(Text(row["id"], row["text"], row["published"]))
    fakes = DATA / "fakes-syria-news-dev.csv"
    if fakes.exists():
        with fakes.open(encoding="utf-8", errors="replace", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                month, day, year = (int(part) for part in row["date"].split("/"))
                published = f"{2000 + year:04d}-{month:02d}-{day:02d}"
                title, body = row["article_title"], row["article_content"]
                texts.append(Text(f"fakes-{number}", f"{title}\n\n{body}", published))
    return texts


def timed_batch(shards: Path, out: Path, workers: int) -> tuple[float, int]:
    started = time.perf_counter()
    report = run_batch([str(shards)], out, workers=workers)
    seconds = time.perf_counter() - started
    if report.failed:
        raise SystemExit(f"partitions failed: {report.failed[:3]}")
    return seconds, report.rows["documents"] + report.rows["failures"]


def measured(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        texts = demo_texts() + real_texts()
        shards = root / "shards"
        write_shards(shards, texts, args.docs, SHARD)
        print(f"corpus: {args.docs:,} lines from {len(texts)} texts, in shards of {SHARD:,}")
        rates = {}
        for workers in (1, 2):
            seconds, items = timed_batch(shards, root / f"out-{workers}", workers)
            rates[workers] = items / seconds
            print(
                f"batch, {workers} worker(s): {items:,} items in {seconds:.0f} s, "
                f"{rates[workers]:,.0f} docs/s",
                flush=True,
            )
        speedup = rates[2] / rates[1]
        print(f"speed-up with 2 workers: {speedup:.2f}x (target >= {SPEEDUP_TARGET}x)")
        db = root / "scale.db"
        loaded = measured("load", str(db), str(root / "out-2"))
        print(
            f"load: {loaded['done']:,} items in {loaded['seconds']:.0f} s "
            f"({loaded['done'] / loaded['seconds']:,.0f}/s), peak RSS {loaded['rss_mb']:.0f} MB"
        )
        resolved = measured("resolve", str(db))
        print(
            f"resolve: {resolved['done']:,} documents in {resolved['seconds']:.0f} s "
            f"({resolved['done'] / resolved['seconds']:,.0f}/s), "
            f"peak RSS {resolved['rss_mb']:.0f} MB",
            flush=True,
        )
        read_latency(db, args.clients, args.seconds)


def read_latency(db: Path, clients: int, seconds: float) -> None:
    queries = {
        "baseline GET /health": "/health",
        "arrangements, a page of 100": "/arrangements?limit=100",
        "events, a month in a box (100)": (
            "/events?since=2016-05-01&until=2016-05-31&bbox=35.5,32,41,37&limit=100"
        ),
    }
    serve_and_drive(db, queries, clients, seconds, P99_TARGET_MS)


if __name__ == "__main__":
    main()
