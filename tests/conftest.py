"""Shared fixtures.

``postgres_url`` / ``directory_url``: a real PostgreSQL on loopback (or DIRECTORY_TEST_POSTGRES_URL)
and the SQLite/PostgreSQL parametrisation of the search tests.
``embedded_directory``: the six shipped open-data files imported once per test session into a
SQLite file; read-only for tests (copy it with ``copy_directory`` before writing).
``rasa_stack``: the action server and ``rasa run`` (REST), once per session (tests/rasa_stack.py).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory_client import Directory
from tests.pgserver import NOT_INSTALLED, PostgresServer, find_bin_dir


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL started on loopback for the session (or DIRECTORY_TEST_POSTGRES_URL)."""
    given = os.environ.get("DIRECTORY_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(NOT_INSTALLED)
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except subprocess.CalledProcessError as exc:
        server.stop()
        pytest.fail(f"PostgreSQL did not start: {exc.stderr or exc.stdout}")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def directory_url(request) -> str:
    if request.param == "sqlite":
        return "sqlite:///:memory:"
    request.applymarker(pytest.mark.postgres)
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def embedded_directory(tmp_path_factory) -> Directory:
    path = tmp_path_factory.mktemp("embedded") / "directory.sqlite3"
    directory = Directory(f"sqlite:///{path}")
    directory.import_report = directory.import_default()  # kept for the importer's tests
    directory.sqlite_path = path
    return directory


def copy_directory(directory: Directory, target: Path) -> Directory:
    """A writable copy of a SQLite-backed directory (SQLite online backup, WAL included)."""
    source = sqlite3.connect(directory.sqlite_path)
    destination = sqlite3.connect(target)
    with destination:
        source.backup(destination)
    source.close()
    destination.close()
    return Directory(f"sqlite:///{target}")


def table_dump(directory: Directory, skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: to check that the database is exactly as before."""
    from directory_client.models import Base

    dump = {}
    with directory.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            rows = connection.execute(table.select()).all()
            dump[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return dump


@pytest.fixture(scope="session")
def rasa_stack(tmp_path_factory):
    """The real assistant, shared by the session: action server on the embedded directory and
    ``rasa run`` (REST) with the trained model (tests/rasa_stack.py). Skipped without a model.

    Turns are bounded to 8 s (``ORIENTEUR_TURN_TIMEOUT``) so the fault tests stay short.
    """
    from tests.rasa_stack import NO_MODEL, RasaStack, find_model

    model = find_model()
    if model is None:
        pytest.skip(NO_MODEL)
    stack = RasaStack(tmp_path_factory.mktemp("rasa_stack"), model, turn_timeout=8)
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()
