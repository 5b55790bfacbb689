"""Opening hours (OSM ``opening_hours`` syntax) evaluated in the place's local time.

Places are read in their own time: Europe/Paris for metropolitan France and Corsica, the
overseas time zone from the postcode (971 Guadeloupe … 976 Mayotte, 975/977/978, and the
Pacific: 986 Wallis, 987 Tahiti, 988 Nouméa). French public holidays (``PH``) apply in France
and the overseas departments; the library has no calendar for the Pacific, where ``PH`` rules
never apply. Parsed expressions are cached: the directory has few distinct texts.

The texts are read by ``opening-hours-py`` (OSM semantics) after ``normalise``, which reads two
habits of the shipped data that the strict OSM reading gets wrong (measured on every shipped
record by ``bench/hours_agreement.py``):

- an empty range, start = end (``Sa 00:00-00:00,09:00-12:00``, ``Fr 13:30-13:30``): the source's
  blank time slot. Strict OSM reads it as 24 hours (a range wraps past midnight), so a place
  opening at 9 h was "open until midnight" at 7 h 36. Here it is no opening: dropped, and a day
  left with no range is ``off``;
- a range ending before it starts (``Fr 19:00-11:00``; ``…-00:00`` excepted, that is midnight):
  OSM reads it as open overnight, which no place of digital help is; the text is a typo, so the
  hours are unknown rather than made up.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours, State

from directory_client.french_dates import WEEKDAYS, french_date, french_time
from directory_client.types import OpeningStatus

PARIS = ZoneInfo("Europe/Paris")
NOUMEA = ZoneInfo("Pacific/Noumea")
# Postcode prefix → time zone, outside metropolitan France.
OVERSEAS = {
    "971": ZoneInfo("America/Guadeloupe"), "972": ZoneInfo("America/Martinique"),
    "973": ZoneInfo("America/Cayenne"), "974": ZoneInfo("Indian/Reunion"),
    "975": ZoneInfo("America/Miquelon"), "976": ZoneInfo("Indian/Mayotte"),
    "977": ZoneInfo("America/St_Barthelemy"), "978": ZoneInfo("America/Marigot"),
    "986": ZoneInfo("Pacific/Wallis"), "987": ZoneInfo("Pacific/Tahiti"), "988": NOUMEA,
}  # fmt: skip
UNKNOWN_TEXT = "Horaires non connus"
# A change further away than this is treated as "never" (keeps evaluation bounded).
_MAX_INTERVAL_DAYS = 62


class UnreadableHours(ValueError):
    """Opening hours whose text cannot be trusted (a range ending before it starts)."""


_TIME = r"\d{1,2}:\d{2}"
_RANGE_LIST = re.compile(
    rf"(?<![\d:]){_TIME}-{_TIME}(?:\s*,\s*{_TIME}-{_TIME})*(?![\d:+])"
)


def _minutes(clock: str) -> int:
    hour, minute = clock.split(":")
    return int(hour) * 60 + int(minute)


def _ranges(match: re.Match) -> str:
    kept = []
    for item in match.group(0).split(","):
        start, end = (_minutes(t) for t in item.strip().split("-"))
        if start == end:
            continue  # the source's blank slot, not 24 hours
        if end < start and end != 0:
            raise UnreadableHours(f"range ending before it starts: {item.strip()!r}")
        kept.append(item.strip())
    return ",".join(kept) or "off"


def normalise(horaires: str) -> str:
    """The text as the library must read it: empty ranges dropped (a day left without any is
    ``off``). Raises ``UnreadableHours`` for a range that ends before it starts."""
    return _RANGE_LIST.sub(_ranges, horaires.strip())


def place_timezone(code_postal: str | None) -> ZoneInfo:
    return OVERSEAS.get((code_postal or "").strip()[:3], PARIS)


def _holidays(tz: ZoneInfo) -> str | None:
    """The ``PH`` calendar: France's, except in the Pacific (none known to the library)."""
    return None if str(tz).startswith("Pacific/") else "FR"


def is_public_holiday(day: date, tz: ZoneInfo = PARIS) -> bool:
    """``day`` is a public holiday where ``tz`` is: the calendar the ``PH`` rules use."""
    calendar = _parse("PH", _holidays(tz))
    return bool(calendar and calendar.is_open(datetime(day.year, day.month, day.day, 12)))


def now_paris() -> datetime:
    return datetime.now(PARIS)


@lru_cache(maxsize=4096)
def _parse(horaires: str, country: str | None) -> OpeningHours | None:
    try:
        text = normalise(horaires)
    except UnreadableHours:
        return None
    try:
        return OpeningHours(text, country=country, max_interval_days=_MAX_INTERVAL_DAYS)
    except Exception:  # ParserError, and anything the Rust side raises on odd input
        return None


def parse(horaires: str | None, tz: ZoneInfo = PARIS) -> OpeningHours | None:
    """The parsed expression, or None when the text is empty or invalid."""
    if not horaires or not horaires.strip():
        return None
    return _parse(horaires.strip(), _holidays(tz))


def is_valid(horaires: str | None) -> bool:
    return parse(horaires) is not None


def _local_naive(now: datetime, tz: ZoneInfo) -> datetime:
    if now.tzinfo is None:
        return now
    return now.astimezone(tz).replace(tzinfo=None)


def opening_status(
    horaires: str | None, now: datetime | None = None, tz: ZoneInfo = PARIS
) -> OpeningStatus:
    """Open now? Until when? Next opening? — with a plain-French sentence.

    ``now`` may be aware (converted to ``tz``) or naive (taken as local time in ``tz``).
    """
    oh = parse(horaires, tz)
    if oh is None:
        return OpeningStatus(None, None, None, UNKNOWN_TEXT)
    local = _local_naive(now or datetime.now(tz), tz)
    try:
        state, comment = oh.state(local)
        change = oh.next_change(local)
    except Exception:
        return OpeningStatus(None, None, None, UNKNOWN_TEXT)
    change_aware = change.replace(tzinfo=tz) if change else None
    note = f" ({comment})" if comment else ""
    if state == State.OPEN:
        if change is None:
            return OpeningStatus(True, None, None, "Ouvert maintenant, 24 h sur 24" + note)
        text = f"Ouvert maintenant, jusqu'à {_when(local, change)}"
        return OpeningStatus(True, None, change_aware, text + note)
    if state == State.CLOSED:
        opening = _next_opening(oh, local, change)
        if opening is None:
            return OpeningStatus(False, None, None, "Fermé, pas de prochaine ouverture connue")
        when = _when(local, opening)
        text = f"Fermé. Ouvre {'à ' if opening.date() == local.date() else ''}{when}"
        return OpeningStatus(False, opening.replace(tzinfo=tz), None, text)
    return OpeningStatus(None, None, None, comment.strip().capitalize() or UNKNOWN_TEXT)


def _next_opening(oh: OpeningHours, local: datetime, change: datetime | None) -> datetime | None:
    """Skip over "unknown" stretches: the next time the place is actually open."""
    for _ in range(8):
        if change is None:
            return None
        state, _comment = oh.state(change)
        if state == State.OPEN:
            return change
        change = oh.next_change(change)
    return None


def _clock(moment: datetime) -> str:
    return french_time(moment.hour, moment.minute)


def _when(local: datetime, moment: datetime) -> str:
    """'17 h' (today), 'demain à 9 h', 'mardi à 14 h 30', 'le lundi 3 juin à 9 h'."""
    days = (moment.date() - local.date()).days
    if days == 0:
        return _clock(moment)
    if days == 1:
        return f"demain à {_clock(moment)}"
    if days < 7:
        return f"{WEEKDAYS[moment.weekday()]} à {_clock(moment)}"
    return f"le {french_date(moment, year=False)} à {_clock(moment)}"


def minutes_until_open(status: OpeningStatus, now: datetime) -> float:
    """Ranking helper: 0 when open, minutes to the next opening, +inf when unknown."""
    if status.open_now:
        return 0.0
    if status.next_opening is not None:
        reference = now if now.tzinfo else now.replace(tzinfo=status.next_opening.tzinfo)
        return max(0.0, (status.next_opening - reference).total_seconds() / 60)
    return float("inf")


SATURDAY, SUNDAY = 5, 6  # date.weekday()


def is_open_at(horaires: str | None, moment: datetime, tz: ZoneInfo = PARIS) -> bool | None:
    """None when the hours are unknown or invalid."""
    oh = parse(horaires, tz)
    if oh is None:
        return None
    try:
        state, _comment = oh.state(_local_naive(moment, tz))
    except Exception:
        return None
    return {State.OPEN: True, State.CLOSED: False}.get(state)


def is_open_on_saturday(horaires: str | None, now: datetime | None = None) -> bool | None:
    """Open at some point on one of the next two Saturdays (``is_open_on_weekday``)."""
    return is_open_on_weekday(horaires, SATURDAY, now)


def is_open_on_weekday(
    horaires: str | None, weekday: int, now: datetime | None = None
) -> bool | None:
    """Open at some point on one of the next two such days (0 Monday … 6 Sunday; two: "week
    …/2" rules alternate).

    None when the hours are unknown or invalid.
    """
    today = _local_naive(now or now_paris(), PARIS).date()
    first = today + timedelta(days=(weekday - today.weekday()) % 7)
    return _open_on_days(horaires.strip() if horaires else "", first)


@lru_cache(maxsize=8192)
def _open_on_days(horaires: str, first_day: date) -> bool | None:
    oh = parse(horaires)
    if oh is None:
        return None
    for day in (first_day, first_day + timedelta(days=7)):
        start = datetime.combine(day, datetime.min.time())
        try:
            intervals = oh.intervals(start, start + timedelta(days=1))
            if any(state == State.OPEN for _s, _e, state, _c in intervals):
                return True
        except Exception:
            return None
    return False
