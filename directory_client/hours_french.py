"""French opening-hours sentences ("du lundi au vendredi de 9h à 12h et de 14h à 17h") → the
OSM ``opening_hours`` text the directory stores (``Mo-Fr 09:00-12:00,14:00-17:00``).

The one place where weekday and time-of-day words are read: ``DAY``, ``PART_OF_DAY``, ``CLOCK``
and ``HOURS_WORDS`` (regular-expression sources over folded text, see ``labels.fold``) are what
the chat's report reader (``actions/report_chat.py``) matches too.

``to_osm`` answers only for a full, unambiguous schedule; otherwise None:

- every time range belongs to days ("9h-12h" alone, "ouvre à 9h": None) and every day named has
  hours, or is closed ("le matin", "lundi et mardi": None);
- the words around the schedule are free ("en fait c'est ouvert … merci"), but every word of
  hours must be read: a part of the day without times ("l'après-midi sur rendez-vous"), a lone
  time or number, a period ("pendant les vacances scolaires", "une semaine sur deux", a month)
  make it None;
- "sauf le mercredi" takes days out of the days just given; "fermé le mercredi" (anywhere) takes
  them out of the whole week, "fermé le mercredi après-midi" only the afternoon's ranges; "fermé
  les jours fériés" or "sauf les jours fériés" adds ``PH off``. A closure lasts until a full
  stop, or until hours follow: the days after its last comma then get them ("fermé le lundi, le
  mardi 9h-12h");
- a day given twice keeps the later hours when they overlap the earlier ones ("du lundi au
  vendredi 9h-17h, le mercredi 9h-12h"); disjoint hours for the same day could add or replace:
  None.

A closure alone ("fermé le mercredi") is a partial fact, not a schedule: None. As a stored value,
``We off`` would replace the whole week's hours with one closed day; the caller keeps the words
(the chat queues them as the coordinator's comment, the import keeps the text as given).

Days with no hours are closed. The output groups days with the same hours in week order, a run of
three days or more as a range (``Mo-Fr``, ``Mo,Tu,Th``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from directory_client.french_dates import MONTHS, WEEKDAYS
from directory_client.labels import fold

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# Regular-expression sources over folded text (lower case, no accents).
DAY = "|".join(rf"{day}s?\b" for day in WEEKDAYS)  # "lundi", "lundis"…
PART_OF_DAY = r"matin|apres.?midi|aprem|midi\b|soir\b|week.?end|ferie"
CLOCK = r"\b\d{1,2} ?(?:h(?:eures?)?|:(?=[0-5]\d)) ?(?:[0-5]\d)?(?!\w)"
# Any word saying when: a day, a part of the day, a time.
HOURS_WORDS = rf"\b(?:{DAY})|\b(?:{PART_OF_DAY})|{CLOCK}"

_MONTHS = "|".join(fold(month) for month in MONTHS)
_TOKEN = re.compile(
    r"(?P<all>\btous les jours\b|\bchaque jour\b|\b7 ?j(?:ours?)? ?(?:/|sur) ?7\b)"
    r"|(?P<weekend>\bweek.?ends?\b)"
    r"|(?P<holiday>\b(?:jours? )?feries?\b)"
    rf"|(?P<day>\b(?:{DAY}))"
    r"|(?P<part>\b(?:matin(?:ee)?s?|apres.?midis?|aprem|soir(?:ee)?s?)\b)"
    rf"|(?P<clock>{CLOCK})"
    r"|(?P<noon>\bmidi\b)|(?P<midnight>\bminuit\b)"
    r"|(?P<closed>\bferm\w*)"
    r"|(?P<except>\bsauf\b|\bexcepte\b|\bhors\b|\ba l'exception\b)"
    r"|(?P<between>\bentre\b)"
    r"|(?P<to>\bjusqu'? ?(?:a|au)\b|\bau\b|\ba\b|-|–)"
    r"|(?P<and>\bet\b)"
    r"|(?P<stop>[.;\n])|(?P<comma>,)"
    r"|(?P<number>\b\d+\w*)"
    r"|(?P<period>\bvacances?\b|\bscolaires?\b|\bimpaires?\b|\bpaires?\b|\bsemaines?\b"
    rf"|\bquinzaines?\b|\bmois\b|\b(?:{_MONTHS})\b|\bsur deux\b|\bhiver\b"
    r"|\b(?:d'|l'|en |cet )ete\b)"
)
_NOON = 12 * 60


class _Unread(Exception):
    """The sentence is not a full, unambiguous schedule."""


@dataclass
class _Item:
    kind: str  # days, range, part, closed, except, holiday, stop, comma
    days: tuple[int, ...] = ()
    minutes: tuple[int, int] = (0, 0)
    text: str = ""


@dataclass
class _Group:
    """Days and their ranges, or (``closed``/``except``) days taken out."""

    kind: str = "open"
    days: list[int] = field(default_factory=list)
    ranges: list[tuple[int, int]] = field(default_factory=list)
    part: str | None = None  # "matin"/"apres-midi" qualifying a closure
    excepted: list[int] = field(default_factory=list)  # "du lundi au vendredi sauf le mercredi"
    excepting: bool = False
    holiday: bool = False
    pending_part: bool = False
    comma: int = 0  # days of a closure before its last comma ("fermé le lundi, le mardi 9h-12h")


def to_osm(sentence: str | None) -> str | None:
    """The OSM ``opening_hours`` text of a French schedule, or None (see the module's doc)."""
    if not sentence or not sentence.strip():
        return None
    try:
        week, holidays_off = _read(_times_first_fixed(_combined(_tokens(fold(sentence)))))
    except _Unread:
        return None
    return _format(week, holidays_off)


# --- words → items ---------------------------------------------------------------------------
def _tokens(folded: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(folded)]


def _clock(text: str) -> int | None:
    """Minutes of "9h", "12 h 30", "14:00", "9 heures" or a bare hour ("9", in "de 9 à 12h")."""
    match = re.fullmatch(r"(\d{1,2}) ?(?:h(?:eures?)?|:)? ?(\d{2})?", text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return hour * 60 + minute


def _time(kind: str, text: str) -> int | None:
    if kind == "noon":
        return _NOON
    if kind == "midnight":
        return 24 * 60
    return _clock(text) if kind in ("clock", "number") else None


def _combined(tokens: list[tuple[str, str]]) -> list[_Item]:
    """Day ranges ("du lundi au vendredi") and time ranges ("de 9 à 12h", "entre 14h et 17h")
    joined; a time or number left alone is unread."""
    items: list[_Item] = []
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        nxt = tokens[i + 1 : i + 3]
        if kind == "day" and len(nxt) == 2 and nxt[0][0] == "to" and nxt[1][0] == "day":
            first, last = _day(text), _day(nxt[1][1])
            span = range((last - first) % 7 + 1)  # "du samedi au lundi" wraps
            items.append(_Item("days", tuple((first + k) % 7 for k in span)))
            i += 3
            continue
        if kind in ("clock", "number", "noon", "midnight"):
            start = _time(kind, text)
            between = bool(items) and items[-1].kind == "between"
            link = ("and",) if between else ("to",)
            if (
                len(nxt) == 2
                and nxt[0][0] in link
                and nxt[0][1] != "au"  # days only: "du lundi au vendredi"
                and not (kind == "number" and nxt[1][0] == "number")
                and start is not None
                and (end := _time(*nxt[1])) is not None
            ):
                if not start < end:
                    raise _Unread(f"range ending before it starts: {text}-{nxt[1][1]}")
                items.append(_Item("range", minutes=(start, end)))
                i += 3
                continue
            raise _Unread(f"a time alone: {text!r}")
        if kind == "number" or kind == "period":
            raise _Unread(f"not read: {text!r}")
        if kind == "day":
            items.append(_Item("days", (_day(text),)))
        elif kind == "all":
            items.append(_Item("days", tuple(range(7))))
        elif kind == "weekend":
            items.append(_Item("days", (5, 6)))
        else:
            items.append(_Item(kind, text=text))
        i += 1
    return [item for item in items if item.kind not in ("to", "and", "between")]


def _day(text: str) -> int:
    return next(n for n, name in enumerate(WEEKDAYS) if text.startswith(name))


def _times_first_fixed(items: list[_Item]) -> list[_Item]:
    """ "de 9h à 17h du lundi au vendredi": the leading ranges go after the first days."""
    lead = 0
    while lead < len(items) and items[lead].kind == "range":
        lead += 1
    if not lead:
        return items
    days_end = lead
    while days_end < len(items) and items[days_end].kind == "days":
        days_end += 1
    if days_end == lead:
        raise _Unread("hours without days")
    return [*items[lead:days_end], *items[:lead], *items[days_end:]]


# --- items → the week ------------------------------------------------------------------------
def _read(items: list[_Item]) -> tuple[dict[int, list[tuple[int, int]]], bool]:
    week: dict[int, list[tuple[int, int]]] = {}
    closures: list[_Group] = []
    holidays_off = False
    last_open: _Group | None = None
    group = _Group()
    for item in items:
        if group.pending_part and item.kind != "range":
            raise _Unread("a part of the day without hours")
        if item.kind == "days":
            if group.kind == "open" and group.ranges:
                last_open, group = _apply(week, group), _Group()
            (group.excepted if group.excepting else group.days).extend(item.days)
        elif item.kind == "range":
            if group.kind != "open" and 0 < group.comma < len(group.days):
                opened = group.days[group.comma :]
                del group.days[group.comma :]
                last_open = _finish(week, group, closures, last_open)
                group = _Group(days=opened)
            if group.kind != "open" or not group.days or (group.excepting and not group.excepted):
                raise _Unread("hours of a closure, or of no day")
            group.ranges.append(item.minutes)
            group.excepting = group.pending_part = False
        elif item.kind == "part":
            if group.kind == "open":
                group.pending_part = True  # "lundi matin 9h-12h": the hours must follow
            else:
                group.part = _half(item.text)
        elif (
            item.kind in ("closed", "except")
            and group.kind == "open"
            and group.days
            and not (group.ranges)
        ):
            if item.kind == "except":  # "du lundi au vendredi sauf le mercredi, 9h-17h"
                group.excepting = True
            else:  # "lundi : fermé"
                group.kind = "closed"
        elif item.kind in ("closed", "except", "stop"):
            if item.kind == "stop" and group.kind == "open" and not group.ranges:
                continue
            last_open = _finish(week, group, closures, last_open)
            group = _Group(kind="open" if item.kind == "stop" else item.kind)
        elif item.kind == "comma":
            group.comma = len(group.days)
        elif item.kind == "holiday":
            if group.kind == "open":
                raise _Unread("public holidays said open")
            group.holiday = holidays_off = True
    if group.pending_part:
        raise _Unread("a part of the day without hours")
    _finish(week, group, closures, last_open)
    for closure in closures:
        _take_out(week, closure.days, closure.part)
    if not week:
        raise _Unread("no day with hours")
    return week, holidays_off


def _half(part: str) -> str:
    if part.startswith("matin"):
        return "matin"
    if part.startswith(("apres", "aprem")):
        return "apres-midi"
    raise _Unread(f"closed {part!r}")


def _finish(
    week: dict[int, list[tuple[int, int]]],
    group: _Group,
    closures: list[_Group],
    last_open: _Group | None,
) -> _Group | None:
    if group.kind == "open":
        if group.days and not group.ranges:
            raise _Unread("days without hours")
        return _apply(week, group) if group.ranges else last_open
    if not group.days and not group.holiday:
        raise _Unread("a closure of no day")
    if group.kind == "closed":
        closures.append(group)
        return last_open
    if last_open is None or not set(group.days) <= set(last_open.days):
        raise _Unread("an exception to days not given")
    _take_out(week, group.days, group.part)
    return last_open


def _apply(week: dict[int, list[tuple[int, int]]], group: _Group) -> _Group:
    ranges = sorted(group.ranges)
    if any(a[1] > b[0] for a, b in zip(ranges, ranges[1:], strict=False)):
        raise _Unread("overlapping ranges")
    days = [d for d in dict.fromkeys(group.days) if d not in group.excepted]
    if group.excepting or not days:
        raise _Unread("an exception with no days, or no day left")
    for day in days:
        before = week.get(day)
        if before and not any(a[0] < b[1] and b[0] < a[1] for a in before for b in ranges):
            raise _Unread("a day given twice: added or replaced?")
        week[day] = ranges
    return _Group(days=days, ranges=ranges)


def _take_out(week: dict[int, list[tuple[int, int]]], days: list[int], part: str | None) -> None:
    for day in days:
        if part is None:
            week.pop(day, None)
            continue
        kept = []
        for start, end in week.get(day, []):
            morning = start < _NOON and end <= _NOON + 120
            afternoon = start >= _NOON
            if not (morning or afternoon):
                raise _Unread("a range over midday, closed for half the day")
            if (part == "matin") != morning:
                kept.append((start, end))
        if kept:
            week[day] = kept
        else:
            week.pop(day, None)


# --- the week → OSM --------------------------------------------------------------------------
def _format(week: dict[int, list[tuple[int, int]]], holidays_off: bool) -> str:
    by_hours: dict[tuple[tuple[int, int], ...], list[int]] = {}
    for day in sorted(week):
        by_hours.setdefault(tuple(week[day]), []).append(day)
    rules = [
        f"{_days(days)} {','.join(f'{_hhmm(a)}-{_hhmm(b)}' for a, b in ranges)}"
        for ranges, days in by_hours.items()
    ]
    if holidays_off:
        rules.append("PH off")
    return "; ".join(rules)


def _days(days: list[int]) -> str:
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{OSM_DAYS[run[0]]}-{OSM_DAYS[run[-1]]}")
        else:
            parts.extend(OSM_DAYS[d] for d in run)
    return ",".join(parts)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
