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
from tests.conftest_actions import ask

SCAM = needs_mod.NEEDS["securite"]
CHEAP = needs_mod.NEEDS["materiel_achat"]
CREATION = needs_mod.NEEDS["loisirs"]


def _services(reco: dict | None) -> list[str]:
    return (reco or {}).get("need", [])


# (message, the need it must not get, words of that need's answer it must not show)
NOT_SAID = [
    *[(m, SCAM, ("arnaques", "cybermalveillance")) for m in (
        "sans carte bancaire, comment payer la cantine en ligne ? Rennes",
        "je n'ai plus de carte bancaire et je dois payer la garderie sur internet, Nantes",
        "je n'ai pas de carte bancaire, il faut régler le centre de loisirs en ligne, Lyon",
    )],
    *[(m, CHEAP, ("petit prix",)) for m in (
        "une formation pour la tablette, les autres sont payantes, Orléans",
        "une formation pour le smartphone, ailleurs c'est payant, Angers",
        "des cours pour la tablette, les autres sont trop chers, Poitiers",
    )],
    *[(m, CREATION, ("photo, vidéo",)) for m in (
        "création auto entreprise sur le site urssaf, Lille",
        "aide creation societe et siret, Arras",
        "creation de mon compte ameli, Nancy",
    )],
]  # fmt: skip


@pytest.mark.parametrize(("message", "need", "words"), NOT_SAID)
def test_a_need_not_said_is_not_added(real, locator, message, need, words):
    """A missing bank card is no scam to avoid, the price of lessons no device to buy, the
    creation of a business or an account no creative work."""
    read, reco, _ = ask(message)
    assert not any(w in read for w in words), read
    assert need.service not in _services(reco)


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
