"""A position shared in a big commune's town is said to be near that commune: the gazetteer's
point of a big commune is its town hall (data/town-halls.csv), not its geographic centre, which
may lie far off (Saint-Laurent-du-Maroni's 62 km up the river: a position in the town was "près
d'Awala-Yalimapo"; Kourou's 31 km inland: "près de Macouria"; Arles': "près de Fourques")."""

from __future__ import annotations

import pytest

from directory_client.display import of_place
from directory_client.locator import Locator


@pytest.fixture(scope="module")
def locator() -> Locator:
    return Locator()


@pytest.mark.parametrize("position, town", [
    ("5.502, -54.027", "Saint-Laurent-du-Maroni"),  # the town, by the river
    ("5.16, -52.65", "Kourou"),
    ("43.676, 4.63", "Arles"),  # the old town
    ("-21.28, 55.517", "Le Tampon"),
    ("-21.034, 55.713", "Saint-Benoît"),
])  # fmt: skip
def test_a_position_in_a_big_town_is_near_that_town(locator, position, town):
    best = locator.locate(position).best
    assert best.kind == "point", best
    said = f"Votre position (près {of_place(town)} ("
    assert best.commune == town and best.label.startswith(said), best


@pytest.mark.parametrize(("position", "said"), [
    ("43.676, 4.63", "Votre position (près d'Arles (13))"),
    ("49.494, 0.107", "Votre position (près du Havre (76))"),
    ("5.75, -53.93", "Votre position (près d'Awala-Yalimapo (973, Guyane))"),
])  # fmt: skip
def test_near_a_town_is_said_in_french(locator, position, said):
    """« près de Arles », « près de Le Havre » were the label's words (round 23)."""
    assert locator.locate(position).best.label == said
