"""A Micro-Folie (a town's digital museum and workshop) is a place of digital mediation, whatever
services its record got in bulk: it ranks with the other clear records, by distance (the
tester's desk: a Micro-Folie 0.7 km away listed third after places 1.2 and 1.6 km away). Every
record so named in the shipped data, in SQL (the ranking) and in Python (the benchmark)."""

from __future__ import annotations

from sqlalchemy import select

from directory_client.models import Place
from directory_client.search import evidence


def test_every_micro_folie_record_clearly_does_mediation(embedded_directory):
    with embedded_directory.Session() as session:
        named = Place.nom.ilike("%micro%folie%")
        rows = session.scalars(select(Place).where(named)).all()
        clear = session.execute(select(Place.nom, evidence.clear_score(1)).where(named)).all()
    assert len(rows) >= 2
    assert [evidence.says_little(p) for p in rows] == [None] * len(rows)
    assert all(points == 1 for _name, points in clear), clear
