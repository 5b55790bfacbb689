"""Two procedures in one note: "dossier caf et carte grise, Lens" gave the CAF only (its title,
its documents). The chat reads both (``actions.needs.read``) and lists what to bring for both:
the desk keeps both, each one's documents with the places that do it."""

from __future__ import annotations

import re

import pytest

from actions import needs, someone_else
from bot.staff import catalogue, render
from bot.staff.triage import triage
from directory_client import Locator
from tests.staff_support import results_page


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


@pytest.mark.parametrize("note", [
    "déclaration d'impôts et renouveler son passeport, Amiens",
    "monsieur 66 ans, dossier retraite et carte vitale, Reims",
    "dossier CAF et inscription France Travail, Calais",
])
def test_both_procedures_and_both_documents(real, note):
    keys = needs.read(note).procedures
    assert len(keys) >= 2, keys  # the chat reads two
    directory, locator = real
    outcome = triage(note, directory, locator)
    html = results_page(note, outcome)
    summary = re.search(r'<dl class="summary">.*?</dl>', html, re.S).group(0)
    bring = re.search(r'<section class="bring">.*?</section>', html, re.S)
    assert bring, html
    for key in keys:
        procedure = catalogue.by_key(key)
        assert render.e(someone_else.about_them(procedure.title)) in summary, (key, summary)
        assert any(render.e(d) in bring.group(0) for d in procedure.documents), (key, bring)
