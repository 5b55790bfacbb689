"""The same import on PostgreSQL. Runs when ``DIRECTORY_TEST_POSTGRES_URL`` points to a
throw-away database (its tables are dropped first), e.g.
``postgresql+psycopg2://postgres@127.0.0.1:55433/scratch``."""

from __future__ import annotations

import json
import os

import pytest

from directory_client import Directory
from directory_client.models import Base

URL = os.environ.get("DIRECTORY_TEST_POSTGRES_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not URL, reason="DIRECTORY_TEST_POSTGRES_URL is not set"),
]


def test_postgres_import_matches_sqlite(embedded_directory, tmp_path):
    directory = Directory(URL)
    Base.metadata.drop_all(directory.engine)
    Base.metadata.create_all(directory.engine)
    report = directory.import_default()
    assert (report.created, report.merged, report.rejected) == (6295, 260, 0)
    again = directory.import_default()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 6555)
    directory.export(tmp_path / "pg.json")
    embedded_directory.export(tmp_path / "sqlite.json")
    pg = json.loads((tmp_path / "pg.json").read_text("utf-8"))
    lite = json.loads((tmp_path / "sqlite.json").read_text("utf-8"))
    assert pg == lite
    directory.close()
