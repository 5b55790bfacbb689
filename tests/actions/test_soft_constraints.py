"""A soft criterion ("pour les seniors") never sends someone hundreds of kilometres away when a
place near them does the same without saying so: real SQLite directory, the action's search."""

from __future__ import annotations

import pytest

from actions.search_run import PAGE, run_search
from directory_client import labels
from tests.conftest_actions import (
    memory_directory,  # noqa: F401 - the directory fixture
    run_as_the_action_server,
)
from tests.places import here, make_place


def _lyon() -> dict:
    return here().__dict__


def _shop(session, name: str, km: float, public: str) -> None:
    """A place that gets people a cheap device, ``km`` east of Lyon, for one public."""
    make_place(session, name, km_east=km, publics_specifiquement_adresses=public,
               services=(labels.ACQUISITION_MATERIEL,))  # fmt: skip


@pytest.mark.parametrize(
    "seniors_km, youth_km, first, relaxed",
    [
        # Nothing near with the criterion: the near place without it, the criterion said dropped.
        (300, 5, "Pour les jeunes", ["seniors"]),
        # A near place with the criterion keeps it, even with a nearer one without.
        (8, 2, "Pour les seniors", []),
    ],
)
def test_a_soft_criterion_is_dropped_only_when_nothing_near_keeps_it(
    directory, seniors_km, youth_km, first, relaxed
):
    with directory.Session() as session:
        _shop(session, "Pour les seniors", seniors_km, "Seniors")
        _shop(session, "Pour les jeunes", youth_km, "Jeunes")
        session.commit()
    response, dropped, _broadened = run_search(["materiel_achat"], [], ["seniors"], _lyon())
    names = [r.name for r in response.results]
    assert names[0] == first
    if not relaxed:
        assert names == ["Pour les seniors"]
    assert dropped == relaxed


def _help(session, name: str, km: float, service: str) -> None:
    make_place(session, name, km_east=km, services=(service,))


@pytest.mark.parametrize(
    "parent_km, general_km, first, broadened",
    [
        # The precise service 300 km away, general help 3 km away: general help, said so.
        (300, 3, "Aide au numérique 1", True),
        # The precise service near: kept, even with general help nearer.
        (20, 2, "Parents 1", False),
        # Nothing near at all: the precise service, however far (general help is farther).
        (300, 400, "Parents 1", False),
    ],
)
def test_a_precise_service_far_away_gives_way_to_general_help_near(
    directory, parent_km, general_km, first, broadened
):
    with directory.Session() as session:
        for i in range(1, 6):  # five of each, one km apart: two pages
            _help(session, f"Parents {i}", parent_km + i, labels.PARENTALITE)
            _help(session, f"Aide au numérique {i}", general_km + i, labels.OUTILS_QUOTIDIEN)
        session.commit()
    response, _relaxed, widened = run_search(["parentalite"], [], [], _lyon())
    assert response.results[0].name == first and widened is broadened
    # "D'autres lieux" pages the same list.
    page_two, _relaxed, widened = run_search(["parentalite"], [], [], _lyon(), offset=PAGE)
    kind = first.rsplit(" ", 1)[0]
    assert [r.name.rsplit(" ", 1)[0] for r in page_two.results] == [kind] * 2
    assert widened is broadened


def test_general_help_instead_is_said_with_remote_help(directory):
    from tests.conftest_actions import tracker

    with directory.Session() as session:
        _help(session, "Parents", 300, labels.PARENTALITE)
        _help(session, "Aide au numérique", 3, labels.OUTILS_QUOTIDIEN)
        session.commit()
    slots = {"needs": ["parentalite"], "location": {**_lyon(), "label": "Lyon"}}
    answer = run_as_the_action_server(tracker("écrans des enfants", "ask_help", slots=slots))
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    assert "Aucun lieu n'annonce précisément" in said and "près de Lyon" in said
    body = next(r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom"))
    assert [r["name"] for r in body["results"]] == ["Aide au numérique"]
    assert any(labels.HELPLINE["phone"] in note for note in body["notes"])
