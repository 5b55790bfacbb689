"""Round 137's tester: "monsieur 70a veut tablette pas chere + apprendre, Saint-Denis" showed only
« Acquisition de matériel… » and no Seniors public. The desk shows every need the chat reads
(``actions.needs.read``: a device to get and learning it), and the desk's shorthand "70a" is an
age (70 ans): the Seniors public."""

from __future__ import annotations

import re

import pytest

from actions import needs
from bot.staff.triage import triage
from directory_client import Locator
from tests.staff_support import results_page


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


def _summary(note: str, real) -> str:
    directory, locator = real
    outcome = triage(note, directory, locator)
    html = results_page(note, outcome)
    return re.search(r'<dl class="summary">.*?</dl>', html, re.S).group(0)


@pytest.mark.parametrize("note", [
    "monsieur 70a veut tablette pas chere + apprendre, Saint-Denis 93",
    "dame 82a, veut un ordi pas cher et apprendre à s'en servir, Roubaix",
    "Mr 75a, smartphone reconditionné + apprendre à l'utiliser, Lille",
])  # fmt: skip
def test_the_desk_shows_both_needs_and_the_seniors_public(real, note):
    summary = _summary(note, real)
    read = needs.read(note).needs
    assert len(read) == 2, read  # the chat reads two
    for key in read:
        assert needs.NEEDS[key].service in summary, (key, summary)
    assert re.search(r"<dt>Public</dt><dd>[^<]*Seniors", summary), summary


def test_a_number_of_things_is_no_age(real):
    summary = _summary("dame veut imprimer 10a4 pages, Roubaix", real)
    assert "Seniors" not in summary, summary


@pytest.mark.parametrize("note", [
    "Mme D. 78 ans retraite + carte vitale, Roubaix",
    "monsieur 66 ans, dossier retraite et carte vitale, Reims",
    "dossier CAF et inscription France Travail, Calais",
])  # fmt: skip
def test_what_to_bring_for_two_procedures_one_heading_each_no_line_twice(real, note):
    # the same note once read its social security number twice, under no heading
    directory, locator = real
    outcome = triage(note, directory, locator)
    bring = re.search(r'<section class="bring">.*?</section>', results_page(note, outcome), re.S)
    assert bring, outcome.situation.procedure
    headings = re.findall(r'<p class="bring-for">', bring.group(0))
    items = re.findall(r"<li>(.*?)</li>", bring.group(0))
    assert len(headings) >= 2, bring.group(0)
    assert len(items) == len(set(items)), items
    assert sum("sécurité sociale" in i for i in items) <= 1, items
