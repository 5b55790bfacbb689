"""A desk card said "gratuit" in why the place fits, and « Tarif : gratuit ou payant selon l'aide »
below: the structured field (``SearchResult.fees``, ``display.fee_text``) says the price, once."""

from __future__ import annotations

import html
import re

import pytest

from bot.staff.triage import triage
from directory_client import Locator
from directory_client.search.explain import FEE_WORDS
from tests.staff_support import results_page


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


@pytest.mark.parametrize("note", [
    "apprendre l'ordinateur, Albertville",
    "monsieur veut apprendre internet, Ambérieu-en-Bugey",
    "dame 70 ans apprendre tablette, Andrézieux-Bouthéon",
])
def test_the_card_says_the_price_of_the_structured_field_only(real, note):
    directory, locator = real
    outcome = triage(note, directory, locator)
    page = results_page(note, outcome)
    cards = re.findall(r'<article class="place".*?</article>', page, re.S)
    assert cards
    mixed = 0
    for card in cards:
        why = html.unescape(re.search(r'<p class="why">(.*?)</p>', card).group(1))
        fee = html.unescape(re.search(r'Tarif : (.*?)</span>', card).group(1))
        mixed += fee != "gratuit"
        assert not [p for p in why.split(", ") if p in FEE_WORDS and p != fee], (why, fee)
    assert mixed, "no place here says another price than « gratuit »: the test reads nothing"
