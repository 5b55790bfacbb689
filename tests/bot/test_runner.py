"""`python -m bot run`: starts its processes, waits for them, stops them all (SIGINT, or a death).

The supervision is tested with stand-in services (no model needed); the real thing, marked
`rasa`, runs `python -m bot run --no-train` with a trained model (ORIENTEUR_TEST_MODEL or the
latest model in models/).
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.rasa_stack import find_model as _test_model
from tests.webapp_support import PROJECT_ROOT, base_env, free_port, python

DRIVER = """
import sys
from bot import runner
from bot.settings import Settings

ports = [int(p) for p in sys.argv[1:4]]
def services(settings, model, endpoints, credentials=None):
    return [
        runner.Service(f"svc{i}", ["bash", "-c",
            f"sleep 300 & exec {sys.executable} -m http.server {port} --bind 127.0.0.1"],
            f"http://127.0.0.1:{port}/", 30)
        for i, port in enumerate(ports)
    ]
runner.services = services
sys.exit(runner.run(Settings.from_env(), train=False))
"""


class Runner:
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
        pytest.fail(f"no {pattern!r} in the runner's output:\n{''.join(self.output)[-4000:]}")

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


@pytest.fixture
def driver_env(tmp_path):
    return base_env(
        ORIENTEUR_MODEL=str(tmp_path / "no-model.tar.gz"),
        ORIENTEUR_DATA_DIR=str(tmp_path / "var"),
        DIRECTORY_DATABASE_URL=f"sqlite:///{tmp_path}/directory.sqlite3",
        WEB_PORT=str(free_port()),
    )


def test_sigint_stops_every_child_and_their_children(driver_env) -> None:
    ports = [free_port() for _ in range(3)]
    runner = Runner([python(), "-c", DRIVER, *map(str, ports)], driver_env)
    try:
        runner.wait_for(r"Ouvrez http://localhost:\d+/", 60)
        pids = runner.child_pids()
        assert len(pids) == 3
        assert all(responds(f"http://127.0.0.1:{p}/") for p in ports)
        assert len(alive_in_groups(pids)) >= 6  # each service and its `sleep`
        os.kill(runner.process.pid, signal.SIGINT)
        assert runner.process.wait(timeout=30) == 0
        assert alive_in_groups(pids) == []
        assert not any(responds(f"http://127.0.0.1:{p}/") for p in ports)
    finally:
        runner.kill()


def test_a_dying_child_stops_everything(driver_env) -> None:
    ports = [free_port() for _ in range(3)]
    runner = Runner([python(), "-c", DRIVER, *map(str, ports)], driver_env)
    try:
        runner.wait_for(r"Ouvrez", 60)
        pids = runner.child_pids()
        os.killpg(pids[1], signal.SIGKILL)
        assert runner.process.wait(timeout=30) == 1
        assert alive_in_groups(pids) == []
        assert "svc1 s'est arrêté" in "".join(runner.output)
    finally:
        runner.kill()


def test_runtime_endpoints_take_the_action_port(tmp_path) -> None:
    from bot.runner import write_runtime_endpoints
    from bot.settings import Settings

    settings = Settings.from_env({"ACTION_PORT": "6123", "ORIENTEUR_DATA_DIR": str(tmp_path)})
    text = write_runtime_endpoints(settings).read_text()
    assert "http://127.0.0.1:6123/webhook" in text


@pytest.mark.rasa
def test_bot_run_serves_the_page_and_stops_on_sigint(tmp_path) -> None:
    model = _test_model()
    if model is None or not model.exists():
        pytest.skip("no trained model (set ORIENTEUR_TEST_MODEL or train into models/)")
    web, rasa, action = free_port(), free_port(), free_port()
    env = base_env(
        ORIENTEUR_MODEL=str(model),
        ORIENTEUR_DATA_DIR=str(tmp_path / "var"),
        DIRECTORY_DATABASE_URL=f"sqlite:///{tmp_path}/directory.sqlite3",
        WEB_PORT=str(web), RASA_PORT=str(rasa), ACTION_PORT=str(action),
    )  # fmt: skip
    runner = Runner([python(), "-m", "bot", "run", "--no-train"], env)
    try:
        runner.wait_for(rf"Ouvrez http://localhost:{web}/", 300)
        with urllib.request.urlopen(f"http://127.0.0.1:{web}/", timeout=5) as r:
            page = r.read().decode()
        assert "Ville de Bellerive" in page and f'data-server="http://localhost:{rasa}"' in page
        assert responds(f"http://127.0.0.1:{rasa}/")
        assert responds(f"http://127.0.0.1:{action}/health")
        pids = runner.child_pids()
        assert len(pids) == 3
        os.kill(runner.process.pid, signal.SIGINT)
        assert runner.process.wait(timeout=60) == 0
        assert alive_in_groups(pids) == []
        assert not responds(f"http://127.0.0.1:{web}/")
    finally:
        runner.kill()


def test_runtime_credentials_add_the_channels_whose_account_is_set(tmp_path) -> None:
    from bot import runner
    from bot.settings import Settings

    settings = Settings.from_env({"ORIENTEUR_DATA_DIR": str(tmp_path)})
    alone = runner.write_runtime_credentials(settings, {})
    assert runner.enabled_channels(alone) == [
        "bot.channels.rest.OrienteurRestInput", "bot.channels.socketio.OrienteurSocketIOInput",
    ]  # fmt: skip

    env = {"TWILIO_ACCOUNT_SID": "AC123", "TWILIO_AUTH_TOKEN": "s3cret", "TELEGRAM_TOKEN": "1:x"}
    written = runner.write_runtime_credentials(settings, env)
    text = written.read_text(encoding="utf-8")
    assert "s3cret" not in text and "AC123" not in text  # the channels read the environment
    assert "${" not in text  # no reference that an unset variable would turn into a refusal
    channels = runner.enabled_channels(written)
    assert "bot.channels.sms.SmsInput" in channels
    assert "bot.channels.telegram.TelegramChannelInput" in channels


def test_the_web_server_serves_the_staff_console_login(tmp_path) -> None:
    import asyncio

    from aiohttp.test_utils import TestClient, TestServer

    from bot.settings import Settings
    from bot.web.server import create_app

    async def fetch() -> tuple[int, str]:
        settings = Settings.from_env({"ORIENTEUR_DATA_DIR": str(tmp_path)})
        os.environ["STAFF_ENV"] = "dev"
        try:
            app = create_app(settings)
        finally:
            os.environ.pop("STAFF_ENV")
        async with TestClient(TestServer(app)) as client:
            response = await client.get("/staff/login")
            return response.status, await response.text()

    status, body = asyncio.run(fetch())
    assert status == 200
    assert "mot de passe" in body.lower()
