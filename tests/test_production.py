"""The production set-up, for real: two `rasa run` replicas with endpoints.production.yml, one
PostgreSQL tracker store, one Redis lock store (with a password), one action server.

One conversation's turns alternate between the replicas; a replica is killed (SIGKILL) and
restarted mid-conversation. The assertions hold whatever the assistant answers: every user turn
is stored once, in order, whichever replica took it; both replicas see the same tracker (events
and slots); the restarted replica carries on. When the assistant remembers a need (slot
``needs``), the need given on one replica must still be there after the place is given on the
other one. "Oublie-moi" is followed end to end (action → forget log → ``bot.retention``).

Needs a trained model: ``ORIENTEUR_TEST_MODEL`` (or ``ORIENTEUR_MODEL``) or the newest
``models/*.tar.gz`` (never trains).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

from tests.pgserver import PostgresServer, find_bin_dir
from tests.rasa_stack import find_model as _find_model
from tests.redisserver import RedisServer, find_redis_server

pytestmark = [pytest.mark.rasa, pytest.mark.production, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[1]
LOAD_TIMEOUT = float(os.environ.get("ORIENTEUR_RASA_LOAD_TIMEOUT", "240"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A child process with its output in a log file, stopped on exit."""

    def __init__(self, name: str, command: list[str], env: dict, log_dir: Path) -> None:
        self.name, self.command, self.env = name, command, env
        self.log = log_dir / f"{name}.log"
        self.popen: subprocess.Popen | None = None

    def start(self) -> Process:
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,  # kill() stops the whole process group
            )
        return self

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def kill(self, sig: int = signal.SIGTERM) -> None:
        if self.popen and self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()

    def wait_http(self, client, url: str, ready, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                pytest.fail(f"{self.name} exited ({self.popen.returncode}):\n{self.tail()}")
            with contextlib.suppress(Exception):
                response = client.get(url, timeout=2)
                if response.status_code == 200 and ready(response):
                    return
            time.sleep(0.5)
        pytest.fail(f"{self.name} not ready after {timeout:.0f} s:\n{self.tail()}")


class Cluster:
    def __init__(self, tmp: Path, model: Path) -> None:
        import httpx

        self.tmp, self.model = tmp, model
        self.token = secrets.token_urlsafe(16)
        self.client = httpx.Client(timeout=60)  # a turn takes < 2 s; 60 s = stuck
        self.rasa: dict[str, Process] = {}
        self.ports: dict[str, int] = {}
        self.pg: PostgresServer | None = None
        self.redis: RedisServer | None = None
        self.actions: Process | None = None

    # -- start ----------------------------------------------------------------------------
    def start(self) -> None:
        self.pg = PostgresServer(find_bin_dir(), dbname="tracker").start()
        self.redis = RedisServer(find_redis_server(), password=secrets.token_hex(8)).start()
        (self.tmp / "credentials.yml").write_text("rest:\n")
        action_port = _free_port()
        base = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "REDIS_"))}
        self.forget_log = self.tmp / "forget.jsonl"
        base.update(RASA_TELEMETRY_ENABLED="false", PYTHONDONTWRITEBYTECODE="1",
                    ORIENTEUR_FORGET_LOG=str(self.forget_log))  # fmt: skip
        action_url = f"http://127.0.0.1:{action_port}"
        self.rasa_env = dict(
            base,
            ACTION_SERVER_URL=f"{action_url}/webhook",
            TRACKER_DB_HOST="127.0.0.1",
            TRACKER_DB_PORT=str(self.pg.port),
            TRACKER_DB_NAME=self.pg.dbname,
            TRACKER_DB_USER=self.pg.user,
            TRACKER_DB_PASSWORD="",  # trust authentication on the test server
            REDIS_HOST="127.0.0.1",
            REDIS_PORT=str(self.redis.port),
            REDIS_DB="0",
            REDIS_PASSWORD=self.redis.password,
            SANIC_WORKERS="1",
        )
        for name in ("a", "b"):  # both load the model at the same time...
            self.ports[name] = _free_port()
            self.start_rasa(name)
        directory = self._build_directory(base)  # ...while the directory is built
        if directory:
            base["DIRECTORY_DATABASE_URL"] = directory
        self.actions = Process("actions", [sys.executable, "-m", "rasa_sdk", "--actions",
                                           "actions", "--port", str(action_port)],
                               base, self.tmp).start()  # fmt: skip
        self.actions.wait_http(self.client, f"{action_url}/health", lambda r: True, 60)
        for name in ("a", "b"):
            self.wait_rasa(name)

    def _build_directory(self, env: dict) -> str | None:
        """A directory for the actions (the shipped open data), or None if it cannot be built."""
        url = f"sqlite:///{self.tmp / 'directory.sqlite3'}"
        done = subprocess.run([sys.executable, "-m", "directory_client", "--db", url, "import",
                               "--default"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)  # fmt: skip
        return url if done.returncode == 0 else None

    def start_rasa(self, name: str) -> None:
        command = [sys.executable, "-m", "rasa", "run", "--model", str(self.model),
                   "--endpoints", str(ROOT / "endpoints.production.yml"),
                   "--credentials", str(self.tmp / "credentials.yml"),
                   "--interface", "127.0.0.1", "--port", str(self.ports[name]),
                   "--enable-api", "--auth-token", self.token]  # fmt: skip
        if os.environ.get("ORIENTEUR_RASA_DEBUG"):
            command.append("--debug")
        self.rasa[name] = Process(f"rasa-{name}", command, self.rasa_env, self.tmp).start()

    def wait_rasa(self, name: str) -> None:
        self.rasa[name].wait_http(self.client, self.url(name, "/status"),
                                  lambda r: bool(r.json().get("model_file")),
                                  LOAD_TIMEOUT)  # fmt: skip

    def stop(self) -> None:
        processes = [p for p in [*self.rasa.values(), self.actions] if p and p.popen]
        for process in processes:  # signal all first, then wait: they stop in parallel
            if process.popen.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.popen.pid, signal.SIGTERM)
        for process in processes:
            process.kill()
        if self.redis:
            self.redis.stop()
        if self.pg:
            self.pg.stop()
        self.client.close()

    # -- use ------------------------------------------------------------------------------
    def url(self, name: str, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.ports[name]}{path}{sep}token={self.token}"

    def say(self, name: str, sender: str, text: str) -> list[dict]:
        response = self.client.post(self.url(name, "/webhooks/rest/webhook"),
                                    json={"sender": sender, "message": text})  # fmt: skip
        assert response.status_code == 200, (name, response.status_code, response.text)
        answer = response.json()
        assert isinstance(answer, list)
        return answer

    def tracker(self, name: str, sender: str) -> dict:
        response = self.client.get(self.url(name, f"/conversations/{sender}/tracker"))
        assert response.status_code == 200, response.text
        return response.json()

    def stored(self, sender: str) -> list[tuple[str, dict]]:
        """(type_name, event) rows of the conversation in PostgreSQL, in storage order."""
        import json

        import sqlalchemy as sa

        engine = sa.create_engine(self.pg.url)
        try:
            with engine.connect() as conn:
                rows = conn.execute(sa.text("SELECT type_name, data FROM events "
                                            "WHERE sender_id = :s ORDER BY id"),
                                    {"s": sender}).all()  # fmt: skip
        finally:
            engine.dispose()
        return [(t, json.loads(d)) for t, d in rows]

    def user_texts(self, sender: str) -> list[str]:
        return [e["text"] for t, e in self.stored(sender) if t == "user"]

    def assert_same_view(self, sender: str) -> dict:
        """Both replicas return the same tracker (they read it from PostgreSQL)."""
        trackers = {name: self.tracker(name, sender) for name, p in self.rasa.items()
                    if p.popen.poll() is None}  # fmt: skip
        first, *others = trackers.values()
        for other in others:
            assert other["slots"] == first["slots"]
            assert _comparable(other["events"]) == _comparable(first["events"])
        return first


def _comparable(events: list[dict]) -> list[tuple]:
    return [(e.get("event"), e.get("name"), e.get("text"), e.get("timestamp")) for e in events]


def _assert_turns_not_interleaved(stored: list[tuple[str, dict]]) -> None:
    """The lock store serialises turns: each user message is followed by its own actions,
    ending with action_listen, before the next user message is stored."""
    listening = True
    for type_name, event in stored:
        if type_name == "user":
            assert listening, "a user message was stored while the previous turn was running"
            listening = False
        elif type_name == "action" and event.get("name") == "action_listen":
            listening = True


@pytest.fixture(scope="module")
def cluster():
    if find_bin_dir() is None or find_redis_server() is None:
        pytest.skip("PostgreSQL or Redis not installed: run scripts/install-services.sh")
    model = _find_model()
    if model is None or not model.exists():
        pytest.skip("no trained model: set ORIENTEUR_MODEL or train into models/")
    tmp = Path(tempfile.mkdtemp(prefix="orienteur-prod-"))
    copy = tmp / model.name
    shutil.copy2(model, copy)  # a retraining meanwhile must not swap the model under the test
    cluster = Cluster(tmp, copy)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        if os.environ.get("ORIENTEUR_KEEP_LOGS"):
            print(f"logs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


NEED = "Bonjour, j'ai besoin d'aide pour faire ma déclaration d'impôts en ligne"
PLACE = "J'habite à Angoulême"


def test_turns_alternate_between_replicas(cluster):
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    said = []

    def turn(name: str, text: str) -> list[dict]:
        answer = cluster.say(name, sender, text)
        said.append(text)
        assert cluster.user_texts(sender) == said  # stored once, in order, right away
        return answer

    turn("a", "bonjour")
    turn("b", NEED)
    after_need = cluster.assert_same_view(sender)
    answer = turn("a", PLACE)
    after_place = cluster.assert_same_view(sender)
    assert answer, "the assistant said nothing after the place was given"
    need = after_need["slots"].get("needs")
    if need:  # the need given on B is still known on A once the place is given
        assert after_place["slots"].get("needs") == need
        assert after_place["slots"].get("location"), after_place["slots"]
        said_back = " ".join(str(m.get("text", "")) for m in answer)
        assert "Angoulême" in said_back, answer  # a recommendation (or none) near that town
    turn("b", "merci")
    _assert_turns_not_interleaved(cluster.stored(sender))
    # The replicas really used the Redis lock store (ticket locks are deleted when released).
    import redis

    stats = redis.Redis(port=cluster.redis.port, password=cluster.redis.password)
    commands = stats.info("commandstats")
    assert commands.get("cmdstat_set", {}).get("calls", 0) >= 4, commands


def test_simultaneous_messages_on_both_replicas_are_serialised(cluster):
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    cluster.say("a", sender, "bonjour")
    errors: list[BaseException] = []

    def send(name: str, text: str) -> None:
        try:
            cluster.say(name, sender, text)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=send, args=("a", NEED)),
               threading.Thread(target=send, args=("b", PLACE))]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    texts = cluster.user_texts(sender)
    assert texts[0] == "bonjour" and sorted(texts[1:]) == sorted([NEED, PLACE])
    _assert_turns_not_interleaved(cluster.stored(sender))
    cluster.assert_same_view(sender)


def test_restarting_a_replica_mid_conversation_loses_nothing(cluster):
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    said = []

    def turn(name: str, text: str) -> list[dict]:
        answer = cluster.say(name, sender, text)
        said.append(text)
        return answer

    turn("a", "bonjour")
    turn("b", NEED)
    before = cluster.assert_same_view(sender)

    cluster.rasa["b"].kill(signal.SIGKILL)  # a crash, not a clean shutdown
    cluster.start_rasa("b")  # reloads the model while the conversation goes on on A
    during = cluster.tracker("a", sender)
    assert during["slots"] == before["slots"]
    assert _comparable(during["events"]) == _comparable(before["events"])
    turn("a", PLACE)
    cluster.wait_rasa("b")

    # The new process has nothing in memory: everything comes from PostgreSQL.
    restarted = cluster.tracker("b", sender)
    assert restarted["slots"] == cluster.tracker("a", sender)["slots"]
    assert [e["text"] for e in restarted["events"] if e["event"] == "user"] == said
    if before["slots"].get("needs"):
        assert restarted["slots"].get("needs") == before["slots"]["needs"]
    turn("b", "merci")
    assert cluster.user_texts(sender) == said
    _assert_turns_not_interleaved(cluster.stored(sender))
    cluster.assert_same_view(sender)


def test_forget_me_across_replicas(cluster):
    """ "Oublie-moi" end to end: the action records the request, Rasa saves the turn (writing the
    conversation back), then ``bot.retention forget-pending`` deletes everything said before."""
    from bot import retention

    sender = f"prod-{uuid.uuid4().hex[:12]}"
    cluster.say("a", sender, NEED)
    cluster.say("b", sender, PLACE)
    cluster.say("a", sender, "Oubliez-moi, effacez notre conversation")
    requests = cluster.forget_log.read_text().splitlines() if cluster.forget_log.exists() else []
    if not any(sender in line for line in requests):
        pytest.skip("the assistant did not record a forget request (intent or action missing)")
    assert NEED in cluster.user_texts(sender)  # Rasa wrote the turn after the action ran
    applied, deleted = retention.process_forget_requests(cluster.pg.url, cluster.forget_log,
                                                         min_age=0)  # fmt: skip
    assert applied >= 1 and deleted > 0
    assert cluster.user_texts(sender) == []
    assert not any(PLACE in str(e) for _, e in cluster.stored(sender))
    cluster.say("b", sender, "bonjour")  # the person can start again, on any replica
    assert cluster.user_texts(sender) == ["bonjour"]
    cluster.assert_same_view(sender)


def test_personal_data_is_masked_before_postgresql(cluster):
    """endpoints.production.yml wraps the SQL store in bot.privacy.MaskingTrackerStore: no phone
    number, e-mail or precise position reaches the `events` table (docs/privacy.md)."""
    import json

    sender = f"prod-{uuid.uuid4().hex[:12]}"
    cluster.say("a", sender, "J'ai besoin d'aide pour la CAF, rappelez-moi au 06 12 34 56 78 "
                             "ou écrivez à jeanne.martin@example.fr")  # fmt: skip
    cluster.say("b", sender, '/inform{"latitude": 45.64912, "longitude": 0.15634}')
    dump = json.dumps([event for _, event in cluster.stored(sender)], ensure_ascii=False)
    for secret in ("12 34 56 78", "jeanne.martin", "45.64912", "0.15634"):
        assert secret not in dump, secret
    texts = cluster.user_texts(sender)
    assert texts[0].endswith("au [téléphone] ou écrivez à [e-mail]"), texts
    assert texts[1] == '/inform{"latitude": 45.65, "longitude": 0.16}', texts


def test_tracker_database_restart_mid_conversation(cluster):
    """PostgreSQL restarts between two turns (every pooled connection of both replicas is cut):
    the next turn still sees the conversation, on either replica, and nothing is lost."""
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    cluster.say("a", sender, "bonjour")
    cluster.say("b", sender, NEED)
    before = cluster.assert_same_view(sender)
    cluster.pg.restart()
    answer = cluster.say("a", sender, PLACE)  # its pooled connections died with the server
    assert answer
    cluster.say("b", sender, "merci")  # and the other replica's too
    assert cluster.user_texts(sender) == ["bonjour", NEED, PLACE, "merci"]
    after = cluster.assert_same_view(sender)
    if before["slots"].get("needs"):  # the context survived: the need given before the restart
        assert after["slots"].get("needs") == before["slots"]["needs"]
        assert after["slots"].get("location"), after["slots"]
    _assert_turns_not_interleaved(cluster.stored(sender))
