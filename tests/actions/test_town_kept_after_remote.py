"""After the mode question, « c'est trop loin, j'ai pas de voiture » (tester t207, d06/h20): the
phone help was given and the town asked again although it was in the first message; the town
said again brought the mode question back, and the person never got a place. Now the town known
gives its places (nearest first) with the phone help beside them, and the question already
answered is never asked again. Real actions on the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

QUESTION = "Voulez-vous que quelqu'un fasse la démarche avec vous"
PHONE = "01 70 77 23 72"


def places(msgs: list[dict]) -> dict:
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"], reco
    return reco


@pytest.mark.parametrize(("cannot_come", "intent"), [
    ("c'est trop loin tout ça, j'ai pas de voiture", "change_location"),
    ("je peux pas me déplacer", "change_location"),
    ("c'est trop loin pour moi, je n'ai aucun transport", "change_location"),
    ("j'ai aucun moyen de transport, je marche mal", "out_of_scope"),
    ("je ne sors plus de chez moi", "change_location"),
])  # fmt: skip  (the intents the NLU gave these messages)
def test_cannot_come_after_the_mode_question_gives_the_places_of_the_town_known(
    real, cannot_come, intent
):
    talk = Talk()
    first = rest_text(talk.say("aide démarches en ligne Montbrison", "ask_help",
                               [ent("location", "Montbrison")]))  # fmt: skip
    assert QUESTION in first, first
    msgs = talk.say(cannot_come, intent)
    said = rest_text(msgs)
    assert QUESTION not in said and "votre commune" not in said, said[:500]
    assert PHONE in said, said[:500]
    reco = places(msgs)
    assert reco["location"]["commune"] == "Montbrison", reco["location"]
    distances = [p["distance_km"] for p in reco["results"]]
    assert distances == sorted(distances), distances


def test_the_town_said_again_after_the_phone_never_brings_the_question_back(real):
    talk = Talk()
    talk.say("aide démarches en ligne Montbrison", "ask_help", [ent("location", "Montbrison")])
    talk.say("c'est trop loin tout ça, j'ai pas de voiture", "change_location")
    msgs = talk.say("Montbrison je vous ai dit", "inform", [ent("location", "Montbrison")])
    said = rest_text(msgs)
    assert QUESTION not in said, said[:500]
    assert places(msgs)["location"]["commune"] == "Montbrison"
