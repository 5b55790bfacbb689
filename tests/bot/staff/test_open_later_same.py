"""Nothing near open now: the chat (actions.search_run) and the desk (bot.staff.triage) apply one
rule (directory_client.open_later) and give the person the same near places, each saying when it
opens, for the same need, town and time."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from bot.staff.triage import triage
from directory_client import hours
from tests.clock import at
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
    tracker,
)

SUNDAY_2215 = datetime(2026, 12, 6, 22, 15, tzinfo=hours.PARIS)
MONDAY_0620 = datetime(2026, 12, 7, 6, 20, tzinfo=hours.PARIS)


def chat_places(text: str, town: str) -> tuple[str, list[str]]:
    dispatcher = CollectingDispatcher()
    asyncio.run(A.ActionOrient().run(dispatcher, tracker(text, "ask_help",
                                                         [ent("location", town)]), {}))
    [reco] = [m for m in dispatcher.messages if m.get("custom")]
    return reco["text"], [r["id"] for r in reco["custom"]["orienteur"]["results"]]


@pytest.mark.parametrize("need, town, moment", [
    ("je voudrais apprendre à me servir de ma tablette, un lieu ouvert maintenant", "Poitiers",
     SUNDAY_2215),
    ("créer une adresse mail tout de suite, ouvert maintenant", "Limoges", MONDAY_0620),
    ("imprimer un document, c'est urgent, ouvert maintenant", "Niort", SUNDAY_2215),
])
def test_chat_and_desk_give_the_same_near_places_when_nothing_is_open(
    real, locator, monkeypatch, need, town, moment
):
    at(monkeypatch, moment)
    intro, chat = chat_places(need, town)
    assert intro.startswith("Aucun lieu n'est ouvert en ce moment"), intro
    desk = triage(f"{need}, {town}", real, locator, now=moment)
    assert desk.location is not None and desk.location.commune == town
    assert [r.id for r in desk.results] == chat, [(r.name, r.distance_km) for r in desk.results]
    assert all(r.opening.open_now is not True for r in desk.results)
