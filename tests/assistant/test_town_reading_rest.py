"""Round 15's tester over REST, against the real assistant (the trained model, the action
server, the embedded directory): a town inside the first message, an answer to the mode
question in SMS spelling or a town instead, corrections of the town. Skipped without a trained
model (``rasa_stack`` fixture, tests/rasa_stack.py)."""

from __future__ import annotations

import pytest

from tests.rasa_stack import Conversation, payloads, texts

pytestmark = pytest.mark.rasa


@pytest.mark.parametrize("message, insee", [
    ("dame 80 ans, dossier retraite, Roubaix, pas d'ordi pas de mail", "59512"),
    ("jeune 19 ans, sans emploi, veut faire son CV, Amiens. Il a un téléphone mais pas d'ordi",
     "80021"),
    ("je veux faire mon CV, Amiens. J'ai un téléphone", "80021"),
    ("j'habite Saint-Julien-de-Jonzy, je voudrais apprendre internet", "71434"),
    ("Mamoudzou aide dossier caf", "97611"),
])  # fmt: skip
def test_a_town_inside_the_first_message_gives_the_places(rasa_stack, message, insee):
    answer = Conversation(rasa_stack).say(message)
    found = payloads(answer)
    assert len(found) == 1, texts(answer)
    assert found[0]["location"]["code_insee"] == insee


@pytest.mark.parametrize("said", ["avec qqn stp", "avc quelqu'un", "qlq1"])
def test_someone_with_me_in_sms_spelling_answers_the_mode_question(rasa_stack, said):
    talk = Conversation(rasa_stack)
    assert "fasse la démarche avec vous" in texts(talk.say("je veux aide pour papiers"))
    answer = talk.say(said)
    assert "Je ne trouve pas" not in texts(answer) and "112" not in texts(answer)
    assert "Dans quelle ville" in texts(answer)
    [reco] = payloads(talk.say("Calais"))
    assert reco["location"]["code_insee"] == "62193"


def test_a_town_instead_of_the_mode_is_said_and_kept(rasa_stack):
    """The mode question is asked once: a town given instead takes « with someone », said, and
    the places near that town come at once (round 27, tester t181: the question looped)."""
    talk = Conversation(rasa_stack)
    talk.say("je ne sais pas lire ni écrire bien, je veux aide pour papiers")
    answer = talk.say("Calais")
    [reco] = payloads(answer)
    assert reco["location"]["code_insee"] == "62193", texts(answer)
    assert "fasse la démarche avec vous" not in texts(answer), texts(answer)


def test_saint_pierre_asks_and_the_martinique_is_taken(rasa_stack):
    talk = Conversation(rasa_stack)
    talk.say("aide caf")
    answer = talk.say("Saint-Pierre")
    assert "Il y a plusieurs communes avec ce nom" in texts(answer)
    [reco] = payloads(talk.say("non pas la réunion, la martinique"))
    assert reco["location"]["code_insee"] == "97225"


def test_the_saint_denis_near_paris(rasa_stack):
    talk = Conversation(rasa_stack)
    talk.say("aide caf")
    assert "Il y a plusieurs communes avec ce nom" in texts(talk.say("Saint-Denis"))
    [reco] = payloads(talk.say("celui près de Paris"))
    assert reco["location"]["code_insee"] == "93066"


@pytest.mark.parametrize("message", [
    "ma box Orange ne marche plus",
    "mon forfait Orange est trop cher, je veux comprendre ma facture",
    "je suis allé à la boutique Orange mais ils ne m'ont pas aidé",
    "M. Martin, 75 ans, dossier retraite, pas d'ordinateur",
    "Mme T., 88 ans, seule, demande qu'on lui apprenne à répondre aux appels vidéo de sa fille",
])  # fmt: skip
def test_the_operator_or_a_person_is_no_town(rasa_stack, message):
    """What the model tags as a location there (Orange the operator, "M. Martin", "Mme T") is
    no town: no places in Orange (84) nor Martin-Église (76), no "Je ne trouve pas « Mme T »";
    once a need is chosen (a button), the town is asked."""
    talk = Conversation(rasa_stack)
    answer = talk.say(message)
    said = texts(answer)
    assert not payloads(answer), said
    assert "Orange (84)" not in said and "Je ne trouve pas" not in said, said
    answer = talk.say('/ask_help{"need": "internet"}')
    assert not payloads(answer) and "Dans quelle ville" in texts(answer), texts(answer)


def test_a_town_named_orange_is_the_town(rasa_stack):
    answer = Conversation(rasa_stack).say("j'habite à Orange, je voudrais de l'aide pour la CAF")
    [reco] = payloads(answer)
    assert reco["location"]["code_insee"] == "84087"
