"""The danger read and what comes after, over REST against the real assistant (the trained model,
the action server, the embedded directory): the conversations a tester found going wrong (round
15). Skipped without a trained model (``rasa_stack`` fixture, tests/rasa_stack.py)."""

from __future__ import annotations

import re

import pytest

from tests.rasa_stack import Conversation, payloads, texts

pytestmark = pytest.mark.rasa


def kinds(answer: list[dict]) -> list[str]:
    return [p["type"] for p in payloads(answer, None)]


def numbers(answer: list[dict]) -> list[str]:
    return [n["number"] for p in payloads(answer, None) for n in p.get("numbers") or []]


def says(number: str, text: str) -> bool:
    return re.search(rf"\b{number}\b", text) is not None


def test_violence_in_a_couple_gets_the_3919_the_17_and_the_114(rasa_stack):
    answer = Conversation(rasa_stack).say(
        "mon mari me frappe et il a pris mon téléphone, je suis chez une voisine à Tours"
    )
    assert kinds(answer) == ["emergency"]
    for number in ("3919", "17", "112", "114"):
        assert says(number, texts(answer)) and number in numbers(answer), number
    assert "SMS au 114" in texts(answer)


def test_after_the_danger_check_no_keeps_the_town_and_gives_the_places(rasa_stack):
    talk = Conversation(rasa_stack)
    asked = talk.say(
        "mon ex me surveille avec une appli sur mon téléphone et me menace, j'ai peur, je suis "
        "à Poitiers"
    )
    assert kinds(asked) == ["danger_check"] and says("3919", texts(asked))
    answer = talk.say("Non")
    assert "Dans quelle ville" not in texts(answer)
    [reco] = payloads(answer)
    assert reco["type"] == "recommendation" and reco["results"]
    assert reco["location"]["commune"] == "Poitiers"


def test_after_the_numbers_the_request_said_next_is_served_in_the_first_town(rasa_stack):
    talk = Conversation(rasa_stack)
    first = talk.say(
        "mon fils menace de se tuer si je lui enlève son téléphone, on habite à Angers, je "
        "voudrais de l'aide pour le contrôle parental"
    )
    assert kinds(first) == ["emergency"] and says("119", texts(first))
    answer = talk.say(
        "merci, ça va il est calme maintenant, c'est surtout pour le contrôle parental"
    )
    assert "Dites-moi si je peux vous aider pour autre chose" not in texts(answer)
    [reco] = payloads(answer)
    assert reco["type"] == "recommendation" and reco["results"]
    assert reco["location"]["commune"] == "Angers"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("ma fille s'est fait harceler sur snapchat, elle a 14 ans, on fait quoi ? on est à Metz",
         ("3018", "3018.fr")),
        ("on m'a volé ma carte bleue et ils ont tout vidé sur internet, j'ai plus rien pour "
         "manger, Clermont-Ferrand",
         ("faites opposition auprès de votre banque", "cybermalveillance.gouv.fr",
          "17cyber.gouv.fr")),
    ],
)  # fmt: skip
def test_harm_online_gets_its_line_beside_the_places(rasa_stack, message, expected):
    talk = Conversation(rasa_stack)
    answer = talk.say(message)
    assert "emergency" not in kinds(answer)
    if kinds(answer) == ["need_choice"]:  # the tester's choice: online safety
        answer = talk.say('/ask_help{"need": "securite"}')
    assert kinds(answer) == ["recommendation"] and payloads(answer)[0]["results"]
    for words in expected:
        assert words in texts(answer), (words, texts(answer))


@pytest.mark.parametrize(
    "message",
    [
        "j'ai envie d'en finir avec la vie, et je n'arrive pas à faire ma déclaration CAF, "
        "Le Havre",
        "j'ai tellement de dettes que je pense à en finir, et en plus je sais pas faire mon "
        "dossier de surendettement en ligne, Le Havre",
        "j'ai avalé toutes mes pilules, je voulais juste dire que personne m'a aidé pour ma "
        "retraite",
    ],
)
def test_suicidal_thoughts_or_pills_taken_beside_a_need_get_the_3114_first(rasa_stack, message):
    # round 26's tester: CAF places, the mode question, « Êtes-vous en danger ? » alone
    answer = Conversation(rasa_stack).say(message)
    assert kinds(answer) == ["emergency"], texts(answer)
    for number in ("3114", "112", "15"):
        assert says(number, texts(answer)) and number in numbers(answer), texts(answer)


def test_a_phone_number_after_a_list_and_an_intrusion_get_what_fits(rasa_stack):
    talk = Conversation(rasa_stack)
    assert payloads(talk.say("aide pour les impôts à Vierzon")), "no list"
    answer = talk.say("envoie par sms au 06 12 34 56 78")  # the NLU reads danger
    assert not {"emergency", "danger_check"} & set(kinds(answer)), texts(answer)
    assert not says("112", texts(answer)) and "3114" not in texts(answer), texts(answer)
    answer = Conversation(rasa_stack).say("quelqu'un essaie de forcer ma porte en ce moment")
    assert kinds(answer) == ["emergency"] and {"17", "112"} <= set(numbers(answer))
    assert "3114" not in texts(answer), texts(answer)
