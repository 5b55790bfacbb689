"""The identity card written without "d'" ("carte identité"), with a space ("carte d identite"),
in full ("carte nationale d'identité") was no procedure: "Mme T. 68 ans carte identité et
apprendre tablette, Beauvais" lost the identity card (no documents) at the desk and in the chat.
One reading (``actions.needs`` procedure words): both needs, the identity card's documents (the
chat: for the places that do it)."""

from __future__ import annotations

import re

import pytest

from actions import someone_else
from bot.staff import catalogue, render
from bot.staff.triage import triage
from directory_client import Locator
from tests.conftest_actions import ask
from tests.staff_support import results_page

NOTES = [
    "Mme T. 68 ans carte identité et apprendre tablette, Beauvais",
    "monsieur, refaire sa carte d identite + apprendre le smartphone, Amiens",
    "dame 75 ans, carte nationale d'identité à renouveler et apprendre la tablette, Reims",
    "CNI perdue et elle veut apprendre la tablette, Lille",
]
ANTS = catalogue.by_key("ants")


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


@pytest.mark.parametrize("note", NOTES)
def test_the_desk_keeps_the_identity_card_and_the_tablet(real, note):
    directory, locator = real
    outcome = triage(note, directory, locator)
    html = results_page(note, outcome)
    summary = re.search(r'<dl class="summary">.*?</dl>', html, re.S).group(0)
    bring = re.search(r'<section class="bring">.*?</section>', html, re.S)
    assert render.e(someone_else.about_them(ANTS.title)) in summary, summary
    assert "Maîtrise des outils numériques du quotidien" in outcome.situation.needs
    assert "Aide aux démarches administratives" in outcome.situation.needs
    assert bring and all(render.e(d) in bring.group(0) for d in ANTS.documents), bring


@pytest.mark.parametrize("note", NOTES)
def test_the_chat_reads_the_identity_card_and_the_tablet(note):
    read, body, _ = ask(note)
    assert body is not None, read
    assert "Aide aux démarches administratives" in body["need"], body["need"]
    assert "Maîtrise des outils numériques du quotidien" in body["need"], body["need"]
    # "vos papiers (carte d'identité, …)", or "ses papiers" for a note read as about someone else
    said = {render.e(ANTS.title), render.e(someone_else.about_them(ANTS.title))}
    assert any(title in render.e(read) for title in said), read
    # what to bring, when a place listed does the procedure: the identity card's documents
    documents = {*ANTS.documents, *(someone_else.about_them(d) for d in ANTS.documents)}
    assert set(body.get("bring") or []) <= documents, body.get("bring")
