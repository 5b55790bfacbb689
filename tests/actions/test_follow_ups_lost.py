"""Follow-ups and town names that lost the person (round 169's tester over REST, engineer e171):
"il y a un bus pour y aller ?" after a list, the phone of "the first" asked before any list,
STOP on REST or the widget, a town misspelt in lower case in parts, « Saint-Julien-l'Ars en
Vienne », a mobile bus's distance and its address. Real actions on the real embedded directory
and Locator, each message with the intent the trained NLU gives it; what the person reads
(``rest_text``: the REST client's plain text)."""

from __future__ import annotations

import pytest

from bot.channels import render
from tests.actions.conftest import embedded_locator, real_directory  # noqa: F401 - fixtures
from tests.actions.talk import Talk, one_list, payloads, rest_text, run
from tests.conftest_actions import ent, tracker

RETRAITE_MENDE = ("je dois faire ma demande de retraite en ligne à Mende", "ask_help",
                  [ent("location", "Mende")])  # fmt: skip


# --- 1: "il y a un bus pour y aller ?" after a list ---------------------------------------------
def test_a_bus_asked_after_a_list_gets_the_first_place_address_and_phone(real):
    talk = Talk()
    first = one_list(talk.say(*RETRAITE_MENDE))["results"][0]
    msgs = talk.say("il y a un bus pour y aller ?", "out_of_scope")  # as the NLU reads it
    text = rest_text(msgs)
    assert "Je ne peux pas vous aider" not in text and "Dites-moi" not in text, text
    assert "horaires" in text and "bus" in text, text  # no timetables, said plainly
    assert first["address"] in text and first["phone_text"] in text, text
    assert not payloads(msgs), msgs


def test_the_list_is_kept_after_the_bus_question(real):
    talk = Talk()
    places = one_list(talk.say(*RETRAITE_MENDE))["results"]
    talk.say("il y a un bus pour y aller ?", "out_of_scope")
    [detail] = payloads(talk.say("le 2", "out_of_scope"))
    assert detail["results"] == [places[1]], detail


# --- 2: the phone of "the first" asked before any list -------------------------------------------
def test_the_phone_of_the_first_asked_at_the_mode_question_gets_the_places(real):
    talk = Talk()
    asked = rest_text(talk.say("aide pour mon dossier de logement social à Chambéry", "ask_help",
                               [ent("location", "Chambéry")]))  # fmt: skip
    assert "avec vous" in asked, asked  # the mode question
    msgs = talk.say("vous avez juste le numéro de téléphone du premier ?", "human_handoff")
    text = rest_text(msgs)
    assert "Solidarité Numérique" not in text, text
    reco = one_list(msgs)
    assert reco["location"]["commune"] == "Chambéry", text
    first = reco["results"][0]
    assert first["phone_text"] and first["phone_text"] in text, text
    assert "pour faire vos démarches en ligne avec quelqu'un" in text, text  # the need kept


# --- 3: STOP on REST and the widget -------------------------------------------------------------
CLOSED = ("D'accord, j'arrête cette conversation. Si vous m'écrivez à nouveau, je repartirai de "
          "zéro.")  # fmt: skip


def stop_on(channel: str, said: str = "STOP", intent: str = "out_of_scope") -> tuple[str, list]:
    """STOP after a list, on ``channel``: what the person reads, and the events of the turn."""
    talk = Talk()
    one_list(talk.say("aide CAF à Lille", "ask_help", [ent("location", "Lille")]))
    t = tracker(said, intent, None, talk.slots)
    t.events = talk.history + [{**t.events[-1], "input_channel": channel}]
    msgs, events = run(t)
    return rest_text(msgs), events


@pytest.mark.parametrize("channel", ["rest", "socketio"])
@pytest.mark.parametrize("said, intent", [("STOP", "out_of_scope"), ("stop", "chitchat"),
                                          ("arrête", "chitchat")])  # fmt: skip
def test_stop_on_the_web_closes_the_conversation_in_words_that_fit(real, channel, said, intent):
    text, events = stop_on(channel, said, intent)
    assert text.startswith(CLOSED), text
    assert "oubliez-moi" in text, text  # what is kept, and how to erase it
    assert "Vous ne recevrez plus" not in text and "START" not in text, text
    # the next message starts a new conversation: nothing of the request nor of the list is kept
    assert [e["event"] for e in events] == ["restart"], events


def test_stop_keeps_the_sms_wording_on_the_sms_only(real):
    text, events = stop_on("twilio")
    assert text in render.STOP_TEXT and "Vous ne recevrez plus de messages" in text, text
    assert CLOSED not in render.STOP_TEXT
