"""Set AQ over REST (round 24): « Mon téléphone affiche en rouge « DANGER virus détecté, appelez ce
numéro ». Je n'ai pas appelé. C'est vrai ? » was read as asking for a person (the popup's « appelez
ce numéro »): the helpline's number came alone, twice, and the scam question was never served.
Words in quotes are what a screen, a letter or a text message said, not what the person asks:
when they hold the request for a person and the person's own words state a need, the need is
served."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation_actions import ActionHumanHandoff
from tests.conftest_actions import (
    said,
    tracker,
)


def _answer(text: str) -> list[dict]:
    dispatcher = CollectingDispatcher()
    asked = tracker(text, "human_handoff", None, {})
    asyncio.run(ActionHumanHandoff().run(dispatcher, asked, {}))
    return dispatcher.messages


@pytest.mark.parametrize("text", [
    "mon ordi affiche « votre ordinateur est bloqué, appelez le support Microsoft au 09 » c'est "
    "une arnaque ? je suis à Rennes",
    "j'ai reçu un SMS \"votre colis est bloqué, contactez un conseiller\" c'est normal ? j'habite "
    "à Rennes",
])  # fmt: skip
def test_a_quoted_request_to_call_is_no_request_for_a_person(real, text):
    msgs = _answer(text)
    kinds = [(m.get("custom") or {}).get("orienteur", {}).get("type") for m in msgs]
    assert "handoff" not in kinds, [said(m) for m in msgs]
    assert "recommendation" in kinds, [said(m) for m in msgs]


def test_asking_for_a_person_still_gets_the_helpline(real):
    msgs = _answer("je préfère parler à quelqu'un au téléphone")
    kinds = [(m.get("custom") or {}).get("orienteur", {}).get("type") for m in msgs]
    assert "handoff" in kinds, [said(m) for m in msgs]
