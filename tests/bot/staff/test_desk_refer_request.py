"""The desk's "Orienter" link opened the referral form with an empty request: the agent typed
again what the note said. The form starts with what the desk read in the note (its procedure,
else its need), editable; the person's words stay out of the link (URLs end up in logs)."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from bot.referrals.console import refer_form
from bot.staff.triage import triage
from directory_client import Locator
from tests.staff_support import results_page


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


@pytest.mark.parametrize(("note", "said"), [
    ("dame 80 ans, dossier retraite à faire, Roubaix", "retraite"),
    ("monsieur, refaire sa carte grise, Reims", "carte grise"),
    ("Mme D. veut apprendre à se servir de sa tablette, Amiens",
     "Maîtrise des outils numériques du quotidien"),
])
def test_the_referral_form_starts_with_the_notes_request(real, note, said):
    directory, locator = real
    outcome = triage(note, directory, locator)
    page = results_page(note, outcome, refer=True)
    link = html.unescape(re.search(r'<a class="button refer" href="([^"]+)"', page).group(1))
    for word in ("dame", "monsieur", "Mme", "veut", "faire"):  # none of the person's words
        assert word not in link, link
    place = directory.get_place(outcome.results[0].id)
    form = refer_form(place, "t", dict(parse_qsl(urlsplit(link).query)))
    request = html.unescape(re.search(r'<textarea id="request"[^>]*>(.*?)</textarea>', form,
                                      re.S).group(1))
    assert said.lower() in request.lower(), request
    # what the agent typed, after an error, is kept
    again = refer_form(place, "t", dict(parse_qsl(urlsplit(link).query)),
                       form={"request": "Autre chose"})
    assert ">Autre chose</textarea>" in again
