"""Distances from a huge commune start at its village, not at its geographic centre (t194,
defect 21): Maripasoula (18,360 km², Guyane) was measured from a point 67 km south of the
village, and the France Services of Papaïchton, ≈ 20 km down the river, read « 92 km ».
directory_client/data/chefs-lieux.csv gives the village of Guyane's huge communes. Real
actions on the real embedded directory and Locator."""

from __future__ import annotations

import re

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent


@pytest.mark.parametrize(
    "text",
    [
        "je suis à Maripasoula, aide pour la CAF",
        "j'habite Maripasoula et je dois faire ma déclaration d'impôts en ligne",
        "Maripasoula : quelqu'un pour m'aider à remplir un dossier sur internet",
    ],
)
def test_maripasoula_is_measured_from_its_village(real, text):
    said = rest_text(Talk().say(text, "ask_help", [ent("location", "Maripasoula")]))
    assert "France services La Poste de Papaïchton (" in said, said
    km = int(re.search(r"Papaïchton \((\d+) km\)", said).group(1))
    assert 15 <= km <= 30, said
    assert "92 km" not in said, said



# Five villages were typed by hand in degrees and minutes (up to 1 km off); their points are now
# the villages' coordinates to the second (fr.wikipedia.org's infobox of each commune, read
# 2026-12-07): the distances a person reads start at the village itself.
@pytest.mark.parametrize("text, town, place, km", [
    ("je suis à Ouanary, aide pour la CAF", "Ouanary",
     "Pirogue France services de l'Est Guyanais", 38),
    ("j'habite Ouanary et j'ai besoin d'aide pour mes impôts en ligne", "Ouanary",
     "France services Sincère Mandé", 63),
    ("Maripasoula, qui peut m'aider pour mon dossier de retraite ?", "Maripasoula",
     "France services La Poste de Papaïchton", 22),
    ("je vis à Saint-Élie, il me faut de l'aide pour mon dossier de RSA",
     "Saint-Élie", "France services de Mana", 47),
    ("Saint-Élie : aide pour déclarer à la CAF s'il vous plaît", "Saint-Élie",
     "France services de Mana", 47),
])  # fmt: skip
def test_distances_start_at_the_village_to_the_second(real, text, town, place, km):
    said = rest_text(Talk().say(text, "ask_help", [ent("location", town)]))
    assert f"{place} ({km} km)" in said, said
