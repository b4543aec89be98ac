"""Two `ceasefire ingest` processes writing into one PostgreSQL database at once (a real
server, started by the test command): every document stored once, counted new by one of
them only, and near-duplicates linked across the two."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from corpus_shards import demo_texts, lines

OVERLAP = range(300, 600)  # lines both inputs hold, byte for byte
NEAR = range(0, 100)  # lines of the first input the second holds with a sentence added


def _inputs(tmp_path: Path) -> tuple[Path, Path, list[tuple[str, str]]]:
    """Two inputs sharing `OVERLAP`; the second opens with a near copy of each of the first
    input's `NEAR` lines, which are made unlike any other (a paragraph of their own), so that
    each pair is linked to each other and nothing else, whichever process stores it first."""
    every = [r for r in map(_parsed, lines(demo_texts(), 900)) if r.get("text")]
    words = sorted({w for r in every[:15] for w in r["text"].split() if w.isalpha()})
    first, second = every[:600], every[300:]
    copies, pairs = [], []
    for record in first[NEAR.start : NEAR.stop]:
        own = random.Random(record["id"]).choices(words, k=200)
        record["text"] += "\n\n" + " ".join(own) + "."
        copy = {**record, "id": f"{record['id']}-elsewhere"}
        copy["text"] = record["text"] + "\nThe report could not be independently verified."
        copies.append(copy)
        pairs.append((record["id"], copy["id"]))
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in first), "utf-8")
    b.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in copies + second), "utf-8"
    )
    return a, b, pairs


def _parsed(line: str) -> dict:
    try:
        return json.loads(line)
    except ValueError:  # the corpus's broken lines
        return {}


def _ingest(path: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ceasefire",
            "ingest",
            str(path),
            "--db",
            db,
            "--batch-size",
            "25",
            "--workers",
            "1",
            "-q",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _new(summary: str) -> tuple[int, int]:
    found = re.search(r": (\d+) new .* (\d+) unchanged", summary)
    assert found, summary
    return int(found[1]), int(found[2])


def test_two_ingests_into_one_postgresql_database_lose_and_repeat_nothing(
    tmp_path: Path, pg_url: str
) -> None:
    a, b, pairs = _inputs(tmp_path)
    first, second = _ingest(a, pg_url), _ingest(b, pg_url)
    done = [process.communicate(timeout=600) for process in (first, second)]
    assert first.returncode == second.returncode == 0, done
    ids = {json.loads(line)["id"] for path in (a, b) for line in path.read_text().splitlines()}
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT id, duplicate_of FROM documents")).all())
        failures = conn.execute(text("SELECT count(*) FROM failures")).scalar()
        pending = conn.execute(text("SELECT count(*) FROM documents WHERE NOT resolved")).scalar()
    engine.dispose()
    assert set(stored) == ids and failures == 0 and pending == 0
    (new_a, same_a), (new_b, same_b) = _new(done[0][0]), _new(done[1][0])
    assert new_a + new_b == len(stored)  # no document counted new twice
    assert same_a + same_b == len(OVERLAP)  # the lines both hold: stored by one, seen by the other

    # each pair: one stored first, the other linked to it as its near duplicate
    linked = [stored[two] == one or stored[one] == two for one, two in pairs]
    assert all(linked), [pair for pair, ok in zip(pairs, linked, strict=True) if not ok]
