"""Whom the help is for, decided once and said so in every sentence (round 30's tester, D17): a
relative who has just died is the story (« ma mère vient de mourir et je dois faire les
démarches de succession »: the writer's own démarches, never « ses démarches »); the friend one
lives with is where one lives (« j'habite chez mon copain »: the APL is the writer's); « c'est
pas pour moi c'est pour mon père » is for the father, and then no sentence says « vous » of his
phone. Real actions on the embedded directory; the intents and entities the current NLU gives."""

from __future__ import annotations

import re

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

THEIRS = re.compile(r"\b(ses|son|sa) (démarches|papiers|dossier|téléphone|tablette|ordinateur)")
YOURS = re.compile(r"\b(vos|votre) (démarches|papiers|dossier|téléphone|tablette|ordinateur)"
                   r"|\bne vous aide\b|\bvous servir\b")  # fmt: skip


@pytest.mark.parametrize(
    "message, town",
    [
        ("ma mère vient de mourir et je dois faire les démarches de succession en ligne, je suis "
         "perdu, Vannes", "Vannes"),
        ("mon père vient de décéder, je dois faire la déclaration de succession sur internet, "
         "Quimper", "Quimper"),
        ("mon mari nous a quittés le mois dernier, je dois faire les papiers de la succession, "
         "Lorient", "Lorient"),
        ("ma grand-mère s'est éteinte lundi et je m'occupe de la succession en ligne, Brest",
         "Brest"),
    ],
)  # fmt: skip
def test_a_relative_who_just_died_is_the_story(real, message, town):
    text = rest_text(Talk().say(message, "ask_help", [ent("location", town)]))
    assert not THEIRS.search(text), text


@pytest.mark.parametrize(
    "lodging, intent",
    [
        ("j'habite chez mon copain pour l'instant", "nlu_fallback"),
        ("je vis chez ma sœur en ce moment", "inform"),
        ("je loge chez ma copine", "out_of_scope"),
        ("je suis hébergé chez un ami, enfin chez mon frère", "out_of_scope"),
    ],
)
def test_the_one_i_live_with_is_not_the_one_helped(real, lodging, intent):
    talk = Talk()
    talk.say("je dois faire ma demande d'APL", "ask_help", [ent("procedure", "caf")])
    talk.say(lodging, intent)
    text = rest_text(talk.say("à Épinal", "inform", [ent("location", "Épinal")]))
    assert "Épinal" in text and "CAF" in text, text
    assert not THEIRS.search(text) and "ses démarches" not in text, text


@pytest.mark.parametrize(
    "for_him",
    [
        "c'est pas pour moi c'est pour mon père de 90 ans qui habite à Pontarlier",
        "non pas pour moi, pour ma mère, elle habite à Pontarlier",
        "ce n'est pas pour moi mais pour mon grand-père qui vit à Pontarlier",
    ],
)
def test_not_for_me_but_for_my_father_speaks_of_him_throughout(real, for_him):
    talk = Talk()
    talk.say("apprendre smartphone Besançon", "ask_help",
             [ent("need", "smartphone"), ent("location", "Besançon")])  # fmt: skip
    text = rest_text(talk.say(for_him, "inform", [ent("location", "Pontarlier")]))
    assert "Pontarlier" in text, text
    intro = text.split("\n\n1. ")[0]
    assert not YOURS.search(intro), text
