"""The distance a person reads matches the address shown (round 176's tester in Paris 13e:
« 2. Icf la Sabliere Sa d'HLM (1,8 km) — 24 rue de Paradis, 75010 Paris 10e », the 10e some
5 km away): the source's point lay in the 12e; the importer trusts the commune it can verify
(the gazetteer's 10e) and says so in its report (directory_client/importer/position.py)."""

from __future__ import annotations

from tests.actions.talk import list_in
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)


def test_a_place_of_the_10e_is_not_said_to_be_under_2_km_from_the_13e(real):
    _, payload = list_in("apprendre à utiliser mon ordinateur, Paris 13e", "Paris 13e")
    for place in payload["results"]:
        if "75010" in place["address"]:
            assert place["distance_km"] > 4, place
