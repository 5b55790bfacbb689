"""Ordinary requests that got the emergency numbers (round e179, over REST), the need lost:

- urgency denied in so many words (« Pas d'urgence vitale hein, mais ma boîte mail ne s'ouvre
  plus »): no danger, the e-mail need served in the town said after;
- an account « kidnappé » (« On a kidnappé mon WhatsApp ! »): account hijacking, online safety;
- an accident told as the cause of a lasting state (« en fauteuil depuis un accident de la
  route »): background, the need (an adapted computer) served;
- a relative who is ill (« c ma femme qui fesai telepac mais elle est malade »): why the person
  must do it alone, no question;
- self-harm words made conditional on a form failing (« je vais me jeter par la fenêtre si ce
  formulaire plante encore »): the short danger question, with the numbers, the request kept —
  not the full emergency message, and not nothing.

Real actions, real directory where places follow; played as the NLU's ``ask_help`` and as its
``emergency`` (what the NLU may read)."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, rest_text
from tests.conftest_actions import ent

EMERGENCY = "Si vous ou quelqu'un êtes en danger"
QUESTION = "Êtes-vous en danger en ce moment ?"
INTENTS = ("ask_help", "emergency")



def _no_danger(msgs: list[dict]) -> str:
    said = rest_text(msgs)
    assert EMERGENCY not in said and QUESTION not in said, said[:400]
    assert not {"emergency", "danger_check"} & set(kinds(msgs)), said[:400]
    assert "112" not in said and "3114" not in said, said[:400]
    return said


@pytest.mark.parametrize("intent", INTENTS)
def test_urgency_denied_is_no_danger_and_the_mail_need_is_served_in_the_town_said_after(
    real, intent
):
    talk = Talk()
    first = talk.say(
        "Pas d'urgence vitale hein, mais ma boîte mail ne s'ouvre plus depuis ce matin et "
        "j'attends des nouvelles de ma fille qui est en Australie.",
        intent,
    )
    _no_danger(first)
    after = talk.say("Sarlat", "inform", [ent("location", "Sarlat")])
    if "need_choice" in kinds(first):  # a town is no choice: the menu again, the town kept
        assert "Sarlat" in _no_danger(after), rest_text(after)  # (test_need_menu_pending.py)
        after = talk.say('/ask_help{"need": "quotidien"}', "ask_help", [ent("need", "quotidien")])
    shown = _no_danger(after)
    assert "Je ne peux pas vous aider" not in shown, shown[:400]
    assert "recommendation" in kinds(first + after), rest_text(first + after)[:600]
    assert "Sarlat" in shown, shown[:400]


@pytest.mark.parametrize(
    "message",
    [
        "On a kidnappé mon WhatsApp ! Quelqu'un demande de l'argent à ma famille en se faisant "
        "passer pour moi. Comment je récupère mon compte ?",
        "Mon compte Facebook a été pris en otage, quelqu'un publie à ma place, je fais comment ?",
    ],
)  # fmt: skip
@pytest.mark.parametrize("intent", INTENTS)
def test_an_account_kidnapped_is_hijacking_not_danger(real, message, intent):
    talk = Talk()
    said = _no_danger(talk.say(message, intent, [ent("location", "Rodez")]))
    assert "Rodez" in said, said[:400]


@pytest.mark.parametrize("intent", INTENTS)
def test_an_accident_told_as_the_cause_of_a_lasting_state_is_background(real, intent):
    talk = Talk()
    msgs = talk.say(
        "Je suis en fauteuil depuis un accident de la route. Je cherche un ordinateur adapté, "
        "pas trop cher, pour reprendre mes études à distance.",
        intent,
        [ent("location", "Rodez")],
    )
    said = _no_danger(msgs)
    assert "Rodez" in said, said[:400]


def test_a_relative_who_is_ill_is_context_not_danger(real):
    # played as ``ask_help`` only: the NLU sure of ``emergency`` still asks (ActionEmergency)
    talk = Talk()
    msgs = talk.say(
        "jsui agriculteur a laguiole, c ma femme qui fesai telepac mais elle est malade. faut "
        "que japprenne l'ordi et la pac avant le 15 mai",
        "ask_help",
        [ent("location", "Laguiole")],
    )
    _no_danger(msgs)


@pytest.mark.parametrize(
    "message",
    [
        "Je vais me jeter par la fenêtre si ce formulaire de la retraite plante encore une fois. "
        "Troisième essai, toujours \"erreur technique\".",
        "je vais me pendre si le site des impôts bugue encore, ça fait trois fois",
        "je vais me tirer une balle si l'appli de la banque plante encore",
    ],
)  # fmt: skip
@pytest.mark.parametrize("intent", INTENTS)
def test_self_harm_made_conditional_on_a_digital_mishap_gets_the_question(real, message, intent):
    talk = Talk()
    msgs = talk.say(message, intent, [ent("location", "Vierzon")])
    said = rest_text(msgs)
    assert kinds(msgs) == ["danger_check"], said[:400]
    assert QUESTION in said and "112" in said, said[:400]
    assert EMERGENCY not in said, said[:400]
