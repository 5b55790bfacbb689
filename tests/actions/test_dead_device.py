"""Round 18's tester: a phone that died ("mon portable a rendu l'âme, comment je fais pour ma
CAF") beside a procedure is no request to buy one, unless a device is asked for: the procedure is
the need, with a computer to use on site. Said alone, another one to get."""

from __future__ import annotations

import pytest

from actions import needs as needs_mod
from directory_client import labels
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
)

WITH_A_PROCEDURE = [
    # the tester's, and the same class of wordings not seen
    ("mon portable a rendu l'âme, comment je fais pour ma CAF à Roubaix", "caf"),
    ("mon ordi a lâché et je dois faire ma déclaration d'impôts, je suis à Roubaix", "impots"),
    (
        "ma tablette ne s'allume plus, je dois m'actualiser à France Travail, Roubaix",
        "france_travail",
    ),
]


@pytest.mark.parametrize("message, procedure", WITH_A_PROCEDURE)
def test_a_dead_device_beside_a_procedure_is_the_procedure_and_a_computer_on_site(
    real, message, procedure
):
    talk = Talk()
    reco = one_list(talk.say(message, "ask_help", [ent("location", "Roubaix")]))
    assert talk.slots["procedures"] == [procedure]
    assert talk.slots["needs"] == ["demarches", "materiel_usage"]
    assert reco["need"] == [labels.DEMARCHES, labels.ACCES_INTERNET_MATERIEL]
    assert labels.ACQUISITION_MATERIEL not in reco["need"]


@pytest.mark.parametrize("message", [
    "mon téléphone est mort",
    "mon téléphone est tombé dans l'eau, il est foutu",
    "mon ordinateur est HS",
    "sos mon pc s'allume plus",
])  # fmt: skip
def test_a_dead_device_said_alone_is_another_one_to_get(real, message):
    """Said alone, getting another (at a solidarity price) is what an independent writer labelled
    it (the frozen corpus: "sos mon ordi est mort il s'allume plus")."""
    talk = Talk()
    talk.say(message, "ask_help")
    assert talk.slots.get("needs", [])[:1] == ["materiel_achat"]


@pytest.mark.parametrize("message", [
    "mon portable est tombé dans l'évier, il m'en faut un pas cher",
    "mon téléphone est cassé, je cherche un téléphone pas cher",
])  # fmt: skip
def test_a_dead_device_and_one_asked_for_is_a_device_to_get(message):
    assert needs_mod.read(message).needs == ["materiel_achat"]
