"""The supply side of the coverage: every place of the directory as column arrays.

Each place carries its services (bits of ``labels.SERVICE_BITS``), whether it is an itinerant
stop (a bus or an itinerant desk passing there), and what its opening hours give over four
reference weeks: hours open per week on average, and the weekdays it is open at least once
(an itinerant stop's "days"). Unknown or unreadable hours count as no hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from opening_hours import State
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from directory_client import hours
from directory_client.french_dates import WEEKDAYS
from directory_client.models import MobileService, Place

ITINERANT_KINDS = ("bus", "itinerant")
REFERENCE_WEEKS = 4


@dataclass(frozen=True)
class Supply:
    lat: np.ndarray  # float64
    lon: np.ndarray  # float64
    services_mask: np.ndarray  # int64
    itinerant: np.ndarray  # bool
    weekly_hours: np.ndarray  # float64, mean over the reference weeks
    day_mask: np.ndarray  # int64: bit d set when open on weekday d (0 = Monday)
    code_insee: np.ndarray  # str ('' when unknown)

    def __len__(self) -> int:
        return len(self.lat)


def reference_monday(today: date | None = None) -> date:
    """The first Monday on or after ``today``: the start of the reference weeks."""
    today = today or hours.now_paris().date()
    return today + timedelta(days=(7 - today.weekday()) % 7)


def load(Session: sessionmaker, start: date) -> Supply:
    """Every place with coordinates; opening hours read over the weeks from ``start``."""
    with Session() as session:
        rows = session.execute(
            select(
                Place.latitude,
                Place.longitude,
                Place.services_mask,
                Place.itinerance,
                MobileService.kind,
                Place.horaires,
                Place.code_postal,
                Place.code_insee,
            )
            .outerjoin(MobileService, Place.mobile_service_id == MobileService.id)
            .where(Place.latitude.is_not(None), Place.longitude.is_not(None))
            .order_by(Place.id)
        ).all()
    schedule: dict[tuple[str, ZoneInfo], tuple[float, int]] = {}
    weekly, days = [], []
    for row in rows:
        key = (row.horaires or "", hours.place_timezone(row.code_postal))
        if key not in schedule:  # a few thousand distinct texts for 6,000 places
            schedule[key] = week_figures(row.horaires, row.code_postal, start)
        weekly.append(schedule[key][0])
        days.append(schedule[key][1])
    return Supply(
        lat=np.array([r.latitude for r in rows], dtype=np.float64),
        lon=np.array([r.longitude for r in rows], dtype=np.float64),
        services_mask=np.array([r.services_mask or 0 for r in rows], dtype=np.int64),
        itinerant=np.array(
            [r.itinerance == "Itinérant" or r.kind in ITINERANT_KINDS for r in rows], dtype=bool
        ),
        weekly_hours=np.array(weekly, dtype=np.float64),
        day_mask=np.array(days, dtype=np.int64),
        code_insee=np.array([r.code_insee or "" for r in rows]),
    )


def week_figures(horaires: str | None, code_postal: str | None, start: date) -> tuple[float, int]:
    """(mean hours open per week, weekday bit mask) over the reference weeks from ``start``."""
    tz = hours.place_timezone(code_postal)
    parsed = hours.parse(horaires, tz)
    if parsed is None:
        return 0.0, 0
    begin = datetime.combine(start, datetime.min.time())
    end = begin + timedelta(weeks=REFERENCE_WEEKS)
    seconds, mask = 0.0, 0
    try:
        for opened, closed, state, _comment in parsed.intervals(begin, end):
            if state != State.OPEN:
                continue
            seconds += (closed - opened).total_seconds()
            day = opened
            while day < closed:  # a stretch over midnight opens two days
                mask |= 1 << day.weekday()
                day = datetime.combine(day.date() + timedelta(days=1), datetime.min.time())
    except Exception:  # the library raises on a few odd expressions: treated as unknown
        return 0.0, 0
    return seconds / 3600 / REFERENCE_WEEKS, mask


def day_names(mask: int) -> str:
    return ", ".join(name for d, name in enumerate(WEEKDAYS) if mask >> d & 1)
