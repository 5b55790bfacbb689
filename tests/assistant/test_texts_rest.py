"""The assistant's fixed texts, word for word, over REST on the running assistant (``rasa run``
with the trained model, the action server): the sentences the actions send as ``domain.yml``
responses reach a text-only client exactly as they are written here, with their variables (a
town, the helpline) filled in and their buttons. Button payloads (``/intent{...}``) are sent so
that the NLU's reading does not decide which question comes.
"""

from __future__ import annotations

import json

import pytest

from directory_client import labels
from tests.rasa_stack import Conversation, payloads

pytestmark = pytest.mark.rasa

HELPLINE = (
    f"Vous pouvez aussi appeler {labels.HELPLINE['name']} au {labels.HELPLINE['phone']} "
    "(aide gratuite, prix d'un appel normal, du lundi au vendredi de 9 h à 18 h) : on vous "
    "aide par téléphone."
)
BY_PHONE = (
    f"Une personne peut vous aider au téléphone : {labels.HELPLINE['name']}, "
    f"au {labels.HELPLINE['phone']} (aide gratuite, prix d'un appel normal, du lundi au "
    "vendredi de 9 h à 18 h)."
)
ASK_NEED = (
    "Dites-moi en quelques mots ce qui vous pose problème. Par exemple : « faire ma demande à "
    "la CAF », « apprendre à me servir de mon téléphone », « je n'ai pas internet »."
)
ASK_WHERE = (
    "Dans quelle ville ou quel code postal cherchez-vous ? "
    "Vous pouvez aussi partager votre position."
)
NOT_FOUND = (
    "Je ne trouve pas « Zzyzxville ». Pouvez-vous me donner le nom de votre commune ou son code "
    "postal ? Par exemple : « Roubaix » ou « 59100 »."
)
OUT_OF_SCOPE = (
    "Je ne peux pas vous aider pour cela : je trouve des lieux d'aide au numérique près de "
    "chez vous."
)


def said(answer: list[dict]) -> list[str]:
    """The texts of an answer, in order (Rasa's REST channel sends each paragraph, and a custom
    payload, as its own message)."""
    return [m["text"] for m in answer if m.get("text")]


def only_text(answer: list[dict]) -> str:
    texts = said(answer)
    assert len(texts) == 1, json.dumps(answer, ensure_ascii=False)
    return texts[0]


def titles(answer: list[dict]) -> list[str]:
    return [b["title"] for m in answer for b in m.get("buttons") or []]


def test_the_questions_word_for_word(rasa_stack):
    talk = Conversation(rasa_stack)
    asked = talk.say('/inform{"location": "Roubaix"}')
    assert only_text(asked) == "C'est noté, je chercherai près de Roubaix (59). " + ASK_NEED
    assert titles(asked) == ["Papiers en ligne", "Téléphone, tablette", "Ordinateur",
                             "Accès à internet", "Trouver un emploi",
                             "Arnaque, piratage"]  # fmt: skip

    talk = Conversation(rasa_stack)
    mode = talk.say('/ask_help{"need": "demarches"}')
    assert only_text(mode) == (
        "Voulez-vous que quelqu'un fasse la démarche avec vous, "
        "ou préférez-vous apprendre à la faire vous-même ?"
    )
    assert titles(mode) == ["Avec quelqu'un", "Apprendre seul"]
    assert only_text(talk.say('/inform{"mode": "avec_moi"}')) == ASK_WHERE
    assert only_text(talk.say('/inform{"location": "Zzyzxville"}')) == NOT_FOUND
    assert said(talk.say('/inform{"location": "Zzyzxville"}')) == [NOT_FOUND, HELPLINE]
    choice = talk.say('/inform{"location": "Saint-Denis"}')
    assert only_text(choice) == "Il y a plusieurs communes avec ce nom. Laquelle est la vôtre ?"
    assert "Saint-Denis (93)" in titles(choice) and titles(choice)[-1] == "Aucun"
    again = talk.say("/out_of_scope")
    assert only_text(again) == (
        OUT_OF_SCOPE + " Dans quelle ville ou quel code postal cherchez-vous ?"
    )


def test_misunderstood_twice_then_the_helpline(rasa_stack):
    talk = Conversation(rasa_stack)
    assert only_text(talk.say("/out_of_scope")) == (
        OUT_OF_SCOPE + " Dites-moi ce qui vous pose problème avec le numérique, par exemple "
        "« faire ma demande CAF » ou « apprendre à utiliser mon téléphone »."
    )
    handoff = talk.say("/out_of_scope")
    assert only_text(handoff) == "Je n'arrive pas à bien vous comprendre, désolé. " + BY_PHONE
    assert payloads(handoff, "handoff")[0]["to"] == "helpline"
    assert only_text(talk.say("/human_handoff")) == BY_PHONE

    talk = Conversation(rasa_stack)
    talk.say('/inform{"location": "Saint-Denis"}')
    assert only_text(talk.say("/out_of_scope")) == (
        OUT_OF_SCOPE + " Choisissez votre commune dans la liste, ou donnez son code postal."
    )


def test_summary_and_forget_me_word_for_word(rasa_stack):
    talk = Conversation(rasa_stack)
    assert only_text(talk.say("/send_it")) == (
        "Je n'ai encore rien trouvé à vous envoyer. Que cherchez-vous ?"
    )
    talk.say('/ask_help{"need": "smartphone", "location": "Angoulême"}')
    kept = talk.say("/send_it")
    assert payloads(kept)[0]["delivery"] == "summary"
    assert only_text(kept).startswith(
        "Votre recherche à garder : apprendre à vous servir de votre téléphone ou de votre "
        "tablette près d'Angoulême (16)."
    ), kept
    forgot = talk.say("/forget_me")
    assert only_text(forgot) == (
        "C'est fait : j'ai effacé notre conversation. "
        "Si vous avez besoin d'aide plus tard, écrivez-moi."
    )
    assert payloads(forgot, "forget_me")[0]["sender_id"] == talk.sender
