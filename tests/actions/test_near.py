"""The town in the sentence before the places, as a person writes it: "près du Havre"."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from directory_client import Locator
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
