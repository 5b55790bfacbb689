""" "plus près ?" after a list that already starts with the nearest place (the tester's Tulle,
scanning, nearest 6.9 km; Chartres, free wifi, nearest 3 km): said plainly, "Il n'y a pas de
lieu plus près pour … ; le plus proche est à 6,9 km.", never the same list again. Real
embedded directory, the actions run as the action server runs them."""

from __future__ import annotations

import pytest

from tests.conftest_actions import (
    ent,
    run_as_the_action_server,
    said,
    slots_of,
    tracker,
)


def _first_list(message: str, town: str) -> tuple[dict, dict]:
    t = tracker(f"{message} à {town}", "ask_help", [ent("location", town)])
    answer = run_as_the_action_server(t)
    body = next(r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom"))
    return body, slots_of(answer["events"])


def _nearer(message: str, slots: dict, intent: str) -> tuple[str, list[dict]]:
    action = "action_fallback" if intent == "nlu_fallback" else "action_orient"
    answer = run_as_the_action_server(tracker(message, intent, slots=slots), action)
    text = " ".join(said(r) for r in answer["responses"])
    return text, [r for r in answer["responses"] if r.get("custom")]


@pytest.mark.parametrize("request_, town", [
    ("je dois scanner un document", "Tulle"),  # the tester's
    ("j'ai besoin du wifi gratuit", "Chartres"),  # the tester's
    ("scanner une feuille", "Tulle"),
    ("un accès internet gratuit", "Chartres"),
])  # fmt: skip
@pytest.mark.parametrize("message, intent", [
    ("plus près ?", "change_location"), ("y a rien de plus proche ?", "nlu_fallback"),
    ("c trop loin", "change_location"),
])  # fmt: skip
def test_nearer_when_the_list_starts_with_the_nearest_says_there_is_none(
    real, request_, town, message, intent
):
    body, slots = _first_list(request_, town)
    first = body["results"][0]
    km = [r["distance_km"] for r in body["results"]]
    assert km == sorted(km), body  # the nearest first, near to far
    text, lists = _nearer(message, slots, intent)
    assert not lists, lists  # not the same list again
    assert text.startswith("Il n'y a pas de lieu plus près pour "), text
    # then, a nearer place doing something else: why it is not listed (test_nearer_only_nearer)
    none, _, why = text.partition(" Plus près, à ")
    assert none.endswith(f" ; le plus proche est à {first['distance_text']}."), text
    assert not why or why.endswith(" ne propose pas cette aide d'après l'annuaire."), text
    assert text.count("?") == 0
