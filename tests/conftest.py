"""Shared fixtures.

``embedded_directory``: the six shipped open-data files imported once per test session into a
SQLite file; read-only for tests (copy it with ``copy_directory`` before writing).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from directory_client import Directory


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
