"""Two needs, and the places found offer only one of them (round 18: Montluçon job + computer,
Roubaix cheap phone + learning, Calais CV + internet, Cholet Excel + job): the introduction
said "pour chercher du travail… et apprendre…". It says which need the places cover, and for the
other what the single-need answer says, with its help at a distance. Real actions on the real
embedded directory and Locator."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import formatting as fmt
from actions import needs as needs_mod
from tests.conftest_actions import (
    ent,
    tracker,
)


def answer(locator, town: str, needs: list[str]) -> tuple[str, dict]:
    slots = {"needs": needs, "mode": "avec_moi", "location": locator.locate(town).best.to_dict()}
    dispatcher = CollectingDispatcher()
    asyncio.run(
        A.ActionOrient().run(
            dispatcher, tracker(town, "inform", [ent("location", town)], slots=slots), {}
        )
    )
    [message] = [m for m in dispatcher.messages if m.get("custom")]
    return message["text"], message["custom"]["orienteur"]


@pytest.mark.parametrize("town, needs", [
    ("Montluçon", ["emploi", "ordinateur"]),
    ("Roubaix", ["materiel_achat", "ordinateur"]),
    ("Calais", ["emploi", "internet"]),
    ("Cholet", ["ordinateur", "emploi"]),
])  # fmt: skip
def test_the_introduction_says_the_need_no_place_listed_offers(real, locator, town, needs):
    text, payload = answer(locator, town, needs)
    offered = {s for place in payload["results"] for s in place["services"]}
    [missing] = [k for k in needs if needs_mod.NEEDS[k].service not in offered]
    [covered] = [k for k in needs if k != missing]
    missing_says, covered_says = needs_mod.NEEDS[missing].purpose, needs_mod.NEEDS[covered].purpose
    assert f"Aucun lieu n'annonce précisément « {missing_says} »" in text, text
    listing = text.split(". Voici", 1)[1]
    assert f"pour {covered_says} :" in listing and missing_says not in listing, text
    notes = payload.get("notes") or []
    if missing == "materiel_achat":  # a device: general help near, and the helpline beside
        assert any(n.startswith(f"Pour {missing_says}, ces lieux") and "Solidarité Numérique" in n
                   for n in notes), notes  # (tests/actions/test_equipment_remote.py)  # fmt: skip
        return
    assert any(n.startswith(f"À distance pour {missing_says} : Solidarité Numérique")
               for n in notes), notes  # fmt: skip


def test_both_needs_said_when_the_places_offer_both(real, locator):
    # Each need by some place, none both (round 19): which does which, never "pour A et B"
    # (tests/actions/test_which_does_which.py).
    text, payload = answer(locator, "Roubaix", ["demarches", "smartphone"])
    assert "n'annonce" not in text
    assert text.startswith("Voici 3 lieux près de Roubaix (59), aucun ne fait les deux. Pour "
                           "faire vos démarches"), text  # fmt: skip
    assert "; pour apprendre à vous servir de votre téléphone" in text


@pytest.mark.parametrize("town, needs", [("Montluçon", ["emploi", "ordinateur"]),
                                         ("Calais", ["emploi", "internet"])])  # fmt: skip
def test_a_two_need_answer_costs_one_search_and_says_what_a_second_would(
    real, locator, monkeypatch, town, needs
):
    searches: list = []
    search = real.search
    monkeypatch.setattr(real, "search", lambda query: searches.append(query) or search(query))
    _text, payload = answer(locator, town, needs)
    assert len(searches) == 1, [q.needs for q in searches]
    # The note is the one a search of the uncovered need alone gives.
    [note] = [n for n in payload["notes"] if n.startswith("À distance pour")]
    offered = {s for place in payload["results"] for s in place["services"]}
    [missing] = [needs_mod.NEEDS[k].service for k in needs
                 if needs_mod.NEEDS[k].service not in offered]  # fmt: skip
    alone = search(dataclasses.replace(searches[0], needs=(missing,), limit=1, offset=0))
    assert alone.results[0].distance_km > searches[0].radius_km or alone.nothing_near
    assert note.endswith(f" : {fmt.remote_list(alone.remote_options)}.")
