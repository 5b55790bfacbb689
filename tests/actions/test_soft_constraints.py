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
    response, dropped, _broadened = A.run_search(["materiel_achat"], [], ["seniors"], _lyon())
    names = [r.name for r in response.results]
    assert names[0] == first
    if not relaxed:
        assert names == ["Pour les seniors"]
    assert dropped == relaxed
