"""The chat's and the desk's "now" set to a given moment (Europe/Paris): tests of what is open."""

from __future__ import annotations

from datetime import datetime

from actions import search_run
from directory_client import hours


def at(monkeypatch, moment: datetime) -> None:
    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)

    monkeypatch.setattr(search_run, "datetime", Clock)
    monkeypatch.setattr(hours, "now_paris", lambda: moment)
