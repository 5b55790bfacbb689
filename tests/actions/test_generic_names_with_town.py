"""Places whose name says only what they are (round 176's tester: « 3. CCAS (3,9 km) », which
town?; « 1. La Poste (400 m) », « 1. Bureau de poste (13 km) »): the name is shown with its
town, by one rule (``directory_client.display.place_name``). And a place giving neither phone,
e-mail, website nor hours is not first when one that gives them is as near (« 1. Ville de
Poitiers (50 m) Ni téléphone ni horaires connus »: ``directory_client.search.contact``). Real
actions on the real embedded directory: what a REST client reads."""

from __future__ import annotations

import pytest

from tests.actions.talk import list_in, request_in, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)


@pytest.mark.parametrize(
    ("message", "town", "line"),
    [
        ("apprendre à utiliser mon téléphone, Tourcoing", "Tourcoing", "1. CCAS de Tourcoing ("),
        ("apprendre à utiliser mon téléphone, Luçon", "Luçon", "1. La Poste — Luçon ("),
        ("apprendre à utiliser mon téléphone, Ploudalmézeau", "Ploudalmézeau",
         "1. Bureau de poste — Ploudalmézeau ("),
        ("apprendre à utiliser mon ordinateur, Angers", "Angers",
         "1. Conseil Départemental — Angers ("),
    ],
)  # fmt: skip
def test_a_generic_name_is_read_with_its_town(real, message, town, line):
    said = rest_text(request_in(message, town)[1])
    assert line in said, said


def test_a_place_nobody_can_reach_is_not_first_when_one_as_near_can_be(real):
    _, payload = list_in("apprendre à utiliser mon ordinateur, Poitiers", "Poitiers")
    first = payload["results"][0]
    assert first["name"] != "Ville de Poitiers", payload["results"]
    assert first.get("phone") or first.get("opening_hours"), first
    # never hidden: it is still on the page
    assert "Ville de Poitiers" in [p["name"] for p in payload["results"]]
