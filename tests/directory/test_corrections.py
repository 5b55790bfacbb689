"""Keeping the data true, by level (issue 17, point 4): report → review by the coordinator of
the place's territory → applied with provenance → exported; re-import keeps local corrections.
On a writable copy of the embedded directory."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from directory_client import labels
from directory_client.cli import main
from directory_client.corrections import queue
from directory_client.corrections.reimport import reimport
from directory_client.corrections.scope import Coordinator
from directory_client.corrections.stale import stale
from directory_client.directory import EMBEDDED_DATA_DIR
from directory_client.errors import CorrectionError, OutOfScope
from directory_client.locator import Locator
from directory_client.models import CorrectionLog, Place
from directory_client.types import SearchQuery
from tests.conftest import copy_directory

STOP = "bus-france-services-en-charente:1"  # the Charente bus at Saint-Fraigne, on Mondays
BUS_FILE = EMBEDDED_DATA_DIR / "places" / "2023-10-bus-france-services-charente.json"
NEW_HOURS = "Mo 09:00-12:00,14:00-16:30; PH off"
CHARENTE = Coordinator.parse("claire", "departement:16")
NOUVELLE_AQUITAINE = Coordinator.parse("nadia", "region:75")
CHARENTE_MARITIME = Coordinator.parse("marc", "departement:17")


@pytest.fixture
def directory(embedded_directory, tmp_path):
    copy = copy_directory(embedded_directory, tmp_path / "directory.sqlite3")
    yield copy
    copy.close()


def _search_saint_fraigne(directory):
    location = Locator(directory=directory).locate("Saint-Fraigne").best
    response = directory.search(SearchQuery(needs=(labels.DEMARCHES,), location=location))
    return next(r for r in response.results if r.id == STOP)


def _log(directory) -> list[tuple[str, str]]:
    with directory.Session() as session:
        rows = session.execute(select(CorrectionLog).order_by(CorrectionLog.id)).scalars()
        return [(r.actor, r.action) for r in rows]


def test_report_review_apply_search_export(directory, tmp_path):
    before = _search_saint_fraigne(directory)
    assert before.opening_hours == "Mo 09:30-12:30,13:30-15:30; PH off"

    correction = queue.report(
        directory.Session, STOP, "hours", {"horaires": NEW_HOURS},
        reported_by="accueil-ruffec", comment="le bus passe plus tôt depuis janvier",
    )  # fmt: skip
    assert _search_saint_fraigne(directory).opening_hours == before.opening_hours  # not yet

    waiting = queue.pending(directory.Session, CHARENTE)
    assert [(p.id, p.place, p.kind) for p in waiting] == [(correction, STOP, "hours")]
    assert waiting[0].current == {"horaires": before.opening_hours}
    assert [p.id for p in queue.pending(directory.Session, NOUVELLE_AQUITAINE)] == [correction]
    assert queue.pending(directory.Session, CHARENTE_MARITIME) == []

    with pytest.raises(OutOfScope):
        queue.accept(directory.Session, correction, CHARENTE_MARITIME)
    assert _search_saint_fraigne(directory).opening_hours == before.opening_hours

    changes = queue.accept(directory.Session, correction, CHARENTE, note="vérifié au téléphone")
    assert changes == {"horaires": [before.opening_hours, NEW_HOURS]}
    assert _search_saint_fraigne(directory).opening_hours == NEW_HOURS  # the very next search
    assert queue.pending(directory.Session, CHARENTE) == []
    with pytest.raises(CorrectionError):
        queue.accept(directory.Session, correction, CHARENTE)

    origin = queue.provenance(directory.Session, STOP)
    assert origin["horaires"]["source"] == "correction locale"
    assert origin["horaires"]["by"] == "claire" and origin["horaires"]["correction"] == correction

    exported = tmp_path / "corrections.json"
    assert queue.export_corrected(directory.Session, exported) == 1
    (record,) = json.loads(exported.read_text(encoding="utf-8"))
    assert record["id"] == STOP and record["horaires"] == NEW_HOURS
    assert record["source"].endswith("|correction locale")
    assert record["date_maj"] == date.today().isoformat()
    directory.export(tmp_path / "all.csv")
    assert NEW_HOURS in (tmp_path / "all.csv").read_text(encoding="utf-8")

    assert _log(directory) == [
        ("accueil-ruffec", "report"),
        ("marc", "refused"),
        ("claire", "accept"),
    ]


def test_closed_and_removed_service_and_rejection(directory):
    closed = queue.report(directory.Session, STOP, "closed", comment="arrêt supprimé")
    removed = queue.report(
        directory.Session, STOP, "service_removed",
        {"services": "Insertion professionnelle via le numérique"},
    )  # fmt: skip
    phone = queue.report(directory.Session, STOP, "phone", {"telephone": "05 45 00 00 00"})
    queue.reject(directory.Session, phone, NOUVELLE_AQUITAINE, note="numéro du bus inchangé")
    queue.accept(directory.Session, removed, NOUVELLE_AQUITAINE)
    queue.accept(directory.Session, closed, CHARENTE)
    with directory.Session() as session:
        place = session.execute(select(Place).where(Place.public_id == STOP)).scalar_one()
        assert place.horaires == "off" and place.telephone == "+33630392518"
        assert labels.INSERTION_PRO not in place.services
        assert not place.services_mask & labels.SERVICE_BITS[labels.INSERTION_PRO]
        assert place.services_mask & labels.SERVICE_BITS[labels.DEMARCHES]


def test_reports_that_say_nothing_true_are_refused(directory):
    with pytest.raises(CorrectionError, match="unreadable opening hours"):
        queue.report(directory.Session, STOP, "hours", {"horaires": "le lundi matin"})
    with pytest.raises(CorrectionError, match="cannot change"):
        queue.report(directory.Session, STOP, "phone", {"nom": "Autre nom"})
    with pytest.raises(CorrectionError, match="does not offer"):
        queue.report(directory.Session, STOP, "service_removed", {"services": labels.LOISIRS})
    with pytest.raises(CorrectionError, match="no place"):
        queue.report(directory.Session, "nowhere:1", "closed")
    with pytest.raises(CorrectionError, match="unknown kind"):
        queue.report(directory.Session, STOP, "rumour", {})
    with pytest.raises(CorrectionError):
        Coordinator.parse("x", "canton:12")


def test_wrong_hours_said_in_words_are_accepted_with_the_coordinators_hours(directory):
    before = _search_saint_fraigne(directory).opening_hours
    with pytest.raises(CorrectionError, match="says what is now true"):  # neither hours nor words
        queue.report(directory.Session, STOP, "hours", {})
    words = queue.report(directory.Session, STOP, "hours", comment="le bus passe plus tôt")
    [waiting] = queue.pending(directory.Session, CHARENTE)
    assert (waiting.id, waiting.proposed, waiting.current) == (words, {}, {"horaires": before})

    with pytest.raises(CorrectionError, match="in words only"):  # nothing to apply yet
        queue.accept(directory.Session, words, CHARENTE)
    with pytest.raises(CorrectionError, match="unreadable opening hours"):
        queue.accept(directory.Session, words, CHARENTE, values={"horaires": "le lundi matin"})
    with pytest.raises(CorrectionError, match="cannot change"):
        queue.accept(directory.Session, words, CHARENTE, values={"telephone": "0545000000"})
    assert _search_saint_fraigne(directory).opening_hours == before
    changes = queue.accept(directory.Session, words, CHARENTE, values={"horaires": NEW_HOURS})
    assert changes == {"horaires": [before, NEW_HOURS]}
    assert _search_saint_fraigne(directory).opening_hours == NEW_HOURS
    assert _log(directory)[-1] == ("claire", "accept")

    # Proposed hours may be amended by the coordinator; a report in words may be rejected.
    proposed = queue.report(directory.Session, STOP, "hours", {"horaires": "Mo 09:00-12:00"})
    queue.accept(directory.Session, proposed, CHARENTE, values={"horaires": "Mo 09:00-11:00"})
    assert _search_saint_fraigne(directory).opening_hours == "Mo 09:00-11:00"
    rejected = queue.report(directory.Session, STOP, "hours", comment="fermé le lundi")
    queue.reject(directory.Session, rejected, CHARENTE, note="vérifié : ouvert le lundi")
    assert _search_saint_fraigne(directory).opening_hours == "Mo 09:00-11:00"
    assert queue.pending(directory.Session, CHARENTE) == []


def test_reimport_diff_keeps_local_corrections_and_lists_conflicts(directory, tmp_path):
    hours = queue.report(directory.Session, STOP, "hours", {"horaires": NEW_HOURS})
    queue.accept(directory.Session, hours, CHARENTE)
    stop2 = "bus-france-services-en-charente:2"
    phone = queue.report(directory.Session, stop2, "phone", {"telephone": "+33545000000"})
    queue.accept(directory.Session, phone, CHARENTE)

    records = json.loads(BUS_FILE.read_text(encoding="utf-8"))
    by_id = {r["id"]: r for r in records}
    by_id["1"]["telephone"] = "+33699999999"  # another field of the corrected stop changed
    by_id["2"]["telephone"] = "+33511111111"  # the corrected field itself changed upstream
    newer = [r for r in records if r["id"] != "12"]  # one stop gone
    newer.append({**by_id["3"], "id": "13", "nom": "Bus France Services - [Nouvel arrêt]",
                  "latitude": 45.8, "longitude": 0.2})  # fmt: skip
    folder = tmp_path / "newer"
    folder.mkdir()
    path = folder / BUS_FILE.name
    path.write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")

    result = reimport(directory, [path])
    source = "Bus France Services en Charente"
    assert result.new == [(source, "13")]
    assert result.changed == [(source, "1"), (source, "2")]
    assert result.gone == [(source, "12")]
    assert result.reapplied == [hours]  # the import rewrote stop 1 from its record
    assert result.conflicts == [
        {
            "correction": phone,
            "place": stop2,
            "fields": {"telephone": {"correction": "+33545000000", "source": "+33511111111"}},
        }
    ]
    assert _search_saint_fraigne(directory).opening_hours == NEW_HOURS
    assert _search_saint_fraigne(directory).phone == "+33699999999"
    with directory.Session() as session:
        place = session.execute(select(Place).where(Place.public_id == stop2)).scalar_one()
        assert place.telephone == "+33511111111"  # the source's newer value stays
    assert queue.provenance(directory.Session, stop2) == {}  # no longer an accepted correction
    assert ("import", "reapply") in _log(directory) and ("import", "conflict") in _log(directory)

    again = reimport(directory, [path])  # the same file once more: nothing new, nothing lost
    assert (again.new, again.changed, again.gone) == ([], [], [(source, "12")])
    assert again.kept == [hours] and again.reapplied == [] and again.conflicts == []


def test_stale_records_per_territory(directory):
    later = date(2026, 6, 1)
    listed = stale(directory.Session, CHARENTE, today=later)
    ids = [row["id"] for row in listed]
    assert STOP in ids  # its date is a placeholder: unknown, listed first
    assert all(row["date_maj"] is None or row["date_maj"] < date(2025, 6, 1) for row in listed)
    assert not any(
        i.startswith("bus-france")
        for i in (r["id"] for r in stale(directory.Session, CHARENTE_MARITIME, today=later))
    )
    correction = queue.report(directory.Session, STOP, "phone", {"telephone": "+33545000000"})
    queue.accept(directory.Session, correction, CHARENTE)
    assert STOP not in [row["id"] for row in stale(directory.Session, CHARENTE, today=later)]


def test_reimport_command_prints_the_diff_and_conflicts(directory, tmp_path, capsys):
    stop2 = "bus-france-services-en-charente:2"
    phone = queue.report(directory.Session, stop2, "phone", {"telephone": "+33545000000"})
    queue.accept(directory.Session, phone, CHARENTE)
    records = json.loads(BUS_FILE.read_text(encoding="utf-8"))
    records[1]["telephone"] = "+33511111111"
    path = tmp_path / BUS_FILE.name
    path.write_text(json.dumps(records[:-1], ensure_ascii=False), encoding="utf-8")
    assert main(["--db", directory.url, "reimport", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("0 new, 1 changed, 1 gone")
    assert "  gone: Bus France Services en Charente 12" in out
    assert (
        f"  conflict: correction {phone} on {stop2} telephone: local '+33545000000', "
        "source now '+33511111111'"
    ) in out
