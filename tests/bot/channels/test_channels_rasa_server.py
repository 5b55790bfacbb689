"""Rasa's own server loads our channels from a credentials file (module paths, ``${ENV}``
values) and they do their channel-level work there: signature and secret checks, STOP, AIDE,
setWebhook on start. No trained model is needed: the agent is started without one (rasa's
``serve_application``), so dialogue replies are covered by the ``*WithRasa`` tests instead.
"""

from __future__ import annotations

import json
import subprocess
import time

import pytest
from twilio.request_validator import RequestValidator

from tests.channels_support import (
    PYTHON,
    REPO,
    FakeTelegram,
    FakeTwilio,
    env,
    free_port,
    post,
    stop,
    wait_http,
)

pytestmark = pytest.mark.rasa

ACCOUNT_SID = "AC" + "fedcba9876543210" * 2
AUTH_TOKEN = "rasa-server-auth-token"
TG_TOKEN = "654321:RASA-server-token"
TG_SECRET = "rasa-server-secret"
NUMBER = "+33700000001"

CREDENTIALS = """
bot.channels.sms.SmsInput:
  account_sid: ${TWILIO_ACCOUNT_SID}
  auth_token: ${TWILIO_AUTH_TOKEN}
  twilio_number: ${TWILIO_NUMBER}
  api_base_url: ${TWILIO_BASE_URL}
  optout_db: ${ORIENTEUR_OPTOUT_DB}
bot.channels.telegram.TelegramChannelInput:
  access_token: ${TELEGRAM_TOKEN}
  verify: ${TELEGRAM_BOT_USERNAME}
  webhook_url: ${TELEGRAM_WEBHOOK_URL}
  secret_token: ${TELEGRAM_SECRET_TOKEN}
  api_base_url: ${TELEGRAM_BASE_URL}
  optout_db: ${ORIENTEUR_OPTOUT_DB}
rest:
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rasa_server")
    twilio, telegram = FakeTwilio().start(), FakeTelegram("orienteur_bot").start()
    (tmp / "credentials.yml").write_text(CREDENTIALS)
    port = free_port()
    variables = env() | {
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_NUMBER": NUMBER,
        "TWILIO_BASE_URL": twilio.url,
        "TELEGRAM_TOKEN": TG_TOKEN,
        "TELEGRAM_BOT_USERNAME": "orienteur_bot",
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/webhooks/telegram/webhook",
        "TELEGRAM_SECRET_TOKEN": TG_SECRET,
        "TELEGRAM_BASE_URL": telegram.url,
        "ORIENTEUR_OPTOUT_DB": str(tmp / "optout.sqlite3"),
    }
    code = (
        "import sys, rasa.core.run as r; r.serve_application(model_path=sys.argv[1], "
        "credentials=sys.argv[2], port=int(sys.argv[3]), interface='127.0.0.1', "
        "enable_api=False)"
    )
    with open(tmp / "rasa.log", "w") as log:
        proc = subprocess.Popen(
            [PYTHON, "-c", code, str(tmp / "no-model"), str(tmp / "credentials.yml"), str(port)],
            cwd=REPO,
            env=variables,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/webhooks/telegram/", proc, timeout=180)
        yield base, twilio, telegram
    finally:
        stop(proc)
        twilio.stop()
        telegram.stop()


def sms(base: str, sender: str, body: str, token: str = AUTH_TOKEN) -> int:
    url = f"{base}/webhooks/twilio/webhook"
    form = {
        "From": sender,
        "To": NUMBER,
        "Body": body,
        "MessageSid": "SM" + "1" * 32,
        "AccountSid": ACCOUNT_SID,
        "NumMedia": "0",
    }
    signature = RequestValidator(token).compute_signature(url, form)
    return post(url, data=form, headers={"X-Twilio-Signature": signature})[0]


def test_telegram_webhook_registered_from_env_credentials(server):
    _, _, telegram = server
    telegram.wait_for(lambda _: telegram.calls("setWebhook"), 20)
    [call] = telegram.calls("setWebhook")
    assert call["url"] == "https://bot.example.org/webhooks/telegram/webhook"
    assert call["secret_token"] == TG_SECRET


def test_twilio_signature_checked_inside_rasa(server):
    base, twilio, _ = server
    assert sms(base, "+33611000001", "bonjour", token="forged") == 403
    time.sleep(0.3)
    assert twilio.messages("+33611000001") == []


def test_stop_and_help_answered_inside_rasa(server):
    base, twilio, _ = server
    assert sms(base, "+33611000002", "AIDE") == 204
    twilio.wait_for(lambda _: twilio.messages("+33611000002"), 20)
    assert "01 70 77 23 72" in twilio.messages("+33611000002")[0]["Body"]
    assert sms(base, "+33611000002", "STOP") == 204
    twilio.wait_for(lambda _: len(twilio.messages("+33611000002")) == 2, 20)
    assert sms(base, "+33611000002", "AIDE") == 204
    time.sleep(0.5)
    assert len(twilio.messages("+33611000002")) == 2


def test_telegram_secret_checked_inside_rasa(server):
    base, _, telegram = server
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 1,
            "text": "AIDE",
            "chat": {"id": 99, "type": "private"},
        },
    }
    url = f"{base}/webhooks/telegram/webhook"
    assert post(url, json_body=update, headers={"X-Telegram-Bot-Api-Secret-Token": "x"})[0] == 403
    assert (
        post(url, json_body=update, headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})[0]
        == 200
    )
    telegram.wait_for(lambda _: telegram.calls("sendMessage"), 20)
    [sent] = telegram.calls("sendMessage")
    assert json.dumps(sent["chat_id"]) in ('"99"', "99") and "01 70 77 23 72" in sent["text"]
