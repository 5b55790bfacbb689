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

