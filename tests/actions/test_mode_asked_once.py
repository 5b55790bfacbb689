"""The mode question (« Voulez-vous que quelqu'un fasse la démarche avec vous, ou préférez-vous
apprendre à la faire vous-même ? ») is asked at most once: whatever reply does not choose — a
life detail, a question back, the town — takes the default (someone does it with the person),
said with how to learn alone instead, and the conversation goes on: the town given is used at
once, a question back is kept (tester t181: « je suis seul depuis ma femme est partie je
comprend rien a internet », « c'est loin ? », « a rodez », « je suis à Béthune » each got the
question word for word, three turns with no place). Real actions on the real embedded
directory, the intents and entities the NLU gave these messages."""

from __future__ import annotations

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

QUESTION = "Voulez-vous que quelqu'un fasse la démarche avec vous"
DEFAULT_LINE = "quelqu'un vous aide à faire la démarche"
OTHER_WAY = "apprendre seul"  # how to get the other mode, said in words (no button on SMS)


def places(msgs: list[dict]) -> dict:
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"], reco
    return reco


def test_a_life_detail_then_the_town_give_the_places_with_someone(real):
    talk = Talk()
    assert QUESTION in rest_text(talk.say("besoin aide papier"))
    said = rest_text(talk.say(
        "je suis seul depuis ma femme est partie je comprend rien a internet"))
    assert QUESTION not in said, said
    msgs = talk.say("a rodez", "inform", [ent("location", "Rodez")])
    said_then = rest_text(msgs)
    assert QUESTION not in said_then, said_then
    assert places(msgs)["location"]["commune"] == "Rodez"
    everything = said + "\n" + said_then
    assert DEFAULT_LINE in everything and OTHER_WAY in everything, everything
    assert talk.slots["mode"] == "avec_moi"


def test_a_question_back_then_the_town_give_the_places(real):
    talk = Talk()
    # a file no procedure names (social housing is one since helper e199: no mode question)
    assert QUESTION in rest_text(talk.say("je veux faire ma demande de surendettement",
                                          "ask_help", [ent("need", "demarches")]))
    said = rest_text(talk.say("c'est loin ?", "more_results"))
    assert QUESTION not in said, said
    msgs = talk.say("je suis à Béthune", "inform", [ent("location", "Béthune")])
    assert QUESTION not in rest_text(msgs), rest_text(msgs)
    assert places(msgs)["location"]["commune"] == "Béthune"


def test_the_town_given_instead_of_a_choice_gives_the_places_at_once(real):
    talk = Talk()
    assert QUESTION in rest_text(talk.say("besoin aide papier"))
    msgs = talk.say("je suis à Béthune", "inform", [ent("location", "Béthune")])
    said = rest_text(msgs)
    assert QUESTION not in said and DEFAULT_LINE in said and OTHER_WAY in said, said
    assert places(msgs)["location"]["commune"] == "Béthune"


def test_the_evening_asked_instead_of_a_choice_is_not_lost(real):
    talk = Talk()
    talk.say("je veux faire ma demande de surendettement à Béthune", "ask_help",
             [ent("need", "demarches"), ent("location", "Béthune")])
    msgs = talk.say("c'est ouvert le soir ?", "inform")
    said = rest_text(msgs)
    assert QUESTION not in said and "d'après l'annuaire" in said, said  # today's hours
    places(msgs)


def test_apprendre_seul_after_the_default_gives_places_to_learn(real):
    talk = Talk()
    talk.say("besoin aide papier")
    talk.say("je suis à Béthune", "inform", [ent("location", "Béthune")])
    msgs = talk.say("apprendre seul", "inform")
    assert talk.slots["mode"] == "autonomie", rest_text(msgs)
    places(msgs)
