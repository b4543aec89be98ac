"""Pausing Python's cyclic garbage collector while extraction allocates.

Extraction makes no reference cycles (tests/test_scaling.py checks it), so the collector's
passes during it find nothing to free; yet each full pass walks every mention made so far,
and on a long text those passes grew faster than the text (a third of the time on 4 MB).
Objects are still freed by reference counting the moment they are dropped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the collector off; it is turned on again after, unless it was off
    before (the caller's choice). Across threads, whoever turned it off turns it on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
