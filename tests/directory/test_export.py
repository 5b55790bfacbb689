"""Export in the current standard, and the round trip import → export → import."""

from __future__ import annotations

import csv
import json

import pytest

from directory_client import Directory, ExportFormatError
from directory_client.exporter import FIELDS
from tests.conftest import table_dump

SKIP = ("import_run", "place_source", "field_provenance")


@pytest.fixture(scope="module")
def exported(embedded_directory, tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    counts = {
        fmt: embedded_directory.export(folder / f"places.{fmt}", fmt) for fmt in ("json", "csv")
    }
    return folder, counts


def test_export_writes_every_place_in_the_standard(exported):
    folder, counts = exported
    assert counts == {"json": 6142, "csv": 6142}
    records = json.loads((folder / "places.json").read_text(encoding="utf-8"))
    assert len(records) == 6142
    assert all(tuple(r) == FIELDS for r in records)
    first = next(r for r in records if r["id"] == "hinaura:0")
    assert "|" in first["services"] and ";" not in first["services"]
    with (folder / "places.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 6142 and tuple(rows[0]) == FIELDS


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_loses_nothing(embedded_directory, exported, tmp_path, fmt):
    folder, _ = exported
    fresh = Directory(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    report = fresh.import_files([folder / f"places.{fmt}"])
    assert (report.read, report.created, report.merged, report.rejected) == (6142, 6142, 0, 0)
    again = tmp_path / f"again.{fmt}"
    assert fresh.export(again, fmt) == 6142
    if fmt == "json":
        first = {r["id"]: r for r in json.loads((folder / "places.json").read_text("utf-8"))}
        second = {r["id"]: r for r in json.loads(again.read_text("utf-8"))}
    else:
        with (folder / "places.csv").open(encoding="utf-8") as a, again.open(encoding="utf-8") as b:
            first = {r["id"]: r for r in csv.DictReader(a)}
            second = {r["id"]: r for r in csv.DictReader(b)}
    assert first.keys() == second.keys()
    differences = [
        (pid, field, first[pid][field], second[pid][field])
        for pid in first
        for field in FIELDS
        if first[pid][field] != second[pid][field]
    ]
    assert differences == []
    # Mobile services and mediators are rebuilt from the exported fields.
    ours, theirs = table_dump(embedded_directory, SKIP), table_dump(fresh, SKIP)
    assert len(theirs["mobile_service"]) == len(ours["mobile_service"])
    assert len(theirs["mediator"]) == len(ours["mediator"])
    fresh.close()


def test_unknown_format_is_a_named_error(embedded_directory, tmp_path):
    with pytest.raises(ExportFormatError):
        embedded_directory.export(tmp_path / "places.xml", "xml")
    with pytest.raises(ExportFormatError):
        embedded_directory.export(tmp_path / "places.xlsx")
    assert not (tmp_path / "places.xml").exists()


def test_reimporting_an_export_into_the_same_directory_duplicates_nothing(
    embedded_directory, exported, tmp_path
):
    from tests.conftest import copy_directory

    folder, _ = exported
    records = json.loads((folder / "places.json").read_text("utf-8"))
    copy = copy_directory(embedded_directory, tmp_path / "copy.sqlite3")
    report = copy.import_files([folder / "places.json"])
    assert (report.created, report.rejected, report.merged) == (0, 0, 6142)
    assert copy.stats()["places"] == 6142
    copy.export(tmp_path / "again.json")
    assert json.loads((tmp_path / "again.json").read_text("utf-8")) == records
    copy.close()
