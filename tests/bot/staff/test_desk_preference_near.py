"""Round 22's tester at the desk: "Mr 80 ans sourd, ameli, Tulle" got places 45 and 92 km away
that declare deafness, while France Services desks 7-12 km away do the démarche. A public or a
care is a preference: near places first, those beyond a sensible distance never before them, the
« Aucun lieu ne déclare … à proximité » note saying it."""

from __future__ import annotations

import pytest

from bot.staff.triage import triage
from directory_client import Locator
from tests.conftest_actions import memory_directory  # noqa: F401 - the directory fixture
from tests.places import make_place


@pytest.mark.parametrize(
    "note, declared",
    [
        ("Mr 80 ans sourd, ameli, Lyon", {"prise_en_charge_specifique": "Surdité"}),
        ("Mme malvoyante, dossier CAF, Lyon",
         {"prise_en_charge_specifique": "Déficience visuelle"}),
        ("jeune de 19 ans, sourde, impôts, Lyon",
         {"prise_en_charge_specifique": "Surdité", "publics_specifiquement_adresses": "Jeunes"}),
    ],
)  # fmt: skip
def test_a_care_or_public_declared_far_never_comes_before_near_places(directory, note, declared):
    with directory.Session() as session:
        for i in range(1, 4):
            make_place(session, f"Loin {i}", km_east=40 + 20 * i, **declared)
            make_place(session, f"Proche {i}", km_east=i)
        session.commit()
    outcome = triage(note, directory, Locator())
    assert [r.name for r in outcome.results] == ["Proche 1", "Proche 2", "Proche 3"]
    # None near declares it: the chat's sentence (tests/bot/staff/test_desk_none_declare.py).
    assert any(n.startswith("Aucun lieu ne déclare") for n in outcome.notes), outcome.notes
