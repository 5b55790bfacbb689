"""A new import rule reaches a directory imported before it (round 185): the importer skipped
every record whose source text was unchanged, so the far-position repair (a point more than
2.5 km beyond its commune moved to its centre) reached only a directory imported from empty —
the place of Paris 10e whose source gives a point in the 12e stayed « 3,5 km » from its own
street. Each record now remembers the rules it was read under (importer.rules), and the import
command reads again those read under other rules, without deleting the directory. On SQLite (a
file) and on the real PostgreSQL server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from directory_client import Directory
from directory_client.cli import main
from directory_client.corrections import queue
from directory_client.importer import position, rules
from directory_client.types import Location, SearchQuery
from tests.conftest import copy_directory
from tests.directory.test_corrections import (
    BUS_FILE,
    CHARENTE,
    NEW_HOURS,
    STOP,
    _search_saint_fraigne,
)

ROOT = Path(__file__).resolve().parents[2]
# 24 rue de Paradis, Paris 10e; the source gives the place a point in the 12e (round 176).
PARADIS = Location("Paris 10e", "arrondissement", 48.8722, 2.3500, commune="Paris 10e")
RECORD = {
    "id": "sabliere",
    "nom": "Icf la Sabliere Sa d'HLM",
    "adresse": "24 rue de Paradis",
    "code_postal": "75010",
    "code_insee": "75110",
    "commune": "Paris",
    "latitude": 48.845,
    "longitude": 2.3752,
    "services": "Aide aux démarches administratives",
    "source": "Essai",
    "date_maj": "2023-05-01",
}


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'directory.sqlite3'}"
    request.applymarker(pytest.mark.postgres)
    server = make_url(request.getfixturevalue("postgres_url"))
    admin = create_engine(server, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as connection:
        connection.execute(text(  # a connection of the test before, not yet closed
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = 'rules_test' AND pid <> pg_backend_pid()"
        ))
        connection.execute(text("DROP DATABASE IF EXISTS rules_test"))
        connection.execute(text("CREATE DATABASE rules_test"))
    admin.dispose()
    return server.set(database="rules_test").render_as_string(hide_password=False)


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "places.json"
    path.write_text(json.dumps([RECORD], ensure_ascii=False), encoding="utf-8")
    return path


def distance_from_the_street(url: str) -> float:
    directory = Directory(url)
    try:
        query = SearchQuery(("Aide aux démarches administratives",), PARADIS, limit=3)
        (found,) = directory.search(query).results
    finally:
        directory.close()
    assert found.name == "Icf la Sabliere Sa d'HLM"
    return found.distance_km


def import_command(url: str, path: Path, capsys) -> str:
    assert main(["--db", url, "import", str(path)]) == 0
    return capsys.readouterr().out


def imported_without_the_repair(url: str, path: Path, monkeypatch, rules_version: str) -> None:
    with monkeypatch.context() as old:
        old.setattr(position, "OUTSIDE_KM", 1000.0)  # before the repair: the point is kept
        old.setattr(rules, "version", lambda: rules_version)
        directory = Directory(url)
        directory.import_files([path])
        directory.close()


def test_a_directory_imported_under_older_rules_gets_the_new_rule(url, source, monkeypatch,
                                                                   capsys):  # fmt: skip
    imported_without_the_repair(url, source, monkeypatch, "older rules")
    assert distance_from_the_street(url) > 3.0  # « 3,5 km » from its own street

    out = import_command(url, source, capsys)
    assert "1 records re-read under new import rules" in out, out
    assert "0 updated, 0 unchanged" in out, out
    assert distance_from_the_street(url) < 1.5

    again = import_command(url, source, capsys)  # same text, same rules: skipped
    assert "1 unchanged" in again and "re-read" not in again, again


def test_a_directory_built_before_the_rules_were_recorded_gets_them(url, source, monkeypatch,
                                                                     capsys):  # fmt: skip
    """A directory of the previous release: its tables lack the columns; opening it adds them,
    empty, and the import reads every record again."""
    imported_without_the_repair(url, source, monkeypatch, "unused")
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE place_source DROP COLUMN rules"))
        connection.execute(text("ALTER TABLE import_run DROP COLUMN rules"))
        connection.execute(text("ALTER TABLE import_run DROP COLUMN reread"))
    engine.dispose()

    out = import_command(url, source, capsys)
    assert "1 records re-read under new import rules" in out, out
    assert distance_from_the_street(url) < 1.5


def test_an_unchanged_import_under_the_same_rules_skips_every_record(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'directory.sqlite3'}"
    lyon = [{**RECORD, "id": f"p{i}", "nom": f"Lieu {i}", "adresse": f"{i} rue de Paradis"}
            for i in range(30)]  # fmt: skip
    path = tmp_path / "places.json"
    path.write_text(json.dumps(lyon, ensure_ascii=False), encoding="utf-8")
    import_command(url, path, capsys)
    out = import_command(url, path, capsys)
    assert "0 created, 0 updated, 30 unchanged" in out and "re-read" not in out, out


def test_the_rules_are_every_module_the_importer_reads_records_with():
    """``RULE_FILES`` holds every module of directory_client that importing the importer
    loads, but the facade's (the package, the database, the value types)."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, directory_client.importer;"
         "print('\\n'.join(m for m in sys.modules if m.startswith('directory_client.')))"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    facade = {"db", "directory", "errors", "types", "upgrade"}
    files = {p.relative_to(rules.PACKAGE).as_posix() for p in rules.rule_files()}
    for module in loaded:
        name = module.removeprefix("directory_client.")
        if name in facade or name == "importer":
            continue
        assert f"{name.replace('.', '/')}.py" in files, module


def test_make_directory_imports_again_when_the_rules_change():
    """The Makefile's directory target depends on the rule files the script prints."""
    listed = subprocess.run(
        ["python3", "directory_client/importer/rules.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert "directory_client/importer/position.py" in listed
    assert "directory_client/data/communes-france.csv" in listed
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "RULE_FILES := $(shell python3 directory_client/importer/rules.py)" in makefile
    assert "var/directory.sqlite3: $(VENV)/.installed" in makefile
    target = next(line for line in makefile.splitlines() if line.startswith("var/directory"))
    assert "$(RULE_FILES)" in target, target


def test_a_local_correction_stays_through_a_reading_under_new_rules(embedded_directory,
                                                                     tmp_path, monkeypatch,
                                                                     capsys):  # fmt: skip
    """The coordinator corrected the Charente bus's hours at Saint-Fraigne; the import command,
    reading the bus's records again under new rules, gives them back their source's hours: the
    correction is applied again, as ``reimport`` does."""
    directory = copy_directory(embedded_directory, tmp_path / "directory.sqlite3")
    hours = queue.report(directory.Session, STOP, "hours", {"horaires": NEW_HOURS})
    queue.accept(directory.Session, hours, CHARENTE)
    monkeypatch.setattr(rules, "version", lambda: "newer rules")
    out = import_command(directory.url, BUS_FILE, capsys)
    assert "records re-read under new import rules" in out, out
    assert _search_saint_fraigne(directory).opening_hours == NEW_HOURS
    directory.close()
