"""Pause Python's cyclic garbage collector around an import, without touching anyone else.

An import allocates about ten objects per record and frees them at the end: the cyclic collector
would scan them again and again for nothing (20-30 % of the run time). But ``gc.disable()`` is
process-wide: in the action server or the staff console (threads answering people while the
embedded directory is built on first use) it would switch the collector off under them. So the
collector is paused only when the importing thread is the process's only thread (the CLI, a
bench), and the state it found is restored on the way out, even on error.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[bool]:
    """Yields whether the collector was paused for the block (False: left as it was)."""
    pause = gc.isenabled() and threading.active_count() == 1
    if pause:
        gc.disable()
    try:
        yield pause
    finally:
        if pause:
            gc.enable()
