"""Columns added to the directory's tables since its first release, and the step that gives them
to a database created before them.

The tables are created with ``create_all``, which never alters a table that exists: a user's
``var/directory.sqlite3`` or a production PostgreSQL directory built by an older release lacks
the newer columns, and every search would fail on them. ``upgrade`` adds each missing column
and fills it with the same Python rule the importer uses, in one transaction per column. It runs
whenever the directory is opened (``db.create_schema``: the CLI, ``make run``'s load step, the
action server); a database already upgraded costs one look at the table's columns. Idempotent:
a column present is left alone, and the backfill fills only rows still NULL (two processes
starting together on PostgreSQL: ``ADD COLUMN IF NOT EXISTS``, the second fills nothing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Column, bindparam, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from directory_client.models import ImportRun, Place, PlaceSource, telephone_joignable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AddedColumn:
    column: Column
    backfill: Callable[[Connection], int]  # fills the rows still NULL; returns how many
    release_note: str


def _backfill_telephone_joignable(connection: Connection) -> int:
    rows = connection.execute(
        select(Place.id, Place.telephone).where(Place.telephone_joignable.is_(None))
    ).all()
    if rows:
        connection.execute(
            update(Place)
            .where(Place.id == bindparam("place_id"))
            .values(telephone_joignable=bindparam("joignable")),
            [{"place_id": pid, "joignable": telephone_joignable(phone)} for pid, phone in rows],
        )
    return len(rows)


def _left_unknown(_connection: Connection) -> int:
    """Nothing to fill: NULL says "read under rules unknown", and the next import reads every
    such record again under its own rules (importer.rules)."""
    return 0


ADDED: tuple[AddedColumn, ...] = (
    AddedColumn(
        Place.__table__.c.telephone_joignable,
        _backfill_telephone_joignable,
        "whether the place's phone is a number people can be given to call (phones.dialable)",
    ),
    AddedColumn(
        PlaceSource.__table__.c.rules,
        _left_unknown,
        "the import rules each record was read under: the next import re-reads the others",
    ),
    AddedColumn(ImportRun.__table__.c.rules, _left_unknown, "the import rules of each run"),
    AddedColumn(
        ImportRun.__table__.c.reread, _left_unknown, "records re-read under new import rules"
    ),
)


def upgrade(engine: Engine) -> list[str]:
    """Add the columns of ``ADDED`` missing from ``engine``'s database, each filled; returns (and
    logs, once: a column is added once) what was done. Nothing on a new or current database."""
    done: list[str] = []
    for added in ADDED:
        table = added.column.table.name
        inspector = inspect(engine)
        if not inspector.has_table(table):
            continue  # create_all makes it whole
        if added.column.name in {c["name"] for c in inspector.get_columns(table)}:
            continue
        with engine.begin() as connection:
            _add_column(connection, added.column)
            filled = added.backfill(connection)
        line = (
            f"directory upgraded: column {table}.{added.column.name} added ({added.release_note}),"
            f" {filled} rows filled"
        )
        log.warning(line)
        done.append(line)
    return done


def _add_column(connection: Connection, column: Column) -> None:
    dialect = connection.dialect
    kind = column.type.compile(dialect=dialect)
    name = dialect.identifier_preparer.quote(column.name)
    table = dialect.identifier_preparer.quote(column.table.name)
    if dialect.name == "postgresql":
        connection.execute(text(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {kind}"))
        return
    try:
        connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} {kind}"))
    except OperationalError as exc:  # SQLite: another process added it since we looked
        if "duplicate column" not in str(exc):
            raise
