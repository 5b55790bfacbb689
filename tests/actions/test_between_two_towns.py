"""A person between two towns near each other is shown the places between them, never asked to
pick one (round 29's tester, a10: « un endroit pour scanner des documents, entre Niort et La
Rochelle » got « Où dois-je chercher : près de Niort ou de La Rochelle ? »). The search runs
around the main commune half-way, and the answer says so: « entre Niort et La Rochelle, près de
… ». Two towns far apart (over 60 km) are still asked about. Real actions, the real embedded
directory and Locator; what a REST client reads."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

ASKED = "Où dois-je chercher"


def _half_way(message: str, tagged: list[str], intent: str = "ask_help") -> tuple[str, dict]:
    msgs = Talk().say(message, intent, [ent("location", t) for t in tagged])
    said = rest_text(msgs)
    assert ASKED not in said, said
    lists = [p for p in payloads(msgs) if p.get("results")]
    assert lists, said
    return said, lists[0]


@pytest.mark.parametrize("message, tagged, between, one, other", [
    ("je cherche un endroit pour scanner des documents, entre Niort et La Rochelle",
     ["Niort", "La Rochelle"], "entre Niort et La Rochelle, près de", "Niort", "La Rochelle"),
    ("j'habite entre Vannes et Auray, je voudrais apprendre à utiliser ma tablette", ["Vannes"],
     "entre Vannes et Auray, près de", "Vannes", "Auray"),
    ("aide pour la CAF, je suis à mi-chemin de Nantes et de Saint-Nazaire", ["Nantes"],
     "entre Nantes et Saint-Nazaire, près de", "Nantes", "Saint-Nazaire"),
    ("on vit entre Mauzé-sur-le-Mignon et Surgères, besoin d'aide pour un dossier retraite", [],
     "entre Mauzé-sur-le-Mignon et Surgères, près de", "Mauzé", "Surgères"),
    ("faire ma carte grise en ligne, entre 79000 et 17300", [],
     "entre Niort et Rochefort, près de", "Niort", "Rochefort"),
])  # fmt: skip
def test_between_two_towns_near_each_other_the_places_between_them_said_so(
    real, message, tagged, between, one, other
):
    said, listed = _half_way(message, tagged)
    assert between in said.split("\n\n1. ")[0], said
    lat, lon = listed["location"]["lat"], listed["location"]["lon"]
    assert lat is not None and lon is not None, listed["location"]


def test_half_way_between_niort_and_la_rochelle_lies_between_them(real):
    _, listed = _half_way("entre Niort et La Rochelle, pour apprendre l'ordinateur", [])
    lon = listed["location"]["lon"]
    assert -1.15 < lon < -0.46, listed["location"]  # east of La Rochelle, west of Niort


@pytest.mark.parametrize("message, tagged, question", [
    ("entre Lille et Marseille, pour la CAF", ["Lille", "Marseille"],
     "Où dois-je chercher : près de Lille ou de Marseille ?"),
    ("je suis entre Lyon et Grenoble, aide pour les impôts", ["Lyon", "Grenoble"],
     "Où dois-je chercher : près de Lyon ou de Grenoble ?"),
])  # fmt: skip
def test_two_towns_far_apart_are_still_asked_about(real, message, tagged, question):
    msgs = Talk().say(message, "ask_help", [ent("location", t) for t in tagged])
    said = rest_text(msgs)
    assert question in said, said
