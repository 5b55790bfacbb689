"""A place whose only phone is a number no one can dial ("0478": ``phones.dialable``) ranks as a
place with no contact — after a place with a real phone a little farther — however the number got
there: imported from a file, mended by a newer file, corrected on the desk (the ORM, as the
corrections queue writes it). The ranking reads it in SQL from ``Place.telephone_joignable``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from directory_client import Directory, labels, phones
from directory_client.models import Place
from directory_client.search import evidence
from tests.directory.test_search import ask, names
from tests.places import offset

COMPUTER = (labels.OUTILS_QUOTIDIEN,)
GIVEN_FIRST = ["Proche 1", "Proche 2", "Numéro valable"]


def record(id_: str, name: str, km: float, phone: str | None, date: str = "2023-05-01") -> dict:
    lat, lon = offset(km_east=km)
    found = {
        "id": id_, "nom": name, "commune": "Lyon", "code_postal": "69001",
        "adresse": f"{id_} rue de la République", "latitude": lat, "longitude": lon,
        "services": labels.OUTILS_QUOTIDIEN, "source": "Essai", "date_maj": date,
        "telephone": phone,
    }  # fmt: skip
    return {k: v for k, v in found.items() if v is not None}


def places(broken: str | None, date: str = "2023-05-01") -> list[dict]:
    return [
        record("c", "Numéro cassé", 1.0, broken, date),
        record("p1", "Proche 1", 1.1, "04 78 00 00 01"),
        record("p2", "Proche 2", 1.2, "04 78 00 00 02"),
        record("v", "Numéro valable", 1.5, "04 78 12 34 56"),
    ]


def imported(directory: Directory, tmp_path: Path, records: list[dict]) -> None:
    path = tmp_path / "lieux.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    directory.import_files([path])


@pytest.fixture
def directory(tmp_path) -> Directory:
    found = Directory(f"sqlite:///{tmp_path / 'directory.sqlite3'}")
    yield found
    found.close()


@pytest.mark.parametrize("broken", ["0478", "+3321276098", "00 00 00 00 00"])
def test_an_imported_broken_number_ranks_as_no_contact_until_a_newer_file_mends_it(
    directory, tmp_path, broken
):
    imported(directory, tmp_path, places(broken))
    assert names(ask(directory, COMPUTER))[:3] == GIVEN_FIRST
    imported(directory, tmp_path, places("04 78 99 99 99", date="2024-01-15"))
    assert names(ask(directory, COMPUTER))[0] == "Numéro cassé"  # the nearest, now reachable


def test_a_phone_corrected_on_the_desk_changes_the_ranking(directory, tmp_path):
    imported(directory, tmp_path, places("04 78 99 99 99"))
    assert names(ask(directory, COMPUTER))[0] == "Numéro cassé"
    with directory.Session() as session:  # as corrections.queue writes an accepted correction
        place = session.scalar(select(Place).where(Place.nom == "Numéro cassé"))
        place.telephone = "0478"
        session.commit()
    assert names(ask(directory, COMPUTER))[:3] == GIVEN_FIRST
    with directory.Session() as session:
        place = session.scalar(select(Place).where(Place.nom == "Numéro cassé"))
        place.telephone = "+33 4 78 99 99 99"
        session.commit()
    assert names(ask(directory, COMPUTER))[0] == "Numéro cassé"


def test_the_embedded_places_whose_only_contact_is_a_broken_number(embedded_directory):
    with embedded_directory.Session() as session:
        stored = session.scalars(select(Place)).all()
        not_joignable = session.scalar(
            select(func.count())
            .where(Place.telephone.is_not(None), Place.telephone != "")
            .where(Place.telephone_joignable.is_not(True))
        )
    with_phone = [p for p in stored if p.telephone]
    # The column says what the one rule says, for every place.
    assert all(p.telephone_joignable == (phones.dialable(p.telephone) is not None) for p in stored)
    assert not_joignable == sum(phones.dialable(p.telephone) is None for p in with_phone) == 19
    only = [p for p in with_phone if phones.dialable(p.telephone) is None
            and evidence.says_little(p) == "no contact"]  # fmt: skip
    assert len(only) == 6, [(p.nom, p.telephone) for p in only]


def test_the_standards_export_does_not_gain_the_column(directory, tmp_path):
    """``telephone_joignable`` is ours, not the standard's: the export gives the number as the
    record does, and no field of ours."""
    imported(directory, tmp_path, places("0478"))
    directory.export(tmp_path / "export.json")
    exported = json.loads((tmp_path / "export.json").read_text("utf-8"))
    assert all("telephone_joignable" not in r for r in exported)
    assert {r["nom"]: r.get("telephone") for r in exported}["Proche 1"] == "+33478000001"
