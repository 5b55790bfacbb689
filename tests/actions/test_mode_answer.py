"""Answers to "Voulez-vous que quelqu'un fasse la démarche avec vous, ou préférez-vous
apprendre ?" as a tester wrote them over SMS ("avec qqn stp" once got "Je ne trouve pas « avec
qqn stp »"), and a town given instead of an answer; real gazetteer and embedded directory."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions.safety_actions import ActionEmergency, ActionFallback, ActionOutOfScope
from tests.actions.test_actions import text
from tests.conftest_actions import (
    slots_of,
    tracker,
)

# The intents the NLU gave these answers ("avc quelqu'un" is read as an emergency: a stroke).
ACTIONS = {"inform": A.ActionOrient, "nlu_fallback": ActionFallback,
           "out_of_scope": ActionOutOfScope, "emergency": ActionEmergency}  # fmt: skip


def say(message: str, intent: str, slots: dict | None = None) -> tuple[list[dict], dict]:
    dispatcher = CollectingDispatcher()
    t = tracker(message, intent, [], slots)
    events = asyncio.run(ACTIONS.get(intent, A.ActionOrient)().run(dispatcher, t, {}))
    return dispatcher.messages, {**(slots or {}), **slots_of(events)}


def mode_asked() -> dict:
    msgs, slots = say("je ne sais pas lire ni écrire bien, je veux aide pour papiers", "ask_help")
    assert slots["awaiting"] == "mode", text(msgs)
    return slots


@pytest.mark.parametrize("intent", list(ACTIONS))
@pytest.mark.parametrize("answer, mode", [
    ("avec qqn stp", "avec_moi"), ("avc quelqu'un", "avec_moi"), ("qlq1", "avec_moi"),
    ("qq1 svp", "avec_moi"), ("tt seul", "autonomie"), ("tte seule", "autonomie"),
])  # fmt: skip
def test_a_mode_in_sms_spelling_sets_the_mode(real, answer, mode, intent):
    msgs, slots = say(answer, intent, mode_asked())
    assert slots.get("mode") == mode, text(msgs)
    assert slots["awaiting"] == "location" and "Je ne trouve pas" not in text(msgs)


def test_a_town_given_instead_of_the_mode_gives_the_places_there(real):
    """The question asked once: the town given instead takes the default, and the places."""
    msgs, slots = say("Calais", "inform", mode_asked())
    assert slots["location"]["code_insee"] == "62193" and slots["mode"] == "avec_moi"
    said = text(msgs)
    assert "près de Calais" in said and "fasse la démarche avec vous" not in said, said
