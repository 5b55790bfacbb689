"""What a person reads of the national helpline's terms, wherever it is given: its call is
charged as a normal call, not free (« numéro non surtaxé », as amf.asso.fr and
labo.societenumerique.gouv.fr publish it, read 2026-12-07), and it answers on weekdays from
9 h to 18 h (the same pages and maddyness.com, 2020-03-30). It was said « gratuit », with no
hours, from memory. Real actions on the real directory."""

from __future__ import annotations

import re

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

HELPLINE = re.compile(r"Solidarité Numérique,? au 01 70 77 23 72 \(([^)]*)\)")


def _terms(said: str) -> list[str]:
    return HELPLINE.findall(said)


@pytest.mark.parametrize("message, town", [
    ("est-ce que quelqu'un peut m'aider par téléphone pour mon dossier CAF ? j'habite Vierzon",
     "Vierzon"),
    ("je ne peux pas me déplacer, il y a une aide à distance pour mes impôts ? Dole", "Dole"),
    ("mon mari ne sort plus de la maison, quelqu'un peut l'aider au téléphone pour ameli ? "
     "on est à Lisieux", "Lisieux"),
    ("une aide en visio pour apprendre à envoyer un mail, je suis à Mende", "Mende"),
])  # fmt: skip
def test_help_by_phone_says_a_normal_call_and_its_hours(real, message, town):
    said = rest_text(Talk().say(message, "ask_help", [ent("location", town)]))
    terms = _terms(said)
    assert terms, said
    for term in terms:
        assert "prix d'un appel normal" in term, said
        assert "du lundi au vendredi de 9 h à 18 h" in term, said
        assert not term.startswith("gratuit"), said


@pytest.mark.parametrize("message", [
    "je voudrais parler à une vraie personne",
    "est-ce que je peux avoir quelqu'un au téléphone ?",
    "passez-moi un conseiller s'il vous plaît",
])
def test_a_person_asked_gets_the_same_terms(real, message):
    said = rest_text(Talk().say(message, "human_handoff"))
    terms = _terms(said)
    assert terms, said
    assert all("prix d'un appel normal" in t and "9 h à 18 h" in t for t in terms), said
