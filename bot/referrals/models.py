"""The referral tables: referrals, the job queue and the outcome counters.

They live in their own database: ``REFERRALS_DATABASE_URL`` (PostgreSQL when several servers
share it), else ``referrals.sqlite3`` in ``ORIENTEUR_DATA_DIR`` (``var/``). Times are stored as
UTC without a zone (SQLite keeps none) and read back as aware UTC datetimes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import declarative_base

from directory_client import db

Base = declarative_base()

# Status keys → what the agent reads in the console.
STATUSES = {
    "en_attente": "en attente",
    "acceptee": "acceptée",
    "refusee": "refusée",
    "relancee": "relancée",
    "sans_reponse": "sans réponse",
}
OPEN_STATUSES = ("en_attente", "relancee")
CONTACT_CHANNELS = ("sms", "email", "phone")
REFUSAL_REASONS = {
    "capacite": "Plus de place pour le moment",
    "hors_champ": "Ce n'est pas ce que nous faisons",
    "public": "Ce public n'est pas accueilli chez nous",
    "ferme": "Le lieu est fermé",
    "autre": "Autre raison",
}
FOLLOWUP_ANSWERS = {"1": "oui", "2": "non", "3": "pas_encore"}


@dataclass(frozen=True)
class Desk:
    """The desk a console account works at, named to the places it refers people to."""

    name: str  # "France services de Roubaix"
    phone: str | None = None


def parse_desks(text: str) -> dict[str, Desk]:
    """``REFERRALS_DESKS="alice=France services de Roubaix|03 20 99 10 28;bob=CCAS d'Auby"``:
    console account → its desk's name and phone."""
    desks = {}
    for item in (text or "").split(";"):
        account, sep, rest = item.partition("=")
        name, _, phone = rest.partition("|")
        if sep and account.strip() and name.strip():
            desks[account.strip()] = Desk(name.strip(), phone.strip() or None)
    return desks


class UtcDateTime(TypeDecorator):
    """Aware UTC in Python, naive UTC in the database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:  # noqa: ANN001
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give an aware one")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:  # noqa: ANN001
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Referral(Base):
    """One person referred to one place. The person's details (name, contact, request) are
    blanked once the follow-up is answered; the whole row goes after the retention period."""

    __tablename__ = "referral"

    id = Column(String(32), primary_key=True)
    created_at = Column(UtcDateTime, nullable=False)
    origin = Column(String(10), nullable=False)  # "staff" | "chat"
    agent = Column(String(64))  # the console user who referred (staff)
    sender_id = Column(String(255), index=True)  # the conversation (chat), for "oublie-moi"
    # The place, as it was when referred (the directory may change meanwhile).
    place_id = Column(String(300), nullable=False)
    place_name = Column(String(300), nullable=False)
    place_emails = Column(Text, nullable=False, default="")  # |-joined; '' → printed referral
    place_phone = Column(String(100))
    place_address = Column(String(500))
    place_lat = Column(Float)
    place_lon = Column(Float)
    departement = Column(String(3))
    need = Column(String(40), nullable=False)  # catalogue key
    service = Column(String(100))  # label of the standard, for the next-place search
    # The person: only what the place needs.
    request = Column(Text)  # what the person wants done
    person_name = Column(String(80))  # first name or initials, optional
    contact_channel = Column(String(5), nullable=False)  # CONTACT_CHANNELS
    contact = Column(String(254))  # phone (E.164) or e-mail address
    consent_text = Column(Text)
    consent_at = Column(UtcDateTime)
    # Where it stands.
    delivery = Column(String(5), nullable=False)  # "email" | "print"
    status = Column(String(12), nullable=False, default="en_attente")
    link_nonce = Column(String(43))  # the answer link's secret part; None once answered
    answered_at = Column(UtcDateTime)
    slot_at = Column(UtcDateTime)  # the date and time the place proposed
    refusal_reason = Column(String(12))
    refusal_note = Column(String(300))
    reminded_at = Column(UtcDateTime)
    no_answer_at = Column(UtcDateTime)
    next_place_id = Column(String(300))
    next_place_name = Column(String(300))
    followup_sent_at = Column(UtcDateTime)
    outcome = Column(String(10))  # FOLLOWUP_ANSWERS values
    details_deleted_at = Column(UtcDateTime)

    __table_args__ = (Index("ix_referral_agent_created", "agent", "created_at"),)

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @property
    def emails(self) -> list[str]:
        return [e for e in (self.place_emails or "").split("|") if e]


class Job(Base):
    """A job of the durable queue. ``key`` makes enqueueing idempotent."""

    __tablename__ = "referral_job"

    id = Column(Integer, primary_key=True, autoincrement=True)
    key = Column(String(200), nullable=False, unique=True)
    kind = Column(String(40), nullable=False)
    referral_id = Column(String(32), index=True)
    payload = Column(Text, nullable=False, default="{}")
    status = Column(String(8), nullable=False, default="pending")  # pending | done | dead
    run_at = Column(UtcDateTime, nullable=False)
    attempts = Column(Integer, nullable=False, default=0)
    locked_until = Column(UtcDateTime)
    last_error = Column(String(300))
    created_at = Column(UtcDateTime, nullable=False)
    done_at = Column(UtcDateTime)

    __table_args__ = (Index("ix_referral_job_due", "status", "run_at"),)


class OutcomeCount(Base):
    """How many referrals had this outcome, per day, need, place and département.

    No person, no text: the same rules as the demand counters (directory_client/demand.py)."""

    __tablename__ = "referral_outcome"

    day = Column(Date, nullable=False)
    need = Column(String(40), nullable=False)
    place_id = Column(String(300), nullable=False)
    departement = Column(String(3), nullable=False)
    outcome = Column(String(24), nullable=False)
    n = Column(Integer, nullable=False)

    __table_args__ = (PrimaryKeyConstraint("day", "need", "place_id", "departement", "outcome"),)


def default_url() -> str:
    given = os.environ.get("REFERRALS_DATABASE_URL")
    if given:
        return given
    return f"sqlite:///{Path(os.environ.get('ORIENTEUR_DATA_DIR', 'var')) / 'referrals.sqlite3'}"


def open_engine(url: str | None = None) -> Engine:
    engine = db.make_engine(url or default_url())
    Base.metadata.create_all(engine)
    return engine
