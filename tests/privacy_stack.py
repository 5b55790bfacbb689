"""One real stack for the privacy and bad-input tests: the action server and ``rasa run`` (trained
model, the repository's ``credentials.yml``, *no* ``--enable-api``, the request size limit
of bot/runner.py) with ``bot.privacy.MaskingTrackerStore`` wrapping a
SQLite tracker store in a temporary directory, so the tests read the stored rows back.

Shared by ``tests/bot/test_privacy.py`` and ``tests/assistant/test_bad_input.py`` (one model load
per session).
Ports: ``tests.rasa_stack.free_port`` (``ORIENTEUR_STACK_PORTS``). The model:
``tests.rasa_stack.find_model``; skipped without one (never trains).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.rasa_stack import find_model, free_port
from tests.webapp_support import PROJECT_ROOT, base_env, python, start, stop, wait_http

LOAD_TIMEOUT = float(os.environ.get("ORIENTEUR_RASA_LOAD_TIMEOUT", "300"))


@dataclass
class Stack:
    tmp: Path
    base: str = ""
    tracker_db: Path = field(default=Path())
    forget_log: Path = field(default=Path())
    processes: list = field(default_factory=list)

    def rows(self, sender: str | None = None) -> list[tuple[str, str, dict]]:
        """(sender_id, type_name, event) rows as stored, in storage order."""
        if not self.tracker_db.exists():
            return []
        with sqlite3.connect(self.tracker_db) as db:
            query = "SELECT sender_id, type_name, data FROM events"
            args: tuple = ()
            if sender is not None:
                query += " WHERE sender_id = ?"
                args = (sender,)
            raw = db.execute(query + " ORDER BY id", args).fetchall()
        return [(s, t, json.loads(d)) for s, t, d in raw]

    def raw_dump(self) -> bytes:
        """Every byte of the tracker database (rows, free pages, WAL), to search for a value."""
        out = b""
        for path in self.tracker_db.parent.glob(self.tracker_db.name + "*"):
            out += path.read_bytes()
        return out

    def stop(self) -> None:
        for process in reversed(self.processes):
            stop(process)
        self.processes.clear()


_SHARED: dict = {}


def shared_stack() -> Stack:
    """Start the stack once per session (``pytest.skip`` without a model)."""
    if "error" in _SHARED:
        raise _SHARED["error"]
    if "stack" in _SHARED:
        return _SHARED["stack"]
    model = find_model()
    if model is None:
        _SHARED["error"] = pytest.skip.Exception("no trained model (never trains)")
        raise _SHARED["error"]
    tmp = Path(tempfile.mkdtemp(prefix="orienteur-privacy-"))
    stack = Stack(tmp, tracker_db=tmp / "tracker.db", forget_log=tmp / "forget.jsonl")
    try:
        _start(stack, model)
    except Exception as error:
        stack.stop()
        _SHARED["error"] = error
        raise

    def cleanup() -> None:
        stack.stop()
        if os.environ.get("ORIENTEUR_KEEP_LOGS"):
            print(f"logs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    atexit.register(cleanup)
    _SHARED["stack"] = stack
    return stack


def _start(stack: Stack, model: Path) -> None:
    tmp = stack.tmp
    from bot.runner import rasa_env

    env = base_env(ORIENTEUR_FORGET_LOG=str(stack.forget_log), SANIC_WORKERS="1",
                   ORIENTEUR_DATA_DIR=str(tmp))  # fmt: skip
    action_port = free_port()
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{action_port}/webhook\n"
        "tracker_store:\n"
        "  type: bot.privacy.MaskingTrackerStore\n"
        "  coordinate_decimals: 2\n"
        "  wrapped:\n"
        "    type: SQL\n"
        "    dialect: sqlite\n"
        f"    db: {stack.tracker_db}\n"
    )
    credentials = PROJECT_ROOT / "credentials.yml"  # the channels `make run` opens
    rasa_port = free_port()
    # `rasa run` exactly as bot/runner.py starts it: no --enable-api.
    rasa = start([python(), "-m", "rasa", "run", "--model", str(model), "--endpoints",
                  str(endpoints), "--credentials", str(credentials), "--interface", "127.0.0.1",
                  "--port", str(rasa_port)], {**env, **rasa_env()},  # as bot/runner.py
                 tmp / "rasa.log")  # fmt: skip
    stack.processes.append(rasa)
    # The directory the actions search (the shipped open data) while the model loads.
    directory = f"sqlite:///{tmp / 'directory.sqlite3'}"
    subprocess.run([python(), "-m", "directory_client", "--db", directory, "import", "--default"],
                   cwd=PROJECT_ROOT, env=env, check=True, capture_output=True,
                   timeout=300)  # fmt: skip
    action_env = dict(env, DIRECTORY_DATABASE_URL=directory)
    actions = start([python(), "-m", "rasa_sdk", "--actions", "actions", "--port",
                     str(action_port)], action_env, tmp / "actions.log")  # fmt: skip
    stack.processes.append(actions)
    wait_http(f"http://127.0.0.1:{action_port}/health", actions, 60, tmp / "actions.log")
    stack.base = f"http://127.0.0.1:{rasa_port}"
    wait_http(f"{stack.base}/", rasa, LOAD_TIMEOUT, tmp / "rasa.log")


@pytest.fixture(scope="session")
def stack() -> Stack:
    return shared_stack()
