"""What the console's territory page reads: the coverage of a coordinator's territory (kept for
the day, computed again after an accepted correction), the referral outcomes of its places over
the last 12 weeks (week by week, per place and in total, no count under 5 shown nor computable:
``bot.referrals.weekly``), its places' public ids."""

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

REFUSED_PREFIX = "Refusée : "
PRECISION = {"exact": "exact", "at_least": "au moins", "hidden": "masqué"}


def outcome_label(outcome: str) -> str:
    """``refusee:capacite`` → "Refusée : Plus de place pour le moment"; ``acceptee`` →
    "Acceptée"; ``aide:non`` → "La personne dit ne pas avoir été aidée"."""
    if outcome.startswith("refusee:"):
        return REFUSED_PREFIX + REFUSAL_REASONS[outcome.removeprefix("refusee:")]
    if outcome in STATUSES:
        return STATUSES[outcome].capitalize()
    if outcome == weekly.NOT_HELPED:
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
    """Refusal reasons and "not helped" answers over the weeks: per place of the territory, and
    in total (a ``Cell``: exact, a lower bound or hidden)."""

    per_place: list[dict[str, Any]]  # {place_id, nom, outcome, label, n}
    total: list[dict[str, Any]]  # {outcome, label, cell}


def territory_places(Session: Any, scope: Coordinator) -> dict[str, tuple[str, str]]:
    """Public id → (name, département) of the places in the territory."""
    with Session() as session:
        rows = session.execute(
            select(Place.public_id, Place.nom, Place.departement).where(scope.places())
        ).all()
    return {public_id: (nom, dep or "") for public_id, nom, dep in rows}


def referral_outcomes(
    engine: Engine, Session: Any, scope: Coordinator, today: date
) -> tuple[weekly.WeeklyOutcomes, Refusals]:
    """The places' answers over the 12 weeks ending with ``today``'s (Paris), to the places of
    the territory (the counters know départements: for a commune, its places one by one): week
    by week, and the refusals and people not helped per place and in total."""
    places = territory_places(Session, scope)
    departements = sorted({dep for _nom, dep in places.values() if dep})
    place_ids = sorted(places) if scope.level == "commune" else None
    table = weekly.weekly(engine, today, departements=departements, place_ids=place_ids)
    per_place = [
        {"place_id": place_id, "nom": places[place_id][0], "outcome": outcome,
         "label": outcome_label(outcome), "n": n}
        for (place_id, outcome), n in table.per_place.items()
        if place_id in places
    ]  # fmt: skip
    total = [
        {"outcome": o, "label": outcome_label(o), "cell": table.totals[o]}
        for o in weekly.PER_PLACE
        if table.totals[o].n is not None
    ]
    return table, Refusals(
        sorted(per_place, key=lambda r: (-r["n"], r["nom"], r["outcome"])),
        sorted(total, key=lambda r: -r["cell"].n),
    )


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
