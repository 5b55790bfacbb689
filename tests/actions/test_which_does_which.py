"""Two needs, the places listed do not all do both (round 19's tester: "MDPH + internet", "Voici
3 lieux … pour faire vos démarches et utiliser internet" when none did both): the heading says
which place does which, read from each place's services in the payload, and "aucun ne fait les
deux" when none does. Real actions on the real embedded directory and Locator."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import formatting as fmt
from actions import needs as needs_mod
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
    tracker,
)


def answer(locator, town: str, needs: list[str], procedure: str | None) -> tuple[str, dict]:
    slots = {"needs": needs, "mode": "avec_moi", "procedures": [procedure] if procedure else [],
             "location": locator.locate(town).best.to_dict()}  # fmt: skip
    dispatcher = CollectingDispatcher()
    t = tracker(town, "inform", [ent("location", town)], slots=slots)
    asyncio.run(A.ActionOrient().run(dispatcher, t, {}))
    [message] = [m for m in dispatcher.messages if m.get("custom")]
    return message["text"], message["custom"]["orienteur"]


def doing(payload: dict, need: str) -> list[int]:
    service = needs_mod.NEEDS[need].service
    return [p["number"] for p in payload["results"] if service in p["services"]]


def places_said(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"lieu {numbers[0]}"
    return "lieux " + ", ".join(map(str, numbers[:-1])) + f" et {numbers[-1]}"


@pytest.mark.parametrize("town, needs, procedure, none_both", [
    ("Calais", ["demarches", "quotidien"], None, True),
    ("Limoges", ["demarches", "ordinateur"], None, True),
    ("Calais", ["demarches", "quotidien"], "mdph", True),
    ("Angoulême", ["demarches", "quotidien"], "carte_grise", False),  # place 3 does both
    ("Lyon", ["demarches", "internet"], "mdph", False),
])  # fmt: skip
def test_the_heading_says_which_place_does_which_need(real, locator, town, needs, procedure,
                                                      none_both):
    text, payload = answer(locator, town, needs, procedure)
    first, second = (doing(payload, k) for k in needs)
    assert first and second and (first != second or len(first) < len(payload["results"]))
    assert not set(first) & set(second) if none_both else set(first) & set(second)
    assert ("aucun ne fait les deux" in text) == none_both, text
    named = procedure if procedure else None
    one = fmt.need_phrase([needs[0]], named)
    other = needs_mod.NEEDS[needs[1]].purpose
    assert f"pour {one} et {other}" not in text  # never both promised
    assert f"our {one} : {places_said(first)}" in text, text
    assert f"our {other} : {places_said(second)}." in text, text


def test_both_said_when_every_place_does_both(real, locator):
    text, payload = answer(locator, "Angoulême", ["demarches", "internet"], "mdph")
    assert all(len(doing(payload, k)) == 3 for k in ("demarches", "internet"))
    assert text == ("Voici 3 lieux près d'Angoulême (16) pour vos démarches avec la MDPH "
                    "(handicap) et un endroit avec internet :")  # fmt: skip
