"""The whole name of a town written around the part the NLU tagged
(``directory_client.written_names``), and the arrondissement said beside its city, as the
locator reads them (round 25's tester, t160 defects 2, 3, 4 and 9)."""

from __future__ import annotations

import pytest

from directory_client import Locator
from directory_client.written_names import piece_around, whole_place


@pytest.fixture(scope="module")
def locator() -> Locator:
    return Locator()


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("apprendre à me servir de mon téléphone à Chalon sur Saône", "Saône",
         "Chalon sur Saône"),
        ("je cherche de l'aide à Chalons en Champagne", "Champagne", "Chalons en Champagne"),
        ("j'habite Saint-Chély-d'Apcher en Lozère", "Apcher", "Saint-Chély-d'Apcher"),
        ("aide pour la CAF à Sainte Foy les Lyon", "Lyon", "Sainte Foy les Lyon"),
        ("dans le 15e à Paris", "Paris", "15e à Paris"),
        ("aide CAF, 13 e arrondissement de Marseille", "Marseille",
         "13 e arrondissement de Marseille"),
        # left as tagged: the whole name already, two towns, an ordinal in another sentence,
        # a word that looks like a Roman number
        ("je suis à Chalon-sur-Saône", "Chalon-sur-Saône", "Chalon-sur-Saône"),
        ("je suis à Lille et à Arras", "Lille", "Lille"),
        ("J'ai 15 ans. Je vis à Paris", "Paris", "Paris"),
        ("la vie à Paris est chère", "Paris", "Paris"),
        ("Chalon, sur Saône", "Saône", "Saône"),
    ],
)  # fmt: skip
def test_the_whole_name_around_the_part_tagged(text, part, whole):
    assert whole_place(text, part) == whole


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("15e à Paris", "75115"),
        ("Paris, dans le 15ème", "75115"),
        ("Paris dans le 15e arrondissement", "75115"),
        ("13 e arrondissement de Marseille", "13213"),
        ("3ème à Lyon", "69383"),
    ],
)
def test_the_arrondissement_beside_its_city(locator, text, code):
    result = locator.locate(text)
    assert result.status == "found" and result.best.code_insee == code, result


def test_an_unknown_town_is_quoted_whole():
    text = "j'habite Saint-Machin-d'Apcher en Lozère"
    assert piece_around(text, "Apcher") == "Saint-Machin-d'Apcher"
    assert piece_around("j'habite à Truc", "Truc") == "Truc"
