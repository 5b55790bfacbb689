"""The assistant's real servers, for end-to-end tests and benchmarks.

``RasaStack`` builds the embedded directory (the shipped open data, ``python -m directory_client
import --default``) into a temporary data directory, starts the action server
(``python -m bot.action_server --actions actions``, as ``make run`` does) on it and ``rasa run``
(no HTTP API) with the trained model and this tree's ``credentials.yml`` (REST channel at
``/webhooks/rest/webhook``). Ports come from 5300–5399 (``ORIENTEUR_STACK_PORTS=first-last`` to
change). Every child runs in its own process group and is stopped with it.

``store_conversations=True`` adds the tracker store of ``make run`` (endpoints.yml: the masking
store around SQLite, in the data directory); ``channels``: more credentials (YAML) next to the
repository's ones (the SMS and Telegram channels pointed at local fakes).

Used by the ``rasa_stack`` session fixture (tests/conftest.py) and by bench/turn_latency.py and
bench/load.py. The model: ``ORIENTEUR_TEST_MODEL`` (or ``ORIENTEUR_MODEL``), else
``models/orienteur.tar.gz``, else the newest ``models/*.tar.gz``; never trained here.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import yaml

from bot.runner import rasa_env

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LOAD_TIMEOUT = float(os.environ.get("ORIENTEUR_RASA_LOAD_TIMEOUT", "300"))
# The action server loads the sentence encoder: over 60 s on two cores shared with a model load.
ACTIONS_TIMEOUT = float(os.environ.get("ORIENTEUR_ACTIONS_TIMEOUT", "180"))
NO_MODEL = (
    "no trained model: run `make model` (or set ORIENTEUR_TEST_MODEL); never trained by the tests"
)


def find_model() -> Path | None:
    """The trained model every Rasa test and bench uses (the only place that chooses it)."""
    given = os.environ.get("ORIENTEUR_TEST_MODEL") or os.environ.get("ORIENTEUR_MODEL")
    if given:
        return Path(given) if Path(given).exists() else None
    default = ROOT / "models" / "orienteur.tar.gz"
    if default.exists():
        return default
    models = sorted((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def _port_range() -> range:
    first, _, last = os.environ.get("ORIENTEUR_STACK_PORTS", "5300-5399").partition("-")
    return range(int(first), int(last) + 1)


_TAKEN: set[int] = set()


def free_port() -> int:
    """A free loopback port in the allowed range (not handed out before by this process)."""
    ports = [p for p in _port_range() if p not in _TAKEN]
    random.shuffle(ports)
    for port in ports:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _TAKEN.add(port)
        return port
    raise RuntimeError(f"no free port in {_port_range()}")


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its descendants (Sanic may fork workers)."""
    total = 0
    for p in [pid, *_descendants(pid)]:
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
    return total


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its descendants: what a turn costs,
    whatever else runs on the machine."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in [pid, *_descendants(pid)]:
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{p}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def _descendants(pid: int) -> list[int]:
    children: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                children += [int(c) for c in (task / "children").read_text().split()]
    out = list(children)
    for child in children:
        out += _descendants(child)
    return out


class Child:
    """A server process in its own process group, its output in a log file."""

    def __init__(self, name: str, argv: list[str], env: dict, log_dir: Path, health: str) -> None:
        self.name, self.argv, self.env, self.health = name, argv, env, health
        self.log = log_dir / f"{name}.log"
        self.popen: subprocess.Popen | None = None
        self.started_at = 0.0
        self.ready_after: float | None = None
        self.stop_signal = signal.SIGTERM  # SIGINT under py-spy: it writes its profile then

    def start(self) -> Child:
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(
                self.argv, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        self.started_at = time.monotonic()
        self.ready_after = None
        return self

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_ready(self, timeout: float) -> float:
        """Seconds from start to the first 2xx of the health URL."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"{self.name} exited before {self.health}:\n{self.tail()}")
            with (
                contextlib.suppress(urllib.error.URLError, OSError),
                urllib.request.urlopen(self.health, timeout=2) as response,
            ):
                if 200 <= response.status < 300:
                    self.ready_after = time.monotonic() - self.started_at
                    return self.ready_after
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready after {timeout:.0f} s:\n{self.tail()}")

    def signal(self, sig: int) -> None:
        if self.popen is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)

    def stop(self, grace_s: float = 10.0) -> None:
        if self.popen is None:
            return
        self.signal(signal.SIGCONT)  # a paused child cannot stop
        self.signal(self.stop_signal)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=grace_s if self.stop_signal == signal.SIGTERM else 60)
        self.signal(signal.SIGKILL)  # and whatever is left in its group
        self.popen.wait()

    def rss(self) -> int:
        return rss_bytes(self.pid) if self.alive() else 0

    def cpu(self) -> float:
        return cpu_seconds(self.pid) if self.alive() else 0.0


class RasaStack:
    """Action server + ``rasa run`` (REST) on the embedded directory. ``start()``/``stop()``."""

    def __init__(
        self,
        tmp: Path,
        model: Path,
        *,
        turn_timeout: float | None = None,
        extra_env: dict[str, str] | None = None,
        debug: bool = False,
        action_wrapper: list[str] | None = None,
        rasa_wrapper: list[str] | None = None,
        store_conversations: bool = False,
        channels: str = "",
        cors: str | None = None,
    ) -> None:
        """``action_wrapper``, ``rasa_wrapper``: command prefixes (a profiler); ``cors``: the
        origins allowed to call Rasa (``--cors``, the web page's in ``make run``)."""
        self.tmp, self.model = Path(tmp), Path(model)
        self.action_wrapper = list(action_wrapper or [])
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.action_port, self.rasa_port = free_port(), free_port()
        self.action_url = f"http://127.0.0.1:{self.action_port}"
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        self.webhook = f"{self.url}/webhooks/rest/webhook"
        self.directory_url = f"sqlite:///{self.tmp / 'directory.sqlite3'}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "REDIS_"))}
        env.update(
            RASA_TELEMETRY_ENABLED="false",
            PYTHONUNBUFFERED="1",
            PYTHONDONTWRITEBYTECODE="1",
            SANIC_WORKERS="1",
            ORIENTEUR_DATA_DIR=str(self.tmp),
            DIRECTORY_DATABASE_URL=self.directory_url,
            ORIENTEUR_FORGET_LOG=str(self.tmp / "forget.jsonl"),
            PYTHONPATH=os.pathsep.join(
                [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
            ),
        )
        if turn_timeout is not None:
            env["ORIENTEUR_TURN_TIMEOUT"] = str(turn_timeout)
        env.update(extra_env or {})
        self.env = env
        self.tracker_db = self.tmp / "tracker.sqlite3"
        self.forget_log = Path(env["ORIENTEUR_FORGET_LOG"])
        endpoints = self.tmp / "endpoints.yml"
        endpoints.write_text(yaml.safe_dump(self._endpoints(store_conversations)))
        credentials = self.tmp / "credentials.yml"
        credentials.write_text((ROOT / "credentials.yml").read_text() + "\n" + channels)
        rasa_argv = [PYTHON, "-m", "rasa", "run", "--model", str(self.model),
                     "--endpoints", str(endpoints), "--credentials", str(credentials),
                     "--interface", "127.0.0.1", "--port", str(self.rasa_port)]  # fmt: skip
        if cors:
            rasa_argv += ["--cors", cors]
        if debug:
            rasa_argv.append("--debug")
        self.rasa = Child("rasa", [*(rasa_wrapper or []), *rasa_argv], {**env, **rasa_env()},
                          self.tmp, f"{self.url}/")  # fmt: skip
        if rasa_wrapper:
            self.rasa.stop_signal = signal.SIGINT
        self.actions = self._action_child(env)
        self._importing: subprocess.Popen | None = None
        self.model_load_s: float | None = None

    def _endpoints(self, store_conversations: bool) -> dict:
        """This stack's action server; with ``store_conversations``, the tracker store of the
        repository's endpoints.yml (what ``make run`` uses) with its SQLite file in ``tmp``."""
        endpoints: dict = {"action_endpoint": {"url": f"{self.action_url}/webhook"}}
        if store_conversations:
            store = yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]
            store["wrapped"]["db"] = str(self.tracker_db)
            endpoints["tracker_store"] = store
        return endpoints

    def _action_child(self, env: dict) -> Child:
        argv = [PYTHON, "-m", "bot.action_server", "--actions", "actions", "--port",
                str(self.action_port)]  # fmt: skip
        child = Child("actions", [*self.action_wrapper, *argv], env, self.tmp,
                      f"{self.action_url}/health")  # fmt: skip
        if self.action_wrapper:
            child.stop_signal = signal.SIGINT
        return child

    # -- life cycle -----------------------------------------------------------------------
    def _import_directory(self) -> subprocess.Popen | None:
        """The embedded directory's import, started (None: already built)."""
        if (self.tmp / "directory.sqlite3").exists():
            return None
        with (self.tmp / "import.log").open("wb") as out:
            return subprocess.Popen(
                [PYTHON, "-m", "directory_client", "--db", self.directory_url, "import",
                 "--default"], cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def launch(self) -> RasaStack:
        """Start ``rasa run`` (the model loads) and the directory's import; ``wait_ready()``
        starts the action server once the directory is there, and waits for Rasa."""
        try:
            self.rasa.start()
            self._importing = self._import_directory()
        except BaseException:
            self.stop()
            raise
        return self

    def wait_ready(self) -> RasaStack:
        try:
            if self._importing is not None and self._importing.wait(timeout=600) != 0:
                log = (self.tmp / "import.log").read_text(errors="replace")
                raise RuntimeError(f"directory import failed:\n{log[-3000:]}")
            self.actions.start().wait_ready(ACTIONS_TIMEOUT)
            self.model_load_s = self.rasa.wait_ready(LOAD_TIMEOUT)
        except BaseException:
            self.stop()
            raise
        return self

    def start(self) -> RasaStack:
        return self.launch().wait_ready()

    def stop(self) -> None:
        if self._importing is not None and self._importing.poll() is None:
            self._importing.kill()
            self._importing.wait()
        for child in (self.rasa, self.actions):
            if child.alive():
                child.signal(signal.SIGCONT)
                child.signal(child.stop_signal)
        for child in (self.rasa, self.actions):
            child.stop()

    def restart_actions(self, **env: str) -> None:
        """Stop the action server and start a new one (same port), with ``env`` overrides."""
        self.actions.stop()
        self.actions = self._action_child({**self.env, **env})
        self.actions.start().wait_ready(ACTIONS_TIMEOUT)

    def rss(self) -> dict[str, int]:
        return {"rasa": self.rasa.rss(), "actions": self.actions.rss()}

    def cpu(self) -> dict[str, float]:
        return {"rasa": self.rasa.cpu(), "actions": self.actions.cpu()}

    # -- what it stored (``store_conversations``) --------------------------------------------
    def rows(self, sender: str | None = None) -> list[tuple[str, str, dict]]:
        """(sender_id, type_name, event) rows as stored, in storage order."""
        if not self.tracker_db.exists():
            return []
        with contextlib.closing(sqlite3.connect(self.tracker_db)) as db:
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

    # -- talking --------------------------------------------------------------------------
    def say(self, sender: str, text: str, metadata: dict | None = None,
            timeout: float = 120) -> list[dict]:  # fmt: skip
        """One user message over REST → the list of bot messages."""
        body = {"sender": sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        request = urllib.request.Request(
            self.webhook, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=timeout) as response:
            assert response.status == 200, response.status
            answer = json.loads(response.read())
        assert isinstance(answer, list), answer
        return answer


RASA = str(Path(PYTHON).with_name("rasa"))
DATA_VALIDATE = [RASA, "data", "validate"]


def core_stories_command(model: Path, out: Path) -> list[str]:
    """``rasa test core`` on the test stories (tests/stories/), failing on any wrong prediction."""
    return [RASA, "test", "core", "--stories", "tests/stories", "--model", str(model),
            "--out", str(out), "--fail-on-prediction-errors"]  # fmt: skip


class Background:
    """A command started now in its own process group, its output in ``log``, waited for when
    its result is needed (``result()``): a model load that runs while other tests do."""

    def __init__(self, argv: list[str], log: Path) -> None:
        self.log = log
        with log.open("wb") as out:
            self.popen = subprocess.Popen(
                argv, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
            )  # fmt: skip

    def result(self, timeout_s: float) -> tuple[int, str]:
        """(exit code, output) once it has finished."""
        code = self.popen.wait(timeout=timeout_s)
        return code, self.log.read_text(errors="replace")

    def close(self) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait()


def start_stack(tmp: Path, model: Path | None = None, **options) -> RasaStack:
    """A started stack, or RuntimeError. ``model`` defaults to ``find_model()``."""
    model = model or find_model()
    if model is None:
        raise LookupError(NO_MODEL)
    return RasaStack(tmp, model, **options).start()


# -- reading answers ------------------------------------------------------------------------
class Conversation:
    """One person talking to the stack over REST, under a sender id of its own."""

    def __init__(self, stack: RasaStack) -> None:
        self.stack = stack
        self.sender = f"e2e-{uuid.uuid4().hex[:12]}"

    def say(self, text: str) -> list[dict]:
        answer = self.stack.say(self.sender, text)
        assert answer, f"no answer to {text!r}"
        assert all(m.get("recipient_id") == self.sender for m in answer), answer
        return answer


def texts(answer: list[dict]) -> str:
    return "\n".join(str(m["text"]) for m in answer if m.get("text"))


def payloads(answer: list[dict], kind: str | None = "recommendation") -> list[dict]:
    """The ``custom.orienteur`` payloads of an answer (of one ``type``, or all)."""
    out = []
    for message in answer:
        body = (message.get("custom") or {}).get("orienteur")
        if isinstance(body, dict) and (kind is None or body.get("type") == kind):
            out.append(body)
    return out


@contextlib.contextmanager
def webhook_for(webhook: str | None, model: Path | None, prefix: str):
    """``webhook`` when given (a running assistant), else a stack started for the block and its
    REST webhook. LookupError when no model is there to start one."""
    if webhook is not None:
        yield webhook
        return
    import tempfile

    stack = start_stack(Path(tempfile.mkdtemp(prefix=prefix)), model)
    try:
        yield stack.webhook
    finally:
        stack.stop()
