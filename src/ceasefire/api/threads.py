"""How reads and writes share the server's threads, and so its interpreter lock.

Reads run in anyio's worker threads; they are bound by the interpreter lock, so more of
them at once only slow each other. A write (ingest and resolve, in its own thread) shares
that lock with them: beside a dozen readers, a write of 100 ms took more than a second, and
POSTs queued behind it. So reads get READ_THREADS threads (anyio's default is 40), and while
a write runs, one thread between them; reads already running finish. (bench/load.py: with
16 clients, POST p99 fell from 4.4 s to 1.7 s, and read p99 stayed near 0.5 s.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import anyio

READ_THREADS = 2
READ_THREADS_WHILE_WRITING = 1


@asynccontextmanager
async def few_read_threads(_: Any) -> AsyncIterator[None]:
    """The application's lifespan: sets the number of read threads in its event loop."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = READ_THREADS
    yield


@contextmanager
def few_reads_meanwhile() -> Iterator[None]:
    """While the block runs (in the event loop), reads start in one thread at most."""
    reads = anyio.to_thread.current_default_thread_limiter()
    reads.total_tokens = READ_THREADS_WHILE_WRITING
    try:
        yield
    finally:
        reads.total_tokens = READ_THREADS
