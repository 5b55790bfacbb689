"""Telegram, end to end and offline.

A local fake of the Bot API (``/bot{token}/{method}``) records what the channel sends; updates
are posted as Telegram posts them (JSON, with the X-Telegram-Bot-Api-Secret-Token header).

- ``TestTelegramChannel``: the real channel in a real Sanic server with a scripted bot.
- ``TestTelegramWithRasa`` (marked ``rasa``): the session's assistant (``rasa_stack``).
"""

from __future__ import annotations

import json
import time

import pytest

from tests.channels_support import (
    TELEGRAM,
    Telegram,
    message_update,
    new_chat,
    telegram_user,
    update_id,
)

TOKEN = TELEGRAM["token"]
SECRET = TELEGRAM["secret"]
BOT = TELEGRAM["bot"]
PUBLIC_URL = TELEGRAM["public_url"]
@pytest.fixture()
def tg(telegram_harness):
    """The Telegram channel in the channel harness (tests/conftest.py)."""
    return telegram_harness


class TestTelegramChannel:
    def test_webhook_is_registered_on_the_fake_with_the_secret(self, tg):
        tg.fake.wait_for(lambda _: tg.fake.calls("setWebhook"), 10)
        [call] = tg.fake.calls("setWebhook")
        assert call["url"] == PUBLIC_URL and call["secret_token"] == SECRET
        assert json.loads(call["allowed_updates"]) == ["message", "callback_query"]
        path = [r["path"] for r in tg.fake.requests if r["path"].endswith("/setWebhook")][0]
        assert path == f"/bot{TOKEN}/setWebhook"

    def test_text_round_trip(self, tg):
        chat = new_chat()
        assert tg.text(chat, "Bonjour, j’ai besoin d’aide") == 200
        [sent] = tg.replies(chat, 1)
        assert sent["text"] == "Reçu : Bonjour, j’ai besoin d’aide"  # no GSM folding here
        [msg] = tg.user_messages(chat)
        assert msg["input_channel"] == "telegram"

    def test_location_becomes_share_location(self, tg):
        chat = new_chat()
        assert (
            tg.post(message_update(chat, location={"latitude": 48.856614, "longitude": 2.352222}))
            == 200
        )
        tg.replies(chat, 1)
        [msg] = tg.user_messages(chat)
        # Rounded as the tracker store keeps it, before the assistant (tests/bot/test_hardening.py).
        assert msg["text"] == '/inform{"latitude": 48.86, "longitude": 2.35}'
        assert msg["metadata"]["location"] == {"lat": 48.86, "lon": 2.35}

    def test_live_location_updates_are_ignored(self, tg):
        chat = new_chat()
        update = message_update(chat, location={"latitude": 1.0, "longitude": 2.0})
        update["edited_message"] = update.pop("message")
        assert tg.post(update) == 200
        time.sleep(0.5)
        assert tg.user_messages(chat) == [] and tg.sent(chat) == []

    def test_buttons_numbered_with_keyboard_and_digit_or_callback(self, tg):
        chat = new_chat()
        tg.text(chat, "boutons")
        [sent] = tg.replies(chat, 1)
        assert sent["text"] == (
            "Dans quelle ville ?\n1. Roubaix (59)\n2. Roubaix (Aude)\nRépondez 1 ou 2."
        )
        keyboard = json.loads(sent["reply_markup"])["inline_keyboard"]
        assert [row[0]["text"] for row in keyboard] == ["1. Roubaix (59)", "2. Roubaix (Aude)"]
        assert all(len(row[0]["callback_data"].encode()) <= 64 for row in keyboard)
        # typed digit
        tg.text(chat, "1")
        tg.replies(chat, 2)
        assert (
            tg.user_messages(chat)[-1]["text"]
            == '/inform_commune{"commune": "Roubaix", "code_postal": "59100"}'
        )
        # pressed button
        tg.text(chat, "boutons")
        [_, _, third] = tg.replies(chat, 3)
        data = json.loads(third["reply_markup"])["inline_keyboard"][1][0]["callback_data"]
        update = {
            "update_id": update_id(),
            "callback_query": {
                "id": "cbq-1",
                "from": telegram_user(chat),
                "chat_instance": "ci",
                "data": data,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "text": third["text"],
                    "chat": {"id": chat, "type": "private"},
                },
            },
        }
        assert tg.post(update) == 200
        tg.replies(chat, 4)
        assert (
            tg.user_messages(chat)[-1]["text"]
            == '/inform_commune{"commune": "Roubaix", "code_postal": "11200"}'
        )
        assert {"callback_query_id": "cbq-1"}.items() <= tg.fake.calls("answerCallbackQuery")[
            -1
        ].items()

    def test_recommendation_text_is_sent_once(self, tg):
        chat = new_chat()
        tg.text(chat, "reco")
        tg.replies(chat, 1)
        time.sleep(0.5)
        [sent] = tg.sent(chat)  # one message: the introduction, then the payload's places
        assert sent["text"].startswith("Voici 3 lieux près de Roubaix pour vos papiers en ligne :")
        assert sent["text"].count("Médiathèque La Grand-Plage") == 1
        assert "\n\n2. Médiathèque La Grand-Plage (400 m)" in sent["text"]
        assert "Pas de téléphone connu" in sent["text"]
        assert sent["text"].endswith("Pensez à apporter :\n- une pièce d'identité\n- un RIB")
        # The follow-ups are buttons, not numbered lines that a place number would collide with.
        markup = sent["reply_markup"]
        markup = json.loads(markup) if isinstance(markup, str) else markup
        buttons = [b[0]["text"] for b in markup["inline_keyboard"]]
        assert buttons[0] == "D'autres lieux" and "Une autre ville" in buttons
        tg.text(chat, "2")  # a place's number: that place in full, no turn of the assistant
        detail = tg.replies(chat, 2)[1]["text"]
        assert detail.startswith("2. Médiathèque La Grand-Plage")
        assert "Horaires : mar.–sam. : 10 h–18 h" in detail
        assert [m["text"] for m in tg.user_messages(chat)] == ["reco"]

    def test_recommendation_payload_alone_is_one_message_with_three_places(self, tg):
        chat = new_chat()
        tg.text(chat, "reco seule")
        tg.replies(chat, 1)
        time.sleep(0.5)
        [sent] = tg.sent(chat)
        text = sent["text"]
        assert text.startswith("1. France Services de Roubaix – Mairie de quartier Est (1,2 km)")
        assert "\n\n2. Médiathèque La Grand-Plage (400 m)" in text
        assert "\n\n3. CCAS de Roubaix (2,8 km)" in text
        assert "Tél 03 20 00 00 00" in text

    def test_start_command_is_a_greeting(self, tg):
        chat = new_chat()
        tg.text(chat, "/start")
        tg.replies(chat, 1)
        assert tg.user_messages(chat)[0]["text"] == "bonjour"

    def test_stop_then_ignored_and_help(self, tg):
        chat = new_chat()
        tg.text(chat, "AIDE")
        assert "01 70 77 23 72" in tg.replies(chat, 1)[0]["text"]
        tg.text(chat, "stop")
        assert "START" in tg.replies(chat, 2)[1]["text"]
        tg.text(chat, "bonjour")
        time.sleep(0.6)
        assert len(tg.sent(chat)) == 2 and tg.user_messages(chat) == []

    def test_forged_or_missing_secret_is_refused(self, tg):
        chat = new_chat()
        assert tg.text(chat, "bonjour", secret="forged") == 403
        assert tg.text(chat, "bonjour", secret=None) == 403
        time.sleep(0.4)
        assert tg.user_messages(chat) == [] and tg.sent(chat) == []


# ------------------------------------------------------------------ with the real assistant


@pytest.fixture(scope="module")
def tg_rasa(rasa_stack, provider_fakes):
    """The session's assistant (tests/conftest.py), its Telegram channel calling the fake."""
    return Telegram(provider_fakes.telegram, rasa_stack.url)


def pick_first_while_asked(tg_rasa, chat: int, sent: list[dict], rounds: int = 3) -> list[dict]:
    for _ in range(rounds):
        if not any("reply_markup" in s for s in sent) or any("\n\n1. " in s["text"] for s in sent):
            break
        sent = tg_rasa.turn(chat, message_update(chat, text="1"))
    return sent


@pytest.mark.rasa
class TestTelegramWithRasa:
    def test_webhook_registered_on_the_fake(self, tg_rasa):
        tg_rasa.fake.wait_for(lambda _: tg_rasa.fake.calls("setWebhook"), 20)
        assert tg_rasa.fake.calls("setWebhook")[0]["secret_token"] == SECRET

    def test_greeting_is_answered(self, tg_rasa):
        chat = new_chat()
        sent = tg_rasa.turn(chat, message_update(chat, text="Bonjour"))
        print("greeting:", [s["text"] for s in sent])
        assert sent[0]["text"].strip()

    def test_location_is_understood(self, tg_rasa):
        chat = new_chat()
        sent = tg_rasa.turn(chat, message_update(chat, text="j'ai besoin d'aide pour la CAF"))
        sent = pick_first_while_asked(tg_rasa, chat, sent)
        sent = tg_rasa.turn(
            chat, message_update(chat, location={"latitude": 50.6942, "longitude": 3.1746})
        )
        sent = pick_first_while_asked(tg_rasa, chat, sent)
        joined = "\n".join(s["text"] for s in sent)
        print("telegram location:", joined)
        assert '"lng"' not in joined
        assert "1. " in joined  # places near the shared position

    def test_forged_secret_refused_by_rasa_run(self, tg_rasa):
        assert tg_rasa.text(new_chat(), "Bonjour", secret="forged") == 403
