"""`ceasefire batch`: clean and extract a large corpus on a Dask cluster, into Parquet.

The driver only plans partitions (byte ranges of the inputs) and collects their summaries;
each worker reads its partitions itself, runs on every item the function `ingest` runs
(`prepare_and_extract`), and writes the partition's tables into the output folder. With no
scheduler address a local cluster of `workers` processes starts on 127.0.0.1; with one, the
workers of that cluster do the work and must see the inputs and the output folder at the
same paths (shared storage).
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from ceasefire import knowledge
from ceasefire.batch import output
from ceasefire.batch.plan import DEFAULT_PARTITION, BatchError, Partition, plan, read_partition
from ceasefire.batch.tables import write_partition
from ceasefire.ingest.readers import DEFAULT_MAX_BYTES
from ceasefire.pipeline import prepare_and_extract, warm_up_stages


@dataclass(slots=True)
class BatchReport:
    """What one batch run did."""

    partitions: int = 0
    already_done: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    failed: list[tuple[str, str]] = field(default_factory=list)  # partition, reason
    seconds: float = 0.0

    def summary(self) -> str:
        docs, bad = self.rows.get("documents", 0), self.rows.get("failures", 0)
        rate = (docs + bad) / self.seconds if self.seconds else 0.0
        kinds = ", ".join(f"{self.rows.get(k, 0)} {k}" for k in ("mentions", "events"))
        return (
            f"{docs + bad} items in {self.seconds:.1f} s ({rate:,.0f}/s): {docs} documents, "
            f"{bad} failed, {kinds}, {self.rows.get('displacement', 0)} displacement; "
            f"{self.partitions} partitions ({self.already_done} done before, "
            f"{len(self.failed)} failed)"
        )


def run_batch(
    paths: list[str],
    out: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
    on_progress: Callable[[int], object] | None = None,
    on_start: Callable[[Any], object] | None = None,
) -> BatchReport:
    """Write the partitions of `paths` that `out` does not hold yet; `on_start` is given the
    Dask client once it is connected (for its dashboard link). With a scheduler, the paths
    are made absolute (and so are the sources the documents name): the workers may run in
    other folders or on other machines."""
    started = time.perf_counter()
    out = out.absolute()
    if scheduler:  # workers elsewhere do not share this process's working folder
        paths = [p if p == "-" else os.path.abspath(p) for p in paths]
    partitions = plan(paths, partition_size)
    settings = {
        "inputs": [os.path.abspath(p) for p in paths],
        "partition_size": partition_size,
        "max_bytes": max_bytes,
        "extract": extract,
        "knowledge": knowledge.version(),
    }
    output.claim(out, settings, partitions)
    report = BatchReport(partitions=len(partitions))
    todo = _not_done(out, partitions, report)
    if todo:
        with _client(scheduler, workers) as client:
            if on_start:
                on_start(client)
            client.register_plugin(_WarmUp(extract), name="ceasefire-warm-up")
            for partition, result in _each(client, todo, str(out), max_bytes, extract):
                if isinstance(result, BaseException):
                    report.failed.append((partition.name, f"{type(result).__name__}: {result}"))
                    continue
                output.mark_done(out, partition, result)
                _add(report.rows, result)
                if on_progress:
                    on_progress(result["documents"] + result["failures"])
    report.seconds = time.perf_counter() - started
    return report


def _not_done(out: Path, partitions: list[Partition], report: BatchReport) -> list[Partition]:
    """The partitions a run before did not finish; those it did are counted in `report`."""
    todo = []
    for partition in partitions:
        counts = output.done(out, partition)
        if counts is None:
            todo.append(partition)
        else:
            report.already_done += 1
            _add(report.rows, counts)
    return todo


def process_partition(
    partition: Partition, out: str, max_bytes: int, extract: bool
) -> dict[str, int]:
    """The work of one partition, on a worker: read, clean, extract, write its tables."""
    items = read_partition(partition, max_bytes)
    results = [prepare_and_extract(item, extract) for item in items]
    return write_partition(Path(out), partition.name, results)


def _each(
    client: Any, todo: list[Partition], out: str, max_bytes: int, extract: bool
) -> Iterator[tuple[Partition, dict[str, int] | BaseException]]:
    """Each partition with its result (or what stopped it), as they finish; no more are
    handed to the scheduler at once than keep every worker busy."""
    queue = iter(todo)
    ahead = 2 * max(1, len(client.nthreads()))
    submitted: dict[str, Partition] = {}

    def submit(partition: Partition) -> Any:
        future = client.submit(
            process_partition, partition, out, max_bytes, extract, key=_key(partition)
        )
        submitted[future.key] = partition
        return future

    running = as_completed([submit(p) for p in _take(queue, ahead)])
    for future in running:
        partition = submitted.pop(future.key)
        exc = future.exception()
        yield partition, exc if exc is not None else future.result()
        future.release()
        for following in _take(queue, 1):
            running.add(submit(following))


def _take(queue: Iterator[Partition], count: int) -> list[Partition]:
    return [p for _, p in zip(range(count), queue, strict=False)]


def _key(partition: Partition) -> str:
    """A task name the dashboard shows, new each run."""
    return f"ceasefire-{partition.name}-{uuid.uuid4().hex[:8]}"


def _add(rows: dict[str, int], counts: dict[str, int]) -> None:
    for table, count in counts.items():
        rows[table] = rows.get(table, 0) + count


class _WarmUp(WorkerPlugin):
    """Each worker loads the lexicon once, when it joins."""

    def __init__(self, extract: bool) -> None:
        self.extract = extract

    def setup(self, worker: Any) -> None:
        warm_up_stages(self.extract)


@contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client
