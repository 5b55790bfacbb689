"""The part of the day a question on opening hours asks about: "c'est ouvert jeudi matin ?",
"et l'après-midi ?", "le soir ?", "à midi ?", "avant 10h ?", "à 9h ?", "vers 16 h ?", "après
17h ?". A window of the day in minutes; a place answers it when one of its opening spans overlaps
the window (``opens_in``). Pure functions on the folded text (``message_text.folded_words``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from directory_client.french_dates import WEEKDAYS, french_time

NOON, EVENING, MIDNIGHT = 12 * 60, 18 * 60, 24 * 60


@dataclass(frozen=True)
class DayPart:
    """A window of the day ``[start, end)`` in minutes; ``after_day`` follows a day's name
    ("jeudi matin", "jeudi à 9 h"), ``alone`` is said without one ("le matin", "à 9 h")."""

    after_day: str
    alone: str
    start: int
    end: int


MORNING = DayPart("matin", "le matin", 0, NOON)
LUNCH = DayPart("midi", "à midi", NOON, 14 * 60)
AFTERNOON = DayPart("après-midi", "l'après-midi", 13 * 60, EVENING)
NIGHT = DayPart("soir", "le soir", EVENING, MIDNIGHT)
# The parts a day's hours are described by ("n'ouvre que l'après-midi").
BROAD = (MORNING, AFTERNOON, NIGHT)

_WORDS = (
    (re.compile(r"\b(?:apres midi|aprem)\b"), AFTERNOON),
    (re.compile(r"\b(?:matin|matinee|matins)\b"), MORNING),
    (re.compile(r"\b(?:soir|soiree|en nocturne|nocturne)\b"), NIGHT),
    (re.compile(r"\b(?:midi|entre midi et deux|pause dejeuner|heure du dejeuner)\b"), LUNCH),
)
# "à 9h", "a 9 h 30", "vers 16h", "avant 10h", "après 17 h", "dès 8h": a time of day.
_CLOCK = re.compile(
    r"\b(a|vers|avant|apres|des|pour|jusqu a)\s+(\d{1,2})\s*(?:h|heures?)\s*(\d{2})?\b"
)


def _clock_part(word: str, minutes: int) -> DayPart:
    said = french_time(*divmod(minutes, 60))
    if word == "avant":
        return DayPart(f"avant {said}", f"avant {said}", 0, minutes)
    if word in ("apres", "des"):
        after = "dès" if word == "des" else "après"
        return DayPart(f"{after} {said}", f"{after} {said}", minutes, MIDNIGHT)
    if word == "vers":
        return DayPart(f"vers {said}", f"vers {said}", max(0, minutes - 30), minutes + 30)
    if word == "jusqu a":
        return DayPart(f"jusqu'à {said}", f"jusqu'à {said}", minutes - 1, minutes)
    return DayPart(f"à {said}", f"à {said}", minutes, minutes + 1)


def asked(folded: str) -> DayPart | None:
    """The part of the day the folded message names, else None ("le matin" → ``MORNING``;
    "avant 10h" → 0 h–10 h; "à 9h" → 9 h)."""
    clock = _CLOCK.search(folded)
    if clock:
        hour, minute = int(clock.group(2)), int(clock.group(3) or 0)
        if hour < 24 and minute < 60:
            return _clock_part(clock.group(1), hour * 60 + minute)
    return next((part for said, part in _WORDS if said.search(folded)), None)


def opens_in(spans: list[tuple[int, int]], part: DayPart) -> list[tuple[int, int]]:
    """The spans of a day that overlap ``part``."""
    return [(b, e) for b, e in spans if b < part.end and e > part.start]


def only_part(spans: list[tuple[int, int]]) -> DayPart | None:
    """The one broad part of the day all ``spans`` fall in ("l'après-midi" for 14 h–17 h 30),
    else None (open morning and afternoon, or no span)."""
    parts = {part for part in BROAD for b, e in spans if b < part.end and e > part.start}
    return parts.pop() if len(parts) == 1 else None


def days_open_in(hours_of_day: list[list[tuple[int, int]] | None], part: DayPart) -> list[str]:
    """The days (of ``hours_of_day``, Monday first) a place opens in ``part``, with their times:
    ``["mardi (9 h–12 h)", "vendredi (9 h–12 h 30)"]``."""
    from directory_client.display import spans_text

    return [
        f"{WEEKDAYS[day]} ({spans_text(spans)})"
        for day, spans in enumerate(hours_of_day)
        if spans and opens_in(spans, part)
    ]


def and_list(items: list[str]) -> str:
    """ "le mardi", "le mardi et le vendredi", "le lundi, le mardi et le vendredi"."""
    said = [f"le {item}" for item in items]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " et " + said[-1]
