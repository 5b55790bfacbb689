"""A child insulted, mocked or humiliated online every day is harassed, whatever the word: « mon
fils de 13 ans reçoit des insultes tous les jours sur whatsapp, Troyes » got places but no 3018
(found in round 29 while checking the helplines). The word « harcelé » was needed. Now insults,
mockery or humiliation received by a child online bring the 3018 beside the places, as « harcelé »
does; insults or mockery watched or read about do not. Real actions, the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, rest_text

LINE = "3018"


@pytest.mark.parametrize("message", [
    "mon fils de 13 ans reçoit des insultes tous les jours sur whatsapp, Troyes",
    "on se moque de ma fille sur snapchat depuis la rentrée, on habite Dijon",
    "ma fille de 12 ans se fait insulter sur instagram, Lille",
    "mon ado reçoit des messages méchants sur tiktok toute la journée, Rennes",
])  # fmt: skip
def test_a_child_insulted_online_gets_the_3018_with_the_places(real, message):
    msgs = Talk().say(message, "ask_help")
    text = rest_text(msgs)
    assert LINE in text, text
    assert "112" not in text, text
    assert one_list(msgs)["results"], text


@pytest.mark.parametrize("message", [
    "mon fils de 10 ans regarde des vidéos de moqueries sur youtube, contrôle parental, Troyes",
    "ma fille veut apprendre à envoyer des messages sur whatsapp, Dijon",
])  # fmt: skip
def test_insults_watched_or_messages_learnt_bring_no_3018(real, message):
    text = rest_text(Talk().say(message, "ask_help"))
    assert LINE not in text, text
