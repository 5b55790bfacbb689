"""A France Services bus never "passes by" itself: under "Bus France services Lélà" the line read
"…France Services, passage du Bus France services Lélà" (Auxerre, Cahors, Aurillac, Saint-Denis
974, Quimper). Each stop of the shipped open data is named as its bus (its address and hours say
where and when it comes); a stop with a name of its own still says which bus passes
(tests/directory/test_search.py::test_one_stop_per_bus)."""

from __future__ import annotations

from sqlalchemy import select

from directory_client.models import Place


def test_a_stop_named_as_its_bus_does_not_say_the_bus_passes_by(embedded_directory):
    with embedded_directory.Session() as session:
        ids = session.execute(
            select(Place.public_id).where(Place.mobile_service_id.is_not(None))
        ).scalars().all()
    assert len(ids) > 100
    for public_id in ids:
        stop = embedded_directory.get_place(public_id)
        assert stop.mobile_service, public_id
        assert "passage du" not in stop.why, (stop.name, stop.why)


def test_lela_reads_without_its_own_name(embedded_directory):
    with embedded_directory.Session() as session:
        [public_id] = session.execute(
            select(Place.public_id).where(Place.nom == "Bus France services Lélà")
        ).scalars().all()
    stop = embedded_directory.get_place(public_id)
    assert stop.name not in stop.why and stop.why.endswith("France Services"), stop.why
