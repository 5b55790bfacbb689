"""Demand without personal data (issue 17, point 2): counters on a real database, read back.

The stored rows hold no message text, no sender id, no position; every read and export leaves
out the groups counted fewer than 5 times.
"""

from __future__ import annotations

import csv
import sqlite3
import threading
from datetime import date

import pytest

from directory_client import labels
from directory_client.cli import main
from directory_client.demand import (
    MIN_COUNT,
    DemandLog,
    Orientation,
    record_orientation,
    search_outcome,
    set_default_log,
)
from directory_client.errors import DemandError
from directory_client.locator import Locator
from directory_client.types import SearchQuery

DAY = date(2026, 3, 2)
ROUBAIX = {
    "label": "Roubaix (59)",
    "kind": "commune",
    "lat": 50.6942,
    "lon": 3.1746,
    "commune": "Roubaix",
    "code_insee": "59512",
    "code_postal": "59100",
    "departement": "59",
    "population": 98_828,
}
# A shared position and a typed street address: only the commune may be kept.
STREET = {"label": "12 rue de la Paix, Roubaix", "kind": "adresse", "lat": 50.69421, "lon": 3.17468}
SENDER = "+33612345678"
TYPED = "je cherche un logement social à Roubaix"


@pytest.fixture
def demand_file(tmp_path):
    path = tmp_path / "demand.sqlite3"
    log = DemandLog(f"sqlite:///{path}")
    set_default_log(log)
    yield path, log
    set_default_log(None)
    log.close()


def _orientations() -> None:
    """What the actions record over a day: a person in Roubaix asks for help with procedures…"""
    demarches = {"demarches": labels.DEMARCHES}
    for _ in range(7):
        record_orientation(demarches, outcome="near", channel="socketio", location=ROUBAIX, day=DAY)
    for _ in range(4):  # four by SMS: under the threshold on its own
        record_orientation(demarches, outcome="near", channel="twilio", location=STREET, day=DAY)
    for _ in range(6):  # asked for something no service of the standard covers
        record_orientation({"hors_champ": None}, outcome="nothing", channel="rest",
                           location=ROUBAIX, day=DAY)  # fmt: skip
    for _ in range(3):
        record_orientation({"hors_champ": None}, outcome="handoff", channel="staff",
                           location=None, day=DAY)  # fmt: skip
    # An action passing what the person typed, or a sender id, as the need: refused, not stored.
    record_orientation({TYPED: None}, outcome="nothing", channel="rest", location=ROUBAIX, day=DAY)
    record_orientation({SENDER: None}, outcome="nothing", channel="rest", location=ROUBAIX, day=DAY)


def test_stored_rows_hold_no_text_no_sender_no_position(demand_file):
    path, log = demand_file
    _orientations()
    log.close()  # checkpoints SQLite's write-ahead log into the file read below
    connection = sqlite3.connect(path)
    tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["demand_orientation"]
    columns = [r[1] for r in connection.execute("PRAGMA table_info(demand_orientation)")]
    assert columns == ["day", "need", "service", "code_insee", "departement", "outcome",
                       "channel", "n"]  # fmt: skip
    rows = connection.execute("SELECT * FROM demand_orientation ORDER BY n DESC").fetchall()
    connection.close()
    assert rows == [
        ("2026-03-02", "demarches", labels.DEMARCHES, "59512", "59", "near", "web", 7),
        ("2026-03-02", "hors_champ", "", "59512", "59", "nothing", "rest", 6),
        # The street address became its commune: the position and the words are gone.
        ("2026-03-02", "demarches", labels.DEMARCHES, "59512", "59", "near", "sms", 4),
        ("2026-03-02", "hors_champ", "", "", "", "handoff", "staff", 3),
    ]
    content = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))  # WAL too
    for secret in (TYPED, SENDER, "logement", "rue de la Paix", "50.694", "3.174", "6123"):
        assert secret.encode() not in content


def test_no_count_under_5_is_read_or_exported(demand_file, tmp_path):
    _path, log = demand_file
    _orientations()
    by_channel = log.aggregate(("need", "channel"))
    assert by_channel == [
        {"need": "demarches", "channel": "web", "n": 7},
        {"need": "hors_champ", "channel": "rest", "n": 6},
    ]  # sms (4) and staff (3) left out
    # The same counters grouped more coarsely reach the threshold: they are shown then.
    assert log.aggregate(("need",)) == [
        {"need": "demarches", "n": 11},
        {"need": "hors_champ", "n": 9},
    ]
    assert log.aggregate(("outcome",)) == [
        {"outcome": "near", "n": 11},
        {"outcome": "nothing", "n": 6},
    ]  # handoff (3) left out
    out = tmp_path / "demande.csv"
    assert log.export_csv(out, ("day", "code_insee", "service", "outcome", "channel")) == 2
    with out.open(encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert exported and all(int(row["n"]) >= MIN_COUNT for row in exported)
    assert {row["channel"] for row in exported} == {"web", "rest"}


def test_unmatched_needs_are_counted_by_key(demand_file):
    _path, log = demand_file
    _orientations()
    for _ in range(2):
        record_orientation({"logement": None}, outcome="nothing", channel="rest", location=ROUBAIX)
    assert log.unmatched() == [{"need": "hors_champ", "n": 9}]  # "logement" (2) left out
    assert log.unmatched(departements=["16"]) == []


def test_the_demand_command_reads_with_the_same_threshold(demand_file, embedded_directory, capsys):
    path, _log = demand_file
    _orientations()
    argv = ["--db", embedded_directory.url, "demand", "--demand-db", f"sqlite:///{path}"]
    assert main([*argv, "--by", "channel"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows == [{"channel": "web", "n": "7"}, {"channel": "rest", "n": "6"}]
    assert main([*argv, "--unmatched"]) == 0
    assert "hors_champ,9" in capsys.readouterr().out
    assert main([*argv, "--by", "sender_id"]) == 2
    assert "group by some of" in capsys.readouterr().err


def test_refuses_what_is_not_a_key(demand_file):
    _path, log = demand_file
    with pytest.raises(DemandError):
        log.record(need=TYPED, service=None, outcome="near", channel="rest")
    with pytest.raises(DemandError):
        log.record(need="demarches", service="Aide pour tout", outcome="near", channel="rest")
    with pytest.raises(DemandError):
        log.record(need="demarches", service=None, outcome="found it", channel="rest")
    with pytest.raises(DemandError):
        log.aggregate(("need", "text"))


@pytest.fixture(params=["sqlite", "postgresql"])
def demand_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'demand.sqlite3'}"
    request.applymarker(pytest.mark.postgres)
    return request.getfixturevalue("postgres_url")


def test_concurrent_orientations_are_all_counted(demand_url):
    log = DemandLog(demand_url)
    with log.Session.begin() as session:
        session.query(Orientation).delete()

    def orient() -> None:
        for _ in range(25):
            log.record(need="smartphone", service=labels.OUTILS_QUOTIDIEN, outcome="widened",
                       channel="telegram", code_insee="16015", day=DAY)  # fmt: skip

    threads = [threading.Thread(target=orient) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert log.aggregate(("code_insee", "departement", "channel")) == [
        {"code_insee": "16015", "departement": "16", "channel": "telegram", "n": 100}
    ]
    log.close()


def test_search_outcomes_of_real_searches(embedded_directory):
    locator = Locator(directory=embedded_directory)

    def outcome(where: str, service: str) -> str:
        query = SearchQuery(needs=(service,), location=locator.locate(where).best)
        response = embedded_directory.search(query)
        return search_outcome(response, response.nothing_near)

    assert outcome("Roubaix", labels.DEMARCHES) == "near"
    assert outcome("Angoulême", labels.PARENTALITE) in ("widened", "nothing")
    assert outcome("Mende", labels.ACQUISITION_MATERIEL) == "nothing"  # one place, in Nouméa


def test_demand_beside_supply_in_the_territory_rollup(demand_file, embedded_directory, capsys):
    path, log = demand_file
    angouleme = {"code_insee": "16015", "departement": "16", "lat": 45.65, "lon": 0.16}
    for _ in range(6):
        log.record(need="demarches", service=labels.DEMARCHES, outcome="near",
                   channel="socketio", code_insee="16015", day=DAY)  # fmt: skip
    for _ in range(5):
        record_orientation({"parentalite": labels.PARENTALITE}, outcome="nothing",
                           channel="rest", location=angouleme, day=DAY)  # fmt: skip
    for _ in range(3):
        record_orientation({"loisirs": labels.LOISIRS}, outcome="nothing", channel="rest",
                           location=angouleme, day=DAY)  # fmt: skip
    for _ in range(9):  # elsewhere: not Charente's demand
        log.record(need="demarches", service=labels.DEMARCHES, outcome="near",
                   channel="rest", code_insee="59512", day=DAY)  # fmt: skip
    argv = ["--db", embedded_directory.url, "territory", "--departement", "16", "--view"]
    assert main([*argv, "rollup", "--demand", f"sqlite:///{path}"]) == 0
    rows = {r["service"]: r for r in csv.DictReader(capsys.readouterr().out.splitlines())}
    assert rows[labels.DEMARCHES]["demande"] == "6"
    assert rows[labels.DEMARCHES]["demande_sans_aide_proche"] == ""
    assert rows[labels.PARENTALITE]["demande"] == "5"
    assert rows[labels.PARENTALITE]["demande_sans_aide_proche"] == "5"
    assert int(rows[labels.PARENTALITE]["population_au_dela_20km"]) > 0  # supply beside it
    assert rows[labels.LOISIRS]["demande"] == ""  # 3: left out
