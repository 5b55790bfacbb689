"""Issue 16: what a security review of the running product found, one section per point.

Real servers as in tests/test_security.py and tests/test_bad_input.py: the action server as
``make run`` starts it; the REST and socket.io channels in a real Sanic server with a scripted bot
(tests/channel_harness.py); the staff console in aiohttp's test server; and, with a trained model
(marked ``rasa``), ``rasa run`` + the action server (tests/privacy_stack.py) and the whole
``python -m bot run``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path

import httpx
import pytest
import socketio
from aiohttp.test_utils import TestClient, TestServer

from bot import runner
from bot.action_server import TOKEN_ENV, TOKEN_HEADER
from bot.channels import guard
from bot.channels.inbound import MAX_DEPTH, STAFF_TOKEN_ENV, STAFF_TOKEN_HEADER
from bot.channels.socketio import UNREADABLE_TEXT
from bot.privacy import (
    IBAN_MASK,
    NIR_MASK,
    PHONE_MASK,
    MaskingTrackerStore,
    find_personal,
    mask_text,
    sender_ref,
)
from bot.settings import PROJECT_ROOT, Settings
from tests.channels_support import start_harness, stop
from tests.privacy_stack import stack  # noqa: F401 - the session fixture
from tests.rasa_stack import find_model, free_port, payloads, texts
from tests.staff_support import PASSWORD, make_app, staff_config
from tests.webapp_support import base_env, python, start, wait_http
from tests.webapp_support import stop as stop_process

SOCKETIO_CREDENTIALS = {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered",
                        "session_persistence": True}  # as credentials.yml  # fmt: skip


# --- shared servers ----------------------------------------------------------------------------
class Harness:
    """A channel in a real Sanic server (tests/channel_harness.py) and what reached the bot."""

    def __init__(self, proc: subprocess.Popen, base: str, record: Path) -> None:
        self.proc, self.base, self.record = proc, base, record

    def received(self) -> list[dict]:
        if not self.record.exists():
            return []
        return [json.loads(line) for line in self.record.read_text().splitlines() if line]

    def post(self, body: bytes | dict, headers: dict | None = None) -> httpx.Response:
        content = json.dumps(body).encode() if isinstance(body, dict) else body
        return httpx.post(f"{self.base}/webhooks/rest/webhook", content=content, timeout=30,
                          headers={"Content-Type": "application/json", **(headers or {})})


@contextlib.contextmanager
def _harness(tmp: Path, channel: str, credentials: dict, route: str, **env: str):
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)  # the harness inherits this process's environment
    try:
        proc, base = start_harness(channel, credentials, tmp / "record.jsonl", tmp / "harness.log",
                                   route)  # fmt: skip
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None) if value is None else os.environ.update({name: value})
    try:
        yield Harness(proc, base, tmp / "record.jsonl")
    finally:
        stop(proc)


STAFF_TOKEN = "staff-token-for-the-tests-0123456789"


@pytest.fixture(scope="module")
def rest(tmp_path_factory):
    with _harness(tmp_path_factory.mktemp("rest"), "bot.channels.rest.OrienteurRestInput", {},
                  "rest", **{STAFF_TOKEN_ENV: STAFF_TOKEN}) as harness:  # fmt: skip
        yield harness


@pytest.fixture(scope="module")
def sio(tmp_path_factory):
    with _harness(tmp_path_factory.mktemp("socketio"),
                  "bot.channels.socketio.OrienteurSocketIOInput", SOCKETIO_CREDENTIALS,
                  "socketio") as harness:  # fmt: skip
        yield harness


class Widget:
    """A socket.io client speaking the widget's protocol (bot/web/static/widget.js)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.client = socketio.AsyncClient(reconnection=False)
        self.received: list[dict] = []
        self.session_id: str | None = None
        self._confirmed: asyncio.Queue = asyncio.Queue()
        self.client.on("session_confirm", self._confirmed.put)
        self.client.on("bot_uttered", self._bot)

    async def _bot(self, message: dict) -> None:
        self.received.append(message)

    async def connect(self, session_id: str | None = None) -> Widget:
        await self.client.connect(self.base, transports=["websocket"], socketio_path="/socket.io",
                                  wait_timeout=10)  # fmt: skip
        await self.client.emit("session_request", {"session_id": session_id})
        self.session_id = await asyncio.wait_for(self._confirmed.get(), 10)
        return self

    async def emit(self, data) -> None:  # noqa: ANN001 - anything a page may send
        await self.client.emit("user_uttered", data)

    async def say(self, text: str, **extra) -> None:
        await self.emit({"message": text, "session_id": self.session_id, **extra})

    async def texts(self, count: int = 1, timeout: float = 10) -> list[str]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return [str(m.get("text")) for m in self.received if m.get("text")]

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.client.disconnect()


def _sent_to_bot(harness: Harness, marker: str) -> list[dict]:
    return [r for r in harness.received() if marker in str(r.get("text"))]


# === 1. The action server: loopback by default, a token whenever it is exposed =================
@pytest.fixture
def action_server(tmp_path):
    """The action server exactly as ``make run`` starts it (command and environment)."""
    port = free_port()
    settings = Settings.from_env({"ACTION_PORT": str(port), "ORIENTEUR_DATA_DIR": str(tmp_path)})
    env = runner.child_env(settings)
    env["ORIENTEUR_FORGET_LOG"] = str(tmp_path / "forget.jsonl")
    service = runner.services(settings, Path("m.tar.gz"), tmp_path / "e.yml")[0]
    proc = start(service.argv, env, tmp_path / "actions.log")
    try:
        wait_http(service.health_url, proc, 60, tmp_path / "actions.log")
        yield port, env, tmp_path / "forget.jsonl"
    finally:
        stop_process(proc)


def _listen_addresses(port: int) -> set[str]:
    """Local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for name in ("tcp", "tcp6"):
        path = Path(f"/proc/net/{name}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


FORGET_CALL = {
    "next_action": "action_forget_me", "sender_id": "+33612345678", "version": "3.6.2",
    "tracker": {"sender_id": "+33612345678", "slots": {}, "latest_message": {}, "events": [],
                "paused": False, "followup_action": None, "active_loop": {},
                "latest_action_name": None},
    "domain": {},
}  # fmt: skip


def test_action_server_listens_on_loopback_only(action_server):
    port, _, _ = action_server
    addresses = _listen_addresses(port)
    assert addresses, "nothing listens on the action port"
    assert addresses <= {"0100007F"}, addresses  # 127.0.0.1 only, never 0.0.0.0 (00000000)


def test_action_server_refuses_calls_without_the_token(action_server):
    """Another person's conversation cannot be forgotten (or anything run) without the token."""
    port, env, forget_log = action_server
    url = f"http://127.0.0.1:{port}"
    for headers in ({}, {TOKEN_HEADER: "forged-token-0123456789"}):
        response = httpx.post(f"{url}/webhook", json=FORGET_CALL, headers=headers, timeout=30)
        assert response.status_code == 401, response.text
        assert httpx.get(f"{url}/actions", headers=headers, timeout=30).status_code == 401
    assert not forget_log.exists()
    assert httpx.get(f"{url}/health", timeout=30).status_code == 200  # the probe stays open
    response = httpx.post(f"{url}/webhook", json=FORGET_CALL, timeout=30,
                          headers={TOKEN_HEADER: env[TOKEN_ENV]})  # fmt: skip
    assert response.status_code == 200, response.text
    assert "+33612345678" in forget_log.read_text()


def test_action_server_never_listens_beyond_loopback_without_a_token(tmp_path):
    env = base_env(ACTION_HOST="0.0.0.0")
    env.pop(TOKEN_ENV, None)
    done = subprocess.run([python(), "-m", "bot.action_server", "--actions", "actions", "--port",
                           str(free_port())], cwd=PROJECT_ROOT, env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode != 0
    assert TOKEN_ENV in done.stderr + done.stdout


def test_rasa_sends_the_token_to_the_action_server(tmp_path, monkeypatch):
    """The runtime endpoints hold a ${VAR} reference (no secret on disk) that Rasa expands."""
    from rasa.core.utils import read_endpoints_from_path

    settings = Settings.from_env({"ORIENTEUR_DATA_DIR": str(tmp_path)})
    env = runner.child_env(settings)
    path = runner.write_runtime_endpoints(settings)
    assert env[TOKEN_ENV] not in path.read_text()
    monkeypatch.setenv(TOKEN_ENV, env[TOKEN_ENV])
    endpoint = read_endpoints_from_path(path).action
    assert endpoint.headers == {TOKEN_HEADER: env[TOKEN_ENV]}
    for name in ("endpoints.production.yml",):
        text = (PROJECT_ROOT / name).read_text()
        assert f"{TOKEN_HEADER}: ${{{TOKEN_ENV}}}" in text, name


# === 4. A conversation id is the only credential ==============================================
@pytest.mark.parametrize("body", [
    {"message": "bonjour"}, {"sender": "", "message": "bonjour"},
    {"sender": "   ", "message": "bonjour"}, {"sender": None, "message": "bonjour"},
])  # fmt: skip
def test_rest_without_a_sender_is_refused(rest, body):
    """Rasa put every such request in one conversation, "default": callers read each other's."""
    response = rest.post(body)
    assert response.status_code == 400, response.text
    assert "sender" in response.json()["error"]
    assert not [r for r in rest.received() if r["sender"] in ("default", "", None)]


def test_widget_session_ids_are_issued_by_the_server(sio):
    async def scenario() -> None:
        victim = await Widget(sio.base).connect()
        attacker = await Widget(sio.base).connect(session_id="+33612345678")  # an SMS sender
        forged = victim.session_id[:-1] + ("1" if victim.session_id.endswith("0") else "0")
        picked = await Widget(sio.base).connect(session_id=forged)  # a signature one digit off
        try:
            issued = [victim.session_id, attacker.session_id, picked.session_id]
            assert len(set(issued)) == 3
            assert all(len(s) >= 32 and s.isalnum() for s in issued), issued
            assert attacker.session_id != "+33612345678"
            # A message naming another session is handled in the socket's own session.
            await attacker.emit({"message": "lire-la-conversation", "session_id":
                                 victim.session_id})  # fmt: skip
            assert await attacker.texts() == ["Reçu : lire-la-conversation"]
            await asyncio.sleep(0.5)
            assert victim.received == []
            [sent] = _sent_to_bot(sio, "lire-la-conversation")
            assert sent["sender"] == attacker.session_id
            # The widget's reload: the id it kept is confirmed, the conversation continues.
            again = await Widget(sio.base).connect(session_id=victim.session_id)
            assert again.session_id == victim.session_id
            await again.close()
        finally:
            for widget in (victim, attacker, picked):
                await widget.close()

    asyncio.run(scenario())


def test_a_message_before_any_session_request_gets_its_own_session(sio):
    """Rasa 3.6 ignored it (silence); now it is answered in a new session, confirmed to the page."""

    async def scenario() -> None:
        widget = Widget(sio.base)
        await widget.client.connect(sio.base, transports=["websocket"],
                                    socketio_path="/socket.io", wait_timeout=10)  # fmt: skip
        try:
            await widget.emit({"message": "sans-session", "session_id": "victim-id"})
            session = await asyncio.wait_for(widget._confirmed.get(), 10)
            assert await widget.texts() == ["Reçu : sans-session"]
            [sent] = _sent_to_bot(sio, "sans-session")
            assert sent["sender"] == session != "victim-id"
        finally:
            await widget.close()

    asyncio.run(scenario())


def test_security_doc_states_the_conversation_id_model():
    text = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    section = text.split("## Conversation ids", 1)[1].split("\n## ", 1)[0]
    for fact in ("only credential", "issued by the server", "sender", "400"):
        assert fact in section, fact


# === 5. Only the console may claim staff =======================================================
def test_public_metadata_cannot_claim_staff_on_rest(rest):
    sender = f"citizen-{uuid.uuid4().hex[:8]}"
    body = {"sender": sender, "message": "staff-claim", "input_channel": "staff",
            "metadata": {"staff_console": True, "channel": "staff", "lang": "fr"}}  # fmt: skip
    for headers in ({}, {STAFF_TOKEN_HEADER: "forged"}):
        assert rest.post(body, headers).status_code == 200
    claims = [r for r in rest.received() if r["sender"] == sender]
    assert [r["metadata"] for r in claims] == [{"lang": "fr"}] * 2
    assert {r["input_channel"] for r in claims} == {"rest"}
    console = dict(body, sender=f"staff-{uuid.uuid4().hex[:8]}")
    assert rest.post(console, {STAFF_TOKEN_HEADER: STAFF_TOKEN}).status_code == 200
    [from_console] = [r for r in rest.received() if r["sender"] == console["sender"]]
    assert from_console["metadata"]["staff_console"] is True


def test_public_metadata_cannot_claim_staff_on_socketio(sio):
    async def scenario() -> None:
        widget = await Widget(sio.base).connect()
        try:
            await widget.say("staff-socket", metadata={"staff_console": True, "x": 1})
            await widget.texts()
        finally:
            await widget.close()

    asyncio.run(scenario())
    [sent] = _sent_to_bot(sio, "staff-socket")
    assert sent["metadata"] == {"x": 1}


def test_the_console_keeps_its_staff_claim(rest, monkeypatch, tmp_path):
    """The console's authenticated path (bot.staff.assistant) sends the token the channel checks;
    ``make run`` gives the web server and Rasa the same one."""
    from bot.staff.assistant import ask_assistant

    monkeypatch.setenv(STAFF_TOKEN_ENV, STAFF_TOKEN)
    assert asyncio.run(ask_assistant(rest.base, "console-triage")) is not None
    [sent] = [r for r in rest.received() if r["text"] == "console-triage"]
    assert sent["metadata"] == {"staff_console": True} and sent["sender"].startswith("staff-")
    assert STAFF_TOKEN_ENV in runner.child_env(Settings.from_env({"ORIENTEUR_DATA_DIR":
                                                                  str(tmp_path)}))


# === 6. Malformed input: a clear answer, never silence, never a 500 ===========================
def _nested(levels: int) -> dict:
    value: dict = {}
    for _ in range(levels):
        value = {"a": value}
    return value


def _nested_json(levels: int) -> str:
    """JSON text nested ``levels`` deep (too deep for the clients' own encoders)."""
    return '{"a": ' * levels + "{}" + "}" * levels


@pytest.mark.parametrize(("name", "body"), [
    ("metadata nested 1,000 deep",
     b'{"sender": "x", "message": "m", "metadata": ' + _nested_json(1000).encode() + b"}"),
    ("metadata nested past the limit",
     {"sender": "x", "message": "m", "metadata": _nested(MAX_DEPTH + 1)}),
    ("message nested 1,000 deep", b'{"sender": "x", "message": "m", "other": '
     + b"[" * 1000 + b"]" * 1000 + b"}"),
    ("metadata is a list", {"sender": "x", "message": "m", "metadata": [1]}),
    ("metadata is a number", {"sender": "x", "message": "m", "metadata": 3}),
    ("metadata is a string", {"sender": "x", "message": "m", "metadata": "staff"}),
])  # fmt: skip
def test_rest_malformed_bodies_get_a_400_that_says_why(rest, name, body):
    response = rest.post(body)
    assert response.status_code == 400, (name, response.status_code, response.text[:200])
    assert response.json()["error"], name
    assert rest.post({"sender": "after", "message": "bonjour"}).json() == [
        {"recipient_id": "after", "text": "Reçu : bonjour"}]  # fmt: skip


@pytest.mark.parametrize(("name", "payload"), [
    ("a bare string", "bonjour"),
    ("a list", ["bonjour"]),
    ("message is an object", {"message": {}}),
    ("message is a number", {"message": 12}),
    ("metadata is not JSON", {"message": "bonjour", "metadata": "{not json"}),
    ("metadata is a list", {"message": "bonjour", "metadata": [1]}),
    ("metadata nested 1,000 deep", {"message": "bonjour", "metadata": _nested_json(1000)}),
    ("metadata nested too deep", {"message": "bonjour", "metadata": _nested(MAX_DEPTH + 1)}),
])  # fmt: skip
def test_socketio_malformed_payloads_get_an_answer(sio, name, payload):
    async def scenario() -> list[str]:
        widget = await Widget(sio.base).connect()
        try:
            if isinstance(payload, dict):
                payload.setdefault("session_id", widget.session_id)
            await widget.emit(payload)
            said = await widget.texts()
            await widget.say("encore")
            return said + (await widget.texts(2))[1:]
        finally:
            await widget.close()

    assert asyncio.run(scenario()) == [UNREADABLE_TEXT, "Reçu : encore"], name


# === 3. One size cap on every channel; long messages cut before the NLU =======================
def test_socketio_refuses_a_message_over_the_rest_size_limit(sio):
    async def scenario() -> None:
        big = await Widget(sio.base).connect()
        other = await Widget(sio.base).connect()
        try:
            await big.say("enorme " + "a" * (runner.REQUEST_MAX_SIZE * 2))
            await asyncio.sleep(1)
            assert not big.client.connected  # engine.io closed it, as REST answers 413
            started = time.monotonic()
            await other.say("bonjour")
            assert await other.texts() == ["Reçu : bonjour"]
            assert time.monotonic() - started < 5
        finally:
            await big.close()
            await other.close()

    asyncio.run(scenario())
    assert _sent_to_bot(sio, "enorme ") == []


def test_long_messages_are_cut_before_the_nlu_with_a_clear_reply(rest, sio):
    long_text = "longmessage " + "j'ai besoin d'aide pour la CAF. " * 300  # ≈ 9,600 characters
    answer = rest.post({"sender": f"long-{uuid.uuid4().hex[:8]}", "message": long_text}).json()
    assert answer[0]["text"] == guard.TOO_LONG_TEXT
    assert answer[1]["text"].startswith("Reçu : longmessage")

    async def scenario() -> list[str]:
        widget = await Widget(sio.base).connect()
        try:
            await widget.say("longsocket " + "x" * 20_000)
            return await widget.texts(2)
        finally:
            await widget.close()

    said = asyncio.run(scenario())
    assert said[0] == guard.TOO_LONG_TEXT and said[1].startswith("Reçu : longsocket")
    for marker in ("longmessage", "longsocket"):
        [sent] = [r for r in rest.received() + sio.received() if marker in r["text"]]
        assert len(sent["text"]) <= guard.MAX_MESSAGE_CHARS


# === 7. Masking gaps; mask first, then cut; no phone number in the logs =======================
@pytest.mark.parametrize("phone", ["06/12/34/56/78", "0612 345 678", "6 12 34 56 78",
                                   "33612345678"])  # fmt: skip
def test_more_phone_formats_are_masked(phone):
    assert mask_text(f"appelez le {phone} merci") == f"appelez le {PHONE_MASK} merci"
    assert find_personal(phone)[0] == {"0612345678"}


@pytest.mark.parametrize(("text", "mask"), [
    ("1 84 12 76 451 089 46", NIR_MASK), ("184127645108946", NIR_MASK),
    ("2 69 05 2A 004 017 21", NIR_MASK), ("1 84 12 76 451 089", NIR_MASK),
    ("FR76 3000 6000 0112 3456 7890 189", IBAN_MASK), ("FR7630006000011234567890189", IBAN_MASK),
    ("fr76 3000 6000 0112 3456 7890 189", IBAN_MASK),
])  # fmt: skip
def test_social_security_numbers_and_ibans_are_masked(text, mask):
    assert mask_text(f"mon numéro : {text}, merci") == f"mon numéro : {mask}, merci"


def test_ids_the_person_wrote_are_masked_where_the_assistant_repeats_them_and_only_those():
    from bot.privacy import mask_events

    link = "https://rdv.example.org/ab12cd34ef56gh78"  # looks like an IBAN, is not one
    events = [{"event": "user", "text": "mon IBAN FR7630006000011234567890189"},
              {"event": "bot", "text": f"IBAN FR76 3000 6000 0112 3456 7890 189 noté ; {link}"}]
    assert mask_events(events)[1]["text"] == f"IBAN {IBAN_MASK} noté ; {link}"


def test_masking_comes_before_the_cut():
    text = "a" * 994 + " 06 12 34 56 78"
    assert "06 12" not in mask_text(text, max_length=1000)
    assert mask_text("x" * 1200, max_length=1000) == "x" * 1000 + "…"


def test_logs_name_a_keyed_hash_of_the_sender_never_the_number(caplog):
    class Output:
        sent: list = []

        async def send_response(self, recipient_id, message):
            self.sent.append(message)

        def name(self):
            return "twilio"

    async def failing(_message):
        raise RuntimeError("action server down")

    from rasa.core.channels.channel import UserMessage

    message = UserMessage("bonjour", Output(), "+33612345678", input_channel="twilio")
    with caplog.at_level(logging.DEBUG):
        asyncio.run(guard.never_silent(failing, timeout=5)(message))
    assert Output.sent and Output.sent[-1]["text"] == guard.UNAVAILABLE_TEXT
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert sender_ref("+33612345678") in logged
    assert "612345678" not in logged
    assert sender_ref("+33612345678") == sender_ref("+33612345678") != sender_ref("+33600000000")


def test_sms_opt_out_does_not_log_the_number(caplog):
    from bot.channels.common import ChannelState
    from bot.channels.sms import SmsOutput

    state = ChannelState({"optout_db": ":memory:"})
    state.optouts.add("+33612345678")
    output = SmsOutput.__new__(SmsOutput)
    output.state = state
    with caplog.at_level(logging.DEBUG):
        asyncio.run(output._send_message({"to": "+33612345678", "body": "x"}))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "opted out" in logged and "612345678" not in logged
    assert not [r for r in caplog.records if r.levelno >= logging.INFO and "opted" in r.msg]


@pytest.mark.rasa
def test_real_conversation_stores_none_of_the_new_formats(stack):  # noqa: F811
    sender = f"mask-{uuid.uuid4().hex[:10]}"
    said = ["aide CAF, rappelez-moi au 06/12/34/56/78 ou 0698 765 432",
            "ou au 6 11 22 33 44 ou 33655443322",
            "mon numéro de sécu 1 84 12 76 451 089 46 "
            "et mon IBAN FR76 3000 6000 0112 3456 7890 189",
            "bonjour " + "b" * 990 + " 06 44 33 22 11"]  # fmt: skip
    for text in said:
        assert httpx.post(f"{stack.base}/webhooks/rest/webhook", json={"sender": sender,
                          "message": text}, timeout=120).status_code == 200  # fmt: skip
    raw = stack.raw_dump()
    for secret in ("12/34/56/78", "698 765 432", "11 22 33 44", "655443322", "451 089",
                   "3456 7890", "6000 0112", "06 44 33", "44 33 22 11"):  # fmt: skip
        # (four digits alone would be found by chance in the dump's ids and timestamps)
        assert secret.encode() not in raw, secret


# === 2. Login rate limit: atomic, per user and source, no lockout handed to attackers =========
async def _client(app) -> TestClient:
    client = TestClient(TestServer(app))
    await client.start_server()
    return client


async def _login(client: TestClient, user: str, password: str, source: str | None = None):
    page = await (await client.get("/staff/login")).text()
    token = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    headers = {"X-Forwarded-For": source} if source else {}
    return await client.post("/staff/login", allow_redirects=False, headers=headers,
                             data={"csrf": token, "username": user, "password": password})


def test_a_burst_of_logins_cannot_pass_the_limit():
    """20 simultaneous logins, 19 wrong then the right one: at most 5 are even checked."""

    async def scenario() -> list[int]:
        config = staff_config()
        client = await _client(make_app(config=config))
        try:
            attempts = [_login(client, "alice", "wrong wrong") for _ in range(19)]
            attempts.append(_login(client, "alice", PASSWORD))
            return [r.status for r in await asyncio.gather(*attempts)], config.login_limit
        finally:
            await client.close()

    statuses, limit = asyncio.run(scenario())
    checked = [s for s in statuses if s in (401, 303)]
    assert len(checked) <= limit, statuses
    assert statuses.count(429) >= len(statuses) - limit


def test_a_stranger_cannot_lock_an_agent_out():
    async def scenario() -> None:
        client = await _client(make_app(config=staff_config(trust_proxy=True)))
        try:
            for _ in range(8):
                await _login(client, "alice", "guess", source="198.51.100.7")
            assert (await _login(client, "alice", PASSWORD, "198.51.100.7")).status == 429
            # alice at her desk is not locked out by the stranger's failures
            assert (await _login(client, "alice", PASSWORD, "203.0.113.20")).status == 303
        finally:
            await client.close()

    asyncio.run(scenario())


def test_one_source_cannot_spray_passwords_across_users():
    async def scenario() -> list[int]:
        config = staff_config(trust_proxy=True)
        client = await _client(make_app(config=config))
        try:
            statuses = []
            for i in range(config.login_limit * 4 + 1):
                response = await _login(client, f"user{i}", "guess", source="198.51.100.8")
                statuses.append(response.status)
            return statuses
        finally:
            await client.close()

    statuses = asyncio.run(scenario())
    assert statuses[:-1] == [401] * (len(statuses) - 1) and statuses[-1] == 429


# === 8. Privacy rounding: a shared position, not a commune's centre ===========================
def _tracker_with_location(sender: str, location: dict):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml(
        "version: '3.1'\nslots:\n  location:\n    type: any\n    mappings: [{type: custom}]\n"
    )
    tracker = DialogueStateTracker(sender, domain.slots)
    tracker.update(SlotSet("location", location))
    return domain, tracker


@pytest.mark.parametrize(("kind", "stored"), [
    ("commune", (50.6942, 3.1746)), ("arrondissement", (50.6942, 3.1746)),
    ("point", (50.69, 3.17)), ("adresse", (50.69, 3.17)),
])  # fmt: skip
def test_only_personal_positions_are_rounded_in_storage(tmp_path, kind, stored):
    location = {"label": "Roubaix (59)", "kind": kind, "lat": 50.6942, "lon": 3.1746}
    domain, tracker = _tracker_with_location("round", location)
    store = MaskingTrackerStore(domain, wrapped={"type": "SQL", "dialect": "sqlite",
                                                 "db": str(tmp_path / "t.db")})  # fmt: skip
    asyncio.run(store.save(tracker))
    again = asyncio.run(store.retrieve("round"))
    value = again.get_slot("location")
    assert (value["lat"], value["lon"]) == stored


def test_a_shared_position_reaches_the_assistant_as_it_is_stored(sio):
    """Every turn (the first one too) searches from the same rounded point."""

    async def scenario() -> None:
        widget = await Widget(sio.base).connect()
        try:
            await widget.say('/inform{"latitude": 50.69421, "longitude": 3.17462}',
                             metadata={"location": {"lat": 50.69421, "lon": 3.17462}})
            await widget.texts()
        finally:
            await widget.close()

    asyncio.run(scenario())
    [sent] = _sent_to_bot(sio, "/inform")
    assert sent["text"] == '/inform{"latitude": 50.69, "longitude": 3.17}'
    assert sent["metadata"] == {"location": {"lat": 50.69, "lon": 3.17}}


def _distances(answer: list[dict]) -> dict[str, float]:
    return {r["name"]: r["distance_km"] for p in payloads(answer) for r in p.get("results", [])}


@pytest.mark.rasa
def test_distances_stay_the_same_across_turns(stack):  # noqa: F811
    sender = f"round-{uuid.uuid4().hex[:10]}"

    def say(text: str) -> list[dict]:
        response = httpx.post(f"{stack.base}/webhooks/rest/webhook", timeout=120,
                              json={"sender": sender, "message": text})  # fmt: skip
        assert response.status_code == 200
        return response.json()

    first = _distances(say("j'ai besoin d'aide pour la CAF à Roubaix"))
    if not first:
        pytest.skip("the assistant proposed no places for this wording (NLU)")
    second = _distances(say("seulement les gratuits"))
    common = set(first) & set(second)
    assert common, (first, second)
    assert {name: second[name] for name in common} == {name: first[name] for name in common}


# === 10. CSRF bound to the session, no version banners, docs up to date ======================
def test_csrf_token_of_another_session_is_refused():
    """bob plants his own valid, signed token in alice's browser (cookie) and in a forged form:
    the double submit matches, but the token is bound to bob's session."""
    from aiohttp import DummyCookieJar

    def cookie(jar: dict[str, str]) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}

    async def log_in(client: TestClient, user: str, password: str) -> dict[str, str]:
        page = await client.get("/staff/login")
        jar = {"staff_csrf": page.cookies["staff_csrf"].value}
        token = (await page.text()).split('name="csrf" value="', 1)[1].split('"', 1)[0]
        done = await client.post("/staff/login", allow_redirects=False, headers=cookie(jar),
                                 data={"csrf": token, "username": user, "password": password})
        assert done.status == 303
        return {name: morsel.value for name, morsel in done.cookies.items()}

    async def scenario() -> tuple[int, int]:
        client = TestClient(TestServer(make_app()), cookie_jar=DummyCookieJar())
        await client.start_server()
        try:
            alice = await log_in(client, "alice", PASSWORD)
            bob = await log_in(client, "bob", PASSWORD + "!")
            planted = {"staff_session": alice["staff_session"], "staff_csrf": bob["staff_csrf"]}
            forged = await client.post("/staff/", headers=cookie(planted), data={
                "q": "dame 80 ans, Roubaix", "csrf": bob["staff_csrf"]})  # fmt: skip
            own = await client.post("/staff/", headers=cookie(alice), data={
                "q": "dame 80 ans, Roubaix", "csrf": alice["staff_csrf"]})  # fmt: skip
            return forged.status, own.status
        finally:
            await client.close()

    forged, own = asyncio.run(scenario())
    assert (forged, own) == (403, 200)


def test_the_web_server_shows_no_version_banner():
    from bot.web.server import create_app

    async def scenario() -> list[str]:
        client = await _client(create_app(Settings.from_env({}), staff=False))
        try:
            return [(await client.get(path)).headers.get("Server", "")
                    for path in ("/", "/health", "/static/widget.js", "/missing")]
        finally:
            await client.close()

    for server in asyncio.run(scenario()):
        assert "aiohttp" not in server and "Python" not in server, server


@pytest.mark.rasa
def test_rasa_shows_no_version_banner(stack):  # noqa: F811
    import rasa

    response = httpx.get(f"{stack.base}/", timeout=10)
    assert response.status_code == 200
    assert rasa.__version__ not in response.text and "aiohttp" not in str(response.headers)


def test_no_stale_security_statements():
    security = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    assert "being written on another branch" not in security
    assert "Known gap" not in security
    from bot.channels import rest

    assert "default sender" not in (rest.__doc__ or "").lower()
    assert "no ``sender``" in rest.__doc__


# === 9. The embedded default keeps conversations on disk ======================================
def test_embedded_endpoints_keep_conversations_in_sqlite(tmp_path):
    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import read_endpoints_from_path

    from bot.tracker_store import OrienteurSQLTrackerStore

    settings = Settings.from_env({"ORIENTEUR_DATA_DIR": str(tmp_path)})
    path = runner.write_runtime_endpoints(settings)
    os.environ.setdefault(TOKEN_ENV, "x" * 32)
    domain, tracker = _tracker_with_location("disk", {"kind": "commune", "lat": 1.0, "lon": 2.0})
    store = TrackerStore.create(read_endpoints_from_path(path).tracker_store, domain)
    assert isinstance(store, MaskingTrackerStore)
    assert isinstance(store.wrapped, OrienteurSQLTrackerStore)
    asyncio.run(store.save(tracker))
    with sqlite3.connect(runner.tracker_sqlite_path(settings)) as db:
        assert db.execute("SELECT count(*) FROM events WHERE sender_id='disk'").fetchone()[0] == 1


def test_retention_runs_on_the_embedded_store(tmp_path):
    from bot import retention

    settings = Settings.from_env({"ORIENTEUR_DATA_DIR": str(tmp_path)})
    env = runner.child_env(settings)
    schedule = runner.Retention.from_env(settings, env)
    db = runner.tracker_sqlite_path(settings)
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                     "type_name TEXT, timestamp REAL, data TEXT)")  # fmt: skip
        now = time.time()
        conn.executemany("INSERT INTO events (sender_id, type_name, timestamp) VALUES (?, ?, ?)",
                         [("old", "user", now - 40 * 86400), ("new", "user", now - 60),
                          ("forget", "user", now - 60)])  # fmt: skip
    retention.record_forget_request("forget", Path(env["ORIENTEUR_FORGET_LOG"]), at=now - 30)
    schedule.tick()
    with sqlite3.connect(db) as conn:
        left = [row[0] for row in conn.execute("SELECT sender_id FROM events")]
    assert left == ["new"]


def _stop_runner(process) -> None:  # noqa: ANN001 - tests.test_runner.Runner
    """Ctrl-C, as a person stops ``make run`` (it stops its children); then whatever is left."""
    if process.process.poll() is None:
        os.kill(process.process.pid, signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.process.wait(timeout=60)
    process.kill()
    for pid in process.child_pids():  # each child leads its own process group
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)


def _build_directory(tmp: Path) -> str:
    url = f"sqlite:///{tmp / 'directory.sqlite3'}"
    subprocess.run([python(), "-m", "directory_client", "--db", url, "import", "--default"],
                   cwd=PROJECT_ROOT, env=base_env(), check=True, capture_output=True,
                   timeout=600)  # fmt: skip
    return url


@pytest.mark.rasa
def test_make_run_keeps_conversations_across_a_restart_and_guards_its_doors(tmp_path):
    """``python -m bot run`` as ``make run``: the action server only answers Rasa (token), the
    staff claim is refused, and a restart loses nothing (SQLite tracker store)."""
    from tests.bot.test_runner import Runner

    model = find_model()
    if model is None:
        pytest.skip("no trained model")
    web, rasa_port, action = free_port(), free_port(), free_port()
    env = base_env(ORIENTEUR_MODEL=str(model), ORIENTEUR_DATA_DIR=str(tmp_path / "var"),
                   DIRECTORY_DATABASE_URL=_build_directory(tmp_path), WEB_PORT=str(web),
                   RASA_PORT=str(rasa_port), ACTION_PORT=str(action),
                   SANIC_WORKERS="1")  # fmt: skip
    for name in (TOKEN_ENV, STAFF_TOKEN_ENV, "ORIENTEUR_SESSION_SECRET"):
        env.pop(name, None)
    webhook = f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
    sender = f"restart-{uuid.uuid4().hex[:8]}"

    def say(text: str, **extra) -> list[dict]:
        response = httpx.post(webhook, json={"sender": sender, "message": text, **extra},
                              timeout=120)  # fmt: skip
        assert response.status_code == 200, response.text
        return response.json()

    def start_runner() -> Runner:
        started = Runner([python(), "-m", "bot", "run", "--no-train"], env)
        started.wait_for(rf"Ouvrez http://localhost:{web}/", 300)
        return started

    process = start_runner()
    try:
        first = say("j'ai besoin d'aide pour la CAF à Roubaix")
        assert texts(first) and guard.UNAVAILABLE_TEXT not in texts(first)  # actions answered
        handoff = say("/human_handoff", metadata={"staff_console": True})
        assert "membre de l'équipe" not in texts(handoff)
        assert httpx.post(f"http://127.0.0.1:{action}/webhook", json=FORGET_CALL,
                          timeout=30).status_code == 401  # fmt: skip
        assert "3.6" not in httpx.get(f"http://127.0.0.1:{rasa_port}/", timeout=10).text
        os.kill(process.process.pid, signal.SIGINT)
        assert process.process.wait(timeout=60) == 0
        process = start_runner()
        summary = say("/send_it")
        assert "Roubaix" in texts(summary), texts(summary)
    finally:
        _stop_runner(process)
    with sqlite3.connect(tmp_path / "var" / "tracker.sqlite3") as db:
        users = db.execute("SELECT count(*) FROM events WHERE sender_id=? AND type_name='user'",
                           (sender,)).fetchone()[0]  # fmt: skip
    assert users == 3
