"""A place listed before a nearer one (the detour of ``search.rank``) says why, in one plain
line built from the ranking's fit (``SearchResult.ahead``, ``explain.ahead_line``), and every
channel shows it; a place first at its distance says nothing more. Two needs asked: places
doing both come first within the detour. The real embedded directory and Locator."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from actions import formatting, needs
from bot.channels import render
from directory_client import Locator
from directory_client.models import Place
from directory_client.search import evidence
from directory_client.search.explain import ahead_line
from directory_client.search.plan import Fit
from tests.directory.pages import pages_of


@pytest.fixture(scope="module")
def locator(embedded_directory):
    return Locator(directory=embedded_directory)


# Where a tester was placed before a big commune's point became its town hall (gazetteer).
ANNECY_CENTRE, METZ_CENTRE = "45.90235, 6.1264", "49.10483, 6.19623"


def _list(directory, locator, town: str, keys: list[str], pages: int = 2):
    return pages_of(directory, locator, town, keys, pages)


# The tester's Metz (a centre social 5.5 km away came before a post office 1.4 km away), Roubaix
# (France Services 7 km away before pages of nearer records), Annecy (carte Vitale: 450 m,
# 600 m, 950 m each "plus loin"), Vierzon, Pau (France Services for a website: no reason),
# Pointe-à-Pitre (a CAF desk against places for another need), and places not seen.
CASES = [
    ("Metz", ["smartphone"]), ("Roubaix", ["ordinateur"]), ("Angoulême", ["smartphone"]),
    ("Nancy", ["ordinateur"]), ("Limoges", ["demarches", "smartphone"]), ("Annecy", ["sante"]),
    ("Vierzon", ["sante"]), ("Pau", ["ordinateur"]), ("Pau", ["smartphone"]),
    ("Pointe-à-Pitre", ["demarches", "ordinateur"]), ("Brest", ["sante"]),
    ("Lyon 8e", ["demarches"]), ("Angers", ["ordinateur"]),
]  # fmt: skip


@pytest.mark.parametrize("town, keys", CASES)
def test_a_place_says_why_only_against_a_nearer_place_seen_doing_its_needs_a_detour_away(
    embedded_directory, locator, town, keys
):
    """The line is said only when the person can use it (product decision): against a nearer
    place on the same page or the nearest of the whole answer, at least 500 m and 25 % nearer,
    doing no need asked that the entry does not; "France Services" alone is never a reason."""
    listed = _list(embedded_directory, locator, town, keys, pages=3)
    asked = set(needs.services_for(keys))
    nearest = min(listed, key=lambda r: (r.distance_km, -listed.index(r)))
    for i, entry in enumerate(listed):
        if not entry.ahead:
            continue
        assert entry.ahead.startswith("Plus loin, mais "), entry
        assert entry.ahead != "Plus loin, mais c'est un France Services", entry
        if "France Services" in entry.ahead:
            assert "Aide aux démarches administratives" in asked, entry
        page = listed[i + 1 : (i // 3 + 1) * 3]
        seen = [r for r in page + ([nearest] if listed.index(nearest) > i else [])
                if set(r.services) & asked <= set(entry.services)]  # fmt: skip
        assert any(
            entry.distance_km - r.distance_km >= 0.5 and entry.distance_km >= 1.25 * r.distance_km
            for r in seen
        ), (entry, listed)
    # the nearest place listed, first at its distance, says nothing more
    assert nearest.ahead is None, listed


def test_annecy_a_few_hundred_metres_more_says_nothing(embedded_directory, locator):
    """The tester's Annecy (carte Vitale): the first place, 460 m away before a day shelter
    100 m away, said "Plus loin, mais c'est un lieu d'aide au numérique": not a detour one
    notices (under 500 m more). From where the tester was placed: Annecy's geographic centre,
    the commune's point then (now its town hall, 0.4 km away)."""
    listed = _list(embedded_directory, locator, ANNECY_CENTRE, ["sante"])
    first = listed[0]
    assert first.distance_km < 0.5 and first.ahead is None, listed


@pytest.mark.parametrize("keys", [["ordinateur"], ["smartphone"], ["internet"]])
def test_pau_france_services_is_no_reason_without_a_procedure(embedded_directory, locator, keys):
    """The tester's Pau (a website project): "Plus loin, mais c'est un France Services" is no
    reason when no procedure is asked."""
    listed = _list(embedded_directory, locator, "Pau", keys, pages=3)
    assert not [r for r in listed if r.ahead and "France Services" in r.ahead], listed


def test_pointe_a_pitre_a_caf_desk_is_not_farther_than_a_place_for_another_need(
    embedded_directory, locator
):
    """The tester's Pointe-à-Pitre (CAF, and the computer): the France Services 660 m away,
    listed before the town's computer classes 530 m away, said "plus loin": they answer
    different needs, and 130 m is no detour."""
    listed = _list(embedded_directory, locator, "Pointe-à-Pitre", ["demarches", "ordinateur"])
    desk = listed[0]
    assert "Aide aux démarches administratives" in desk.services and desk.ahead is None, listed


def test_metz_a_place_5_km_before_the_post_office_1_4_km_away_says_why(embedded_directory, locator):
    """The tester's Metz: the centre social 5.5 km away, listed before the post office 1.4 km
    away doing the same need (whose record says little), says why — in every channel. From
    where the tester was placed: Metz's geographic centre, the commune's point then (now its
    town hall, 2.2 km away)."""
    listed = _list(embedded_directory, locator, METZ_CENTRE, ["smartphone"], pages=3)
    post = min(listed, key=lambda r: r.distance_km)
    centre = next(r for r in listed if round(r.distance_km, 1) == 5.5)
    with embedded_directory.Session() as session:
        rows = {
            p.public_id: p
            for p in session.scalars(select(Place).where(Place.public_id.in_([post.id, centre.id])))
        }
    asked = needs.services_for(["smartphone"])
    fits = {
        key: Fit(needs=1, labels=0, clear=int(evidence.says_little(rows[key]) is None),
                      free=0)
        for key in rows
    }  # fmt: skip
    line = ahead_line(
        rows[centre.id], fits[centre.id], rows[post.id], fits[post.id], asked,
        distance_km=centre.distance_km, nearer_km=post.distance_km,
    )  # fmt: skip
    # The post office is read as digital help too ("apprendre à se servir d'un téléphone"): a
    # clearer record alone is no reason the person can use (test_ranked_reason_true).
    assert line is None
    line = "Plus loin, mais fait aussi : aide pour vos papiers en ligne"
    payload = formatting.result_payload(dataclasses.replace(centre, ahead=line), 1)
    assert payload["ahead"] == line
    assert line in render.place_lines(payload)  # SMS, REST, chat text


@pytest.mark.parametrize("town, keys", [
    ("Limoges", ["demarches", "smartphone"]), ("Poitiers", ["emploi", "smartphone"]),
    ("Limoges", ["demarches", "ordinateur"]),
])  # fmt: skip
def test_a_need_more_is_said_as_that_need(embedded_directory, locator, town, keys):
    listed = _list(embedded_directory, locator, town, keys)
    said = [r.ahead for r in listed if r.ahead and "fait aussi" in r.ahead]
    for line in said:
        assert line.startswith("Plus loin, mais fait aussi : "), line


@pytest.mark.parametrize("town, keys", [
    # the tester's: "carte grise" + "apprendre à utiliser internet"
    ("Angoulême", ["demarches", "smartphone"]),
    ("Angoulême", ["demarches", "ordinateur"]),
    ("Limoges", ["demarches", "ordinateur"]),
    ("Poitiers", ["emploi", "smartphone"]),
])  # fmt: skip
def test_two_needs_places_doing_both_come_first_within_the_detour(
    embedded_directory, locator, town, keys
):
    """One more need is worth 50 % and 1.5 km (rank.NEED_FACTOR), more than a record that clearly
    does mediation (25 % and 0.75 km, rank.CLEAR_FACTOR): a place doing both comes before one
    doing one within 1.5 × (its km + 3) when their records say as much, within 1.5 / 1.25 = 1.2 ×
    when only the one-need place's record is clear (the tester's: the Département's desk 1 km
    away doing both came after a youth centre 1.4 km away doing one)."""
    listed = _list(embedded_directory, locator, town, keys)
    asked = set(needs.services_for(keys))
    with embedded_directory.Session() as session:
        clear = {
            p.public_id: evidence.says_little(p) is None
            for p in session.scalars(
                select(Place).where(Place.public_id.in_([r.id for r in listed]))
            )
        }
    both = [r for r in listed if asked <= set(r.services)]
    one = [r for r in listed if not asked <= set(r.services)]
    checked = 0
    for single in one:
        for full in both:
            detour = 1.5 * 1.25 ** (clear[full.id] - clear[single.id])
            # within the need's detour of this place, distances as shown: must come before it
            if round(full.distance_km, 1) + 3.0 <= detour * (round(single.distance_km, 1) + 3.0):
                assert listed.index(full) < listed.index(single), (full.name, single.name)
                checked += 1
    if town == "Angoulême":
        assert checked, listed
