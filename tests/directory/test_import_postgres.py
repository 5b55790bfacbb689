"""The same import on the real PostgreSQL server of the test session, in its own database."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from directory_client import Directory
from directory_client.models import Base

pytestmark = pytest.mark.postgres


@pytest.fixture
def import_database_url(postgres_url: str) -> str:
    """A database of its own, so the import never meets the search tests' tables."""
    url = make_url(postgres_url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS import_test"))
        connection.execute(text("CREATE DATABASE import_test"))
    admin.dispose()
    return url.set(database="import_test").render_as_string(hide_password=False)


def test_postgres_import_matches_sqlite(embedded_directory, import_database_url, tmp_path):
    directory = Directory(import_database_url)
    Base.metadata.drop_all(directory.engine)
    Base.metadata.create_all(directory.engine)
    report = directory.import_default()
    assert (report.created, report.merged, report.rejected) == (6142, 413, 0)
    again = directory.import_default()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 6555)
    directory.export(tmp_path / "pg.json")
    embedded_directory.export(tmp_path / "sqlite.json")
    pg = json.loads((tmp_path / "pg.json").read_text("utf-8"))
    lite = json.loads((tmp_path / "sqlite.json").read_text("utf-8"))
    assert pg == lite
    directory.close()
