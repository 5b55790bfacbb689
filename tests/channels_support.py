"""Local fakes of the Twilio and Telegram HTTP APIs, and helpers to run a channel server.

The fakes are real HTTP servers on 127.0.0.1 (free port, in a thread) that record every request
and answer like the provider does, so the channels are tested through the network, offline.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from twilio.request_validator import RequestValidator

from tests.rasa_stack import find_model
from tests.webapp_support import base_env
from tests.webapp_support import start as start_group
from tests.webapp_support import stop as stop_group

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Test credentials shared by the channel tests (fake values, fake providers).
TWILIO = {
    "account_sid": "AC" + "0123456789abcdef" * 2,
    "auth_token": "test-auth-token-0123456789abcdef",
    "number": "+33700000000",
    "whatsapp": "whatsapp:+14155238886",
    "public_url": "https://orienteur.example.org/webhooks/twilio/webhook",
}
TELEGRAM = {
    "token": "123456:TEST-token_abcdefghijklmnopqrstuvwxyz",
    "secret": "s3cret-Token_for-tests",
    "bot": "orienteur_test_bot",
    "public_url": "https://orienteur.example.org/webhooks/telegram/webhook",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _parse_body(content_type: str, raw: bytes) -> dict:
    if content_type.startswith("application/json"):
        return json.loads(raw or b"{}")
    if content_type.startswith("multipart/form-data"):
        msg = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
        )
        out = {}
        for part in msg.iter_parts():
            out[part.get_param("name", header="content-disposition")] = part.get_payload(
                decode=True
            ).decode()
        return out
    out: dict = {}
    for key, value in urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True):
        out.setdefault(key, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in out.items()}


class FakeProvider:
    """Base fake: records requests as dicts {method, path, headers, data}."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self._lock = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                data = _parse_body(self.headers.get("Content-Type", ""), raw)
                record = {
                    "method": self.command,
                    "path": self.path,
                    "headers": dict(self.headers),
                    "data": data,
                }
                status, body = fake.answer(record)
                with fake._lock:
                    fake.requests.append(record)
                    fake._lock.notify_all()
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, record: dict) -> tuple[int, dict]:
        raise NotImplementedError

    def start(self) -> FakeProvider:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()

    def wait_for(self, predicate, timeout: float = 30.0) -> list[dict]:
        """Wait until ``predicate(requests)`` is true; then a short quiet period."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(list(self.requests)):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timeout; received: {self.requests!r}")
                self._lock.wait(left)
        time.sleep(0.3)  # let late messages of the same turn arrive
        with self._lock:
            return list(self.requests)


class FakeTwilio(FakeProvider):
    """``POST /2010-04-01/Accounts/{sid}/Messages.json`` → a Twilio-shaped message."""

    _counter = itertools.count(1)
    MESSAGES = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w+)/Messages\.json$")

    def answer(self, record):
        match = self.MESSAGES.match(record["path"])
        if record["method"] != "POST" or not match:
            return 404, {"code": 20404, "message": "not found", "status": 404}
        data = record["data"]
        n = next(self._counter)
        return 201, {
            "sid": f"SM{n:032x}",
            "account_sid": match["sid"],
            "to": data.get("To"),
            "from": data.get("From"),
            "body": data.get("Body"),
            "status": "queued",
            "num_segments": "1",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "date_created": "Wed, 25 Nov 2026 22:00:00 +0000",
            "price": None,
            "uri": f"/2010-04-01/Accounts/{match['sid']}/Messages/SM{n:032x}.json",
        }

    def messages(self, to: str | None = None) -> list[dict]:
        return [
            r["data"]
            for r in self.requests
            if self.MESSAGES.match(r["path"]) and (to is None or r["data"].get("To") == to)
        ]


class FakeTelegram(FakeProvider):
    """``POST /bot{token}/{method}`` for getMe, sendMessage, setWebhook, answerCallbackQuery."""

    _counter = itertools.count(100)
    PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>\w+)$")

    def __init__(self, username: str = "orienteur_test_bot") -> None:
        super().__init__()
        self.username = username

    def answer(self, record):
        match = self.PATH.match(record["path"])
        if not match:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        method, data = match["method"].lower(), record["data"]
        if method == "getme":
            return 200, {
                "ok": True,
                "result": {
                    "id": 4242,
                    "is_bot": True,
                    "first_name": "Orienteur",
                    "username": self.username,
                },
            }
        if method == "sendmessage":
            chat_id = int(data["chat_id"])
            return 200, {
                "ok": True,
                "result": {
                    "message_id": next(self._counter),
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "from": {"id": 4242, "is_bot": True, "first_name": "Orienteur"},
                    "text": data.get("text", ""),
                },
            }
        return 200, {"ok": True, "result": True}

    def calls(self, method: str) -> list[dict]:
        out = []
        for r in self.requests:
            match = self.PATH.match(r["path"])
            if match and match["method"].lower() == method.lower():
                out.append(r["data"])
        return out


def post(
    url: str,
    *,
    data: dict | None = None,
    json_body: dict | None = None,
    headers: dict | None = None,
    timeout: float = 60.0,
) -> tuple[int, str]:
    """POST form-encoded (``data``) or JSON (``json_body``); returns (status, text)."""
    headers = dict(headers or {})
    if json_body is not None:
        body = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    else:
        body = urllib.parse.urlencode(data or {}).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(url)


def env() -> dict:
    out = dict(os.environ)
    out["RASA_TELEMETRY_ENABLED"] = "false"
    out["PYTHONPATH"] = str(REPO) + os.pathsep + out.get("PYTHONPATH", "")
    return out


def stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def start_harness(
    channel_path: str, credentials: dict, record_file: Path, log_file: Path, route: str
) -> tuple[subprocess.Popen, str]:
    """Run tests/channel_harness.py: the real channel in a real Sanic server, scripted bot."""
    port = free_port()
    creds = record_file.with_suffix(".credentials.json")
    creds.write_text(json.dumps(credentials))
    with open(log_file, "w") as log:
        proc = subprocess.Popen(
            [
                PYTHON,
                str(REPO / "tests" / "channel_harness.py"),
                channel_path,
                str(creds),
                str(record_file),
                str(port),
            ],
            cwd=REPO,
            env=env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    wait_http(f"{base}/webhooks/{route}/", proc, timeout=60)
    return proc, base


def actions_dir() -> Path | None:
    """Where the assistant's ``actions`` package lives: $ORIENTEUR_TEST_ACTIONS_DIR (e.g. an
    export of the assistant branch before the merge), else this repository when it has actions."""
    given = os.environ.get("ORIENTEUR_TEST_ACTIONS_DIR")
    root = Path(given) if given else REPO
    if any(p.name != "__init__.py" for p in (root / "actions").glob("*.py")):
        return root
    return None


def start_rasa(
    credentials_yaml: str, tmp: Path, model: Path, route: str
) -> tuple[list[subprocess.Popen], str]:
    """``rasa run`` with the credentials given, the model, and the real action server."""
    procs: list[subprocess.Popen] = []
    endpoints = tmp / "endpoints.yml"
    root = actions_dir()
    if root is not None:
        action_port = free_port()
        alog = open(tmp / "actions.log", "w")  # noqa: SIM115
        action_env = env()
        action_env["PYTHONPATH"] = str(root) + os.pathsep + action_env["PYTHONPATH"]
        if not action_env.get("DIRECTORY_DATABASE_URL"):
            # The embedded directory, built here: the actions no longer make up an empty one
            # when var/directory.sqlite3 is missing (a fresh checkout).
            url = f"sqlite:///{tmp / 'directory.sqlite3'}"
            subprocess.run([PYTHON, "-m", "directory_client", "--db", url, "import", "--default"],
                           cwd=REPO, env=action_env, check=True, capture_output=True)  # fmt: skip
            action_env["DIRECTORY_DATABASE_URL"] = url
        procs.append(
            subprocess.Popen(
                [PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", str(action_port)],
                cwd=root,
                env=action_env,
                stdout=alog,
                stderr=subprocess.STDOUT,
            )
        )
        endpoints.write_text(f"action_endpoint:\n  url: http://127.0.0.1:{action_port}/webhook\n")
    else:
        endpoints.write_text("")
    creds = tmp / "credentials.yml"
    creds.write_text(credentials_yaml)
    port = free_port()
    log = open(tmp / "rasa.log", "w")  # noqa: SIM115
    rasa = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("rasa")),
            "run",
            "--model",
            str(model),
            "--credentials",
            str(creds),
            "--endpoints",
            str(endpoints),
            "--port",
            str(port),
            "-i",
            "127.0.0.1",
        ],
        cwd=REPO,
        env=env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    procs.append(rasa)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/webhooks/{route}/", rasa, timeout=240)
    except Exception:
        for p in procs:
            stop(p)
        raise
    return procs, base


_SHARED: dict = {}


def shared_rasa(tmp_root: Path):
    """One ``rasa run`` (model + action server) with both channels, shared by the SMS and the
    Telegram test modules of a session: loading the model costs 35 s to 2 min."""
    if "error" in _SHARED:
        raise _SHARED["error"]
    if "server" in _SHARED:
        return _SHARED["server"]
    model = find_model()
    if model is None:
        _SHARED["error"] = LookupError("no trained model")
        raise _SHARED["error"]
    tmp = tmp_root / "rasa_channels"
    tmp.mkdir(parents=True, exist_ok=True)
    twilio, telegram = FakeTwilio().start(), FakeTelegram(TELEGRAM["bot"]).start()
    credentials = f"""
bot.channels.sms.SmsInput:
  account_sid: {TWILIO["account_sid"]}
  auth_token: {TWILIO["auth_token"]}
  twilio_number: "{TWILIO["number"]}"
  whatsapp_number: "{TWILIO["whatsapp"]}"
  api_base_url: {twilio.url}
  webhook_url: {TWILIO["public_url"]}
  optout_db: {tmp / "optout.sqlite3"}
bot.channels.telegram.TelegramChannelInput:
  access_token: "{TELEGRAM["token"]}"
  verify: {TELEGRAM["bot"]}
  webhook_url: {TELEGRAM["public_url"]}
  secret_token: {TELEGRAM["secret"]}
  api_base_url: {telegram.url}
  optout_db: {tmp / "optout.sqlite3"}
rest:
"""
    try:
        procs, base = start_rasa(credentials, tmp, model, "twilio")
    except Exception as error:
        twilio.stop()
        telegram.stop()
        _SHARED["error"] = error
        raise

    def cleanup() -> None:
        for proc in reversed(procs):
            stop(proc)
        twilio.stop()
        telegram.stop()

    atexit.register(cleanup)
    _SHARED["server"] = (base, twilio, telegram, tmp)
    return _SHARED["server"]


# ------------------------------------------------------ a person texting, and the real runner

_sids = itertools.count(1)
_numbers = itertools.count(10)


def new_sender() -> str:
    return f"+336{next(_numbers):08d}"


class Twilio:
    """Posts webhooks as Twilio does and reads what the fake received."""

    def __init__(self, fake: FakeTwilio, base: str, record=None) -> None:
        self.fake, self.base, self.record = fake, base, record

    def webhook(
        self,
        sender: str,
        body: str = "",
        *,
        sign: bool = True,
        token: str = TWILIO["auth_token"],
        **extra: str,
    ) -> int:
        form = {
            "ToCountry": "FR",
            "SmsMessageSid": "",
            "NumMedia": "0",
            "SmsStatus": "received",
            "MessageSid": f"SM{next(_sids):032x}",
            "AccountSid": TWILIO["account_sid"],
            "From": sender,
            "To": TWILIO["whatsapp"] if sender.startswith("whatsapp:") else TWILIO["number"],
            "Body": body,
            "NumSegments": "1",
            "ApiVersion": "2010-04-01",
            **extra,
        }
        form["SmsMessageSid"] = form["MessageSid"]
        headers = {}
        if sign:
            headers["X-Twilio-Signature"] = RequestValidator(token).compute_signature(
                TWILIO["public_url"], form
            )
        status, _ = post(f"{self.base}/webhooks/twilio/webhook", data=form, headers=headers)
        return status

    def replies(self, sender: str, count: int, timeout: float = 30.0) -> list[str]:
        self.fake.wait_for(lambda _: len(self.fake.messages(sender)) >= count, timeout)
        return [m["Body"] for m in self.fake.messages(sender)]

    def turn(
        self, sender: str, body: str = "", quiet: float = 1.5, timeout: float = 90.0, **extra: str
    ) -> list[str]:
        """Post one message and return the bot's replies to it (once they stop coming)."""
        before = len(self.fake.messages(sender))
        assert self.webhook(sender, body, **extra) == 204
        self.fake.wait_for(lambda _: len(self.fake.messages(sender)) > before, timeout)
        count = -1
        while count != len(self.fake.messages(sender)):
            count = len(self.fake.messages(sender))
            time.sleep(quiet)
        return [m["Body"] for m in self.fake.messages(sender)[before:]]

    def user_messages(self, sender: str) -> list[dict]:
        if not self.record.exists():
            return []
        rows = [json.loads(line) for line in self.record.read_text().splitlines() if line]
        return [r for r in rows if r["sender"] == sender]


@dataclass
class RunningAssistant:
    base: str  # the Rasa server (webhooks)
    directory: Path  # the embedded directory the runner built


@contextlib.contextmanager
def run_with_fake_twilio(tmp: Path, model: Path, fake: FakeTwilio,
                         timeout: float = 420) -> Iterator[RunningAssistant]:
    """``python -m bot run --no-train``, as in production, with the Twilio channel opened by the
    environment alone (TWILIO_WHATSAPP_NUMBER unset) and pointed at ``fake`` by
    TWILIO_BASE_URL. Stopped (its whole process group) on exit."""
    rasa_port = free_port()
    env = base_env(
        ORIENTEUR_MODEL=str(model), ORIENTEUR_DATA_DIR=str(tmp / "var"),
        WEB_PORT=str(free_port()), RASA_PORT=str(rasa_port), ACTION_PORT=str(free_port()),
        TWILIO_ACCOUNT_SID=TWILIO["account_sid"], TWILIO_AUTH_TOKEN=TWILIO["auth_token"],
        TWILIO_FROM=TWILIO["number"], TWILIO_BASE_URL=fake.url,
        TWILIO_WEBHOOK_URL=TWILIO["public_url"], ORIENTEUR_OPTOUT_DB=str(tmp / "optout.sqlite3"),
    )  # fmt: skip
    for name in ("DIRECTORY_DATABASE_URL", "TWILIO_NUMBER", "TWILIO_WHATSAPP_NUMBER",
                 "TELEGRAM_TOKEN"):  # fmt: skip
        env.pop(name, None)
    log = tmp / "runner.log"
    process = start_group([PYTHON, "-m", "bot", "run", "--no-train"], env, log)
    try:
        deadline = time.monotonic() + timeout
        while "Ouvrez http" not in (log.read_text(errors="replace") if log.exists() else ""):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "bot run did not start:\n" + log.read_text(errors="replace")[-3000:])
            time.sleep(1)
        yield RunningAssistant(f"http://127.0.0.1:{rasa_port}", tmp / "var" / "directory.sqlite3")
    finally:
        stop_group(process, grace_s=30)
