"""« ça ne m'aide pas du tout, c'est trop loin, je n'ai pas de voiture » after a list (round 160's
tester, defect 12, z09) got « Dans quelle ville… ? »: it is answered as « plus près ? » is (the
nearest places), with the help by phone offered since the person cannot travel."""

from __future__ import annotations

from tests.actions.talk import list_in, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)


def test_too_far_without_a_car_keeps_the_list_and_offers_the_phone(real):
    talk, _ = list_in("je dois imprimer une attestation à Arles", "Arles")
    said = rest_text(talk.say(
        "ça ne m'aide pas du tout, c'est trop loin, je n'ai pas de voiture", "change_location"))
    assert "quelle ville" not in said, said[:300]
    assert "01 70 77 23 72" in said, said[:600]
