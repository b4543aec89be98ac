"""`ceasefire batch` on real Dask clusters and `ceasefire load`: the store they build is the
one a single-process `ingest` of the same inputs builds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, select

from ceasefire.batch.plan import Partition, plan, read_partition
from ceasefire.ingest.items import RawItem
from ceasefire.ingest.readers import read
from ceasefire.records import Failure
from cli_helpers import run
from corpus_shards import demo_texts, write_shards

COMPARED = ("documents", "failures", "mentions", "arrangements", "reports", "events", "violations")
STAMPS = {"ingested_at", "failed_at"}  # when each row was written


def _inputs(tmp_path: Path, count: int, shard_lines: int) -> list[str]:
    """JSONL shards, a loose article and a path that is not there, in one list."""
    shards = tmp_path / "shards"
    write_shards(shards, demo_texts(), count, shard_lines)
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "report.txt").write_text(demo_texts()[0].text, encoding="utf-8")
    return [str(shards), str(loose), str(tmp_path / "missing.jsonl")]


def _items(found: Any) -> list[tuple]:
    return [
        (i.doc_id, i.source, i.line, i.raw)
        if isinstance(i, RawItem)
        else (i.source, i.line, i.reason)
        for i in found
    ]


def test_partitions_hold_the_items_ingest_reads_in_its_order(tmp_path: Path) -> None:
    paths = _inputs(tmp_path, 120, 50)
    odd = tmp_path / "shards" / "zz-odd.jsonl"  # a line too long, none after the last newline
    odd.write_bytes(b'{"id": "a", "text": "x"}\n' + b"y" * 3000 + b'\n\n{"id": "b", "text": "z"}')
    expected = _items(read(paths, max_bytes=2000))
    for size in (1, 7, 50, 1000):
        partitions = plan(paths, size)
        got = [item for p in partitions for item in read_partition(p, max_bytes=2000)]
        assert _items(got) == expected, size
        assert [Partition.from_dict(p.to_dict()) for p in partitions] == partitions
    assert any(isinstance(i, Failure) and "limit" in i.reason for i in read(paths, max_bytes=2000))


def _dump(url: str) -> dict[str, list[tuple]]:
    engine = create_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    found = {}
    with engine.connect() as conn:
        for name in COMPARED:
            cols = [c for c in meta.tables[name].columns if c.name not in STAMPS]
            found[name] = sorted(tuple(map(repr, row)) for row in conn.execute(select(*cols)))
    engine.dispose()
    return found


def test_a_batch_on_two_workers_loads_into_the_store_ingest_builds(tmp_path: Path) -> None:
    paths = _inputs(tmp_path, 2000, 700)
    single, loaded = tmp_path / "single.db", tmp_path / "loaded.db"
    ingested = run("ingest", *paths, "--db", str(single), "-q")
    batched = run(
        "batch",
        *paths,
        "--out",
        str(tmp_path / "out"),
        "--workers",
        "2",
        "--partition-size",
        "250",
        "-q",
    )
    assert batched.returncode == 0, batched.stderr
    assert "1997 documents, 5 failed" in batched.stdout, batched.stdout
    loading = run("load", str(tmp_path / "out"), "--db", str(loaded), "-q")
    assert loading.returncode == ingested.returncode == 0, loading.stderr + ingested.stderr
    # the same summary, but for the time taken
    assert _counts(loading.stdout) == _counts(ingested.stdout)
    one, other = _dump(f"sqlite:///{single}"), _dump(f"sqlite:///{loaded}")
    assert {k: len(v) for k, v in one.items()} == {k: len(v) for k, v in other.items()}
    assert len(one["documents"]) == 1997 and len(one["failures"]) == 5
    assert len(one["arrangements"]) > 50 and len(one["violations"]) > 100
    for table in COMPARED:
        assert one[table] == other[table], table


def _counts(summary: str) -> list[str]:
    lines = summary.splitlines()
    return [lines[0].split("): ", 1)[1], lines[1].split(" in ", 1)[0], lines[1].split(": ", 1)[1]]


def test_the_parquet_tables_hold_each_record_once(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    paths = _inputs(tmp_path, 90, 40)
    out = tmp_path / "out"
    done = run("batch", *paths, "--out", str(out), "--workers", "1", "--partition-size", "30")
    assert done.returncode == 0, done.stderr
    assert "Dask dashboard: http://127.0.0.1:" in done.stderr
    documents = pq.read_table(out / "documents").to_pylist()
    failures = pq.read_table(out / "failures").to_pylist()
    assert len(documents) == 91  # the lines and the loose article
    assert [(Path(f["source"]).name, f["reason"]) for f in failures] == [
        ("missing.jsonl", "no such file or directory")
    ]
    mentions = pq.read_table(out / "mentions")
    expected = sum(len(json.loads(d["records"])["ceasefires"]) for d in documents)
    assert mentions.num_rows == expected > 0
    assert {"document_id", "term", "status", "country", "evidence"} <= set(mentions.column_names)


def test_a_batch_run_again_redoes_only_missing_partitions_and_load_waits_for_them(
    tmp_path: Path,
) -> None:
    from distributed import LocalCluster

    paths = _inputs(tmp_path, 60, 100)
    out = tmp_path / "out"
    with LocalCluster(
        n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        first = run(
            "batch",
            *paths,
            "--out",
            str(out),
            "--scheduler",
            cluster.scheduler_address,
            "--partition-size",
            "20",
            "-q",
        )
    assert first.returncode == 0, first.stderr
    assert "4 partitions (0 done before, 0 failed)" in first.stdout
    (out / "_done" / "part-00001.json").unlink()
    refused = run("load", str(out), "--db", str(tmp_path / "t.db"), "-q")
    assert refused.returncode == 1
    assert "1 of 4 partitions are not written (part-00001)" in refused.stderr
    again = run(
        "batch", *paths, "--out", str(out), "--workers", "1", "--partition-size", "20", "-q"
    )
    assert again.returncode == 0, again.stderr
    assert "4 partitions (3 done before, 0 failed)" in again.stdout
    assert first.stdout.split(" in ")[0] == again.stdout.split(" in ")[0]
    loaded = run("load", str(out), "--db", str(tmp_path / "t.db"), "-q")
    assert loaded.returncode == 0, loaded.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "--out", "{tmp}/out"], "not standard input (-)"),
        (["{tmp}/in.jsonl", "--out", "{tmp}/busy"], "is not empty and holds no batch"),
        (["{tmp}/in.jsonl", "--out", "{tmp}/out", "--partition-size", "3"], "another batch"),
    ],
)
def test_batch_refuses_what_it_cannot_do_in_one_sentence(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "in.jsonl").write_text('{"id": "a", "text": "A truce held."}\n')
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "_batch.json").write_text(json.dumps({"format": 1, "inputs": []}))
    refused = run("batch", *(a.format(tmp=tmp_path) for a in args), "-q")
    assert refused.returncode == 1
    assert message in refused.stderr and "Traceback" not in refused.stderr


def test_load_of_a_folder_without_a_batch_says_so(tmp_path: Path) -> None:
    refused = run("load", str(tmp_path), "--db", str(tmp_path / "t.db"))
    assert refused.returncode == 1
    assert "holds no batch output" in refused.stderr and "Traceback" not in refused.stderr
