"""A soft criterion ("pour les seniors") never sends someone hundreds of kilometres away when a
place near them does the same without saying so: real SQLite directory, the action's search."""

from __future__ import annotations

import pytest

from actions import actions as A
from directory_client import labels
from directory_client.directory import Directory
from directory_client.models import Base
from tests.places import here, make_place


@pytest.fixture
def directory():
    directory = Directory("sqlite:///:memory:")
    A.set_backends(directory, A.get_locator())
    yield directory
    A.set_backends(None, None)
    Base.metadata.drop_all(directory.engine)
    directory.close()


def _lyon() -> dict:
    return here().__dict__


def _shop(session, name: str, km: float, public: str) -> None:
    """A place that gets people a cheap device, ``km`` east of Lyon, for one public."""
    make_place(session, name, km_east=km, publics_specifiquement_adresses=public,
               services=(labels.ACQUISITION_MATERIEL,))  # fmt: skip


def test_nothing_near_with_the_criterion_gives_the_near_places_without_it(directory):
    with directory.Session() as session:
        _shop(session, "Pour les seniors, loin", 300, "Seniors")
        _shop(session, "Pour les jeunes, près", 5, "Jeunes")
        session.commit()
    response, relaxed, _broadened = A.run_search(["materiel_achat"], [], ["seniors"], _lyon())
    assert [r.name for r in response.results][0] == "Pour les jeunes, près"
    assert relaxed == ["seniors"]


def test_a_near_place_with_the_criterion_keeps_it(directory):
    with directory.Session() as session:
        _shop(session, "Pour les seniors, près", 8, "Seniors")
        _shop(session, "Pour les jeunes, plus près", 2, "Jeunes")
        session.commit()
    response, relaxed, _broadened = A.run_search(["materiel_achat"], [], ["seniors"], _lyon())
    assert [r.name for r in response.results] == ["Pour les seniors, près"]
    assert relaxed == []
