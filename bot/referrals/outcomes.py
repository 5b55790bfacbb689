"""Outcomes of referrals as counters, never as people: what the places answered (accepted,
refused and why, no answer) and what the people said afterwards (helped, not helped, not yet).

Same rules as the demand counters (directory_client/demand.py), whose threshold is reused:
keys only, no text, and every read leaves out the groups counted fewer than ``MIN_COUNT`` times
(``sums`` alone does not: it is for code that hides small counts itself, bot/referrals/weekly.py).
``week`` groups the days by ISO week of the referral's day in Paris (``2026-W10``).
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
DIMENSIONS = ("day", "week", "need", "place_id", "departement", "outcome")
STORED = ("day", "need", "place_id", "departement", "outcome")  # the table's key


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
        .on_conflict_do_update(index_elements=list(STORED), set_={"n": OutcomeCount.n + 1})
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
    found = sums(engine, by, since=since, departements=departements)
    rows = [{**dict(zip(by, key, strict=True)), "n": n} for key, n in found.items()]
    rows = [row for row in rows if row["n"] >= MIN_COUNT]
    return sorted(rows, key=lambda row: (-row["n"], *(str(row[d]) for d in by)))


def sums(
    engine: Engine,
    by: Iterable[str],
    *,
    since: date | None = None,
    until: date | None = None,
    departements: Iterable[str] | None = None,
    place_ids: Iterable[str] | None = None,
    outcomes: Iterable[str] | None = None,
) -> dict[tuple[Any, ...], int]:
    """Every group's count, small ones included (days ``since`` ≤ day < ``until``): never show
    these as they are."""
    by = tuple(by)
    if not by or any(d not in DIMENSIONS for d in by):
        raise ValueError(f"group by some of {DIMENSIONS}")
    stored = tuple(dict.fromkeys("day" if d == "week" else d for d in by))
    columns = [getattr(OutcomeCount, d) for d in stored]
    query = select(*columns, func.sum(OutcomeCount.n)).group_by(*columns)
    for values, column in (
        (departements, OutcomeCount.departement),
        (place_ids, OutcomeCount.place_id),
        (outcomes, OutcomeCount.outcome),
    ):
        if values is not None:
            query = query.where(column.in_(list(values)))
    if since is not None:
        query = query.where(OutcomeCount.day >= since)
    if until is not None:
        query = query.where(OutcomeCount.day < until)
    with Session(engine, future=True) as session:
        rows = session.execute(query).all()
    found: dict[tuple[Any, ...], int] = {}
    for row in rows:
        values = dict(zip(stored, row[:-1], strict=True))
        key = tuple(iso_week(values["day"]) if d == "week" else _plain(values[d]) for d in by)
        found[key] = found.get(key, 0) + int(row[-1])
    return found


def iso_week(day: date) -> str:
    """``date(2026, 3, 2)`` → ``"2026-W10"`` (ISO 8601: weeks start on Monday)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
