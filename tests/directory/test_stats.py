"""Directory figures and the communes it knows (used by the Locator)."""

from __future__ import annotations

from datetime import date

from directory_client import labels
from directory_client.stats import stats


def test_stats_of_the_embedded_directory(embedded_directory):
    figures = embedded_directory.stats()
    assert figures["places"] == 6142
    assert figures["records_per_source"]["France Services (ANCT)"] == 2845
    assert sum(figures["records_per_source"].values()) == 6555
    assert figures["places_per_service"][labels.DEMARCHES] == 3317
    assert set(figures["places_per_service"]) <= set(labels.SERVICES)
    assert figures["places_per_department"]["988"] == 87  # 3 listed twice at one door
    assert figures["invalid_opening_hours"] == 33
    assert figures["mobile_services"] == 148  # 16 based at a fixed desk's door only
    assert figures["mediators"] == 2960  # one per role and place (one door: one place)


def test_stale_records_depend_on_the_date(embedded_directory):
    in_2024 = stats(embedded_directory.Session, today=date(2024, 9, 1))["stale"]
    in_2030 = stats(embedded_directory.Session, today=date(2030, 1, 1))["stale"]
    assert in_2030 == 6142  # everything is older than two years by then
    # Sept. 2024: 2021-2022 data is stale, the France Services list (2024-08) is not; the 18
    # records with a placeholder date are unknown, hence stale.
    assert 2500 < in_2024 < 4000


def test_communes_include_places_absent_from_the_gazetteer(embedded_directory):
    communes = embedded_directory.communes()
    noumea = [c for c in communes if c["commune"] == "Nouméa"]
    assert noumea and noumea[0]["departement"] == "988" and noumea[0]["code_postal"] == "98800"
    assert -23 < noumea[0]["lat"] < -22 and 166 < noumea[0]["lon"] < 167
    assert sum(c["count"] for c in communes) == 6142


def test_an_empty_embedded_directory_is_loaded_once(tmp_path) -> None:
    from directory_client import Directory

    directory = Directory(f"sqlite:///{tmp_path / 'directory.sqlite3'}")
    assert directory.is_empty()
    report = directory.ensure_loaded()
    assert report is not None and report.created == 6142
    assert not directory.is_empty()
    assert directory.ensure_loaded() is None  # already there: nothing re-imported
