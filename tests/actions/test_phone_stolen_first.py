"""A phone stolen or lost: the first thing to do is said, once, before or beside the places —
call the operator from another phone to block the line and the SIM, and for a theft a police
complaint (pré-plainte en ligne), which blocking the device by its IMEI and the insurance ask for
(round 29's tester, e10 and h12: « on m'a volé mon portable hier … plus accès à rien » got the
card opposition number and cybermalveillance, nothing on the operator). A broken phone, or
photos lost on a phone, get no such line. Real actions, the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text

OPERATOR = "appelez d'abord votre opérateur"


@pytest.mark.parametrize("message", [
    "on m'a volé mon portable hier dans le bus, j'ai plus accès à rien (banque, mails), je suis "
    "à Lille",
    "j'ai perdu mon téléphone au marché ce matin, je ne sais pas quoi faire, j'habite Nantes",
    "mon smartphone a été volé, il me faut de l'aide, Rennes",
    "je me suis fait arracher mon iphone dans la rue à Marseille",
    "on ma vole mon tel",
    "vol de mon portable samedi, besoin d'aide pour tout refaire, Dijon",
])  # fmt: skip
def test_a_phone_stolen_or_lost_gets_the_operator_first_once(real, message):
    said = rest_text(Talk().say(message, "ask_help"))
    assert said.count(OPERATOR) == 1, said
    assert "carte SIM" in said and "IMEI" in said, said
    assert "plainte" in said, said


def test_the_line_is_not_said_again_with_the_places(real):
    talk = Talk()
    first = rest_text(talk.say("on m'a volé mon téléphone", "ask_help"))
    assert OPERATOR in first, first
    then = rest_text(talk.say("apprendre à me servir de mon nouveau téléphone", "inform"))
    then += rest_text(talk.say("Lille", "inform"))
    assert OPERATOR not in then, then


@pytest.mark.parametrize("message", [
    "mon portable est cassé, l'écran est fissuré, je suis à Lyon",
    "je voudrais récupérer des photos perdues sur mon téléphone, Lyon",
    "mon téléphone est tombé en panne, aide à Lyon",
])  # fmt: skip
def test_a_broken_phone_or_lost_photos_get_no_such_line(real, message):
    said = rest_text(Talk().say(message, "ask_help"))
    assert OPERATOR not in said, said
