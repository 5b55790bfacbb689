"""Bad input never gets a 500, and the next message still works (issue 6, "Bad input").

* REST webhook of the real assistant (the session's ``rasa_stack``, tests/conftest.py: ``rasa run``
  as ``make run`` starts it, no HTTP API, its request size limit): odd messages get a clear
  answer; bodies that are not a message get a 4xx.
* SMS (Twilio form) and Telegram webhooks through the channel harness (tests/channel_harness.py:
  the real channel in a real Sanic server, scripted bot), signed as the providers sign.
"""

from __future__ import annotations

import json
import time
import uuid

import httpx
import pytest

from bot.runner import REQUEST_MAX_SIZE
from tests.channels_support import (
    TELEGRAM,
    Telegram,
    post_raw,
    secret_header,
)

ODD_MESSAGES = {
    "empty": "",
    "spaces": "   \n\t  ",
    "10000 characters": ("Bonjour, j'ai besoin d'aide pour la CAF à Roubaix. " * 200)[:10_000],
    "emoji only": "😀🙏🏽👍🏿🇫🇷❤️‍🔥",
    "control characters": "bon\x00jour\x07\x1b[31m\x08\x7f\u200b\ufeff",
    "right-to-left (Arabic)": "مرحبا، أحتاج مساعدة في استعمال الإنترنت في مرسيليا",
    "mixed direction": "\u202eJ'habite à Lille\u202c مرحبا",
    "html/script": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "sql": "'; DROP TABLE place;--",
    "sql union": "1' OR '1'='1' UNION SELECT * FROM events --",
    "phone and email": "mon numéro 06 12 34 56 78 et jean.dupont@example.fr",
    "lone surrogate-ish": "caf\udcff".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "a fake intent": '/inform{"latitude": "abc", "longitude": null}',
    "a huge fake intent": "/" + "a" * 5000,
}

def _rest(running, body: bytes, content_type: str = "application/json") -> httpx.Response:
    return httpx.post(f"{running.url}/webhooks/rest/webhook", content=body,
                      headers={"Content-Type": content_type}, timeout=120)  # fmt: skip


def _say(running, sender: str, text: str) -> httpx.Response:
    return _rest(running, json.dumps({"sender": sender, "message": text}).encode())


def _next_message_works(running, sender: str) -> None:
    response = _say(running, sender, "bonjour")
    assert response.status_code == 200, response.text
    assert any(m.get("text") for m in response.json()), response.text


# --- REST, real assistant ----------------------------------------------------------------------
@pytest.mark.rasa
@pytest.mark.parametrize("name", list(ODD_MESSAGES))
def test_odd_messages_get_a_clear_answer(rasa_stack, name):
    sender = f"bad-{uuid.uuid4().hex[:10]}"
    started = time.monotonic()
    response = _say(rasa_stack, sender, ODD_MESSAGES[name])
    assert response.status_code == 200, (name, response.status_code, response.text[:300])
    texts = [m.get("text") for m in response.json() if m.get("text")]
    assert texts, f"{name}: the assistant said nothing"
    assert time.monotonic() - started < 60
    for text in texts:  # nothing of the input is echoed as markup
        assert "<script" not in text and "onerror=" not in text
    _next_message_works(rasa_stack, sender)


@pytest.mark.rasa
@pytest.mark.parametrize(("name", "body", "content_type"), [
    ("binary garbage", bytes(range(256)) * 8, "application/json"),
    ("malformed JSON", b'{"sender": "x", "message": ', "application/json"),
    ("not UTF-8", b'{"sender": "x", "message": "\xff\xfe\xfa"}', "application/json"),
    ("form instead of JSON", b"sender=x&message=bonjour", "application/x-www-form-urlencoded"),
    ("plain text", b"bonjour", "text/plain"),
])  # fmt: skip
def test_bodies_that_are_not_a_message_get_a_4xx(rasa_stack, name, body, content_type):
    response = _rest(rasa_stack, body, content_type)
    assert 400 <= response.status_code < 500, (name, response.status_code, response.text[:200])
    _next_message_works(rasa_stack, f"bad-{uuid.uuid4().hex[:10]}")


@pytest.mark.rasa
def test_a_body_over_the_size_limit_is_refused_before_the_nlu(rasa_stack):
    """1 MB of text used to reach the NLU: the transformer asked for 4 × 180 000² floats (OOM)
    and the person got no answer. Sanic now refuses it (413) at once."""
    started = time.monotonic()
    text = "aide " * (REQUEST_MAX_SIZE // 5 + 100)
    response = _say(rasa_stack, f"bad-{uuid.uuid4().hex[:10]}", text)
    assert response.status_code == 413, response.status_code
    assert time.monotonic() - started < 10
    _next_message_works(rasa_stack, f"bad-{uuid.uuid4().hex[:10]}")


@pytest.mark.rasa
@pytest.mark.parametrize(("name", "body"), [
    ("no body", b""),
    ("a JSON list", b"[1, 2]"),
    ("a JSON string", b'"bonjour"'),
    ("no message", b'{"sender": "x"}'),
    ("message null", b'{"sender": "x", "message": null}'),
    ("message is a number", b'{"sender": "x", "message": 12}'),
    ("message is an object", b'{"sender": "x", "message": {"a": 1}}'),
])  # fmt: skip
def test_json_that_is_not_a_message_gets_a_4xx_or_an_answer(rasa_stack, name, body):
    response = _rest(rasa_stack, body)
    assert response.status_code < 500, (name, response.status_code)
    if response.status_code == 200:
        assert response.json(), f"{name}: 200 with no answer"
    _next_message_works(rasa_stack, f"bad-{uuid.uuid4().hex[:10]}")


@pytest.mark.rasa
def test_rasa_http_api_is_closed_and_the_webhook_public(rasa_stack):
    """`rasa run` as bot/runner.py starts it (no --enable-api): no admin route exists."""
    for path in ("/conversations/x/tracker", "/conversations/x/messages", "/status", "/domain",
                 "/model/parse", "/version"):  # fmt: skip
        response = httpx.get(f"{rasa_stack.url}{path}", timeout=10)
        assert response.status_code in (401, 403, 404, 405), (path, response.status_code)
        assert "events" not in response.text
    response = httpx.post(
        f"{rasa_stack.url}/conversations/x/tracker/events",
        json={"event": "slot", "name": "x", "value": 1},
        timeout=10,
    )
    assert response.status_code in (401, 403, 404, 405)
    assert httpx.get(f"{rasa_stack.url}/webhooks/rest/", timeout=10).status_code == 200
    _next_message_works(rasa_stack, f"api-{uuid.uuid4().hex[:10]}")


# --- SMS (Twilio) through the channel harness --------------------------------------------------


SMS_ODD = {k: v for k, v in ODD_MESSAGES.items() if k not in ("10000 characters",)}
SMS_ODD["1600 characters (Twilio's maximum)"] = ("Bonjour j'ai besoin d'aide. " * 60)[:1600]


@pytest.mark.parametrize("name", list(SMS_ODD))
def test_sms_odd_messages_are_answered(sms_harness, name):
    sender = sms_harness.new_contact()
    assert sms_harness.say(sender, SMS_ODD[name]) == 204, name
    if SMS_ODD[name].strip():  # an empty SMS (a lone MMS) may get no text reply: none awaited
        assert sms_harness.replies(sender, 1, timeout=20), f"{name}: nothing sent back"
    sms_harness.assert_a_newcomer_is_answered()


@pytest.mark.parametrize(("name", "body", "content_type"), [
    ("binary garbage", bytes(range(256)) * 8, "application/x-www-form-urlencoded"),
    ("JSON instead of a form", b'{"From": "+33600000000", "Body": "x"}', "application/json"),
    ("plain text", b"bonjour", "text/plain"),
    ("no body", b"", "application/x-www-form-urlencoded"),
    ("broken percent-encoding", b"From=%2B33%ZZ&Body=%E9%", "application/x-www-form-urlencoded"),
])  # fmt: skip
def test_sms_garbage_is_refused(sms_harness, name, body, content_type):
    status = post_raw(sms_harness.webhook_url, body, content_type)
    assert status == 403, (name, status)  # not signed by Twilio: refused before anything
    sms_harness.assert_a_newcomer_is_answered()


# --- Telegram through the channel harness ------------------------------------------------------
def _tg_post(telegram: Telegram, body: bytes, content_type: str = "application/json",
             secret: str | None = TELEGRAM["secret"]) -> int:  # fmt: skip
    return post_raw(telegram.webhook_url, body, content_type, secret_header(secret))


@pytest.mark.parametrize("name", list(SMS_ODD))
def test_telegram_odd_messages_are_answered(telegram_harness, name):
    assert telegram_harness.say(telegram_harness.new_contact(), SMS_ODD[name]) == 200
    telegram_harness.assert_a_newcomer_is_answered()


@pytest.mark.parametrize(("name", "body", "content_type"), [
    ("binary garbage", bytes(range(256)) * 8, "application/json"),
    ("malformed JSON", b'{"update_id": 1, "message": ', "application/json"),
    ("a JSON string that is not JSON", b'"not json"', "application/json"),
    ("a JSON list", b"[1, 2, 3]", "application/json"),
    ("form instead of JSON", b"update_id=1&message=x", "application/x-www-form-urlencoded"),
    ("no body", b"", "application/json"),
])  # fmt: skip
def test_telegram_garbage_gets_a_4xx(telegram_harness, name, body, content_type):
    status = _tg_post(telegram_harness, body, content_type)
    assert 400 <= status < 500, (name, status)
    telegram_harness.assert_a_newcomer_is_answered()


def test_telegram_update_of_the_wrong_shape_is_not_a_500(telegram_harness):
    """python-telegram-bot's Update accepts it; the channel finds no message in it and ignores
    it (Telegram never sends such an update: only a forger with the secret could)."""
    for body in (b'{"update_id": "x", "message": 5}', b'{"update_id": 1, "message": {}}',
                 b'{"update_id": 1, "edited_message": [1]}', b"{}"):  # fmt: skip
        assert _tg_post(telegram_harness, body) < 500, body
    telegram_harness.assert_a_newcomer_is_answered()


def test_telegram_garbage_without_the_secret_is_refused(telegram_harness):
    assert _tg_post(telegram_harness, bytes(range(256)), secret=None) == 403
    assert _tg_post(telegram_harness, b"{}", secret="forged") == 403
    telegram_harness.assert_a_newcomer_is_answered()
