"""After "le deuxième", "il faut prendre rendez-vous ?" is about THAT place (never the first,
never a referral): its appointment link when its record has one, else its phone to ask."""

from __future__ import annotations

import pytest

from actions import texts
from actions.place_actions import ActionNotifyPlace
from tests.actions import talk as conversation
from tests.actions.test_after_places import Talk, one_list, payloads
from tests.conftest_actions import (
    ent,
    said,
)

ASKS = [("aide pour ma retraite a Angers", "Angers"), ("aide caf a Tours", "Tours"),
        ("besoin d'aide pour ameli a Poitiers", "Poitiers")]  # fmt: skip
QUESTIONS = ["il faut prendre rendez-vous ?", "c'est sur rdv ?",
             "on peut y aller sans rendez-vous ?"]  # fmt: skip


def expected_for(place: dict) -> str:
    phone = place.get("phone_text") or place.get("phone")
    if place.get("appointment_url"):
        return texts.text("utter_place_appointment_online", place=place["name"],
                          url=place["appointment_url"],
                          phone=phone or "pas de numéro dans l'annuaire")  # fmt: skip
    if phone:
        return texts.text("utter_place_appointment_call", place=place["name"], phone=phone)
    return texts.text("utter_place_appointment_go", place=place["name"],
                      address=place.get("address") or "adresse non précisée")  # fmt: skip


@pytest.mark.parametrize("intent", ["notify_place", "inform", "out_of_scope"])
@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("ask, town", ASKS)
@pytest.mark.parametrize("pick, rank", [("le deuxième", 1), ("le 3", 2)])
def test_the_place_picked_is_the_one_asked_about(real, ask, town, pick, rank, question, intent,
                                                  monkeypatch):  # fmt: skip
    monkeypatch.setitem(conversation.ACTIONS, "notify_place", ActionNotifyPlace)
    talk = Talk()
    reco = one_list(talk.say(ask, "ask_help", [ent("location", town)]))
    talk.say(pick, "inform")
    msgs = talk.say(question, intent)
    assert not [p for p in payloads(msgs) if p.get("type") == "referral"], msgs
    assert said(msgs[0]) == expected_for(reco["results"][rank]), said(msgs[0])


LISTS = ASKS[:2] + [("j'ai besoin d'aide pour mes démarches en ligne à Bordeaux", "Bordeaux")]


@pytest.mark.parametrize("intent", ["inform", "out_of_scope", "ask_help"])
@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("ask, town", LISTS)
def test_after_a_list_the_appointments_are_said_for_each_place_listed(real, ask, town, question,
                                                                      intent):  # fmt: skip
    """The tester: the answer named place 1 only; each place, from its own record."""
    talk = Talk()
    reco = one_list(talk.say(ask, "ask_help", [ent("location", town)]))
    msgs = talk.say(question, intent)
    assert not payloads(msgs), "the list again"
    [text] = [said(m) for m in msgs]
    assert text.startswith("Les rendez-vous, d'après l'annuaire :"), text
    for place in reco["results"]:
        assert f"{place['number']}. {place['name']} : " in text, text
        phone = place.get("phone_text") or place.get("phone")
        assert (place.get("appointment_url") or phone or place.get("address")) in text, text
