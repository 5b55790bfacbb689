"""A lack said in a short message after the request ("et il a pas de téléphone", "elle a pas
internet non plus", "pas de mail", "j'ai pas d'adresse mail"): one more need for the same request
(same person, same town, same procedure), never one put instead of it nor a need asked again;
after the list, before it (while the town is asked) alike. Creating an e-mail address is learning
the internet of every day; no phone, one to get; no computer, one to use on site."""

from __future__ import annotations

import pytest

from actions import needs as needs_mod
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import (
    ent,
    said,
)

FATHER = ("mon père doit faire sa déclaration d'impôts, il habite à Roubaix",
          [ent("location", "Roubaix")])  # fmt: skip
LACKS = [
    ("il a pas d'ordi non plus", "materiel_usage"),
    ("et il a pas de téléphone", "materiel_achat"),
    ("il a pas de portable", "materiel_achat"),
    ("elle a pas internet non plus", "internet"),
    ("pas de mail", "quotidien"),
    ("j'ai pas d'adresse mail", "quotidien"),
    ("et il a pas d'email", "quotidien"),
]


@pytest.mark.parametrize("intent", ["ask_help", "inform"])
@pytest.mark.parametrize(("message", "need"), LACKS)
def test_a_lack_after_the_list_is_added_for_the_same_person_and_town(real, message, need, intent):
    talk = Talk()
    one_list(talk.say(FATHER[0], "ask_help", FATHER[1]))
    msgs = talk.say(message, intent)
    reco = one_list(msgs)
    assert talk.slots["needs"] == ["demarches", need]
    assert talk.slots["procedures"] == ["impots"]
    assert reco["location"]["commune"] == "Roubaix"
    text = said(msgs[0])
    assert text.startswith("C'est noté, j'ajoute ce besoin à votre recherche."), text
    assert "pour ses démarches avec les impôts" in text.lower()  # his, as before
    assert needs_mod.NEEDS[need].purpose.split(" ", 1)[1] in text  # "vous servir" → "se servir"


@pytest.mark.parametrize(("message", "need"), LACKS)
def test_a_lack_while_the_town_is_asked_is_added_to_the_need(real, message, need):
    talk = Talk()
    talk.say("aide pour ma déclaration d'impôts", "ask_help")
    assert talk.slots["awaiting"] == "location"
    msgs = talk.say(message, "inform")
    assert talk.slots["needs"] == ["demarches", need]
    assert said(msgs[0]).startswith("Dans quelle ville")
    reco = one_list(talk.say("Roubaix", "inform", [ent("location", "Roubaix")]))
    assert reco["need"] == [needs_mod.NEEDS[k].service for k in ("demarches", need)]


@pytest.mark.parametrize(
    ("message", "needs", "procedures"),
    [
        ("non c'est juste pour imprimer un papier", ["materiel_usage"], []),
        ("j'ai pas d'ordi pour ma CAF", ["demarches", "materiel_usage"], ["caf"]),
    ],
)
def test_a_correction_or_a_request_of_its_own_is_no_lack_added(real, message, needs, procedures):
    talk = Talk()
    one_list(talk.say(FATHER[0], "ask_help", FATHER[1]))
    talk.say(message, "ask_help")
    assert talk.slots["needs"] == needs
    assert (talk.slots.get("procedures") or []) == procedures


MILLAU = ("mon père doit refaire sa carte d'identité, il habite à Millau",
          [ent("location", "Millau")])  # fmt: skip
# A means of payment or of getting about missing: something to tell the places, no need of its own
# (a bank card is no scam to avoid). "pas de voiture" alone is a journey that cannot be made
# (tests/actions/test_cannot_walk.py).
NO_MEANS = [
    "il a pas de carte bancaire",
    "pas de CB",
    "il n'a pas de chéquier non plus",
    "et elle a plus de carte bleue",
    "il a pas le permis",
    "sans moyen de paiement",
]


@pytest.mark.parametrize("intent", ["ask_help", "inform"])
@pytest.mark.parametrize("message", NO_MEANS)
def test_a_missing_means_of_payment_after_the_list_keeps_the_request(real, message, intent):
    talk = Talk()
    first = one_list(talk.say(MILLAU[0], "ask_help", MILLAU[1]))
    msgs = talk.say(message, intent)
    reco = one_list(msgs)
    assert talk.slots["needs"] == ["demarches"]
    assert talk.slots["procedures"] == ["ants"]
    assert reco["location"]["commune"] == "Millau"
    assert reco["need"] == first["need"]
    text = said(msgs[0])
    assert text.startswith("C'est noté, vous pourrez en parler sur place."), text
    assert "arnaque" not in text.lower()
    assert "carte d'identité" in text


@pytest.mark.parametrize("message", NO_MEANS[:3])
def test_a_missing_means_of_payment_while_the_town_is_asked_keeps_the_need(real, message):
    talk = Talk()
    talk.say("mon père doit refaire sa carte d'identité", "ask_help")
    assert talk.slots["awaiting"] == "location"
    msgs = talk.say(message, "inform")
    assert talk.slots["needs"] == ["demarches"]
    assert talk.slots["procedures"] == ["ants"]
    assert said(msgs[0]).startswith("Dans quelle ville"), said(msgs[0])
