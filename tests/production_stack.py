"""The production set-up, started for real: ``replicas`` `rasa run` processes with
endpoints.production.yml, one PostgreSQL tracker store, one Redis lock store (with a password),
one action server on the embedded directory. Used by tests/bot/test_production.py and by
``bench/load.py --replicas N``. PostgreSQL and Redis are Debian's (scripts/install-services.sh).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.pgserver import PostgresServer, find_bin_dir
from tests.rasa_stack import cpu_seconds, free_port, rss_bytes
from tests.redisserver import RedisServer, find_redis_server

ROOT = Path(__file__).resolve().parents[1]
LOAD_TIMEOUT = float(os.environ.get("ORIENTEUR_RASA_LOAD_TIMEOUT", "240"))


class StackError(RuntimeError):
    """A server of the stack did not start."""


def services_installed() -> bool:
    return find_bin_dir() is not None and find_redis_server() is not None


class Process:
    """A child process with its output in a log file, stopped on exit."""

    def __init__(self, name: str, command: list[str], env: dict, log_dir: Path) -> None:
        self.name, self.command, self.env = name, command, env
        self.log = log_dir / f"{name}.log"
        self.popen: subprocess.Popen | None = None

    def start(self) -> Process:
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
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
                raise StackError(f"{self.name} exited ({self.popen.returncode}):\n{self.tail()}")
            with contextlib.suppress(Exception):
                response = client.get(url, timeout=2)
                if response.status_code == 200 and ready(response):
                    return
            time.sleep(0.5)
        raise StackError(f"{self.name} not ready after {timeout:.0f} s:\n{self.tail()}")


class Cluster:
    """Replicas are named a, b, c…; every one serves any conversation (shared tracker store)."""

    def __init__(self, tmp: Path, model: Path, replicas: int = 2) -> None:
        import httpx

        self.tmp, self.model = tmp, model
        self.names = [chr(ord("a") + i) for i in range(replicas)]
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
        # The production REST channel (never silent: apology + helpline when a turn fails).
        (self.tmp / "credentials.yml").write_text("bot.channels.rest.OrienteurRestInput:\n")
        action_port = free_port()
        base = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "REDIS_"))}
        self.forget_log = self.tmp / "forget.jsonl"
        base.update(RASA_TELEMETRY_ENABLED="false", PYTHONDONTWRITEBYTECODE="1",
                    ORIENTEUR_FORGET_LOG=str(self.forget_log),
                    ORIENTEUR_ACTION_TOKEN=secrets.token_urlsafe(24))  # fmt: skip
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
        for name in self.names:  # all load the model at the same time...
            self.ports[name] = free_port()
            self.start_rasa(name)
        directory = self._build_directory(base)  # ...while the directory is built
        if directory:
            base["DIRECTORY_DATABASE_URL"] = directory
        # As in production: the action server with its token (bot/action_server.py).
        self.actions = Process("actions", [sys.executable, "-m", "bot.action_server",
                                           "--actions", "actions", "--port", str(action_port)],
                               base, self.tmp).start()  # fmt: skip
        self.actions.wait_http(self.client, f"{action_url}/health", lambda r: True, 60)
        for name in self.names:
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
    @property
    def webhooks(self) -> list[str]:
        return [f"http://127.0.0.1:{self.ports[n]}/webhooks/rest/webhook" for n in self.names]

    def rss(self) -> dict[str, int]:
        """Resident memory: all the replicas together, the action server."""
        return {"rasa": sum(rss_bytes(p.popen.pid) for p in self.rasa.values()),
                "actions": rss_bytes(self.actions.popen.pid)}  # fmt: skip

    def cpu(self) -> dict[str, float]:
        """CPU seconds used so far: all the replicas together, the action server, PostgreSQL
        and Redis."""
        used = {"rasa": sum(cpu_seconds(p.popen.pid) for p in self.rasa.values()),
                "actions": cpu_seconds(self.actions.popen.pid)}  # fmt: skip
        if self.redis and self.redis.process:
            used["redis"] = cpu_seconds(self.redis.process.pid)
        with contextlib.suppress(OSError, ValueError, IndexError):  # pg_ctl's postmaster
            postmaster = int((self.pg.data / "postmaster.pid").read_text().split()[0])
            used["postgres"] = cpu_seconds(postmaster)
        return used

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
            assert comparable_events(other["events"]) == comparable_events(first["events"])
        return first


def comparable_events(events: list[dict]) -> list[tuple]:
    return [(e.get("event"), e.get("name"), e.get("text"), e.get("timestamp")) for e in events]
