"""Small response cache for the remote directory: in-memory TTL + LRU, optionally mirrored to a
JSON file so that a restarted action server does not hit the API again for recent queries.

Values must be JSON-serialisable (the remote backend stores the validated API answer, not the
mapped results: mapping depends on the query's ``now`` for opening status)."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class TTLCache:
    def __init__(
        self,
        ttl: float = 300.0,
        maxsize: int = 256,
        path: str | Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ttl = ttl
        self.maxsize = maxsize
        self.path = Path(path) if path else None
        self._clock = clock
        self._data: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        if self.path:
            self._load()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: str) -> Any | None:
        if self.ttl <= 0:
            return None
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                return None
            stored_at, value = entry
            if self._clock() - stored_at > self.ttl:
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return value

    def set(self, key: str, value: Any) -> None:
        if self.ttl <= 0 or self.maxsize <= 0:
            return
        with self._lock:
            self._data[key] = (self._clock(), value)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
            if self.path:
                self._save()

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            if self.path:
                self._save()

    # --- on-disk mirror (best effort: a broken cache file never breaks a search) -------------
    def _load(self) -> None:
        assert self.path is not None
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("remote cache %s unreadable, ignored: %s", self.path, exc)
            return
        if not isinstance(raw, dict):
            return
        now = self._clock()
        fresh = [
            (key, (entry[0], entry[1]))
            for key, entry in raw.items()
            if isinstance(entry, list)
            and len(entry) == 2
            and isinstance(entry[0], (int, float))
            and now - entry[0] <= self.ttl
        ]
        fresh.sort(key=lambda item: item[1][0])
        self._data.update(fresh[-self.maxsize :] if self.maxsize > 0 else [])

    def _save(self) -> None:
        assert self.path is not None
        payload = {key: [stored_at, value] for key, (stored_at, value) in self._data.items()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".remote-cache-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("remote cache %s not written: %s", self.path, exc)
