"""Extraction with and without an extended gazetteer: throughput, peak memory, cold start.

    .venv/bin/python bench/gazetteer.py [PLACE FILE ...] [--docs 600] [--rounds 2]

Installs the place files (default: ../shared/data/gazetteer/wof-places.tsv.gz, the Who's On
First extract of 19 countries) into a temporary data folder, then runs `bench/extract.py
--source fakes` in turn without and with it (each in its own process, its lexicon cached in a
temporary folder first), and prints each configuration's documents/second, peak RSS and cold
start, and the ratio of throughputs (targets: with >= 0.8x without, RSS <= 800 MB, cold start
<= 2 s once cached).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WOF = HERE.parents[1] / "shared" / "data" / "gazetteer" / "wof-places.tsv.gz"
_RATE = re.compile(r"real FA-KES news: ([\d,]+) docs/s")
_RSS = re.compile(r"peak memory \(RSS\) during ceasefire extraction: ([\d,]+) MB")
_COLD = re.compile(r"first extraction, cold: ([\d.]+) s")


def run(env: dict[str, str], docs: int) -> tuple[float, float, float]:
    """docs/s, peak RSS (MB) and cold start (s) of one run of bench/extract.py."""
    done = subprocess.run(
        [sys.executable, str(HERE / "extract.py"), "--source", "fakes", "--docs", str(docs)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found = [pattern.search(done.stdout) for pattern in (_RATE, _RSS, _COLD)]
    if not all(found):
        raise SystemExit(f"bench/extract.py printed no figures:\n{done.stdout}{done.stderr}")
    rate, rss, cold = (float(m.group(1).replace(",", "")) for m in found if m)
    return rate, rss, cold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[WOF])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    missing = [f for f in args.files if not f.exists()]
    if missing:
        raise SystemExit(f"no such place file: {', '.join(map(str, missing))}")
    with tempfile.TemporaryDirectory() as tmp:
        plain = {**os.environ, "CEASEFIRE_DATA": f"{tmp}/none", "CEASEFIRE_CACHE": f"{tmp}/c"}
        extended = {**plain, "CEASEFIRE_DATA": f"{tmp}/data"}
        subprocess.run(
            [sys.executable, "-m", "ceasefire", "gazetteer", "add", "-q", *map(str, args.files)],
            env=extended,
            check=True,
        )
        for env in (plain, extended):  # build and cache each lexicon before timing
            subprocess.run(
                [sys.executable, "-c", "import ceasefire; ceasefire.extract('x')"],
                env=env,
                check=True,
            )
        figures: dict[str, list[tuple[float, float, float]]] = {"without": [], "with": []}
        for _ in range(args.rounds):
            figures["without"].append(run(plain, args.docs))
            figures["with"].append(run(extended, args.docs))
    for label, runs in figures.items():
        rate = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        cold = statistics.median(r[2] for r in runs)
        print(
            f"{label} the extended gazetteer: {rate:,.0f} docs/s, peak RSS {rss:,.0f} MB, "
            f"cold start {cold:.2f} s"
        )
    ratios = [w[0] / p[0] for w, p in zip(figures["with"], figures["without"], strict=True)]
    print(
        f"throughput with / without: {statistics.median(ratios):.2f}x (target >= 0.8x; "
        "RSS <= 800 MB; cold start <= 2 s)"
    )


if __name__ == "__main__":
    main()
