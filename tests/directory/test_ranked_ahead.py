"""A place listed before a nearer one (the detour of ``search.rank``) says why, in one plain
line built from the ranking's fit (``SearchResult.ahead``, ``explain.ahead_line``), and every
channel shows it; a place first at its distance says nothing more. Two needs asked: places
doing both come first within the detour. The real embedded directory and Locator."""

from __future__ import annotations

import pytest

from actions import formatting, needs
from bot.channels import render
from directory_client import Locator
from directory_client import search as search_module
from directory_client.types import SearchQuery


@pytest.fixture(scope="module")
def locator(embedded_directory):
    return Locator(directory=embedded_directory)


def _list(directory, locator, town: str, keys: list[str], pages: int = 2):
    where = locator.locate(town).best
    out = []
    for offset in range(0, 3 * pages, 3):
        query = SearchQuery(
            needs=needs.services_for(keys), location=where, offset=offset,
            preferred_origin_labels=needs.preferred_labels(keys),
        )  # fmt: skip
        out += list(search_module.search(directory.Session, query).results)
    return out


# The tester's Metz (a centre social 5.5 km away before a post office 1.4 km away), Roubaix
# (France Services 7 km away before pages of nearer records), and places not seen.
CASES = [
    ("Metz", ["smartphone"]), ("Roubaix", ["ordinateur"]), ("Angoulême", ["smartphone"]),
    ("Nancy", ["ordinateur"]), ("Limoges", ["demarches", "smartphone"]),
]  # fmt: skip


@pytest.mark.parametrize("town, keys", CASES)
def test_a_place_before_a_nearer_one_says_why_and_the_others_say_nothing(
    embedded_directory, locator, town, keys
):
    listed = _list(embedded_directory, locator, town, keys)
    shown = [round(r.distance_km, 1) for r in listed]
    ahead_of_nearer = [i for i in range(len(listed)) if any(d < shown[i] for d in shown[i + 1 :])]
    for i in ahead_of_nearer:
        assert (listed[i].ahead or "").startswith("Plus loin, mais "), (i, listed)
    # the nearest place listed, first at its distance, says nothing more
    assert min(listed, key=lambda r: (r.distance_km, -listed.index(r))).ahead is None, listed
    if town == "Metz":
        assert ahead_of_nearer, listed  # the tester's list: a farther place first


def test_metz_first_place_says_why_in_every_channel(embedded_directory, locator):
    first = _list(embedded_directory, locator, "Metz", ["smartphone"], pages=1)[0]
    nearest = min(_list(embedded_directory, locator, "Metz", ["smartphone"]),
                  key=lambda r: r.distance_km)  # fmt: skip
    assert nearest.distance_km < first.distance_km
    assert first.ahead == "Plus loin, mais c'est un lieu d'aide au numérique"
    payload = formatting.result_payload(first, 1)
    assert payload["ahead"] == first.ahead
    assert first.ahead in render.place_lines(payload)  # SMS, REST, chat text
    assert nearest.ahead is None


@pytest.mark.parametrize("town, keys", [
    ("Limoges", ["demarches", "smartphone"]), ("Poitiers", ["emploi", "smartphone"]),
    ("Limoges", ["demarches", "ordinateur"]),
])  # fmt: skip
def test_a_need_more_is_said_as_that_need(embedded_directory, locator, town, keys):
    listed = _list(embedded_directory, locator, town, keys)
    said = [r.ahead for r in listed if r.ahead and "fait aussi" in r.ahead]
    for line in said:
        assert line.startswith("Plus loin, mais fait aussi : "), line


ANGOULEME = pytest.mark.xfail(
    strict=True,
    reason=(
        "not mended: a record saying little (CLEAR_FACTOR 2.0) outweighs one more need "
        "(NEED_FACTOR 1.5); the Département's desk 1 km away doing both ranks after an MJC 250 m "
        "and a youth centre 1.4 km away doing one (see the report)"
    ),
)


@pytest.mark.parametrize("town, keys", [
    # the tester's: "carte grise" + "apprendre à utiliser internet"
    pytest.param("Angoulême", ["demarches", "smartphone"], marks=ANGOULEME),
    pytest.param("Angoulême", ["demarches", "ordinateur"], marks=ANGOULEME),
    ("Limoges", ["demarches", "ordinateur"]),
    ("Poitiers", ["emploi", "smartphone"]),
])  # fmt: skip
def test_two_needs_places_doing_both_come_first_within_the_detour(
    embedded_directory, locator, town, keys
):
    listed = _list(embedded_directory, locator, town, keys)
    asked = set(needs.services_for(keys))
    both = [r for r in listed if asked <= set(r.services)]
    one = [r for r in listed if not asked <= set(r.services)]
    for single in one:
        for full in both:
            # within the need's detour of this place (rank.py): must come before it
            if full.distance_km + 3.0 <= 1.5 * (single.distance_km + 3.0):
                assert listed.index(full) < listed.index(single), (full.name, single.name)
