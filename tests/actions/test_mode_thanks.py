"""The mode question ("Voulez-vous que quelqu'un fasse la démarche avec vous, ou préférez-vous
apprendre ?") asked, then "merci": round 26's tester got it again. A thank-you or a goodbye there
gets the usual answer and the question is not asked again; a town given instead ("c'est pour ma
mère à Brest") takes the default (someone helps) and the places there come (the question is
asked once: tester t181). Real actions on the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, payloads, rest_text
from tests.actions.test_mode_default import DEFAULT_LINE, QUESTION
from tests.conftest_actions import ent

THANKS = "Avec plaisir"  # utter_chitchat/thank
BYE = "Au revoir"  # utter_chitchat/goodbye

FIRSTS = [
    ("aide démarches Ajaccio", "Ajaccio", "c'est pour ma mère à Brest", "Brest"),
    ("aide pour les papiers à Quimper", "Quimper", "en fait c'est à Lorient",
     "Lorient"),
]  # fmt: skip


def asked_once(first, town) -> Talk:
    talk = Talk()
    assert QUESTION in rest_text(talk.say(first, "ask_help", [ent("location", town)]))
    return talk


@pytest.mark.parametrize(
    "leaving, intent, reply",
    [
        ("merci", "chitchat", THANKS),
        ("merci beaucoup, bonne journée", "chitchat", THANKS),
        ("ok merci", "nlu_fallback", THANKS),
        ("au revoir", "chitchat", BYE),
    ],
)
@pytest.mark.parametrize("first, town, then, other", FIRSTS)
def test_thanks_during_the_mode_question_ends_politely(
    real, first, town, then, other, leaving, intent, reply
):
    talk = asked_once(first, town)
    msgs = talk.say(leaving, intent)
    said = rest_text(msgs)
    assert "démarche avec vous" not in said and not payloads(msgs), said
    assert said.startswith(reply), said
    assert not talk.slots.get("awaiting"), talk.slots


@pytest.mark.parametrize("first, town, then, other", FIRSTS)
def test_a_town_given_instead_of_a_choice_gives_the_places_there(real, first, town, then, other):
    talk = asked_once(first, town)
    msgs = talk.say(then, "inform", [ent("location", other)])
    said = rest_text(msgs)
    assert QUESTION not in said and DEFAULT_LINE in said, said
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"] and reco["location"]["commune"] == other
    assert talk.slots["mode"] == "avec_moi"
