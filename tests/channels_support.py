"""Local fakes of the Twilio and Telegram HTTP APIs, and helpers to run a channel server.

The fakes are real HTTP servers on 127.0.0.1 (free port, in a thread) that record every request
and answer like the provider does, so the channels are tested through the network, offline.
"""

from __future__ import annotations

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
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from twilio.request_validator import RequestValidator

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

    channel = ""  # the module path of our channel for this provider
    route = ""  # its webhook: /webhooks/{route}/webhook

    def answer(self, record: dict) -> tuple[int, dict]:
        raise NotImplementedError

    def credentials(self, optout_db: Path) -> dict:
        """The channel's credentials with the test account, sending to this fake."""
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
    channel, route = "bot.channels.sms.SmsInput", "twilio"

    def credentials(self, optout_db: Path) -> dict:
        return {"account_sid": TWILIO["account_sid"], "auth_token": TWILIO["auth_token"],
                "twilio_number": TWILIO["number"], "whatsapp_number": TWILIO["whatsapp"],
                "api_base_url": self.url, "webhook_url": TWILIO["public_url"],
                "optout_db": str(optout_db)}  # fmt: skip

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
    channel, route = "bot.channels.telegram.TelegramChannelInput", "telegram"

    def credentials(self, optout_db: Path) -> dict:
        return {"access_token": TELEGRAM["token"], "verify": self.username,
                "webhook_url": TELEGRAM["public_url"], "secret_token": TELEGRAM["secret"],
                "api_base_url": self.url, "optout_db": str(optout_db)}  # fmt: skip

    def __init__(self, username: str = TELEGRAM["bot"]) -> None:
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


def post_raw(url: str, body: bytes, content_type: str, headers: dict | None = None) -> int:
    """POST ``body`` as it is (garbage included): the status."""
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


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


def stop(proc: subprocess.Popen | None, grace_s: float = 1.0) -> None:
    """SIGTERM, then SIGKILL after ``grace_s``: a test server need not finish its keep-alive
    connections (Sanic's graceful shutdown waits up to 15 s for them)."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace_s)
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


def provider_credentials(fakes: list[FakeProvider], optout_db: Path) -> str:
    """The channels of ``fakes``' providers for ``rasa run`` (credentials YAML), sending to them."""
    return yaml.safe_dump({fake.channel: fake.credentials(optout_db) for fake in fakes})


@contextlib.contextmanager
def provider_harness(tmp: Path, person: type[Person]) -> Iterator[Person]:
    """The channel of ``person``'s provider in tests/channel_harness.py (a real Sanic server, the
    scripted bot), sending to a fake of the provider started here: ``person`` writing to it."""
    fake = person.fake_class().start()
    record = tmp / "user_messages.jsonl"
    try:
        proc, base = start_harness(fake.channel, fake.credentials(tmp / "optout.sqlite3"),
                                   record, tmp / "harness.log", fake.route)  # fmt: skip
    except BaseException:
        fake.stop()
        raise
    try:
        yield person(fake, base, record)
    finally:
        stop(proc)
        fake.stop()


# ------------------------------------------------------ a person texting, and the real runner

_sids = itertools.count(1)
_numbers = itertools.count(10)


def new_sender() -> str:
    return f"+336{next(_numbers):08d}"


class Person:
    """Someone writing through a provider's webhook to a channel at ``base``; what the channel
    sent back is read from the provider's fake, what reached the scripted bot from ``record``
    (tests/channel_harness.py)."""

    fake_class: type[FakeProvider]
    accepted = 200  # the webhook's status for a message taken

    def __init__(self, fake: FakeProvider, base: str, record: Path | None = None) -> None:
        self.fake, self.base, self.record = fake, base, record

    @property
    def webhook_url(self) -> str:
        return f"{self.base}/webhooks/{self.fake.route}/webhook"

    def new_contact(self) -> str | int:
        """Someone who never wrote before (a phone number, a Telegram chat)."""
        raise NotImplementedError

    def say(self, to: str | int, text: str) -> int:
        """``to`` writes ``text``, as the provider posts it: the webhook's status."""
        raise NotImplementedError

    def sent(self, to: str | int) -> list:
        """What the channel sent to ``to``, in order."""
        raise NotImplementedError

    def assert_a_newcomer_is_answered(self) -> None:
        """The channel still works: someone new says hello and gets an answer."""
        to = self.new_contact()
        assert self.say(to, "bonjour") == self.accepted
        assert self.replies(to, 1, timeout=20)

    def replies(self, to: str | int, count: int, timeout: float = 30.0) -> list:
        """Everything sent to ``to``, once there are at least ``count`` messages."""
        self.fake.wait_for(lambda _: len(self.sent(to)) >= count, timeout)
        return self.sent(to)

    def _answer(self, to: str | int, before: int, quiet: float, timeout: float) -> list:
        """The messages sent to ``to`` after the first ``before``, once they stop coming."""
        self.fake.wait_for(lambda _: len(self.sent(to)) > before, timeout)
        count = -1
        while count != len(self.sent(to)):
            count = len(self.sent(to))
            time.sleep(quiet)
        return self.sent(to)[before:]

    def user_messages(self, to: str | int) -> list[dict]:
        if self.record is None or not self.record.exists():
            return []
        rows = [json.loads(line) for line in self.record.read_text().splitlines() if line]
        return [r for r in rows if r["sender"] == str(to)]


class Twilio(Person):
    """Posts webhooks as Twilio does (form-encoded, signed) and reads the SMS the fake received."""

    fake: FakeTwilio
    fake_class = FakeTwilio
    accepted = 204

    def new_contact(self) -> str:
        return new_sender()

    def say(self, to: str | int, text: str) -> int:
        return self.webhook(str(to), text)

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
        status, _ = post(self.webhook_url, data=form, headers=headers)
        return status

    def sent(self, to: str | int) -> list[str]:
        return [m["Body"] for m in self.fake.messages(str(to))]

    def turn(
        self, sender: str, body: str = "", quiet: float = 1.5, timeout: float = 90.0, **extra: str
    ) -> list[str]:
        """Post one message and return the bot's replies to it (once they stop coming)."""
        before = len(self.sent(sender))
        assert self.webhook(sender, body, **extra) == 204
        return self._answer(sender, before, quiet, timeout)


_updates = itertools.count(1000)
_chats = itertools.count(700)


def new_chat() -> int:
    return next(_chats)


def update_id() -> int:
    return next(_updates)


def telegram_user(chat_id: int) -> dict:
    return {"id": chat_id, "is_bot": False, "first_name": "Jeanne", "language_code": "fr"}


def secret_header(secret: str | None) -> dict:
    """The header Telegram signs its webhook calls with (none: ``secret`` None)."""
    return {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}


def message_update(chat_id: int, **content) -> dict:
    """A Telegram update carrying a message of ``chat_id`` (``text=…``, ``location=…``)."""
    return {
        "update_id": update_id(),
        "message": {
            "message_id": update_id(),
            "date": int(time.time()),
            "from": telegram_user(chat_id),
            "chat": {"id": chat_id, "type": "private", "first_name": "Jeanne"},
            **content,
        },
    }


class Telegram(Person):
    """Posts updates as Telegram does (JSON, the secret header) and reads the fake's calls."""

    fake: FakeTelegram
    fake_class = FakeTelegram

    def new_contact(self) -> int:
        return new_chat()

    def say(self, to: str | int, text: str) -> int:
        return self.text(int(to), text)

    def post(self, update: dict, secret: str | None = TELEGRAM["secret"]) -> int:
        status, _ = post(self.webhook_url, json_body=update, headers=secret_header(secret))
        return status

    def text(self, chat_id: int, text: str, **kw) -> int:
        return self.post(message_update(chat_id, text=text), **kw)

    def sent(self, to: str | int) -> list[dict]:
        return [c for c in self.fake.calls("sendMessage") if int(c["chat_id"]) == int(to)]

    def turn(
        self, chat_id: int, update: dict, quiet: float = 1.5, timeout: float = 90.0
    ) -> list[dict]:
        before = len(self.sent(chat_id))
        assert self.post(update) == 200
        return self._answer(chat_id, before, quiet, timeout)
