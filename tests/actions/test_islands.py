"""A place across the sea is never the nearest door (t194, defect 8): someone on Saint-Martin
asking for an affordable computer, or to learn their phone, was given three places in Guadeloupe,
246–260 km off on another island, as if they could walk in. From an island, its own places only
(``directory_client.islands``); when none there does the need, said so, the island's France
Services named (they can help or redirect) and the help at a distance. Real actions on the real
embedded directory and Locator."""

from __future__ import annotations

import re

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent


def answer(text: str, town: str) -> tuple[str, list[dict]]:
    """The answer, the island chosen when the homonyms are asked (« Saint-Martin » is the
    island's and some mainland villages' name: round 30, D10)."""
    talk = Talk()
    msgs = talk.say(text, "ask_help", [ent("location", town)])
    island = [b["title"] for m in msgs for b in m.get("buttons") or [] if "(978" in b["title"]]
    if island:
        msgs = talk.say(f'/inform{{"location": "{island[0]}"}}', "inform",
                        [ent("location", island[0])])  # fmt: skip
    results = [r for p in payloads(msgs) for r in p.get("results") or []]
    return rest_text(msgs), results


@pytest.mark.parametrize(
    "text",
    [
        "je suis à Saint-Martin et je veux un ordi pas cher",
        "je suis à Saint-Martin, apprendre à me servir de mon téléphone",
        "où acheter un ordinateur d'occasion pas trop cher à Saint-Martin",
        "ma mère vit à Saint-Martin, elle voudrait apprendre à utiliser sa tablette",
        "Saint-Martin : un cours pour débutant sur l'ordinateur",
    ],
)
def test_saint_martin_gets_the_island_s_places_never_guadeloupe(real, text):
    said, results = answer(text, "Saint-Martin")
    assert "km)" in said and results, said
    assert all(r["distance_km"] < 30 for r in results), said
    assert "97150 Saint-Martin" in said and "Guadeloupe" not in said, said
    assert "Port-Louis" not in said and "Pointe-à-Pitre" not in said, said
    assert "France services de Sandy Ground" in said, said
    assert "Solidarité Numérique" in said, said  # the help at a distance


def test_saint_martin_says_no_place_there_announces_the_need(real):
    said, _results = answer("je suis à Saint-Martin et je veux un ordi pas cher", "Saint-Martin")
    assert said.startswith("Aucun lieu n'annonce précisément"), said
    assert "près de Saint-Martin (978, Saint-Martin)" in said, said


@pytest.mark.parametrize(
    ("text", "town", "postcodes"),
    [
        ("apprendre l'ordinateur à Terre-de-Haut", "Terre-de-Haut", ("97137", "97136")),
        ("je suis à Terre-de-Bas, je veux apprendre à me servir d'un smartphone", "Terre-de-Bas",
         ("97137", "97136")),
        ("besoin d'aide pour la CAF à Ajaccio", "Ajaccio", ("20",)),
        ("apprendre à utiliser internet à Saint-Pierre de la Réunion", "Saint-Pierre", ("974",)),
    ],
)  # fmt: skip
def test_an_island_s_own_places_only(real, text, town, postcodes):
    said, results = answer(text, town)
    assert results, said
    codes = [re.findall(r"\b\d[\dAB]\d{3}\b", r["address"] or "")[-1:] for r in results]
    assert all(c and c[0].startswith(postcodes) for c in codes), (codes, said)
