"""Corrections of the town already given or offered, as a tester wrote them: "non pas la
réunion, la martinique" after Saint-Pierre of La Réunion was taken, "celui près de Paris" among
the Saint-Denis offered; real gazetteer and embedded directory."""

from __future__ import annotations

import asyncio
import json

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from tests.actions.test_actions import text
from tests.conftest_actions import (
    ent,
    slots_of,
    tracker,
)


def say(message: str, intent: str, slots: dict, entities=()) -> tuple[list[dict], dict]:
    dispatcher = CollectingDispatcher()
    t = tracker(message, intent, list(entities), slots)
    events = asyncio.run(A.ActionOrient().run(dispatcher, t, {}))
    return dispatcher.messages, {**slots, **slots_of(events)}


@pytest.mark.parametrize("needs", [[], ["entreprise"]])
@pytest.mark.parametrize("correction, intent", [
    ("non pas la réunion, la martinique", "deny"),  # what the NLU reads
    ("non pas la réunion, la martinique", "inform"),
    ("pas celui de la Réunion, celui de la Martinique", "deny"),
])  # fmt: skip
def test_a_town_said_not_to_be_there_moves_to_the_departement_named(
    real, correction, intent, needs
):
    taken = "Saint-Pierre (974, La Réunion)"  # its button pressed
    button = "/inform" + json.dumps({"location": taken})
    _, slots = say(button, "inform", {"needs": needs}, [ent("location", taken)])
    assert slots["location"]["code_insee"] == "97416"
    msgs, slots = say(correction, intent, slots)
    assert slots["location"]["code_insee"] == "97225", text(msgs)
    assert "Saint-Pierre (972, Martinique)" in text(msgs)


@pytest.mark.parametrize("answer, entities, insee", [
    ("celui près de Paris", [ent("location", "Paris")], "93066"),  # what the NLU reads
    ("celui en Île-de-France", [], "93066"),
    ("celui près de Carcassonne", [], "11339"),
])  # fmt: skip
def test_the_town_offered_near_the_place_named_is_chosen(real, answer, entities, insee):
    _, slots = say("Saint-Denis", "inform", {"needs": ["smartphone"]})
    assert slots["awaiting"] == "location_choice"
    msgs, slots = say(answer, "inform", slots, entities)
    assert slots["location"]["code_insee"] == insee, text(msgs)


def test_a_neighbour_given_instead_of_a_choice_is_taken_as_itself(real):
    _, slots = say("Saint-Denis", "inform", {"needs": ["smartphone"]})
    _, slots = say("Aubervilliers", "inform", slots, [ent("location", "Aubervilliers")])
    assert slots["location"]["commune"] == "Aubervilliers"


@pytest.mark.parametrize("answer, insee", [
    ("la martinique", "97225"), ("non pas la réunion, la martinique", "97225"),
    ("celui de la Réunion", "97416"),
])  # fmt: skip
def test_saint_pierre_alone_asks_which_as_saint_denis_does(real, answer, insee):
    msgs, slots = say("Saint-Pierre", "inform", {"needs": ["smartphone"]})
    assert slots["awaiting"] == "location_choice", text(msgs)
    assert [c["code_insee"] for c in slots["location_choices"][:2]] == ["97416", "97225"]
    msgs, slots = say(answer, "inform", slots)
    assert slots["location"]["code_insee"] == insee, text(msgs)
