"""The desk gave no safety numbers: "femme violences conjugales, le conjoint surveille son
téléphone, Lyon" got phone-learning places only (no 3919, no 17), "compte ameli piraté" ameli
paperwork places with no cybermalveillance line. The chat gives them (``actions.needs
.safety_reading``, ``actions.helplines``): the desk reads the note with the same modules and shows
the same lines, above the places."""

from __future__ import annotations

import re

import pytest

from bot.staff.triage import triage
from directory_client import Locator
from tests.staff_support import results_page


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


def _page(note: str, real) -> tuple[str, list[str]]:
    directory, locator = real
    outcome = triage(note, directory, locator)
    html = results_page(note, outcome)
    assert outcome.results, outcome.notes  # places there are, and the lines come before them
    before = html.split('<div class="places">')[0]
    section = re.search(r'<section class="lines".*?</section>', before, re.S)
    return (section.group(0) if section else ""), outcome.lines


@pytest.mark.parametrize("note", [
    "madame, violences conjugales, son mari espionne son téléphone, Rennes",
    "dame harcelée par son ex qui surveille son téléphone, Nantes",
    "femme battue par son conjoint, il contrôle son portable, Lille",
])
def test_violence_in_a_couple_gets_the_3919_and_the_17_above_the_places(real, note):
    section, lines = _page(note, real)
    assert "3919" in section and "le 17 (police)" in section, (section, lines)


@pytest.mark.parametrize("note", [
    "monsieur 70 ans, compte caf piraté, Lille",
    "on a piraté la messagerie de la dame, Angers",
    "son compte impots a été piraté, le RIB changé, Bordeaux",
])
def test_a_hacked_account_gets_the_cybermalveillance_line_above_the_places(real, note):
    section, lines = _page(note, real)
    assert "cybermalveillance.gouv.fr" in section, (section, lines)


def test_an_ordinary_note_gets_no_lines(real):
    section, lines = _page("dame 80 ans, dossier retraite, Roubaix", real)
    assert section == "" and lines == []


@pytest.mark.parametrize("note", [
    "femme violences conjugales, le conjoint surveille son téléphone, Lyon",
    "Mme R., son mari fouille son portable, Brest",
    "son copain lit ses messages, elle a peur, Metz",
])  # fmt: skip
def test_a_partner_spying_on_her_phone_is_online_safety_at_the_desk(real, note):
    # The desk's screenshot (round 21): the need read was "apprendre à se servir d'un téléphone"
    # and the places taught the phone; her phone is to be made safe (the chat's reader, said of
    # her by a note: "son téléphone").
    directory, locator = real
    outcome = triage(note, directory, locator)
    assert outcome.situation.need_keys == ("securite",), outcome.situation
    page = results_page(note, outcome)
    assert "apprendre à se servir d'un téléphone" not in page
