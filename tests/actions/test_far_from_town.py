"""A big town where every place found for the need lies in another commune, the nearest far
(round 25's tester, t160 defect 18): "je dois imprimer une attestation à Arles" gave « Voici 3
lieux près d'Arles (13) » at 13, 15 and 24 km, the nearest in the Gard, and four places of
general digital help within 1.2 km of the town hall were not named. Said plainly now, with the
distance, and the place of general help in town. Real actions on the real embedded directory and
Locator, the entities as the trained model gives them."""

from __future__ import annotations

import pytest

from actions import formatting as fmt
from tests.actions.talk import Talk, one_list, rest_text


def answer(text: str, town: str) -> tuple[str, dict]:
    start = text.index(town)
    entity = {"entity": "location", "value": town, "start": start, "end": start + len(town)}
    msgs = Talk().say(text, "ask_help", [entity])
    return rest_text(msgs), one_list(msgs)


@pytest.mark.parametrize(
    ("text", "town", "dep", "nearest"),
    [
        ("je dois imprimer une attestation à Arles", "Arles", "13", "13 km"),
        ("ce site de la CAF va me tuer, ça fait 3 heures que j'essaie de me connecter !! je suis "
         "à Angers", "Angers", "49", "11 km"),
    ],
)  # fmt: skip
def test_places_only_outside_a_big_town_are_said_so_with_the_distance(
    real, text, town, dep, nearest
):
    said, payload = answer(text, town)
    assert f"près d'{town}" not in said, said
    assert said.startswith(f"À {town} ({dep}) même, aucun lieu ne vous aide pour"), said
    assert f"le plus proche est à {nearest}" in said, said
    assert all(p["distance_km"] > 8 for p in payload["results"])


def test_a_place_of_general_help_in_town_is_named(real):
    """Arles: the CCAS, 300 m from the town hall, helps with the digital in general."""
    said, payload = answer("je dois imprimer une attestation à Arles", "Arles")
    assert "Plus près, à 300 m, « " in said, said
    assert "aide au numérique en général" in said, said


def test_a_place_in_the_next_commune_a_few_km_off_is_still_pres_de(real):
    """Orléans: the nearest place to print is 3 km off, in Saint-Jean-de-la-Ruelle."""
    said, payload = answer("je dois imprimer une attestation à Orléans", "Orléans")
    assert "près d'Orléans" in said and "même" not in said, said


def test_the_sentence_is_the_one_said_past_the_radius():
    said = fmt.intro_text(3, where="près d'Arles (13)", what="un ordinateur ou une imprimante",
                          constraints=[], nothing_near=True, nearest_km="13 km", in_town="Le Havre")
    assert said == ("Au Havre même, aucun lieu ne vous aide pour un ordinateur ou une imprimante "
                    "; le plus proche est à 13 km. Voici les 3 plus proches :")
