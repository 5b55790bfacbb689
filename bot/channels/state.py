"""Per-sender state kept by the channels.

- ``TTLDict``: the last numbered choices sent to each sender, bounded in size and in time. It
  lives in the process memory: with several ``rasa run`` replicas a reply can reach another
  replica, so a multi-replica deployment must keep it in the tracker store or Redis instead.
- ``OptOutStore``: numbers that sent STOP, in a small SQLite file so that the opt-out survives
  restarts (carriers require it to be honoured).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any


class TTLDict:
    """A dict whose entries expire after ``ttl`` seconds, holding at most ``maxsize`` entries."""

    def __init__(self, ttl: float = 1800.0, maxsize: int = 10000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.maxsize, self._clock = ttl, maxsize, clock
        self._data: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def _purge(self, now: float) -> None:
        while self._data:
            key, (expires, _) = next(iter(self._data.items()))
            if expires > now and len(self._data) <= self.maxsize:
                break
            self._data.popitem(last=False)

    def __setitem__(self, key: str, value: Any) -> None:
        with self._lock:
            now = self._clock()
            self._data.pop(key, None)
            self._data[key] = (now + self.ttl, value)
            self._purge(now)

    def get(self, key: str, default: Any = None) -> Any:
        with self._lock:
            now = self._clock()
            self._purge(now)
            item = self._data.get(key)
            return default if item is None else item[1]

    def pop(self, key: str, default: Any = None) -> Any:
        with self._lock:
            now = self._clock()
            self._purge(now)
            item = self._data.pop(key, None)
            return default if item is None else item[1]

    def __contains__(self, key: str) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __len__(self) -> int:
        with self._lock:
            self._purge(self._clock())
            return len(self._data)


_MISSING = object()

DEFAULT_OPTOUT_DB = "var/channels-optout.sqlite3"


def normalise_address(address: str) -> str:
    """``whatsapp:+33 6 12…`` and ``+33612…`` are the same person for STOP purposes."""
    address = address.strip()
    if address.lower().startswith(("whatsapp:", "sms:", "tel:")):
        address = address.split(":", 1)[1]
    return "".join(c for c in address if c.isalnum() or c in "+:")


class OptOutStore:
    """Numbers that asked to receive nothing more. ``path=":memory:"`` keeps them in memory."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        path = str(path or os.environ.get("ORIENTEUR_OPTOUT_DB") or DEFAULT_OPTOUT_DB)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("CREATE TABLE IF NOT EXISTS optout (address TEXT PRIMARY KEY, "
                           "channel TEXT, since REAL)")

    def add(self, address: str, channel: str = "") -> bool:
        """Record an opt-out; True when it is new."""
        with self._lock:
            cur = self._conn.execute(
                "INSERT OR IGNORE INTO optout(address, channel, since) VALUES (?, ?, ?)",
                (normalise_address(address), channel, time.time()))
            return cur.rowcount == 1

    def remove(self, address: str) -> bool:
        with self._lock:
            cur = self._conn.execute("DELETE FROM optout WHERE address = ?",
                                     (normalise_address(address),))
            return cur.rowcount == 1

    def __contains__(self, address: str) -> bool:
        with self._lock:
            row = self._conn.execute("SELECT 1 FROM optout WHERE address = ?",
                                     (normalise_address(address),)).fetchone()
            return row is not None
