"""The vectors of recently read texts, kept for the rest of the turn: a message is read several
times in one turn (need, safety, place), by the sentence encoder and by the words' vectors."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np


class RecentRows(OrderedDict):
    """Up to ``size`` rows by text, least recently used dropped first; thread-safe."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size
        self._lock = threading.Lock()

    def rows(self, keys: list[str], compute: Callable[[list[str]], np.ndarray]) -> dict:
        """Each key's row, ``compute`` called once on the keys not kept."""
        with self._lock:
            found = {k: self[k] for k in dict.fromkeys(keys) if k in self}
            for key in found:
                self.move_to_end(key)
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing:
            computed = compute(missing)
            found.update(zip(missing, computed, strict=True))
            with self._lock:
                for key, row in zip(missing, computed, strict=True):
                    self[key] = row
                    self.move_to_end(key)
                while len(self) > self.size:
                    self.popitem(last=False)
        return found
