""""Je sais pas" to "Dans quelle ville…?" (t152's tester, defect 16): the need is kept and only
the town is asked, more simply, once; never "Dites-moi simplement ce que vous voulez faire".
The intents are the current NLU model's (chitchat for all these answers); real actions,
gazetteer and embedded directory."""

from __future__ import annotations

import re

import pytest

from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent

SIMPLER = ("Pas de souci. Donnez-moi le nom de votre village, son code postal, ou la grande ville "
           "la plus proche.")  # fmt: skip


@pytest.mark.parametrize("answer, intent", [
    ("je sais pas", "chitchat"), ("jsp", "chitchat"), ("aucune idée", "chitchat"),
    ("je ne sais pas", "chitchat"), ("j'en sais rien", "chitchat"), ("jsp", "nlu_fallback"),
    ("je sais pas", "inform"), ("aucune idée", "out_of_scope"),
])  # fmt: skip
def test_not_knowing_the_town_keeps_the_need_and_asks_the_town_simply(real, answer, intent):
    talk = Talk()
    first = talk.say("j'ai besoin d'aide pour faire ma demande de prime d'activité", "ask_help",
                     [ent("procedure", "caf")])  # fmt: skip
    assert "Dans quelle ville ou quel code postal cherchez-vous ?" in rest_text(first)
    text = rest_text(talk.say(answer, intent))
    assert text == SIMPLER, text
    assert talk.slots["procedures"] == ["caf"] and talk.slots["awaiting"] == "location"
    msgs = talk.say("je suis à la campagne près de Guéret", "inform", [ent("location", "Guéret")])
    assert one_list(msgs)["location"]["commune"] == "Guéret"
    # near Guéret, or none in Guéret itself and the nearest's distance (search_run.none_in_town)
    assert re.search(r"(près de Guéret \(23\)|À Guéret \(23\) même, aucun lieu ne vous aide) "
                     r"pour vos démarches avec la CAF",
                     rest_text(msgs)), rest_text(msgs)


def test_not_knowing_twice_gives_the_phone_help_not_the_same_question(real):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour faire ma demande de prime d'activité", "ask_help",
             [ent("procedure", "caf")])  # fmt: skip
    assert rest_text(talk.say("je sais pas", "chitchat")) == SIMPLER
    again = rest_text(talk.say("jsp", "chitchat"))
    assert again.startswith(SIMPLER + " Vous pouvez aussi appeler "), again
    assert "Dites-moi simplement ce que vous voulez faire" not in again
