"""A position shared in a big commune's town is said to be near that commune: the gazetteer's
point of a big commune is its town hall (data/town-halls.csv), not its geographic centre, which
may lie far off (Saint-Laurent-du-Maroni's 62 km up the river: a position in the town was "près
d'Awala-Yalimapo"; Kourou's 31 km inland: "près de Macouria"; Arles': "près de Fourques")."""

from __future__ import annotations

import pytest

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
    assert best.commune == town and f"près de {town}" in best.label, best
