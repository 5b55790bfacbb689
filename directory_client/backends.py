"""Which directory answers the assistant's actions and the staff console.

``DIRECTORY_BACKEND``:

- ``local`` (default): the embedded directory (the SQLite file, or ``DIRECTORY_DATABASE_URL``);
- ``remote``: a data·inclusion-shaped API at ``DIRECTORY_REMOTE_URL`` (its token in
  ``DATA_INCLUSION_TOKEN``), see ``directory_client.remote``. When the API fails, the local
  directory answers instead if it can be opened (``DIRECTORY_REMOTE_FALLBACK=local``, the
  default); ``DIRECTORY_REMOTE_FALLBACK=none`` gives the API's failure to the caller (the
  assistant then says the directory is unavailable and gives the helpline).

Both answer the ``SearchBackend`` protocol (``search``, ``get_place``) and ``communes()`` for the
locator.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import Any

from directory_client.errors import DirectoryError

log = logging.getLogger(__name__)

BACKENDS = ("local", "remote")
FALLBACKS = ("local", "none")


class BackendConfigError(DirectoryError):
    """The backend settings name no usable directory (unknown backend, remote without URL)."""


def _setting(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    value = (env.get(name) or choices[0]).strip().lower()
    if value not in choices:
        raise BackendConfigError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def backend_name(env: Mapping[str, str] | None = None) -> str:
    return _setting(os.environ if env is None else env, "DIRECTORY_BACKEND", BACKENDS)


def open_backend(open_local: Callable[[], Any], env: Mapping[str, str] | None = None) -> Any:
    """The directory the settings choose. ``open_local`` opens the embedded one (the caller
    knows how: build it on first use, or open an existing database only). Raises
    ``BackendConfigError`` for an unknown choice, ``RemoteDirectoryError`` for a remote one
    without ``DIRECTORY_REMOTE_URL``."""
    env = os.environ if env is None else env
    if backend_name(env) == "local":
        return open_local()
    from directory_client.remote import RemoteDirectory

    fallback = None
    if _setting(env, "DIRECTORY_REMOTE_FALLBACK", FALLBACKS) == "local":
        try:
            fallback = open_local()
        except DirectoryError as exc:
            log.warning("no local directory to fall back on: %s", exc)
    return RemoteDirectory.from_env(fallback, env)  # RemoteDirectoryError without the URL
