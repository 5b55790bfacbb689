"""How the SMS/WhatsApp and Telegram channels are configured: from the environment, through the
credentials block of docs/channels.md read by Rasa itself (``${VAR}`` expansion included)."""

from __future__ import annotations

import re

import pytest
from rasa.core.run import create_http_input_channels

from bot.channels.sms import SmsInput, SmsOutput
from bot.channels.telegram import TelegramChannelInput
from bot.settings import channel_settings
from bot.staff.sms import TwilioSender, sender_from_env
from tests.paths import ROOT

DOCS = ROOT / "docs" / "channels.md"
ACCOUNT = {"TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "TWILIO_AUTH_TOKEN": "t0ken"}


def docs_credentials_block() -> str:
    """The first ```yaml block of docs/channels.md: what people paste into credentials.yml."""
    return re.search(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S).group(1)


@pytest.fixture
def environment(monkeypatch):
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_NUMBER",
                 "TWILIO_WHATSAPP_NUMBER", "TWILIO_MESSAGING_SERVICE_SID", "TWILIO_WEBHOOK_URL",
                 "TWILIO_BASE_URL", "TELEGRAM_TOKEN", "TELEGRAM_BOT_USERNAME",
                 "TELEGRAM_WEBHOOK_URL", "TELEGRAM_SECRET_TOKEN", "TELEGRAM_BASE_URL"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ORIENTEUR_OPTOUT_DB", ":memory:")
    return monkeypatch


def test_the_documented_block_starts_without_the_optional_variables(environment, tmp_path):
    for name, value in {**ACCOUNT, "TWILIO_FROM": "+33700000001", "TELEGRAM_TOKEN": "1:x",
                        "TWILIO_BASE_URL": "http://127.0.0.1:6510",
                        "TELEGRAM_BASE_URL": "http://127.0.0.1:6511"}.items():  # fmt: skip
        environment.setenv(name, value)
    credentials = tmp_path / "credentials.yml"
    credentials.write_text(docs_credentials_block(), encoding="utf-8")  # TWILIO_WHATSAPP_… unset
    sms, telegram = create_http_input_channels(None, str(credentials))
    assert isinstance(sms, SmsInput) and isinstance(telegram, TelegramChannelInput)
    out = sms.get_output_channel()
    assert isinstance(out, SmsOutput)
    assert out.twilio_number == "+33700000001"
    assert out.whatsapp_number == "whatsapp:+33700000001"  # the default when unset
    assert out.api.base_url == "http://127.0.0.1:6510"  # the assistant's channel, not only staff
    assert telegram.api_base_url == "http://127.0.0.1:6511"


def test_a_dollar_reference_to_an_unset_variable_is_what_stops_rasa(environment, tmp_path):
    """Why the documented block writes no ${VAR}: Rasa refuses an unset one."""
    credentials = tmp_path / "credentials.yml"
    credentials.write_text(
        "bot.channels.sms.SmsInput:\n  whatsapp_number: ${TWILIO_WHATSAPP_NUMBER}\n")
    with pytest.raises(Exception, match="TWILIO_WHATSAPP_NUMBER"):
        create_http_input_channels(None, str(credentials))


@pytest.mark.parametrize(
    ("env", "sender"),
    [
        ({"TWILIO_FROM": "+33700000001"}, "+33700000001"),
        ({"TWILIO_NUMBER": "+33700000002"}, "+33700000002"),  # the former name
        ({"TWILIO_FROM": "+33700000001", "TWILIO_NUMBER": "+33700000002"}, "+33700000001"),
        ({"TWILIO_FROM": "  ", "TWILIO_NUMBER": "+33700000002"}, "+33700000002"),
    ],
)
def test_one_sender_variable_for_the_channel_and_the_staff_console(env, sender):
    env = {**ACCOUNT, **env}
    assert channel_settings("twilio", None, env)["twilio_number"] == sender
    console = sender_from_env(env)
    assert isinstance(console, TwilioSender) and console.from_number == sender


def test_a_value_written_in_the_block_wins_over_the_environment():
    env = {**ACCOUNT, "TWILIO_BASE_URL": "http://127.0.0.1:6510", "TWILIO_FROM": "+33700000001"}
    merged = channel_settings(
        "twilio", {"api_base_url": "http://127.0.0.1:6599", "twilio_number": ""}, env)
    assert merged["api_base_url"] == "http://127.0.0.1:6599"
    assert merged["twilio_number"] == "+33700000001"  # blank in the block: the environment's
    assert merged["account_sid"] == ACCOUNT["TWILIO_ACCOUNT_SID"]


def test_without_an_account_the_channel_refuses_to_load(environment):
    with pytest.raises(Exception, match="credentials"):
        SmsInput.from_credentials(None)
