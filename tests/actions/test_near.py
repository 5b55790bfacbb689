"""The town in the sentence before the places, as a person writes it: "près du Havre"."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions.texts import text
from bot.channels import render
from directory_client import Locator
from directory_client.departements import DEPARTEMENTS, located_in
from tests.conftest_actions import ent, tracker


@pytest.fixture(scope="module")
def real(embedded_directory):
    A.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    A.set_backends(None, None)


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
    [reco] = [m for m in dispatcher.messages if m.get("custom")]
    assert f"lieux {said} pour" in reco["text"], reco["text"]
    last = next(e["value"] for e in events if e.get("name") == "last_search")
    summary = CollectingDispatcher()
    asyncio.run(
        A.ActionSendSummary().run(
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


def test_a_departement_wide_answer_gives_no_distance(real):
    # "À 4,3 km" of the département's centre, where nobody is, read as the person's distance.
    dispatcher = CollectingDispatcher()
    asked = tracker("j'ai besoin d'aide pour mes papiers", "ask_help", [ent("location", "Nord")])
    asyncio.run(A.ActionOrient().run(dispatcher, asked, {}))
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
