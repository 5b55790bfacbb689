"""The chat reads a disability with the reception desk's reader (actions.needs.read_care) and
answers as the desk does: the places that declare it first, said plainly when few do. Real SQLite
directory, the action as the action server runs it."""

from __future__ import annotations

import pytest

from tests.conftest_actions import (
    ask,
    memory_directory,  # noqa: F401 - the directory fixture
)
from tests.places import here, make_place


def answer_in_lyon(text: str) -> tuple[str, dict | None]:
    said, body, _ = ask(text, slots={"location": {**here().__dict__, "label": "Lyon (69)"}})
    return said, body


@pytest.mark.parametrize(
    "text, care",
    [
        ("M. Martin, malvoyant, CAF, Lyon, gratuit", "Déficience visuelle"),
        ("je suis sourde, je dois faire mon dossier CAF, je suis à Lyon", "Surdité"),
    ],
)
def test_a_disability_said_in_the_chat_is_a_soft_filter_as_at_the_desk(directory, text, care):
    with directory.Session() as session:
        make_place(session, "Proche 1", km_east=1)
        make_place(session, "Proche 2", km_east=2)
        make_place(session, "Qui le déclare", km_east=6, prise_en_charge_specifique=care)
        session.commit()
    said, body = answer_in_lyon(text)
    assert [r["name"] for r in body["results"]] == ["Qui le déclare", "Proche 1", "Proche 2"]
    assert f"Peu de lieux déclarent « {care} »" in " ".join(body["notes"])
    assert said.startswith("Voici 3 lieux")


def test_the_desk_and_the_chat_read_the_same_words():
    from actions.needs import read
    from bot.staff.triage import parse

    note = "M. Martin, malvoyant, CAF, Bordeaux, gratuit"
    assert parse(note).prise_en_charge == ("Déficience visuelle",)
    assert "prise_en_charge:Déficience visuelle" in read(note, by_meaning=False).constraints
