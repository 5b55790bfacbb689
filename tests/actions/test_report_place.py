"""'Ce lieu est fermé' in the chat: a citizen's report on a place of the last answer goes to the
coordinators' correction queue of a real (SQLite) directory; nothing changes before a review."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import actions as A
from directory_client.models import Correction, Place
from tests.conftest import copy_directory
from tests.conftest_actions import ent, said, tracker

ROUBAIX = "france-services-anct:2226"
LAST = {
    "what": "vos démarches avec la CAF",
    "results": [
        {"id": ROUBAIX, "name": "Maison de services de Roubaix", "number": 1},
        {"id": "conseillers-numeriques:0001", "name": "Médiathèque", "number": 2},
    ],
}


@pytest.fixture()
def directory(tmp_path, embedded_directory, monkeypatch):
    writable = copy_directory(embedded_directory, tmp_path / "directory.sqlite3")
    monkeypatch.setattr(A, "_DIRECTORY", writable)
    return writable


def run(t) -> list[dict]:
    dispatcher = CollectingDispatcher()
    asyncio.run(A.ActionReportPlace().run(dispatcher, t, {}))
    return dispatcher.messages


def reports(directory) -> list[tuple[str, str, str, str | None]]:
    with directory.Session() as session:
        rows = session.execute(
            select(Place.public_id, Correction.kind, Correction.reported_by, Correction.comment)
            .join(Place, Correction.place_id == Place.id)
        ).all()
    return [tuple(row) for row in rows]


def test_which_place_is_asked_then_the_closure_is_queued_for_review(directory):
    asked = run(tracker("ce lieu est fermé", "report_place", slots={"last_search": LAST}))
    assert said(asked[0]) == "Merci de le signaler. Lequel ?"
    assert [b["title"] for b in asked[0]["buttons"]] == [
        "1. Maison de services de Roubaix",
        "2. Médiathèque",
    ]
    assert reports(directory) == []  # nothing before the person says which

    payload = asked[0]["buttons"][0]["payload"]
    done = run(tracker(payload, "report_place", entities=[ent("place_rank", "1")],
                       slots={"last_search": LAST}))  # fmt: skip
    assert "« Maison de services de Roubaix » est fermé" in said(done[0])
    assert reports(directory) == [(ROUBAIX, "closed", "citoyen", payload)]
    with directory.Session() as session:  # still recommended until a coordinator accepts
        place = session.execute(select(Place).where(Place.public_id == ROUBAIX)).scalar_one()
        assert place.horaires != "off"


def test_a_named_rank_is_reported_at_once_without_the_persons_number(directory):
    done = run(tracker("le premier est fermé, rappelez-moi au 06 12 34 56 78", "report_place",
                       slots={"last_search": LAST}))  # fmt: skip
    assert "est fermé" in said(done[0])
    [(place, kind, by, comment)] = reports(directory)
    assert (place, kind, by) == (ROUBAIX, "closed", "citoyen")
    assert "12 34 56 78" not in comment


def test_other_problems_are_not_queued_and_the_person_is_told_why(directory):
    done = run(tracker("le numéro du premier ne marche pas", "report_place",
                       slots={"last_search": LAST}))  # fmt: skip
    assert said(done[0]).startswith("Merci. Ici, je peux seulement signaler un lieu fermé.")
    assert reports(directory) == []


def test_before_any_answer_there_is_nothing_to_report(directory):
    done = run(tracker("ce lieu est fermé", "report_place"))
    assert said(done[0]).startswith("Aucun lieu ne vous a encore été proposé ici")
    assert reports(directory) == []
