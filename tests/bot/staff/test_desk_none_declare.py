"""The desk said « Peu de lieux déclarent « Surdité » » where no place near declares it (the only
ones that do are 60-100 km away), while the chat says « Aucun lieu ne déclare « Surdité » à
proximité : lieux les plus proches. ». The desk takes the chat's sentence and rule
(``actions.needs.few_declare``): « Peu de lieux » only when some near place declares it."""

from __future__ import annotations

import pytest

from bot.staff.triage import triage
from directory_client import Locator
from tests.conftest_actions import memory_directory  # noqa: F401 - the directory fixture
from tests.places import make_place
from tests.staff_support import results_page

NOTE = "Monsieur sourd, dossier ameli, Lyon"
NONE_NEAR = "Aucun lieu ne déclare « Surdité » à proximité : lieux les plus proches."
SOME_NEAR = "Peu de lieux déclarent « Surdité » : lieux les plus adaptés à proximité."
DEAF = {"prise_en_charge_specifique": "Surdité"}


@pytest.mark.parametrize("declaring_near, said, not_said", [
    (False, NONE_NEAR, "Peu de lieux"),
    (True, SOME_NEAR, "Aucun lieu ne déclare"),
])  # fmt: skip
def test_the_desk_says_whether_any_near_place_declares_the_care(
    directory, declaring_near, said, not_said
):
    with directory.Session() as session:
        for i in range(1, 4):
            make_place(session, f"Loin {i}", km_east=40 + 20 * i, **DEAF)
            make_place(session, f"Proche {i}", km_east=i, **(DEAF if declaring_near and i == 2
                                                             else {}))  # fmt: skip
        session.commit()
    outcome = triage(NOTE, directory, Locator())
    page = results_page(NOTE, outcome)
    assert said in page and not_said not in page, outcome.notes
    first = (
        ["Proche 2", "Proche 1", "Proche 3"]
        if declaring_near
        else ["Proche 1", "Proche 2", "Proche 3"]
    )
    assert [r.name for r in outcome.results] == first
