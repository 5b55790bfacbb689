"""'Ouvert maintenant' against the real embedded directory, at the moment of issue 19 (Saturday
5 December 2026, 07:36 in Paris): true only for a place open now, and when the open places are
all far away, the near ones with when they open, saying so."""

from __future__ import annotations

import asyncio
from datetime import datetime

from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from directory_client import hours
from tests.clock import at
from tests.conftest_actions import (
    ent,
    slots_of,
    tracker,
)

SATURDAY_0736 = datetime(2026, 12, 5, 7, 36, tzinfo=hours.PARIS)
TUESDAY_1000 = datetime(2026, 12, 8, 10, 0, tzinfo=hours.PARIS)
ASK = "je dois faire ma retraite sur internet, je cherche un lieu ouvert maintenant"


def orient(text: str):
    dispatcher = CollectingDispatcher()
    t = tracker(text, "ask_help", [ent("location", "Angoulême")])
    events = asyncio.run(A.ActionOrient().run(dispatcher, t, {}))
    [reco] = [m for m in dispatcher.messages if m.get("custom")]
    return reco["text"], reco["custom"]["orienteur"], slots_of(events)


def test_saturday_morning_gives_the_near_places_and_when_they_open(real, monkeypatch):
    at(monkeypatch, SATURDAY_0736)
    intro, payload, slots = orient(ASK)
    assert intro.startswith("Aucun lieu n'est ouvert en ce moment près d'Angoulême"), intro
    assert "quand ils ouvrent" in intro
    results = payload["results"]
    assert len(results) == 3
    assert all(r["distance_km"] <= 30 for r in results), [r["distance_km"] for r in results]
    for r in results:  # true opening times: none is "open" at 07:36
        assert r["open_now"] is not True, r
        if r["open_now"] is False:
            assert r["opening_text"].startswith("Fermé. Ouvre"), r["opening_text"]
    assert "open_at" not in payload["filters"]  # the filter is not claimed
    assert "ouvert_maintenant" not in (slots.get("constraints") or [])  # "autres": near ones


def test_when_near_places_are_open_only_open_ones_are_given(real, monkeypatch):
    at(monkeypatch, TUESDAY_1000)
    intro, payload, _ = orient(ASK)
    assert "ouverts maintenant" in intro and "Aucun lieu" not in intro, intro
    results = payload["results"]
    assert results and all(r["open_now"] is True for r in results)
    assert all(r["opening_text"].startswith("Ouvert maintenant") for r in results)
    assert all(r["distance_km"] <= 30 for r in results)
    assert "open_at" in payload["filters"]
