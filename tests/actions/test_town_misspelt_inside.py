"""A big town written a letter or two wrong in the middle of a sentence, after "à", "a", "sur",
"vers", "de" ("j'habite a montpelier et je dois faire ma carte grise", "je suis a perpigan pour
mes impots"), untagged by the NLU: that town, or the choice with it first, as when it ends the
sentence; never "Dans quelle ville…"; ordinary words there are no town."""

from __future__ import annotations

import re

import pytest

from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import said


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("je suis a perpigan pour mes impots", "Perpignan (66)"),
        ("j'habite à bordaux depuis peu et j'ai besoin d'aide pour la caf", "Bordeaux (33)"),
        ("je vis a toulous avec ma fille, il me faut de l'aide pour ma carte grise",
         "Toulouse (31)"),
        ("aide carte grise, je suis sur grenobl depuis un mois", "Grenoble (38)"),
    ],
)  # fmt: skip
def test_a_big_town_misspelt_inside_the_sentence_is_searched(real, text, label):
    talk = Talk()
    msgs = talk.say(text, "ask_help")
    one_list(msgs)
    assert re.match(rf"Voici 3 lieux près (de |d'){re.escape(label)} pour ", said(msgs[0]))


def test_close_homonyms_inside_the_sentence_get_the_choice_big_town_first(real):
    talk = Talk()
    msgs = talk.say("j'habite a montpelier et je dois faire ma carte grise", "ask_help")
    buttons = [b["title"] for m in msgs for b in m.get("buttons") or []]
    assert buttons[:2] == ["Montpellier (34)", "Montélier (26)"]
    assert "Dans quelle ville" not in " ".join(said(m) for m in msgs)


@pytest.mark.parametrize(
    "text",
    [
        "j'ai besoin d'aide a remplir mon dossier caf",
        "je dois passer de maison en maison pour mes papiers",
        "aide a imprimer mes billets sur internet pour mes impots",
        "je cherche a envoyer un courrier de relance pour la caf",
    ],
)
def test_ordinary_words_inside_the_sentence_are_no_town(real, text):
    talk = Talk()
    msgs = talk.say(text, "ask_help")
    assert not talk.slots.get("location")
    titles = [b["title"] for m in msgs for b in m.get("buttons") or []]
    assert not any(re.search(r"\(\d", t) for t in titles), titles
    assert "Voici" not in " ".join(said(m) for m in msgs)
