"""A big town whose places do other things than the need (t194, defect 17): "apprendre à utiliser
internet à Laval" gave « Le plus proche est à 21 km » and three places 21–29 km off, while the
directory has a France Services in Laval (1.6 km from the town hall: papers online, computers and
internet access), which can help or redirect. It is named now, with what it does, whenever every
place found is far or out of town; a place of general digital help in town still comes first
(Vannes: the CCAS, 400 m). Real actions on the real embedded directory and Locator."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent


def answer(text: str, town: str) -> str:
    return rest_text(Talk().say(text, "ask_help", [ent("location", town)]))


LAVAL_DESK = "« France services La Poste de Laval - Saint Nicolas »"


@pytest.mark.parametrize(
    "text",
    [
        "apprendre à utiliser internet à Laval",
        "je voudrais apprendre à me servir d'internet, j'habite Laval",
        "comment apprendre à utiliser internet ? j'habite à Laval",
        "des ateliers pour apprendre internet à Laval",
    ],
)
def test_laval_s_own_desk_is_named_with_what_it_does(real, text):
    said = answer(text, "Laval")
    assert f"Plus près, à 1,6 km, {LAVAL_DESK} n'annonce pas cette aide mais propose : " \
        "aide pour vos papiers en ligne" in said, said
    assert "On pourra vous y aider ou vous orienter." in said, said


def test_a_place_of_general_help_in_town_still_comes_first(real):
    said = answer("aide pour mes papiers de santé à Vannes", "Vannes")
    assert "Plus près, à 400 m, « Centre Communal d Action Sociale » aide au numérique en " \
        "général" in said, said


def test_nothing_near_still_names_the_place_in_the_village(real):
    """Camopi (Guyane): the nearest place to learn a phone is 174 km off, the village's France
    Services stands in it."""
    said = answer("je veux apprendre à utiliser mon téléphone à Camopi", "Camopi")
    assert "Plus près, à " in said and "« France services La Poste de Camopi »" in said, said
