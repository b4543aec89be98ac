"""A process pool for the CPU-bound stages (cleaning, extraction), started only when the input
is large enough to pay for it, whose workers never outlive the process that started them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


class StagePool:
    """Map a stage over batches, in input order; in-process until a batch comes in full."""

    def __init__(self, workers: int | None, warm_up: Callable[[], object] = lambda: None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.warm_up = warm_up
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> StagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def start(self, work: Callable[[T], R], batch: list[T], full: bool) -> Iterable[R]:
        """Begin `work` over `batch`; iterate the result to wait for it."""
        if self.workers > 1 and full and self.pool is None:
            self.warm_up()  # forked workers inherit what it loads
            self.pool = ProcessPoolExecutor(
                self.workers,
                mp_context=mp.get_context("fork"),
                initializer=_die_with_parent,
                initargs=(os.getpid(),),
            )
        if self.pool is None:
            return [work(item) for item in batch]
        chunk = max(1, len(batch) // (self.workers * 4))
        return self.pool.map(work, batch, chunksize=chunk)


def _die_with_parent(parent: int) -> None:
    """Make a worker end when its parent does, even by SIGKILL (Linux), not linger."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
