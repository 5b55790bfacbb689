"""A place whose record gives only an address (no phone, e-mail, website, booking link nor
opening hours: the person does not know when to go) comes after a comparable reachable place
doing the same needs asked within a small detour (``rank.REACH_FACTOR``); it is never hidden.
The real embedded directory and Locator; the towns where it came first before."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from directory_client import Locator
from directory_client.models import Place
from directory_client.search import evidence, rank
from tests.directory.pages import pages_of


@pytest.fixture(scope="module")
def locator(embedded_directory):
    return Locator(directory=embedded_directory)


@pytest.fixture(scope="module")
def rows(embedded_directory):
    with embedded_directory.Session() as session:
        places = {p.public_id: p for p in session.scalars(select(Place))}
        session.expunge_all()
    return places


# Avignon: the Espace Départemental des Solidarités Sud (0.98 km, an address only) came before
# Avenir84 (1.32 km, a phone); Lille: an association (0.37 km, an address only) before the
# municipal library (1.38 km); Bourges: the Médiathèque Départementale (2.0 km, an address
# only: a library for libraries) before La Poste (2.9 km).
CASES = [("Avignon", ["smartphone"]), ("Lille", ["ordinateur"]), ("Bourges", ["ordinateur"])]


@pytest.mark.parametrize("town, keys", CASES)
def test_a_place_with_only_an_address_comes_after_a_reachable_place_a_small_detour_away(
    embedded_directory, locator, rows, town, keys
):
    listed = pages_of(embedded_directory, locator, town, keys, pages=3)
    first = listed[0]
    assert not evidence.unreachable(rows[first.id]), (first.name, first.distance_km)
    # Generally: no place with only an address before a reachable one doing every need it
    # does, within the detour a reachable place is worth (distance + BASE_KM, × REACH_FACTOR).
    for i, entry in enumerate(listed):
        if entry.distance_km is None or not evidence.unreachable(rows[entry.id]):
            continue
        for later in listed[i + 1 :]:
            if later.distance_km is None or evidence.unreachable(rows[later.id]):
                continue
            assert set(entry.services) & set(later.services) != set(entry.services) or (
                later.distance_km + rank.BASE_KM
                > rank.REACH_FACTOR * (entry.distance_km + rank.BASE_KM)
            ), (entry.name, entry.distance_km, later.name, later.distance_km)
    # Never hidden: the place with only an address that came first is still listed.
    assert any(evidence.unreachable(rows[e.id]) for e in listed), [e.name for e in listed]
