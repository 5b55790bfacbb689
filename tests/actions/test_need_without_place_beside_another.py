"""Two needs, one that no place near announces (« un ordinateur ou un téléphone à petit prix »
beside a carte grise, France Travail, the CAF): the other need's places come, and the first gets
in the same answer what a request for it alone gets — places of general digital help near that
can help or redirect, and the help at a distance (tester t218 D16: « Aucun lieu n'annonce
précisément… » then nothing at all for the device). Real actions on the real embedded directory,
the intents and entities the NLU gave."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

CHEAP = "un ordinateur ou un téléphone à petit prix"


@pytest.mark.parametrize("message, town", [
    ("Pour mon mari il faut refaire sa carte grise sur internet, et moi je voudrais un téléphone "
     "pas cher, Évreux", "Évreux"),
    ("inscription france travail + un ordinateur reconditionné, Hénin-Beaumont", "Hénin-Beaumont"),
    ("ma déclaration d'impôts et un ordi pas cher, Laon", "Laon"),
    ("aide pour la CAF et il me faut une tablette pas chère, Tulle", "Tulle"),
])  # fmt: skip
def test_the_need_without_place_gets_general_help_and_remote_help(real, message, town):
    msgs = Talk().say(message, "ask_help", [ent("location", town)])
    said = rest_text(msgs)
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"], said  # the other need's places
    after = said.split(f"Aucun lieu n'annonce précisément « {CHEAP} »", 1)[-1]
    assert f"Pour {CHEAP}" in after, said
    note = after.split(f"Pour {CHEAP}", 1)[1].split("\n")[0]
    assert "km" in note or " m)" in note, said  # places near, with their distance
    assert "Solidarité Numérique" in said, said  # help at a distance
