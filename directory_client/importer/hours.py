"""Opening hours: validation with the ``opening_hours`` library, France Services conversion."""

from __future__ import annotations

import re

from opening_hours import OpeningHours

FS_DAYS = (
    ("h_lundi", "Mo"),
    ("h_mardi", "Tu"),
    ("h_mercredi", "We"),
    ("h_jeudi", "Th"),
    ("h_vendredi", "Fr"),
    ("h_samedi", "Sa"),
    ("h_dimanche", "Su"),
)
_RANGE = re.compile(r"^(\d{1,2})[:hH](\d{2})\s*-\s*(\d{1,2})[:hH](\d{2})$")


def is_valid(expression: str) -> bool:
    try:
        OpeningHours(expression)
    except Exception:  # opening_hours.ParserError, or any binding error: never fatal
        return False
    return True


def france_services_hours(row: dict[str, str]) -> tuple[str | None, list[str]]:
    """``h_lundi``="09:00 - 12:00 / 13:30 - 17:00"… → "Mo 09:00-12:00,13:30-17:00; Tu …".

    Returns the expression (None when no day has hours) and the day cells that could not be read.
    """
    rules: list[str] = []
    unreadable: list[str] = []
    for column, day in FS_DAYS:
        cell = (row.get(column) or "").strip()
        if not cell:
            continue
        ranges: list[str] = []
        for part in cell.split("/"):
            match = _RANGE.match(part.strip())
            if not match:
                ranges = []
                break
            h1, m1, h2, m2 = match.groups()
            ranges.append(f"{int(h1):02d}:{m1}-{int(h2):02d}:{m2}")
        if ranges:
            rules.append(f"{day} {','.join(ranges)}")
        else:
            unreadable.append(f"{column}={cell!r}")
    return ("; ".join(rules) or None), unreadable
