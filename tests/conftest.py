from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest

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
