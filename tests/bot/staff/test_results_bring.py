"""The desk's results page showed one « À apporter » list under all the places: a person sent to
a place teaching internet only was told to bring carte grise papers there. The list goes with the
places that do the procedure only (the sheet's rule, ``render.documents_here``), saying which ones
in the chat's words (``actions.formatting.bring_for``) when not every place does it."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from actions import formatting as fmt
from bot.staff import render
from bot.staff.triage import TriageOutcome, parse
from directory_client import labels
from tests.staff_support import place, results_page

DOES_PAPERS = place("fs-1", "France Services du centre", "1 rue Nain, Roubaix", km=0.8)
INTERNET_ONLY = replace(
    DOES_PAPERS, id="ep-1", name="Espace numérique", distance_km=0.4,
    services=(labels.OUTILS_QUOTIDIEN, labels.ACCES_INTERNET_MATERIEL),
)  # fmt: skip
OTHER_DESK = replace(DOES_PAPERS, id="fs-2", name="Maison France Services Nord", distance_km=2.1)


def page(note: str, results: list) -> tuple[str, TriageOutcome]:
    outcome = TriageOutcome(situation=parse(note), results=list(results))
    html = results_page(note, outcome)
    return html, outcome


def bring_section(html: str) -> str:
    found = re.search(r'<section class="bring">(.*?)</section>', html, re.S)
    return found.group(1) if found else ""


@pytest.mark.parametrize("note", [
    "monsieur 55 ans, changer l'adresse de sa carte grise, Roubaix",
    "dame, déclaration d'impôts en ligne, Roubaix",
    "jeune, dossier caf prime d'activité, Roubaix",
])
@pytest.mark.parametrize("order", [
    (INTERNET_ONLY, DOES_PAPERS),
    (DOES_PAPERS, INTERNET_ONLY, OTHER_DESK),
])
def test_documents_are_said_for_the_places_that_do_the_procedure(note, order):
    html, outcome = page(note, order)
    procedure = outcome.situation.procedure
    assert procedure and procedure.documents, note
    section = bring_section(html)
    doing = [n for n, r in enumerate(order, 1) if render.documents_here(r, procedure)]
    assert doing and len(doing) < len(order)
    said = fmt.bring_for(procedure.key.split("+"), doing)
    assert html_text(section).count(said) == 1, section
    for document in render.documents_here(order[doing[0] - 1], procedure):
        assert render.e(document) in section


@pytest.mark.parametrize("note", [
    "monsieur, changer l'adresse de sa carte grise, Roubaix",
    "dossier retraite pour une dame de 80 ans, Roubaix",
])
def test_no_list_when_no_place_listed_does_the_procedure(note):
    html, outcome = page(note, [INTERNET_ONLY])
    assert outcome.situation.procedure and outcome.situation.procedure.documents
    assert "À apporter" not in html


def test_one_list_without_whom_when_every_place_does_it():
    html, outcome = page("dossier caf, Roubaix", [DOES_PAPERS, OTHER_DESK])
    section = bring_section(html)
    assert "Pour vos démarches" not in section
    for document in outcome.situation.documents:
        assert render.e(document) in section


def html_text(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment).replace("&#x27;", "'")
