"""What the assistant keeps of the person (tester t218, D9): « qu'est-ce que vous gardez sur
moi ? » got « Je n'ai encore rien trouvé à vous envoyer », « vous gardez mes infos ? » the list
to keep, « vous enregistrez mes conversations ? » the need asked. One plain answer: what is
kept, for how long, how to erase it (« oubliez-moi », which erases: test_erasure_asked.py) —
nothing erased by the question, the list shown kept."""

from __future__ import annotations

import pytest

from actions import erasure, texts
from tests.actions.talk import Talk, kinds, one_list, rest_text
from tests.conftest_actions import ent

KEPT = texts.text("utter_what_is_kept", days=30)

ASKED = [
    ("qu'est-ce que vous gardez sur moi ? mon nom ? mon adresse ?", "send_it"),
    ("vous gardez mes infos ?", "send_it"),
    ("vous enregistrez mes conversations ?", "forget_me"),
    ("mes données sont conservées ?", "forget_me"),
    ("vous stockez ce que j'écris ?", "chitchat/bot_challenge"),
    ("qui peut lire ce que je vous écris ?", "chitchat/bot_challenge"),
    ("est-ce que cette conversation est enregistrée", "forget_me"),
    ("vous conservez mes informations combien de temps ?", "forget_me"),
    ("c'est confidentiel ?", "chitchat/bot_challenge"),
]


@pytest.mark.parametrize(("question", "intent"), ASKED)
def test_asked_first_what_is_kept_is_said_and_nothing_erased(real, question, intent):
    talk = Talk()
    msgs = talk.say(question, intent)
    said = rest_text(msgs)
    assert said.startswith(KEPT), said
    assert "30 jours" in said and "« oubliez-moi »" in said, said
    assert "forget_me" not in kinds(msgs) and "effacé notre conversation" not in said


@pytest.mark.parametrize(("question", "intent"), ASKED)
def test_asked_after_a_list_it_is_said_and_the_list_kept(real, question, intent):
    talk = Talk()
    listed = one_list(talk.say("aide impots Cholet", "ask_help",
                               [ent("procedure", "impots"), ent("location", "Cholet")]))
    msgs = talk.say(question, intent)
    assert rest_text(msgs) == KEPT, rest_text(msgs)
    assert "Votre recherche à garder" not in rest_text(msgs)
    again = one_list(talk.say("liste", "more_results"))
    assert [p["id"] for p in again["results"]] == [p["id"] for p in listed["results"]]


def test_the_words_it_gives_do_erase():
    assert erasure.asked("oubliez-moi")
