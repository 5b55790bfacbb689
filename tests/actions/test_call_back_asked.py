"""Asked to be called back, or for a number rather than a trip (round 160's tester): « rappelez
moi au 06 12 34 56 78 pour m'aider avec ma carte vitale, je suis à Reims » got places with no
word that nobody will call (w06); « est-ce qu'il y a un numéro que je peux appeler plutôt que me
déplacer ? c'est pour ma déclaration de revenus » got « Dans quelle ville… » (w08). The person
reads, in one sentence, that nobody will call back (the number never said back), and the line
to call; a number asked for gets that line first."""

from __future__ import annotations

from tests.actions.talk import Talk, request_in, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
)


def test_a_call_back_asked_is_said_not_to_come(real):
    _, msgs = request_in(
        "rappelez moi au 06 12 34 56 78 pour m'aider avec ma carte vitale, je suis à Reims", "Reims"
    )
    said = rest_text(msgs)
    assert said.startswith("Personne ne vous rappellera"), said[:300]
    assert "01 70 77 23 72" in said.split("\n")[0]
    assert "Reims" in said, said[:400]
    assert "12 34 56 78" not in said and "0612345678" not in said


def test_a_number_asked_instead_of_a_trip_gets_the_line(real):
    msgs = Talk().say(
        "est-ce qu'il y a un numéro que je peux appeler plutôt que me déplacer ? c'est pour ma "
        "déclaration de revenus", "ask_help", [ent("procedure", "déclaration de revenus")])
    said = rest_text(msgs)
    assert said.startswith("Une personne peut vous aider au téléphone"), said[:300]
