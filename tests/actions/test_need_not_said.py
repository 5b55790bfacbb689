"""A need the person never said is not added (tester, round 20): a missing bank card is no scam
to avoid ("je n'ai pas de carte bancaire, il faut payer la cantine en ligne" got the
cybermalveillance lines), the price of lessons is no device to buy ("des ateliers pour le
téléphone, c'est trop cher ailleurs" got « un ordinateur ou un téléphone à petit prix »), the
"création" of a business or of an account is no creative work ("creation micro entreprise
urssaf" got « créer avec le numérique (photo, vidéo, jeux…) »). Being "en sécurité sur internet"
is online safety, not a choice of three needs ("je suis en sécurité maintenant" stays no need:
tests/actions/test_safe_now_not_online_safety.py). Every variant here was read wrong before that
change (68a4904: checked on its code); "carte bleue", "CB", "chéquier" never were."""

from __future__ import annotations

import pytest

from actions import needs as needs_mod
from tests.conftest_actions import (
    ask,
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)

SCAM = needs_mod.NEEDS["securite"]
CHEAP = needs_mod.NEEDS["materiel_achat"]
CREATION = needs_mod.NEEDS["loisirs"]


def _services(reco: dict | None) -> list[str]:
    return (reco or {}).get("need", [])


@pytest.mark.parametrize(
    "message",
    [
        "sans carte bancaire, comment payer la cantine en ligne ? Rennes",
        "je n'ai plus de carte bancaire et je dois payer la garderie sur internet, Nantes",
        "je n'ai pas de carte bancaire, il faut régler le centre de loisirs en ligne, Lyon",
    ],
)
def test_a_missing_bank_card_is_no_scam_to_avoid(real, locator, message):
    read, reco, _ = ask(message)
    assert "arnaques" not in read and "cybermalveillance" not in read, read
    assert SCAM.service not in _services(reco)


@pytest.mark.parametrize(
    "message",
    [
        "une formation pour la tablette, les autres sont payantes, Orléans",
        "une formation pour le smartphone, ailleurs c'est payant, Angers",
        "des cours pour la tablette, les autres sont trop chers, Poitiers",
    ],
)
def test_the_price_of_lessons_is_no_device_to_buy(real, locator, message):
    read, reco, _ = ask(message)
    assert "petit prix" not in read, read
    assert CHEAP.service not in _services(reco)


@pytest.mark.parametrize(
    "message",
    [
        "création auto entreprise sur le site urssaf, Lille",
        "aide creation societe et siret, Arras",
        "creation de mon compte ameli, Nancy",
    ],
)
def test_creating_a_business_or_an_account_is_no_creative_work(real, locator, message):
    read, reco, _ = ask(message)
    assert "photo, vidéo" not in read, read
    assert CREATION.service not in _services(reco)


@pytest.mark.parametrize(
    "message",
    [
        "je voudrais être en sécurité en ligne, à Dijon",
        "comment rester en sécurité en ligne, Besançon",
        "être en sécurité sur internet avec mon téléphone, Mâcon",
    ],
)
def test_safe_online_is_online_safety_not_a_choice(real, locator, message):
    read, reco, buttons = ask(message)
    assert SCAM.service in _services(reco), read
    assert SCAM.purpose in read or SCAM.plain in read, read
