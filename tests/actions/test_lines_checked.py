"""The 3018's hours, checked against public pages (2026-12-07): every day from 9 h to 23 h, not
day and night (mairie-villetaneuse.fr and ccmm.asso.fr after e-Enfance, 2023); a person
harassed or blackmailed online at midnight must know it will not answer then. Real actions on
the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

THE_3018 = "le 3018 (gratuit, anonyme, tous les jours de 9 h à 23 h) ou 3018.fr"


@pytest.mark.parametrize("message, town", [
    ("on me harcèle sur instagram depuis des semaines, je ne sais plus quoi faire, Nancy",
     "Nancy"),
    ("ma fille de 15 ans se fait harceler sur snapchat par des élèves de sa classe, Troyes",
     "Troyes"),
    ("quelqu'un menace d'envoyer mes photos intimes à ma famille si je ne paie pas, Reims",
     "Reims"),
    ("un inconnu me fait du chantage avec une vidéo de moi nu, il veut 500 euros, Chartres",
     "Chartres"),
])  # fmt: skip
def test_the_3018_is_given_with_its_hours(real, message, town):
    said = rest_text(Talk().say(message, "ask_help", [ent("location", town)]))
    assert THE_3018 in said, said
