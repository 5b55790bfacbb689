"""Places not for the general public — a syndicate doing IT for town halls, the students'
CROUS, an EHPAD for its residents — rank after every place open to all, however near and
whatever their record; never left out (the only place near is still given). What says so: the
name (``search.evidence.closed_public``; the conseillers numériques file gives these records no
public nor typology). The real embedded directory and Locator: the tester's Rodez and
Besançon, and places not seen."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from directory_client import Locator
from directory_client.models import Place
from directory_client.search import evidence
from tests.directory.pages import pages_of


@pytest.fixture(scope="module")
def locator(embedded_directory):
    return Locator(directory=embedded_directory)


def _list(directory, locator, town: str, keys: list[str], pages: int = 3):
    return pages_of(directory, locator, town, keys, pages)


def _closed(directory, town: str) -> list[str]:
    """The places of ``town`` whose record says they serve a closed public."""
    with directory.Session() as session:
        places = session.scalars(select(Place).where(Place.commune.like(town))).all()
        return [p.public_id for p in places if evidence.closed_public(p)]


# The tester's: the council IT syndicate in Rodez (0.7 km, first for "apprendre le
# téléphone"), the CROUS in Besançon (2.2 km, second); not seen: a broadband syndicate in
# Beauvais, the Vendée town halls' "e-Collectivités" in La Roche-sur-Yon, an EHPAD in Terville.
CASES = [
    ("Rodez", "RODEZ", ["smartphone"]), ("Rodez", "RODEZ", ["ordinateur"]),
    ("Besançon", "BESANCON", ["smartphone"]), ("Besançon", "BESANCON", ["internet"]),
    ("Beauvais", "BEAUVAIS", ["ordinateur"]),
    ("La Roche-sur-Yon", "LA ROCHE-SUR-YON", ["smartphone"]),
    ("Terville", "TERVILLE", ["ordinateur"]),
]  # fmt: skip


@pytest.mark.parametrize("town, commune, keys", CASES)
def test_a_place_for_a_closed_public_comes_after_every_place_open_to_all(
    embedded_directory, locator, town, commune, keys
):
    closed = _closed(embedded_directory, commune)
    assert closed, town  # the case holds such a place
    listed = _list(embedded_directory, locator, town, keys)
    ids = [r.id.split("|")[0] for r in listed]
    first_closed = min((i for i, r in enumerate(listed) if r.id in closed), default=len(listed))
    # every place listed after a closed one is closed too; none on the first page
    assert all(r.id in closed for r in listed[first_closed:]), ids
    assert first_closed >= 3, [r.name for r in listed]
    # and no "Plus loin, mais" is said because of it: the line compares with places open to all
    shown = [round(r.distance_km, 1) for r in listed[:first_closed]]
    for i, r in enumerate(listed[:first_closed]):
        if not any(d < shown[i] for d in shown[i + 1 :]):
            assert r.ahead is None, (r.name, r.ahead)


@pytest.mark.parametrize("town, commune, keys", CASES[:3])
def test_a_place_for_a_closed_public_is_still_given_when_the_list_goes_that_far(
    embedded_directory, locator, town, commune, keys
):
    """Never left out: far enough down the list, it is there (the only place near would be
    first)."""
    closed = set(_closed(embedded_directory, commune))
    listed = _list(embedded_directory, locator, town, keys, pages=40)
    assert closed & {r.id for r in listed}, town
