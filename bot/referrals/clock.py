"""Time as the referrals see it: injectable, so that tests move it forward."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol
from zoneinfo import ZoneInfo

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


def add_working_days(start: datetime, days: int) -> datetime:
    """``start`` moved ``days`` working days (Monday to Friday, Paris calendar) later, same hour.

    A start on a weekend counts from the next Monday."""
    local = start.astimezone(PARIS)
    while local.weekday() >= 5:
        local += timedelta(days=1)
    left = days
    while left:
        local += timedelta(days=1)
        if local.weekday() < 5:
            left -= 1
    return local.astimezone(timezone.utc)
