"""One fact, one sentence: few places near, or none, declare the care or the accessibility the
person needs (wheelchair, visual or hearing impairment). The person reads what the places
declare, in one wording (actions.needs.care.declared): « Aucun lieu ne déclare … » where none
near does, as the wheelchair sentence says it (never « Peu de lieux déclarent », which a
visually impaired person read where none near declares it), « Peu de lieux déclarent … » where
a few do, the others near following. Real SQLite directory, the action as the action server
runs it."""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.actions.test_care_chat import answer_in_lyon
from tests.conftest_actions import (
    memory_directory,  # noqa: F401 - the directory fixture
)
from tests.places import make_place

COMPUTER = (labels.OUTILS_QUOTIDIEN,)
LEARN = "aide pour apprendre l'ordinateur"


def _near_places(directory, declaring: int, care: str) -> None:
    with directory.Session() as session:
        for i in range(1, 5):
            make_place(session, f"Proche {i}", km_east=i, services=COMPUTER)
        for i in range(declaring):
            make_place(session, f"Qui le déclare {i}", km_east=2.5 + i, services=COMPUTER,
                       prise_en_charge_specifique=care)  # fmt: skip
        session.commit()


def _read(text: str) -> tuple[str, list[str]]:
    said, body = answer_in_lyon(text)
    return " ".join([said, *(body.get("notes") or [])]), [r["name"] for r in body["results"]]


@pytest.mark.parametrize(
    "text, care, sentence",
    [
        (f"je suis en fauteuil roulant, {LEARN}", "Handicaps moteurs",
         "Aucun lieu ne déclare d'accès en fauteuil roulant à proximité : lieux les plus "
         "proches."),
        (f"je suis malvoyante, {LEARN}", "Déficience visuelle",
         "Aucun lieu ne déclare « Déficience visuelle » à proximité : lieux les plus proches."),
        (f"je suis sourd, {LEARN}", "Surdité",
         "Aucun lieu ne déclare « Surdité » à proximité : lieux les plus proches."),
    ],
)  # fmt: skip
def test_where_no_place_near_declares_it_the_person_reads_none_does(directory, text, care,
                                                                     sentence):  # fmt: skip
    _near_places(directory, 0, care)
    read, names = _read(text)
    assert sentence in read, read
    assert "Peu de lieux" not in read and "n'est accessible" not in read, read
    assert names == ["Proche 1", "Proche 2", "Proche 3"]


@pytest.mark.parametrize(
    "text, care, sentence",
    [
        (f"je suis malvoyant, {LEARN}", "Déficience visuelle", "« Déficience visuelle »"),
        (f"je suis sourde, {LEARN}", "Surdité", "« Surdité »"),
        # Round 185: a wheelchair user got only the place that declares access, 2.5 km away, not
        # the four nearer that say nothing of it (most places say nothing: saying nothing is not
        # saying no). One rule for every care (actions.search_run.cares_asked).
        (f"je suis en fauteuil roulant, {LEARN}", "Handicaps moteurs",
         "un accès en fauteuil roulant"),
    ],
)  # fmt: skip
def test_where_a_few_declare_it_they_come_first_said_so(directory, text, care, sentence):
    _near_places(directory, 1, care)
    read, names = _read(text)
    assert f"Peu de lieux déclarent {sentence} : lieux les plus adaptés à proximité." in read
    assert "Aucun lieu" not in read, read
    assert names == ["Qui le déclare 0", "Proche 1", "Proche 2"]
