"""Outcomes of referrals as counters, never as people: what the places answered (accepted,
refused and why, no answer) and what the people said afterwards (helped, not helped, not yet).

Same rules as the demand counters (directory_client/demand.py), whose threshold is reused:
keys only, no text, and every read leaves out the groups counted fewer than ``MIN_COUNT`` times.
They are not written into the demand table itself: that one counts searches (one row per
orientation, outcome near/widened/nothing), these count what happened after one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.referrals.clock import PARIS
from bot.referrals.errors import ReferralConfigError
from bot.referrals.models import FOLLOWUP_ANSWERS, REFUSAL_REASONS, OutcomeCount, Referral
from directory_client.demand import MIN_COUNT

OUTCOMES = (
    "acceptee",
    *(f"refusee:{reason}" for reason in REFUSAL_REASONS),
    "sans_reponse",
    *(f"aide:{answer}" for answer in FOLLOWUP_ANSWERS.values()),
)
DIMENSIONS = ("day", "need", "place_id", "departement", "outcome")


def count(session: Session, referral: Referral, outcome: str) -> None:
    """Add 1 to the outcome's counter in ``session``'s transaction."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    dialect = session.get_bind().dialect.name
    insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}.get(dialect)
    if insert is None:
        raise ReferralConfigError(f"unsupported database: {dialect}")
    day = referral.created_at.astimezone(PARIS).date()
    statement = (
        insert(OutcomeCount)
        .values(
            day=day,
            need=referral.need,
            place_id=referral.place_id,
            departement=referral.departement or "",
            outcome=outcome,
            n=1,
        )
        .on_conflict_do_update(index_elements=list(DIMENSIONS), set_={"n": OutcomeCount.n + 1})
    )
    session.execute(statement)


def aggregate(
    engine: Engine,
    by: Iterable[str] = ("place_id", "outcome"),
    *,
    since: date | None = None,
    departements: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """Counts grouped by ``by`` (of ``DIMENSIONS``); groups under ``MIN_COUNT`` left out."""
    by = tuple(by)
    if not by or any(d not in DIMENSIONS for d in by):
        raise ValueError(f"group by some of {DIMENSIONS}")
    columns = [getattr(OutcomeCount, d) for d in by]
    total = func.sum(OutcomeCount.n)
    query = select(*columns, total.label("n")).group_by(*columns)
    if since is not None:
        query = query.where(OutcomeCount.day >= since)
    if departements is not None:
        query = query.where(OutcomeCount.departement.in_(list(departements)))
    query = query.having(total >= MIN_COUNT).order_by(total.desc(), *columns)
    with Session(engine, future=True) as session:
        rows = session.execute(query).all()
    return [
        {**{d: _plain(v) for d, v in zip(by, row[:-1], strict=True)}, "n": int(row[-1])}
        for row in rows
    ]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
