"""A procedure done for someone ("à sa place"): a France Services desk in the person's town is
not passed over for places 11-75 km away that declare "À ma place" (the tester's Montluçon:
Huriel 11 km, Montmarault 27 km, a bus 63 km, with 2 France Services in Montluçon). The desks
much nearer come first; the places that declare it follow. Real actions on the real embedded
directory and Locator."""

from __future__ import annotations

import pytest

from tests.actions.test_far_not_near import answer


@pytest.mark.parametrize("town", ["Montluçon", "Vichy", "Aurillac"])
def test_a_france_services_in_town_comes_before_far_places_doing_it_on_ones_behalf(
    real, locator, town
):
    _text, payload = answer(locator, town, ["demarches"], constraints=["a_ma_place"])
    # each town has a France Services desk within 5 km (the national list)
    first = payload["results"][0]
    assert first["distance_km"] <= 5, payload["results"]
    assert "France Services" in first["why"] or "à votre place" in first["why"], first
