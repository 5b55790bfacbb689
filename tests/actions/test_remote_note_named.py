"""A remote-help line is never printed empty (round 106's tester, Millau: "À distance pour vous
servir d'internet au quotidien (mails, photos, achats…) : ."): when the search of the uncovered
need gives no help at a distance (a place beyond the radius, not "nothing near"), the national
helpline is named. Every need, for any other need asked with it."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from actions import need_cover
from actions import needs as needs_mod
from directory_client import labels
from directory_client.types import AloneAnswer, RemoteOption

KEYS = sorted(needs_mod.NEEDS)


@pytest.mark.parametrize("uncovered", KEYS)
def test_every_need_has_a_named_remote_service(uncovered):
    service = needs_mod.NEEDS[uncovered].service
    other = next(k for k in KEYS if needs_mod.NEEDS[k].service != service)
    services = needs_mod.services_for([uncovered])
    response = SimpleNamespace(alone=AloneAnswer(tuple(services), near=False, remote_options=()))
    covered = SimpleNamespace(services=(needs_mod.NEEDS[other].service,))
    found = need_cover.cover([other, uncovered], None, [covered])
    assert found is not None and found.uncovered_keys == (uncovered,)
    note = need_cover.remote_note(None, response, found)
    if uncovered == "materiel_achat":
        assert note == "", note  # still said uncovered, no remote line
        return
    assert note is not None and not re.search(r":\s*\.$", note), note
    assert labels.HELPLINE["name"] in note and labels.HELPLINE["phone"] in note, note


def test_a_device_to_buy_names_a_place_providing_one_at_a_distance():
    workshop = RemoteOption(name="Atelier du réemploi", phone="03 20 00 00 00", url=None,
                            why="aide à distance : aide à s'équiper en matériel")  # fmt: skip
    helpline = need_cover.NATIONAL
    services = needs_mod.services_for(["materiel_achat"])
    response = SimpleNamespace(alone=AloneAnswer(tuple(services), near=False,
                                                 remote_options=(helpline, workshop)))  # fmt: skip
    covered = SimpleNamespace(services=(labels.DEMARCHES,))
    found = need_cover.cover(["demarches", "materiel_achat"], None, [covered])
    note = need_cover.remote_note(None, response, found)
    assert note == (
        "À distance pour un ordinateur ou un téléphone à petit prix : "
        "Atelier du réemploi : 03 20 00 00 00."
    )
