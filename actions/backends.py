"""The directory and the locator, built once per action-server process (lazy singletons), and the
readers by meaning, loaded before the server listens.

``DIRECTORY_BACKEND`` chooses the embedded directory (``DIRECTORY_DATABASE_URL``, default
``var/directory.sqlite3``) or a remote API (``directory_client.backends``). Tests and the
application inject their own with ``set_backends``.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from directory_client.types import PlaceLocator, SearchBackend

log = logging.getLogger(__name__)


def _load_readers() -> None:
    """Load the sentence encoder and the readers by meaning before the server listens, not
    during someone's first turn (a second from the cache in var/cache, seconds to fit them when
    their examples changed)."""
    try:
        from actions import danger, semantic_needs

        semantic_needs.reader()
        danger.reader()
    except Exception:  # the keywords still work; the first turn will retry
        log.exception("the readers by meaning could not be loaded")


_load_readers()


# --- lazy singletons --------------------------------------------------------------------------
_LOCK = threading.RLock()  # get_locator builds the directory under the same lock


_DIRECTORY: Any = None


_LOCATOR: Any = None


def _open_local_directory() -> SearchBackend:
    from directory_client import Directory

    url = os.environ.get("DIRECTORY_DATABASE_URL") or None
    if url is None:
        # The embedded default: built on first use when `make run` has not built it
        # (an empty directory would answer "nothing near" everywhere).
        directory = Directory()
        if directory.ensure_loaded() is not None:
            log.warning("empty embedded directory: imported the shipped open data")
        return directory
    # Raises while the database is unreachable: retried at the next search.
    return Directory.open_existing(url)


def get_directory() -> SearchBackend:
    """The directory ``DIRECTORY_BACKEND`` chooses: the embedded one, or a remote API."""
    global _DIRECTORY
    if _DIRECTORY is None:
        with _LOCK:
            if _DIRECTORY is None:
                from directory_client.backends import open_backend

                _DIRECTORY = open_backend(_open_local_directory)
    return _DIRECTORY


def get_locator() -> PlaceLocator:
    global _LOCATOR
    if _LOCATOR is None:
        with _LOCK:
            if _LOCATOR is None:
                from directory_client import Locator

                try:
                    directory = get_directory()
                except Exception:  # locating must work even when the directory is down
                    log.warning("directory unavailable for the locator", exc_info=True)
                    directory = None
                _LOCATOR = Locator(directory=directory)
    return _LOCATOR


def set_backends(directory: Any = None, locator: Any = None) -> None:
    """Tests and the application may inject their own directory/locator (None = lazy default)."""
    global _DIRECTORY, _LOCATOR
    with _LOCK:
        _DIRECTORY, _LOCATOR = directory, locator
