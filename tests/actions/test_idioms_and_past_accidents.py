"""Two ordinary requests of set AT that got the emergency numbers, their need lost (round 27, over
REST): an idiom built on « arme » (« l'arme fatale contre les arnaques ») and someone else's
accident told with when it happened, the cause of a lasting state. Written in other words here;
real actions, played as the NLU's ``ask_help`` (what it reads for both). A danger said now with
the same words still gets the numbers."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, rest_text
from tests.conftest_actions import ent

EMERGENCY = "Si vous ou quelqu'un êtes en danger"


@pytest.mark.parametrize(
    "message",
    [
        "Un cours contre les escroqueries sur internet, ce serait l'arme absolue pour mon père, "
        "vous connaissez ça près de Nevers ?",
        "la vraie arme fatale contre les faux sms c'est d'apprendre à les reconnaître, y a des "
        "ateliers à Nevers ?",
        "Mon oncle a eu un accident de moto l'an dernier, il ne peut plus marcher et voudrait "
        "apprendre à faire ses courses en ligne, il habite Nevers",
        "ma soeur a eu un AVC cet hiver, elle a du mal avec les mains, elle veut apprendre à se "
        "servir d'une tablette, à Nevers",
    ],
)
def test_an_idiom_or_a_past_accident_beside_a_clear_need_is_no_danger(real, message):
    msgs = Talk().say(message, "ask_help", [ent("location", "Nevers")])
    said = rest_text(msgs)
    assert EMERGENCY not in said and "112" not in said, said[:400]
    assert "emergency" not in kinds(msgs), said[:400]
    assert "recommendation" in kinds(msgs), said[:400]


@pytest.mark.parametrize(
    "message",
    [
        "l'arme fatale contre les escrocs, ce serait un atelier pour les seniors comme moi ! "
        "vous avez ça ?",
        "un atelier pour les anciens, voilà l'arme absolue contre les arnaqueurs ! vous faites "
        "ça ?",
        "ma tante a eu un accident de la route cet hiver, elle est en fauteuil maintenant et elle "
        "voudrait savoir où apprendre à acheter sur internet",
        "mon voisin a eu un accident de travail l'an dernier, il est en fauteuil et veut savoir "
        "où on apprend à commander ses courses en ligne",
    ],
)
def test_an_idiom_or_a_past_accident_is_no_danger_and_the_request_goes_on(real, message):
    msgs = Talk().say(message, "ask_help")
    said = rest_text(msgs)
    assert EMERGENCY not in said and "112" not in said, said[:400]
    assert not {"emergency", "danger_check"} & set(kinds(msgs)), said[:400]
    assert "ville" in said or "besoin" in said, said[:400]


@pytest.mark.parametrize(
    "message",
    [
        "il y a eu un accident cet été devant chez nous et là il saigne beaucoup",
        "mon fils a eu un accident de scooter, il ne respire plus",
        "il a une arme et il dit qu'il va me tuer",
    ],
)
def test_the_same_words_said_of_now_still_get_the_numbers(real, message):
    msgs = Talk().say(message, "emergency")
    said = rest_text(msgs)
    assert EMERGENCY in said or "Êtes-vous en danger" in said, said[:400]
    assert "112" in said, said[:400]
