"""French names of the weekdays and months, and dates and times written as people read them.

The one place these words exist: opening hours read and said (``hours_french``, ``hours``,
``display``), referral messages, the territory pages. Machine formats (CSV, JSON, the OSM
``opening_hours`` syntax) keep ISO dates and English day codes.
"""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def french_date(day: date, *, weekday: bool = True, year: bool = True) -> str:
    """``lundi 7 décembre 2026``; without the weekday ``7 décembre 2026``, without the year
    ``lundi 7 décembre``; the first of the month is ``1er``. A ``datetime`` is read as its own
    (local) day."""
    words = [WEEKDAYS[day.weekday()]] if weekday else []
    words += ["1er" if day.day == 1 else str(day.day), MONTHS[day.month - 1]]
    if year:
        words.append(str(day.year))
    return " ".join(words)


def french_time(hour: int, minute: int = 0) -> str:
    """A time of day as people read it, everywhere one is shown (opening hours, "ouvre demain à
    …", a referral's slot): ``9 h``, ``13 h 30``, ``8 h 05``."""
    return f"{hour} h {minute:02d}" if minute else f"{hour} h"
