"""Time as the referrals see it: injectable, so that tests move it forward."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol
from zoneinfo import ZoneInfo

from directory_client.hours import is_public_holiday

PARIS = ZoneInfo("Europe/Paris")


class Clock(Protocol):
    def now(self) -> datetime: ...  # aware, UTC


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


@dataclass
class ManualClock:
    """A clock that only moves when told (tests, the bench)."""

    current: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current


def is_working_day(moment: datetime) -> bool:
    """Monday to Friday and not a public holiday (Paris calendar: the opening hours' ``PH``)."""
    return moment.weekday() < 5 and not is_public_holiday(moment.date(), PARIS)


def add_working_days(start: datetime, days: int) -> datetime:
    """``start`` moved ``days`` working days later, same hour (Paris calendar).

    A start on a weekend or a public holiday counts from the next working day."""
    local = start.astimezone(PARIS)
    while not is_working_day(local):
        local += timedelta(days=1)
    left = days
    while left:
        local += timedelta(days=1)
        if is_working_day(local):
            left -= 1
    return local.astimezone(timezone.utc)
