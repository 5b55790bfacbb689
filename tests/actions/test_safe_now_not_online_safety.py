"""A past violence, the person safe now, is no online-safety need: "jai été victime de violences
il y a six mois, aujourd'hui en sécurité, je dois refaire mes papiers en ligne, Grenoble" got
"vous protéger des arnaques en ligne" and cybermalveillance; so did the desk's "violences
conjugales il y a 1 an, en sécurité, dossier CAF, Rouen". Being "en sécurité", "à l'abri" is how
the person is; online words (someone watching their phone, a hacked account) stay online safety."""

from __future__ import annotations

import pytest

from actions import needs as needs_mod
from bot.staff import triage as T
from tests.conftest_actions import ask

SAFE_NOW = [
    "jai été victime de violences il y a six mois, aujourd'hui en sécurité, je dois refaire mes "
    "papiers en ligne, Grenoble",
    "violences conjugales il y a 1 an, en sécurité, dossier CAF, Rouen",
    "mon ex me frappait, je suis à l'abri maintenant, besoin d'aide pour ma demande de logement, "
    "Rouen",
    "on a subi des violences, nous sommes en sécurité, il faut refaire sa carte vitale, Grenoble",
]


@pytest.mark.parametrize("message", SAFE_NOW)
def test_safe_now_is_no_online_safety_need(message):
    assert "securite" not in needs_mod.read(message).needs


@pytest.mark.parametrize("message", SAFE_NOW)
def test_the_chat_and_the_desk_give_no_scam_help(real, locator, message):
    read, reco, _ = ask(message)
    assert "arnaques" not in read and "cybermalveillance" not in read, read
    assert needs_mod.NEEDS["securite"].service not in (reco or {}).get("need", [])
    outcome = T.triage(message, real, locator)
    assert needs_mod.NEEDS["securite"].service not in outcome.situation.needs
    assert not any("cybermalveillance" in n for n in outcome.notes), outcome.notes


@pytest.mark.parametrize(
    "message",
    ["mon ex surveille mon téléphone, je suis en sécurité chez ma soeur",
     "mon ex me surveille par mon portable",
     "il lit mes messages depuis des mois",
     "comment naviguer en sécurité sur internet"],
)  # fmt: skip
def test_online_words_stay_online_safety(message):
    assert "securite" in needs_mod.read(message).needs
