""""Vous faites quoi exactement ?" once the town is known (t194 F14, Lons-le-Saunier): what the
assistant does, with the need asked alone, never "… et votre ville" again; the need known, the
town asked alone."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

ASKED = ["vous faites quoi au juste ?", "c'est quoi ce service ?",
         "je comprends pas à quoi vous servez",
         "ça sert à quoi ici ?"]  # fmt: skip


@pytest.mark.parametrize("question", ASKED)
def test_the_town_known_is_not_asked_again(real, question):
    talk = Talk()
    talk.say("Vierzon", "inform", [ent("location", "Vierzon")])
    said = rest_text(talk.say(question, "chitchat/confused"))
    assert "votre ville" not in said and "commune" not in said, said
    assert "près de Vierzon (18)" in said and "ce que vous voulez faire" in said, said


def test_the_need_known_asks_the_town_alone(real):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour ma déclaration d'impôts", "ask_help")
    said = rest_text(talk.say("vous faites quoi exactement ?", "chitchat/confused"))
    assert "ce que vous voulez faire" not in said, said
    assert "votre commune ou votre code postal" in said, said
