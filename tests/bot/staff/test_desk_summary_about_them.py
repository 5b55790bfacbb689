"""Round 23's tester: the desk's summary of "dame 80 ans, dossier retraite, Roubaix" read
« Besoin : votre retraite → … »: the agent reads about the person, « sa retraite »
(``actions.someone_else.about_them``, the rule the chat uses for a relative)."""

from __future__ import annotations

import re

import pytest

from bot.staff.triage import triage
from directory_client import Locator
from tests.staff_support import results_page


@pytest.mark.parametrize("note", [
    "dame 80 ans, dossier retraite, Roubaix",
    "monsieur veut faire sa demande de retraite en ligne, Lille",
])  # fmt: skip
def test_the_desk_summary_speaks_of_the_person(embedded_directory, note):
    outcome = triage(note, embedded_directory, Locator(directory=embedded_directory))
    html = results_page(note, outcome)
    need = re.search(r"<dt>Besoin</dt><dd>(.*?)</dd>", html, re.S)
    assert need is not None, html[:2000]
    assert "votre" not in need.group(1) and "sa retraite" in need.group(1), need.group(1)
