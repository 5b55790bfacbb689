"""The desk showed "69003 Lyon 3EME" as the directory writes the commune: an arrondissement of
Paris, Lyon or Marseille reads as French writes it ("Lyon 3e", "Paris 15e", "Marseille 8e",
``directory_client.display.commune_name``), on the desk's page as in the chat's payload (both
built from the same ``SearchResult``); the stored data is not changed."""

from __future__ import annotations

import re

import pytest

from bot.staff.triage import triage
from directory_client import Locator
from tests.staff_support import results_page

# Places the open data writes in "LYON 9EME" (the tester's "69003 Lyon 3EME" the same way).
NOTES = [
    ("apprendre à utiliser une tablette, Lyon 9e", "Lyon"),
    ("aide pour faire sa demande CAF, Lyon 3e", "Lyon"),
]
# As the directory writes it ("3EME", "15E", "PARIS 11", "Arrondissement"), and as French does.
AS_STORED = re.compile(
    r"\d(?:EME|E|ER)\b|\dème|rrondissement|(?:PARIS|LYON|MARSEILLE|Paris|Lyon|Marseille)"
    r" \d{1,2}(?![0-9er])"
)
ADDRESS = re.compile(r'<p class="address">([^<]*)</p>')


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


@pytest.mark.parametrize(("note", "city"), NOTES)
def test_the_desk_writes_an_arrondissement_as_french_does(real, note, city):
    directory, locator = real
    outcome = triage(note, directory, locator)
    assert any(city in r.address for r in outcome.results), [r.address for r in outcome.results]
    for place in outcome.results:  # the chat's payload and the SMS are built from these
        assert not AS_STORED.search(place.address), place.address
        assert not AS_STORED.search(place.commune or ""), place.commune
    shown = ADDRESS.findall(results_page(note, outcome))  # the page's addresses, not the names
    assert shown and not any(AS_STORED.search(a) for a in shown), shown
