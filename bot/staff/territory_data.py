"""What the console's territory page reads: the coverage of a coordinator's territory (kept for
the day, computed again after an accepted correction), the referral outcomes of its places
(groups under 5 left out by ``bot.referrals.outcomes``; week by week with ``bot.referrals.weekly``),
its places' public ids."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.referrals import outcomes, weekly
from bot.referrals.models import REFUSAL_REASONS, STATUSES
from directory_client import territory
from directory_client.corrections.scope import Coordinator
from directory_client.demand import DemandLog
from directory_client.models import Place
from directory_client.territory.report import Insight

NOT_HELPED = "aide:non"
REFUSED_PREFIX = "Refusée : "
PRECISION = {"exact": "exact", "at_least": "au moins", "hidden": "moins de 5"}


def outcome_label(outcome: str) -> str:
    """``refusee:capacite`` → "Refusée : Plus de place pour le moment"; ``acceptee`` →
    "Acceptée"; ``refusee`` (any reason) → "Refusée, toutes raisons"; ``aide:non`` → …"""
    if outcome.startswith("refusee:"):
        return REFUSED_PREFIX + REFUSAL_REASONS[outcome.removeprefix("refusee:")]
    if outcome == weekly.REFUSED:
        return "Refusée, toutes raisons"
    if outcome in STATUSES:
        return STATUSES[outcome].capitalize()
    if outcome == NOT_HELPED:
        return "La personne dit ne pas avoir été aidée"
    raise ValueError(f"no label for {outcome!r}")


class InsightCache:
    """One ``Insight`` per territory and day; ``forget()`` after a correction changes places."""

    def __init__(self, Session: Any, demand: DemandLog | None) -> None:
        self._Session = Session
        self._demand = demand
        self._lock = threading.Lock()
        self._kept: dict[tuple[str, str], tuple[date, Insight]] = {}

    def get(self, scope: Coordinator, today: date | None = None) -> Insight:
        today = today or date.today()
        key = (scope.level, scope.code)
        with self._lock:  # one computation at a time: ≈ 1-2 s of CPU each
            kept = self._kept.get(key)
            if kept is None or kept[0] != today:
                where = {scope.level: scope.code}  # commune= / departement= / region=
                found = territory.insight(self._Session, demand=self._demand, today=today, **where)
                self._kept[key] = kept = (today, found)
            return kept[1]

    def forget(self) -> None:
        with self._lock:
            self._kept.clear()


@dataclass(frozen=True)
class Refusals:
    """Refusal reasons and "not helped" answers: per place of the territory, and in total."""

    per_place: list[dict[str, Any]]  # {place_id, nom, outcome, label, n}
    total: list[dict[str, Any]]  # {outcome, label, n}
    total_is_sum: bool  # a commune's total is the sum of the shown groups (a lower bound)


def territory_places(Session: Any, scope: Coordinator) -> dict[str, tuple[str, str]]:
    """Public id → (name, département) of the places in the territory."""
    with Session() as session:
        rows = session.execute(
            select(Place.public_id, Place.nom, Place.departement).where(scope.places())
        ).all()
    return {public_id: (nom, dep or "") for public_id, nom, dep in rows}


def refusals(engine: Engine, Session: Any, scope: Coordinator) -> Refusals:
    places = territory_places(Session, scope)
    departements = sorted({dep for _nom, dep in places.values() if dep})
    per_place = [
        {**row, "nom": places[row["place_id"]][0], "label": outcome_label(row["outcome"])}
        for row in outcomes.aggregate(engine, ("place_id", "outcome"), departements=departements)
        if _wanted(row["outcome"]) and row["place_id"] in places
    ]
    if scope.level == "commune":  # the counters know départements, not communes
        sums: dict[str, int] = {}
        for row in per_place:
            sums[row["outcome"]] = sums.get(row["outcome"], 0) + row["n"]
        total = [{"outcome": o, "n": n} for o, n in sorted(sums.items(), key=lambda x: -x[1])]
    else:
        total = [
            row
            for row in outcomes.aggregate(engine, ("outcome",), departements=departements)
            if _wanted(row["outcome"])
        ]
    total = [{**row, "label": outcome_label(row["outcome"])} for row in total]
    return Refusals(per_place, total, total_is_sum=scope.level == "commune")


def weekly_outcomes(
    engine: Engine, Session: Any, scope: Coordinator, today: date
) -> weekly.WeeklyOutcomes:
    """The places' answers week by week, for the referrals to places of the territory (the
    counters know départements: for a commune, its places one by one)."""
    places = territory_places(Session, scope)
    departements = sorted({dep for _nom, dep in places.values() if dep})
    place_ids = sorted(places) if scope.level == "commune" else None
    return weekly.weekly(engine, today, departements=departements, place_ids=place_ids)


def weekly_records(table: weekly.WeeklyOutcomes) -> list[dict[str, Any]]:
    """The figures of the page's table, one record per answer × week then per answer over the
    weeks (``semaine`` "total"): what the CSV and JSON exports hold."""
    records = []
    for outcome in weekly.ROWS:
        columns = [
            *((outcomes.iso_week(m), m.isoformat(), c) for m, c in zip(
                table.weeks, table.cells[outcome], strict=True)),
            ("total", "", table.totals[outcome]),
        ]  # fmt: skip
        for week, monday, cell in columns:
            precision = "hidden" if cell.n is None else "at_least" if cell.at_least else "exact"
            records.append({
                "semaine": week, "lundi": monday, "reponse": outcome,
                "libelle": outcome_label(outcome), "nombre": cell.n,
                "precision": PRECISION[precision],
            })  # fmt: skip
    return records


def _wanted(outcome: str) -> bool:
    return outcome.startswith("refusee:") or outcome == NOT_HELPED
