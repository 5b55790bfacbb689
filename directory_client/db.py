"""Engine and session factory. SQLite file by default; PostgreSQL when the URL says so."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from directory_client.models import Base
from directory_client.upgrade import upgrade

DEFAULT_SQLITE_PATH = Path(os.environ.get("ORIENTEUR_DATA_DIR", "var")) / "directory.sqlite3"


def database_url(url: str | None = None) -> str:
    """Explicit URL, else ``DIRECTORY_DATABASE_URL``, else the embedded SQLite file."""
    if url:
        return url
    env = os.environ.get("DIRECTORY_DATABASE_URL")
    if env:
        return env
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    options: dict = {}
    if url.startswith("sqlite:///") and ":memory:" not in url:
        # SQLAlchemy 1.4 gives file SQLite a NullPool: a new connection, with a cold page cache,
        # for every session — it tripled search times. Keep connections (2.0's default).
        options["poolclass"] = QueuePool
        # A pooled connection may be checked out by another thread later (the staff console and
        # the web server run directory calls in a thread pool); the pool hands it to one thread
        # at a time, so pysqlite's same-thread check only gets in the way.
        options["connect_args"] = {"check_same_thread": False}
    engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"), **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_schema(engine: Engine) -> list[str]:
    """The tables, and the columns added since the first release to a database that predates
    them (``upgrade``); returns what the upgrade did (nothing on a current database)."""
    Base.metadata.create_all(engine)
    return upgrade(engine)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, future=True, expire_on_commit=False)
