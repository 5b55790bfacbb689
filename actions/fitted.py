"""The readers by meaning, fitted once per content of what they are fitted from and kept on disk.

Fitting encodes some five thousand example sentences and fits a regression: seconds of CPU that
a restarted action server (or the staff console) should not spend before answering. The arrays
are saved as ``.npz`` (no pickle) under a name made of a hash of every file that decides them —
the NLU data, the hand-kept examples, the readers' code — so a changed example or rule is a new
file and a stale one is never read. The cache is a convenience: when it cannot be written (a
read-only disk), the readers are fitted in memory as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = Path(os.environ.get("ORIENTEUR_CACHE_DIR") or ROOT / "var" / "cache")
_INPUTS = (
    (ROOT / "data" / "nlu", "*.yml"),
    (ROOT / "actions" / "data", "*.yml"),
    (ROOT / "actions", "*.py"),
    (ROOT / "bot", "encoder.py"),
    (ROOT / "bot", "word_means.py"),
)

Arrays = dict[str, np.ndarray]
Reader = TypeVar("Reader")


def fingerprint() -> str:
    digest = hashlib.sha256()
    for folder, pattern in _INPUTS:
        for path in sorted(folder.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def arrays(name: str, fit: Callable[[], Arrays]) -> Arrays:
    """``fit()``'s arrays, read from the cache when the inputs have not changed."""
    path = CACHE_DIR / f"{name}-{fingerprint()}.npz"
    if path.exists():
        try:
            with np.load(path, allow_pickle=False) as saved:
                return {key: saved[key] for key in saved.files}
        except (OSError, ValueError):
            log.warning("unreadable reader cache %s: fitting again", path)
    fitted = fit()
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=CACHE_DIR, suffix=".npz", delete=False) as tmp:
            np.savez(tmp, **fitted)
        os.replace(tmp.name, path)
        for stale in CACHE_DIR.glob(f"{name}-*.npz"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        log.warning("reader cache not written in %s: fitted in memory only", CACHE_DIR)
    return fitted


class Once(Generic[Reader]):
    """``make(arrays(name, fit))``, built by the first caller; the others wait for it."""

    def __init__(self, name: str, fit: Callable[[], Arrays], make: Callable[[Arrays], Reader]):
        self._name, self._fit, self._make = name, fit, make
        self._lock = threading.Lock()
        self._reader: Reader | None = None

    def __call__(self) -> Reader:
        with self._lock:
            if self._reader is None:
                self._reader = self._make(arrays(self._name, self._fit))
            return self._reader
