"""Help at a distance or at home asked in other words than "je ne peux pas me déplacer" (round
t194's tester, 15: "aide en visio", "venir chez moi", "ne sort plus", "pas de voiture", "à
distance"): the line that helps at a distance first, with its days, then the places (or the
town asked as an offer), never the question "avec quelqu'un ou seul" about a place to go to."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

HELPLINE_LINE = ("Une personne peut vous aider au téléphone : Solidarité Numérique, au "
                 "01 70 77 23 72 (aide gratuite, prix d'un appel normal, du lundi au "
                 "vendredi de 9 h à 18 h)")  # fmt: skip
MODE_QUESTION = "Voulez-vous que quelqu'un fasse la démarche avec vous"


@pytest.mark.parametrize("message, town", [
    # the tester's
    ("y a-t-il de l'aide en visio pour apprendre word ? je vis à Cahors et je n'ai pas de "
     "voiture", "Cahors"),
    ("ma mère a 91 ans, elle ne sort plus de chez elle, qui peut venir l'aider pour ses papiers "
     "à domicile ? Mulhouse", "Mulhouse"),
    ("je n'ai pas de voiture et pas de bus dans mon village Saint-Agrève, quelqu'un peut m'aider "
     "à distance pour mon dossier caf ?", "Saint-Agrève"),
    # our own wordings
    ("est-ce que quelqu'un peut m'aider en visio pour ma déclaration d'impôts ? j'habite Tulle",
     "Tulle"),
    ("mon père ne peut plus se déplacer, quelqu'un peut-il passer chez lui pour son dossier de "
     "retraite ? il habite à Guéret", "Guéret"),
    ("je voudrais un accompagnement à distance pour faire ma demande de RSA, je suis à Aurillac",
     "Aurillac"),
    ("sans voiture c'est compliqué pour moi, il y a une aide par téléphone pour ameli ? Millau",
     "Millau"),
    ("ma grand-mère ne sort pas de chez elle, elle a besoin d'aide pour la CAF, on est à Rodez",
     "Rodez"),
])  # fmt: skip
def test_help_at_a_distance_asked_gets_the_line_first_then_places(real, message, town):
    msgs = Talk().say(message, "ask_help", [ent("location", town)])
    text = rest_text(msgs)
    assert text.startswith(HELPLINE_LINE), text
    assert MODE_QUESTION not in text, text
    assert any(p["type"] == "recommendation" and p["results"] for p in payloads(msgs)), text


@pytest.mark.parametrize("message", [
    "un conseiller peut-il venir chez moi ? je suis handicapé",  # the tester's, town left
    "quelqu'un pourrait venir à domicile m'aider avec l'ordinateur ?",
    "est-ce qu'on peut m'aider par téléphone pour mon compte ameli ?",
])  # fmt: skip
def test_help_at_a_distance_without_town_gets_the_line_first(real, message):
    text = rest_text(Talk().say(message, "ask_help"))
    assert text.startswith(HELPLINE_LINE), text
    assert MODE_QUESTION not in text, text


@pytest.mark.parametrize("message", [
    "je veux apprendre à faire des appels en visio avec mes petits-enfants",
    "quelqu'un a pris le contrôle à distance de mon ordinateur",
    "je suis aide à domicile et je dois faire mes plannings sur une appli",
    "j'ai besoin d'aide pour mon téléphone",
])  # fmt: skip
def test_a_need_about_video_or_distance_gets_no_helpline_first(real, message):
    text = rest_text(Talk().say(message, "ask_help"))
    assert not text.startswith(HELPLINE_LINE), text
