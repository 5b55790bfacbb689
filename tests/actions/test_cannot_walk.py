"""The desk's (and the chat's) reading of care: "ne marche pas" about a thing ("son téléphone ne
marche pas") is no mobility need; someone who cannot walk ("elle ne marche plus", "il ne peut pas
marcher", "Mme D., ne marche plus") still is."""

from __future__ import annotations

import pytest

from actions.needs import read_care
from bot.staff import triage

MOTOR = "Handicaps moteurs"


@pytest.mark.parametrize(
    "note",
    [
        "Mme D., son téléphone ne marche pas, Roubaix",
        "M. L., l'imprimante ne marche pas, Lens",
        "mon ordi, il ne marche plus",
        "le site de la CAF ne marche pas",
    ],
)
def test_a_thing_that_does_not_work_is_no_mobility_need(note):
    assert MOTOR not in read_care(note)


@pytest.mark.parametrize(
    "note",
    [
        "Mme D., 84 ans, elle ne marche plus, Roubaix",
        "il ne peut pas marcher, dossier retraite",
        "Mme D., ne marche plus, Roubaix",
        "ma mère a du mal à marcher",
        "en fauteuil roulant",
    ],
)
def test_someone_who_cannot_walk_still_is(note):
    assert MOTOR in read_care(note)


def test_the_desk_sheet_asks_no_wheelchair_access_for_a_broken_phone():
    situation = triage.parse("Mme D., son téléphone ne marche pas, Roubaix")
    assert MOTOR not in situation.prise_en_charge
