"""`python -m bot run`: starts its processes, waits for them, stops them all (SIGINT, or a death).

The supervision is tested with stand-in services (no model needed); the real thing, marked
`rasa`, is the session's `python -m bot run --no-train` with a trained model (``make_run``,
tests/make_run.py; ORIENTEUR_TEST_MODEL or the latest model in models/).
"""

from __future__ import annotations

import os
import signal
import urllib.request

import pytest

from tests.make_run import Runner, alive_in_groups, responds
from tests.webapp_support import base_env, free_port, python

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
def test_bot_run_serves_the_page(make_run) -> None:
    """The real thing (the session's ``make_run``). That Ctrl-C then stops every child is checked
    on it too, by the restart of tests/bot/test_hardening.py (one model load less)."""
    with urllib.request.urlopen(f"{make_run.web_url}/", timeout=5) as r:
        page = r.read().decode()
    assert "Ville de Bellerive" in page
    assert f'data-server="http://localhost:{make_run.rasa_port}"' in page
    assert responds(f"{make_run.rasa_url}/")
    assert responds(f"{make_run.action_url}/health")
    assert len(make_run.runner.child_pids()) == 3


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


def test_a_changed_featurizer_makes_the_model_stale(tmp_path) -> None:
    from bot import runner

    for name in runner.TRAINING_SOURCES:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    model = tmp_path / "models" / "orienteur.tar.gz"
    model.parent.mkdir()
    model.write_bytes(b"model")
    assert runner.model_is_current(model, tmp_path)
    later = model.stat().st_mtime + 10
    os.utime(tmp_path / "bot" / "encoder.py", (later, later))
    assert not runner.model_is_current(model, tmp_path)
