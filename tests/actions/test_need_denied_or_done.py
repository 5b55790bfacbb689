"""A need named under a negation (« c'est pas ameli », « pas X mais Y ») or as done (« la carte
grise c'est fait », « c'est réglé », « déjà fait ») is taken off the request, never added to it
(tester t181: « attendez non c'est pas ameli c'est la mutuelle en fait » got « pour vos
démarches avec l'Assurance maladie »; « non en fait c'est pour apprendre à me servir de mon
ordi, la carte grise c'est fait » kept the carte grise beside the computer). Real actions on the
real embedded directory, the intents and entities the NLU gave these messages."""

from __future__ import annotations

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent


def places(msgs: list[dict]) -> dict:
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"], reco
    return reco


def test_not_ameli_but_the_mutuelle_is_no_ameli_search(real):
    talk = Talk()
    talk.say("j'ai un souci avec mon compte ameli", "ask_help", [ent("procedure", "ameli")])
    said = rest_text(talk.say("attendez non c'est pas ameli c'est la mutuelle en fait",
                              "ask_help", [ent("procedure", "ameli")]))
    msgs = talk.say("Chambéry", "inform", [ent("location", "Chambéry")])
    said += "\n" + rest_text(msgs)
    assert "Assurance maladie" not in said, said
    assert "ameli" not in (talk.slots.get("procedures") or []), talk.slots
    places(msgs)


def test_the_carte_grise_done_is_dropped_for_the_computer(real):
    talk = Talk()
    places(talk.say("je dois faire ma carte grise, Chartres", "ask_help",
                    [ent("procedure", "ants"), ent("location", "Chartres")]))
    msgs = talk.say("non en fait c'est pour apprendre à me servir de mon ordi, la carte grise "
                    "c'est fait", "ask_help", [ent("procedure", "ants")])
    said = rest_text(msgs)
    assert "carte grise" not in said and "ANTS" not in said, said
    assert talk.slots["needs"] == ["ordinateur"] and not talk.slots.get("procedures"), talk.slots
    places(msgs)


def test_a_need_said_done_in_a_first_message_is_not_searched(real):
    msgs = Talk().say("la carte grise c'est réglé, maintenant je veux apprendre l'ordinateur à "
                      "Chartres", "ask_help", [ent("location", "Chartres")])
    said = rest_text(msgs)
    assert "carte grise" not in said and "ordinateur" in said, said


def test_pas_x_mais_y_searches_y(real):
    talk = Talk()
    places(talk.say("je dois faire ma carte grise, Chartres", "ask_help",
                    [ent("procedure", "ants"), ent("location", "Chartres")]))
    msgs = talk.say("pas la carte grise mais les impôts", "ask_help", [ent("procedure", "ants")])
    said = rest_text(msgs)
    assert "carte grise" not in said and "impôts" in said, said
