"""No place near serves a need (t194 A19, Alès): the national helpline once, not in two notes
(« Vous pouvez aussi appeler Solidarité Numérique … » and « À distance pour … : Solidarité
Numérique : … »); the need no place announces and no place in the town itself, two short
sentences with the town said once."""

from __future__ import annotations

import pytest

from tests.actions.talk import request_in, rest_text

ASKED = [
    "il me faut un scanner pour mes fiches de paie et on a piraté mon compte instagram, Alès",
    "imprimer mon bail et aussi mon compte facebook a été piraté, je suis à Alès",
    "scanner des papiers pour la caf + je me suis fait arnaquer sur leboncoin. Alès",
]


@pytest.mark.parametrize("message", ASKED)
def test_the_helpline_once_and_the_town_once(real, message):
    _, msgs = request_in(message, "Alès")
    said = rest_text(msgs)
    assert said.count("01 70 77 23 72") <= 1, said
    intro = said.split("\n")[1] if said.startswith("Compte piraté") else said.split("\n")[0]
    if "Aucun lieu n'annonce précisément" in intro and "même" in intro:
        assert intro.count("Alès") == 1, intro
        assert "Dans la ville même, aucun lieu ne vous aide non plus pour" in intro, intro
