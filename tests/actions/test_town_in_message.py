"""A town named inside a first message that the NLU did not tag (round 15's tester: asked again
though each town worked alone), and ordinary words that are communes' names never taken for
one; with the real gazetteer and the real embedded directory."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from tests.actions.test_actions import text
from tests.conftest_actions import (
    slots_of,
    tracker,
)


def orient(message: str, slots: dict | None = None) -> tuple[list[dict], dict]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        A.ActionOrient().run(dispatcher, tracker(message, "ask_help", [], slots), {})
    )
    return dispatcher.messages, slots_of(events)


@pytest.mark.parametrize(
    "message, insee",
    [
        ("dame 80 ans, dossier retraite, Roubaix, pas d'ordi pas de mail", "59512"),
        ("jeune 19 ans, sans emploi, veut faire son CV, Amiens. Il a un téléphone mais pas d'ordi",
         "80021"),
        ("je veux faire mon CV, Amiens. J'ai un téléphone", "80021"),
        ("bonsoir, je voudrais apprendre à utiliser internet, je suis à la retraite et j'habite un "
         "petit village, Saint-Julien-de-Jonzy", "71434"),
        ("j'habite Saint-Julien-de-Jonzy, je voudrais apprendre internet", "71434"),
        ("Mamoudzou aide dossier caf", "97611"),
        ("j'habite roubaix, je voudrais de l'aide pour ma retraite", "59512"),
    ],
)  # fmt: skip
def test_a_town_inside_the_first_message_is_taken(real, message, insee):
    msgs, slots = orient(message)
    assert (slots.get("location") or {}).get("code_insee") == insee, msgs
    assert slots.get("awaiting") != "location", msgs


def test_a_town_with_homonyms_inside_a_message_asks_which(real):
    msgs, slots = orient("ma mère a 85 ans, dossier retraite, elle habite Saint-Denis, merci")
    assert slots["awaiting"] == "location_choice"
    assert {c["code_insee"] for c in slots["location_choices"]} >= {"97411", "93066"}


@pytest.mark.parametrize(
    "message",
    [
        "Orange m'a coupé internet, je dois faire ma demande CAF",  # Orange (84)
        "mon compte insta a ete pirate, le mec a change le mail",  # Changé (53)
        "Mon fils a eu un téléphone, comment le protéger ?",  # Eu (76)
        "ya des cours avec des ordis sur place pour apprendre ?",  # Placé (53)
        "Sens interdit pour moi l'ordinateur, je veux apprendre",  # Sens (89), first word
        "Aucun ordi à la maison, je dois faire ma demande CAF",  # Aucun (65)
        "Marie m'a dit de faire ma demande de retraite en ligne",  # Marie (06)
    ],
)
def test_ordinary_words_that_are_communes_are_no_town(real, message):
    msgs, slots = orient(message)
    assert not slots.get("location"), (message, slots.get("location"))
    assert slots.get("awaiting") in ("location", "mode", "need", "need_choice"), msgs


def read(message: str, intent: str, tagged: list[tuple[str, int]]) -> tuple[str, dict]:
    """The first message as the action gets it: the model's intent and its ``location``
    entities (value, start) as the model of 2026-12-06 06:05 tags them."""
    entities = [
        {"entity": "location", "value": v, "start": s, "end": s + len(v)} for v, s in tagged
    ]
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        A.ActionOrient().run(dispatcher, tracker(message, intent, entities, {}), {})
    )
    return text(dispatcher.messages), slots_of(events)


@pytest.mark.parametrize("message, intent, tagged", [
    ("ma box Orange ne marche plus", "out_of_scope", [("Orange", 7)]),
    ("mon forfait Orange est trop cher, je veux comprendre ma facture", "ask_help",
     [("Orange", 12)]),
    ("je suis allé à la boutique Orange mais ils ne m'ont pas aidé", "ask_help", [("Orange", 27)]),
    ("Orange m'a coupé internet, je dois faire ma demande CAF", "ask_help", [("Orange", 0)]),
    ("Mme T., 88 ans, seule, demande qu'on lui apprenne à répondre aux appels vidéo de sa fille",
     "ask_help", [("Mme T", 0)]),
    ("M. Martin, 75 ans, dossier retraite, pas d'ordinateur", "ask_help",
     [("M", 0), ("Martin", 3)]),
    ("pour Noël je voudrais offrir une tablette à ma mère", "ask_help", [("Noël", 5)]),
    ("Marie m'a dit de faire ma demande de retraite en ligne", "ask_help", [("Marie", 0)]),
    ("je dois faire ma déclaration avant le 15 mars", "ask_help", [("mars", 41)]),
])  # fmt: skip
def test_the_models_false_towns_are_no_town(real, message, intent, tagged):
    said, slots = read(message, intent, tagged)
    assert not slots.get("location"), (message, slots.get("location"), said)
    assert slots.get("awaiting") != "location_choice", said  # "plusieurs communes"
    assert "Je ne trouve pas" not in said and "chercherai près" not in said, said


@pytest.mark.parametrize("message, intent, tagged, insee", [
    ("j'habite à Orange, je voudrais de l'aide pour la CAF", "ask_help", [], "84087"),
    ("j'habite à Orange, je voudrais de l'aide pour la CAF", "ask_help", [("Orange", 11)],
     "84087"),
    ("je suis à Orange et ma box ne marche plus", "ask_help", [], "84087"),
    ("Orange 84100", "inform", [("Orange", 0), ("84100", 7)], "84087"),
    ("aide pour ma retraite, Orange (84)", "ask_help", [], "84087"),
    ("je suis à Noël-Cerneux, je voudrais apprendre internet", "ask_help", [], "25425"),
    ("je suis à Noël-Cerneux, je voudrais apprendre internet", "ask_help", [("Noël", 10)],
     "25425"),
    ("Mme T., 80 ans, dossier retraite, Roubaix", "ask_help", [("Mme T", 0), ("Roubaix", 34)],
     "59512"),
    ("je cherche de l'aide pour la caf, je suis a nice", "ask_help", [], "06088"),
])  # fmt: skip
def test_real_towns_beside_those_words_are_kept(real, message, intent, tagged, insee):
    said, slots = read(message, intent, tagged)
    assert (slots.get("location") or {}).get("code_insee") == insee, said
