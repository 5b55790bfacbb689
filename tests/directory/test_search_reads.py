"""Two needs that few places cover together (``candidates.two_tiers``), near nothing: the
search widens without reading a box twice — once it widens, one read at the widest radius, the
others cut from it — and answers as before."""

from __future__ import annotations

from datetime import datetime

import pytest

from directory_client import labels
from directory_client import search as search_module
from directory_client.directory import Directory
from directory_client.hours import PARIS
from directory_client.models import Base
from directory_client.search import candidates
from directory_client.types import SearchQuery
from tests.places import here, make_place


@pytest.fixture
def directory():
    directory = Directory("sqlite:///:memory:")
    yield directory
    Base.metadata.drop_all(directory.engine)
    directory.close()


def test_a_rare_pair_far_away_reads_each_box_once(directory, monkeypatch):
    both = (labels.DEMARCHES, labels.ACQUISITION_MATERIEL)
    with directory.Session() as session:
        make_place(session, "Démarches à 40 km", km_east=40, telephone="+33472000001")
        make_place(session, "Les deux à 80 km", km_east=80, services=both,
                   telephone="+33472000002")  # fmt: skip
        make_place(session, "Matériel à 45 km", km_east=-45, services=both[1:],
                   telephone="+33472000003")  # fmt: skip
        session.commit()
    monkeypatch.setattr(search_module, "RARE_CAP", -1)  # the pair path, as in test_search
    reads: list[float] = []
    real = candidates.near_candidates

    def counted(session, plan, lat, lon, half_km, need, by_distance_only=False):
        reads.append(half_km)
        return real(session, plan, lat, lon, half_km, need, by_distance_only)

    monkeypatch.setattr(candidates, "near_candidates", counted)
    now = datetime(2024, 5, 14, 10, 0, tzinfo=PARIS)
    response = directory.search(SearchQuery(needs=both, location=here(), now=now))
    assert [r.name for r in response.results] == [
        "Démarches à 40 km", "Matériel à 45 km", "Les deux à 80 km"]  # fmt: skip
    assert response.widened and response.radius_km == 100.0
    assert len(reads) == len(set(reads)), reads  # no box read twice
    assert reads == [3.0, 7.5, 15.0, 30.0, 100.0]
