"""The town in the sentence before the places, as a person writes it: "près du Havre"."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions.conversation_actions import ActionSmalltalk
from actions.place_actions import ActionSendSummary
from actions.safety_actions import ActionFallback
from actions.texts import text
from bot.channels import render
from directory_client.departements import DEPARTEMENTS, located_in
from tests.conftest_actions import (
    ent,
    tracker,
)
from tests.conftest_actions import said as reads


@pytest.mark.parametrize(
    "town, said",
    [
        ("Le Havre", "près du Havre (76)"),
        ("Les Mureaux", "près des Mureaux (78)"),
        ("La Rochelle", "près de La Rochelle (17)"),
        ("L'Haÿ-les-Roses", "près de L'Haÿ-les-Roses (94)"),
        ("Angoulême", "près d'Angoulême (16)"),
        ("Lens", "près de Lens (62)"),
    ],
)
def test_the_town_is_named_with_its_article_contracted(real, town, said):
    dispatcher = CollectingDispatcher()
    asked = tracker("j'ai besoin d'aide pour mes papiers", "ask_help", [ent("location", town)])
    asyncio.run(A.ActionOrient().run(dispatcher, asked, {}))
    [reco] = [m for m in dispatcher.messages if m.get("custom")]
    assert f" {said} " in reco["text"], reco["text"]


@pytest.mark.parametrize(
    "said_by_the_person, said",
    [
        ("Nord", "dans le Nord"),
        ("Gironde", "en Gironde"),
        ("la Réunion", "à La Réunion"),
        ("Bouches-du-Rhône", "dans les Bouches-du-Rhône"),
        ("Seine-Saint-Denis", "en Seine-Saint-Denis"),
        ("Val-d'Oise", "dans le Val-d'Oise"),
        ("Mayotte", "à Mayotte"),
        ("Somme", "dans la Somme"),
        ("Ain", "dans l'Ain"),
    ],
)
def test_a_departement_is_named_with_its_preposition_and_article(real, said_by_the_person, said):
    # QA read "près de Nord (59)"; the chat then keeps it for "envoyez-le moi".
    dispatcher = CollectingDispatcher()
    asked = tracker(
        "j'ai besoin d'aide pour mes papiers", "ask_help", [ent("location", said_by_the_person)]
    )
    events = asyncio.run(A.ActionOrient().run(dispatcher, asked, {}))
    [question] = dispatcher.messages
    assert reads(question).startswith(f"Quelle est votre commune {said} ?"), reads(question)
    dispatcher, events = anywhere_in_it(events)
    [reco] = [m for m in dispatcher.messages if m.get("custom")]
    assert f"lieux {said} pour" in reco["text"], reco["text"]
    last = next(e["value"] for e in events if e.get("name") == "last_search")
    summary = CollectingDispatcher()
    asyncio.run(
        ActionSendSummary().run(
            summary, tracker("envoyez-le moi", "send_summary", slots={"last_search": last}), {}
        )
    )
    [sent] = summary.messages
    assert text(sent["response"], what=sent["what"], near=sent["near"]).endswith(f" {said}.")


def test_every_departement_has_its_phrase():
    phrases = {code: located_in(code) for code in DEPARTEMENTS}
    assert all(p.split(" ")[0] in ("en", "dans", "à") for p in phrases.values()), phrases
    assert [phrases[c] for c in ("59", "33", "974", "13", "93", "95", "976", "2A", "01")] == [
        "dans le Nord", "en Gironde", "à La Réunion", "dans les Bouches-du-Rhône",
        "en Seine-Saint-Denis", "dans le Val-d'Oise", "à Mayotte", "en Corse-du-Sud",
        "dans l'Ain",
    ]  # fmt: skip


def anywhere_in_it(events: list, answer: str = "peu importe", intent: str = "inform"):
    """The answer to "Quelle est votre commune dans le Nord ?": the whole département."""
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(A.ActionOrient().run(dispatcher, tracker(answer, intent, slots=slots), {}))
    return dispatcher, events


def test_a_departement_wide_answer_gives_no_distance(real):
    # "À 4,3 km" of the département's centre, where nobody is, read as the person's distance.
    dispatcher = CollectingDispatcher()
    asked = tracker("j'ai besoin d'aide pour mes papiers", "ask_help", [ent("location", "Nord")])
    events = asyncio.run(A.ActionOrient().run(dispatcher, asked, {}))
    dispatcher, _events = anywhere_in_it(events)
    [reco] = [m for m in dispatcher.messages if m.get("custom")]
    places = reco["custom"]["orienteur"]["results"]
    assert places and all(p["distance_text"] is None for p in places), places
    assert " km" not in render.plain_text(reco["text"], reco["custom"]["orienteur"])
    # A town's answer keeps the person's distance.
    town = CollectingDispatcher()
    asked = tracker("j'ai besoin d'aide pour mes papiers", "ask_help", [ent("location", "Lille")])
    asyncio.run(A.ActionOrient().run(town, asked, {}))
    [reco] = [m for m in town.messages if m.get("custom")]
    assert all(p["distance_text"] for p in reco["custom"]["orienteur"]["results"])


def orient(text: str, slots: dict | None = None, entities: list | None = None,
           intent: str = "inform") -> tuple[list[dict], dict]:  # fmt: skip
    dispatcher = CollectingDispatcher()
    events = asyncio.run(A.ActionOrient().run(dispatcher, tracker(text, intent, entities,
                                                                  slots=slots), {}))  # fmt: skip
    return dispatcher.messages, {**(slots or {}), **{e["name"]: e["value"] for e in events
                                                     if e.get("event") == "slot"}}  # fmt: skip


@pytest.mark.parametrize("message, entity, said", [
    ("je suis dans le Nord, je veux apprendre à me servir de ma tablette", "Nord", "dans le Nord"),
    ("je veux apprendre à me servir de ma tablette, dans le 62", "62", "dans le Pas-de-Calais"),
    ("apprendre à me servir de ma tablette en Dordogne", "Dordogne", "en Dordogne"),
])  # fmt: skip
def test_a_departement_alone_asks_the_town_in_one_question(real, message, entity, said):
    # The places were searched from the département's centre: for someone in Dunkerque, "dans le
    # Nord" gave places around Lille, 70 km away.
    messages, slots = orient(message, intent="ask_help", entities=[ent("location", entity)])
    [question] = messages
    assert reads(question) == (
        f"Quelle est votre commune {said} ? Je chercherai les lieux les plus proches de chez vous."
    )
    assert [b["title"] for b in question["buttons"]] == ["Peu importe"]
    assert not question.get("custom") and slots["awaiting"] == "location"
    # The town given: the places near it, with their distance.
    town = {"dans le Nord": "Dunkerque", "dans le Pas-de-Calais": "Arras",
            "en Dordogne": "Bergerac"}[said]  # fmt: skip
    messages, after = orient(town, slots, [ent("location", town)])
    [reco] = [m for m in messages if m.get("custom")]
    assert reco["text"].startswith("Voici 3 lieux près ") and f"{town} (" in reco["text"]
    places = reco["custom"]["orienteur"]["results"]
    assert all(p["distance_text"] for p in places) and places[0]["distance_km"] < 5, places


@pytest.mark.parametrize("answer, intent", [
    ("peu importe", "inform"), ("peu importe", "deny"), ("n'importe où", "nlu_fallback"),
    ("partout dans le Nord", "inform"), ("ça m'est égal", "chitchat"),
])  # fmt: skip
def test_anywhere_in_the_departement_keeps_a_departement_wide_answer(real, answer, intent):
    _, slots = orient("apprendre à me servir de ma tablette dans le Nord", intent="ask_help",
                      entities=[ent("location", "Nord")])  # fmt: skip
    assert slots["awaiting"] == "location"
    action = {"nlu_fallback": ActionFallback(), "chitchat": ActionSmalltalk()}.get(
        intent, A.ActionOrient())
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker(answer, intent, slots=slots), {}))
    [reco] = [m for m in dispatcher.messages if m.get("custom")]
    assert " lieux dans le Nord pour " in reco["text"], reco["text"]


def test_anywhere_said_with_the_departement_answers_at_once(real):
    messages, slots = orient("apprendre à me servir de ma tablette, n'importe où dans le 62",
                             intent="ask_help", entities=[ent("location", "62")])  # fmt: skip
    [reco] = [m for m in messages if m.get("custom")]
    assert " lieux dans le Pas-de-Calais pour " in reco["text"], reco["text"]


def test_a_town_of_a_shared_name_is_the_one_in_the_departement_given(real):
    _, slots = orient("apprendre à me servir de ma tablette à La Réunion", intent="ask_help",
                      entities=[ent("location", "La Réunion")])  # fmt: skip
    assert slots["awaiting"] == "location"
    messages, slots = orient("Saint-Pierre", slots, [ent("location", "Saint-Pierre")])
    assert slots["location"]["code_insee"] == "97416"
    assert [m for m in messages if m.get("custom")]


def test_a_departement_answering_a_choice_of_towns_is_that_town(real):
    # "Saint-Denis" → "le 93" is Saint-Denis (93), not the whole Seine-Saint-Denis.
    _, slots = orient("Saint-Denis", {"needs": ["smartphone"]}, [ent("location", "Saint-Denis")])
    assert slots["awaiting"] == "location_choice"
    messages, slots = orient("le 93", slots)
    assert slots["location"]["code_insee"] == "93066"
    [reco] = [m for m in messages if m.get("custom")]
    assert "près de Saint-Denis (93)" in reco["text"]


@pytest.mark.parametrize("answer, entity, town", [
    ("Orange dans le Vaucluse", "le Vaucluse", "d'Orange (84)"),
    ("Sens, dans l'Yonne", "l'Yonne", "de Sens (89)"),
])  # fmt: skip
def test_a_commune_said_with_its_departement_is_the_commune(real, answer, entity, town):
    # The model tags only the département: the person was asked for the commune in a loop.
    messages, slots = orient("je veux apprendre à me servir de ma tablette", intent="ask_help")
    messages, after = orient(answer, slots, [ent("location", entity)])
    [reco] = [m for m in messages if m.get("custom")]
    assert f"près {town}" in reco["text"], reco["text"]
