"""``python -m bot run --no-train``, as a person starts ``make run``, for the tests whose point is
the runner itself (tests/bot/test_runner.py, the restart of tests/bot/test_hardening.py, the SMS
letter of tests/bot/channels/test_channels_sms.py) and for bench/sms_corpus.py.

``MakeRun`` is configured by the environment alone, as in production: the runner builds the
embedded directory into its data directory, makes its own secrets, and opens the SMS/WhatsApp
channel because TWILIO_ACCOUNT_SID is set (TWILIO_BASE_URL points it at its own Twilio fake).
One per session (the ``make_run`` fixture, tests/conftest.py): each start loads the model
(35-90 s), so ``launch()`` returns at once and ``wait_ready()`` waits for it.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bot.action_server import TOKEN_ENV
from bot.channels.inbound import SESSION_SECRET_ENV, STAFF_TOKEN_ENV
from tests.channels_support import TWILIO, FakeTwilio
from tests.rasa_stack import LOAD_TIMEOUT, free_port
from tests.webapp_support import PROJECT_ROOT, base_env, python


class Runner:
    """A runner process (its own process group) and the lines it prints."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            argv, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, start_new_session=True,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)

    def wait_for(self, pattern: str, timeout_s: float) -> str:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no {pattern!r} in the runner's output:\n"
                             f"{''.join(self.output)[-4000:]}")  # fmt: skip

    def child_pids(self) -> list[int]:
        return [int(m) for m in re.findall(r"\(pid (\d+)\)", "".join(self.output))]

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def alive_in_groups(pgids: list[int]) -> list[int]:
    """Processes still alive in the given process groups (zombies excluded)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp in pgids and state != "Z":
            alive.append(int(entry.name))
    return alive


def responds(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


class MakeRun:
    """``python -m bot run --no-train`` on free ports, its data in ``tmp/var``."""

    def __init__(self, tmp: Path, model: Path) -> None:
        self.web_port, self.rasa_port, self.action_port = free_port(), free_port(), free_port()
        self.data_dir = tmp / "var"
        self.twilio = FakeTwilio().start()  # what the SMS channel sends, until stop()
        self.env = base_env(
            ORIENTEUR_MODEL=str(model), ORIENTEUR_DATA_DIR=str(self.data_dir),
            WEB_PORT=str(self.web_port), RASA_PORT=str(self.rasa_port),
            ACTION_PORT=str(self.action_port), SANIC_WORKERS="1",
            TWILIO_ACCOUNT_SID=TWILIO["account_sid"], TWILIO_AUTH_TOKEN=TWILIO["auth_token"],
            TWILIO_FROM=TWILIO["number"], TWILIO_BASE_URL=self.twilio.url,
            TWILIO_WEBHOOK_URL=TWILIO["public_url"],
            ORIENTEUR_OPTOUT_DB=str(tmp / "optout.sqlite3"),
        )  # fmt: skip
        for name in ("DIRECTORY_DATABASE_URL", "TWILIO_NUMBER", "TWILIO_WHATSAPP_NUMBER",
                     "TELEGRAM_TOKEN", TOKEN_ENV, STAFF_TOKEN_ENV, SESSION_SECRET_ENV):  # fmt: skip
            self.env.pop(name, None)
        self.runner: Runner | None = None

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    @property
    def directory(self) -> Path:
        """The embedded directory the runner built."""
        return self.data_dir / "directory.sqlite3"

    @property
    def tracker_db(self) -> Path:
        return self.data_dir / "tracker.sqlite3"

    def launch(self) -> MakeRun:
        """Start the runner; it builds the directory and loads the model meanwhile."""
        self.runner = Runner([python(), "-m", "bot", "run", "--no-train"], self.env)
        return self

    def wait_ready(self, timeout_s: float = LOAD_TIMEOUT) -> MakeRun:
        """Wait for its "Ouvrez http://localhost:…/" (everything ready); stopped if it fails."""
        assert self.runner is not None
        try:
            self.runner.wait_for(rf"Ouvrez http://localhost:{self.web_port}/", timeout_s)
        except BaseException:
            self.stop()
            raise
        return self

    def start(self, timeout_s: float = LOAD_TIMEOUT) -> MakeRun:
        return self.launch().wait_ready(timeout_s)

    def interrupt(self, timeout_s: float = 60) -> int:
        """Ctrl-C, as a person stops ``make run`` (it stops its children): its exit code."""
        assert self.runner is not None
        os.kill(self.runner.process.pid, signal.SIGINT)
        return self.runner.process.wait(timeout=timeout_s)

    def stop(self) -> None:
        """Ctrl-C if it still runs; then whatever is left, in every child's process group."""
        runner, self.runner = self.runner, None
        if runner is None:
            return
        if runner.process.poll() is None:
            os.kill(runner.process.pid, signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                runner.process.wait(timeout=60)
        runner.kill()
        for pid in runner.child_pids():  # each child leads its own process group
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)

    def close(self) -> None:
        """Stop it for good, its Twilio fake too."""
        self.stop()
        self.twilio.stop()


@contextlib.contextmanager
def run_with_fake_twilio(tmp: Path, model: Path) -> Iterator[MakeRun]:
    """A started ``MakeRun`` (bench/sms_corpus.py), closed on exit."""
    run = MakeRun(tmp, model)
    try:
        yield run.start()
    finally:
        run.close()
