"""A list whose places are all beyond the search radius is never "près de" (round 18: "montage
vidéo, Limoges" → "Voici 2 lieux près de Limoges" at 99 and 86 km, where Lyon falls back to
general help near). Real actions on the real embedded directory and Locator."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import formatting as fmt
from tests.conftest_actions import (
    ent,
    tracker,
)


def answer(locator, town: str, needs: list[str], constraints=()) -> tuple[str, dict]:
    slots = {"needs": needs, "mode": "avec_moi", "location": locator.locate(town).best.to_dict(),
             "constraints": list(constraints)}  # fmt: skip
    dispatcher = CollectingDispatcher()
    asyncio.run(A.ActionOrient().run(
        dispatcher, tracker(town, "inform", [ent("location", town)], slots=slots), {}))
    [message] = [m for m in dispatcher.messages if m.get("custom")]
    return message["text"], message["custom"]["orienteur"]


@pytest.mark.parametrize("town", ["Limoges", "Lyon"])
def test_a_precise_service_only_far_away_gives_the_general_help_near(real, locator, town):
    text, payload = answer(locator, town, ["loisirs"])
    assert text.startswith("Aucun lieu n'annonce précisément « créer avec le numérique"), text
    km = [p["distance_km"] for p in payload["results"]]
    assert km and max(km) <= 30, km
    assert payload["searched"] == ["Maîtrise des outils numériques du quotidien"]


def test_a_list_found_past_the_radius_says_the_nearest_distance_not_pres_de():
    said = fmt.intro_text(3, where="près de Foix (09)", what="vous servir d'internet",
                          constraints=["samedi"], nothing_near=True, nearest_km="44 km")
    assert said == ("Il n'y a pas de lieu tout près de Foix (09) pour vous servir d'internet "
                    "(lieux ouverts le samedi). Le plus proche est à 44 km ; voici les 3 plus "
                    "proches :")


def test_general_help_found_only_past_the_radius_says_how_far_the_nearest_is(real, locator):
    """Millau, "internet au quotidien": nothing within 30 km, the places at 33-42 km were
    "Voici 3 lieux près de Millau (12)". Measured from Millau's town hall (round 23) the nearest
    is 29.9 km: La Cavalerie, on the Larzac above it, is the case now."""
    text, payload = answer(locator, "La Cavalerie", ["quotidien"])
    nearest = min(p["distance_km"] for p in payload["results"])
    assert nearest > 30
    assert "près de La Cavalerie" not in text.replace("tout près de La Cavalerie", ""), text
    assert text.startswith("Il n'y a pas de lieu tout près de La Cavalerie (12)"), text
    assert "Le plus proche est à 33 km" in text, text
    assert payload["nothing_near"] is True
    assert any("Solidarité Numérique" in n for n in payload["notes"]), payload["notes"]


@pytest.mark.parametrize("need", ["smartphone", "ordinateur"])
def test_places_found_only_a_long_way_off_within_the_radius_are_not_pres_de(real, locator, need):
    """Round 20's tester: "apprendre à utiliser mon portable, Laval" → "Voici 3 lieux près de
    Laval (53)" at 20, 28 and 29 km, no word of the distance nor of remote help."""
    text, payload = answer(locator, "Laval (53)", [need])
    nearest = min(p["distance_km"] for p in payload["results"])
    assert 15 < nearest <= 30, nearest
    assert text.startswith("Il n'y a pas de lieu tout près de Laval (53)"), text
    assert f"Le plus proche est à {round(nearest)} km" in text, text
    assert payload["nothing_near"] is True
    assert any("Solidarité Numérique" in n for n in payload["notes"]), payload["notes"]


def test_a_place_in_town_is_still_pres_de(real, locator):
    text, payload = answer(locator, "Guéret", ["smartphone"])
    assert min(p["distance_km"] for p in payload["results"]) < 15
    assert "près de Guéret" in text and not text.startswith("Il n'y a pas"), text
