"""Demand without personal data: what people asked, where, and whether help was near.

Each orientation adds 1 to a counter keyed by day × need key × commune × outcome × channel,
and nothing else: no message text, no sender id, no time of day, no position finer than the
commune (a shared position is turned into the commune whose centre is nearest, then dropped).
A need is a key of the assistant's catalogue (``demarches``, ``smartphone``…), with the
standard's service it maps to; a need that no service of the standard covers is stored with
an empty service, counted by its key — never by what the person typed.

Every read and every export aggregates, then leaves out each group counted fewer than
``MIN_COUNT`` (5) times.

The counters live in their own database: ``DEMAND_DATABASE_URL`` (PostgreSQL when several
action servers share it), else ``demand.sqlite3`` in ``ORIENTEUR_DATA_DIR`` (``var/``).
"""

from __future__ import annotations

import csv
import logging
import os
import re
import threading
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Date, Integer, PrimaryKeyConstraint, String, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import declarative_base

from directory_client import db, labels
from directory_client.errors import DemandError

log = logging.getLogger(__name__)

MIN_COUNT = 5
OUTCOMES = ("near", "widened", "nothing", "handoff")
# Channel names as Rasa's input channels give them → the few kinds counted.
CHANNELS = {
    "socketio": "web",
    "web": "web",
    "rest": "rest",
    "collector": "rest",
    "twilio": "sms",
    "sms": "sms",
    "whatsapp": "whatsapp",
    "telegram": "telegram",
    "staff": "staff",
    "staff_console": "staff",
    "cmdline": "shell",
}
OTHER_CHANNEL = "autre"
DIMENSIONS = ("day", "need", "service", "code_insee", "departement", "outcome", "channel")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_INSEE = re.compile(r"^[0-9][0-9AB][0-9]{3}$")
_DEPARTEMENT = re.compile(r"^(?:[0-9]{2}|2A|2B|97[1-8]|98[6-8])$")
PARIS = ZoneInfo("Europe/Paris")

Base = declarative_base()


class Orientation(Base):
    """A counter: how many orientations had these values on that day."""

    __tablename__ = "demand_orientation"

    day = Column(Date, nullable=False)
    need = Column(String(40), nullable=False)  # a catalogue key, never text
    service = Column(String(100), nullable=False)  # current label of the standard, '' if none
    code_insee = Column(String(5), nullable=False)  # '' when only the département is known
    departement = Column(String(3), nullable=False)  # '' when unknown
    outcome = Column(String(10), nullable=False)  # OUTCOMES
    channel = Column(String(10), nullable=False)  # values of CHANNELS, or OTHER_CHANNEL
    n = Column(Integer, nullable=False)

    __table_args__ = (
        PrimaryKeyConstraint(
            "day", "need", "service", "code_insee", "departement", "outcome", "channel"
        ),
    )


def default_url() -> str:
    given = os.environ.get("DEMAND_DATABASE_URL")
    if given:
        return given
    return f"sqlite:///{Path(os.environ.get('ORIENTEUR_DATA_DIR', 'var')) / 'demand.sqlite3'}"


class DemandLog:
    def __init__(self, url: str | None = None) -> None:
        self.engine = db.make_engine(url or default_url())
        Base.metadata.create_all(self.engine)
        self.Session = db.session_factory(self.engine)

    def record(
        self,
        *,
        need: str,
        service: str | None,
        outcome: str,
        channel: str | None,
        code_insee: str | None = None,
        departement: str | None = None,
        day: date | None = None,
    ) -> None:
        """Count one orientation. Raises ``DemandError`` on anything that is not a key."""
        if not isinstance(need, str) or not _KEY.match(need):
            raise DemandError("a need is recorded by its catalogue key, never by text")
        if service is not None and service not in labels.SERVICES:
            raise DemandError(f"not a service of the standard: {service!r}")
        if outcome not in OUTCOMES:
            raise DemandError(f"unknown outcome {outcome!r}: one of {OUTCOMES}")
        commune = (code_insee or "").strip().upper()
        commune = commune if _INSEE.match(commune) else ""
        dept = (departement or "").strip().upper() or _departement_of(commune)
        values = {
            "day": day or datetime.now(PARIS).date(),
            "need": need,
            "service": service or "",
            "code_insee": commune,
            "departement": dept if _DEPARTEMENT.match(dept) else "",
            "outcome": outcome,
            "channel": CHANNELS.get((channel or "").strip().lower(), OTHER_CHANNEL),
            "n": 1,
        }
        insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}.get(
            self.engine.dialect.name
        )
        if insert is None:
            raise DemandError(f"unsupported database: {self.engine.dialect.name}")
        statement = insert(Orientation).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=list(DIMENSIONS), set_={"n": Orientation.n + 1}
        )
        with self.Session.begin() as session:
            session.execute(statement)

    def aggregate(
        self,
        by: Iterable[str] = ("service", "outcome"),
        *,
        since: date | None = None,
        until: date | None = None,
        departements: Iterable[str] | None = None,
        codes_insee: Iterable[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Counts grouped by ``by`` (of ``DIMENSIONS``); groups under ``MIN_COUNT`` left out."""
        by = tuple(by)
        unknown = [d for d in by if d not in DIMENSIONS]
        if unknown or not by:
            raise DemandError(f"group by some of {DIMENSIONS}, not {unknown or 'nothing'}")
        columns = [getattr(Orientation, d) for d in by]
        total = func.sum(Orientation.n)
        query = select(*columns, total.label("n")).group_by(*columns)
        if since is not None:
            query = query.where(Orientation.day >= since)
        if until is not None:
            query = query.where(Orientation.day <= until)
        if departements is not None:
            query = query.where(Orientation.departement.in_(list(departements)))
        if codes_insee is not None:
            query = query.where(Orientation.code_insee.in_(list(codes_insee)))
        query = query.having(total >= MIN_COUNT).order_by(total.desc(), *columns)
        with self.Session() as session:
            rows = session.execute(query).all()
        return [
            {**{d: _plain(v) for d, v in zip(by, row[:-1], strict=True)}, "n": int(row[-1])}
            for row in rows
        ]

    def unmatched(self, **filters: Any) -> list[dict[str, Any]]:
        """Needs that no service of the standard covers, by key (groups under 5 left out)."""
        return [
            {"need": row["need"], "n": row["n"]}
            for row in self.aggregate(("need", "service"), **filters)
            if row["service"] == ""
        ]

    def export_csv(self, path: str | Path, by: Iterable[str], **filters: Any) -> int:
        """Write ``aggregate(by)`` as CSV; returns the number of rows."""
        by = tuple(by)
        rows = self.aggregate(by, **filters)
        with open(path, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=[*by, "n"], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return len(rows)

    def close(self) -> None:
        self.engine.dispose()


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _departement_of(code_insee: str) -> str:
    if not code_insee:
        return ""
    return code_insee[:3] if code_insee.startswith("97") else code_insee[:2]


# --- what the assistant's actions call --------------------------------------------------------
_LOG: DemandLog | None = None
_LOCK = threading.Lock()


def default_log() -> DemandLog:
    global _LOG
    with _LOCK:
        if _LOG is None:
            _LOG = DemandLog()
        return _LOG


def set_default_log(demand_log: DemandLog | None) -> None:
    """For tests and for a server that builds its own (another URL)."""
    global _LOG
    with _LOCK:
        _LOG = demand_log


def search_outcome(response: Any, nothing_near: bool) -> str:
    """The outcome of a search as the person saw it: ``nothing``, ``widened`` or ``near``."""
    if nothing_near or not getattr(response, "results", ()):
        return "nothing"
    return "widened" if getattr(response, "widened", False) else "near"


def record_orientation(
    needs: Mapping[str, str | None],
    *,
    outcome: str,
    channel: str | None,
    location: Mapping[str, Any] | None,
    day: date | None = None,
) -> None:
    """Count one orientation per need: ``{need key: service label, or None when no service of
    the standard covers it}``. ``location`` is the assistant's location slot; only its commune
    (INSEE code, or the commune nearest a shared position) and département are kept.

    Never raises: a failure is logged, and the person's answer is not affected.
    """
    try:
        code_insee, departement = commune_of(location)
        target = default_log()
        for need, service in needs.items():
            target.record(
                need=need,
                service=service,
                outcome=outcome,
                channel=channel,
                code_insee=code_insee,
                departement=departement,
                day=day,
            )
    except (DemandError, SQLAlchemyError, OSError):
        log.exception("demand: orientation not recorded")


def commune_of(location: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """(INSEE code, département) of a location slot; a bare position → the nearest commune."""
    if not location:
        return None, None
    code, departement = location.get("code_insee"), location.get("departement")
    lat, lon = location.get("lat"), location.get("lon")
    if not code and isinstance(lat, int | float) and isinstance(lon, int | float):
        from directory_client import gazetteer

        found = gazetteer.load().nearest(float(lat), float(lon))
        if found is not None and found[1] <= 20:
            code, departement = found[0].current.code_insee, found[0].current.departement
    return code, departement
