"""The week's hours a person reads (``display.hours_lines``) are the hours the assistant reads
(``hours``): on every real record of the shipped open data, each day once, with the hours the
place is open that day; a text the hours cannot read is not shown as hours."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta

import pytest

from directory_client import display, hours
from directory_client.french_dates import WEEKDAYS

_SHORT = [f"{name[:3]}." for name in WEEKDAYS]
_CLOCK = r"(\d{1,2}) h(?: (\d{2}))?"
_SPAN = re.compile(rf"{_CLOCK}–{_CLOCK}")
MONDAY = datetime(2025, 3, 10)  # a week with no public holiday


@pytest.fixture(scope="module")
def records(embedded_directory):
    with sqlite3.connect(embedded_directory.sqlite_path) as db:
        rows = db.execute("SELECT public_id, horaires FROM place WHERE horaires <> ''")
        return rows.fetchall()


def _days_of(label: str) -> list[int]:
    days = []
    for part in label.split(", "):
        first, _, last = part.partition("–")
        start, end = _SHORT.index(first), _SHORT.index(last or first)
        days.extend(range(start, end + 1))
    return days


def _minutes(text: str) -> set[int]:
    """The minutes of the day inside the spans written ("9 h–12 h, 14 h 30–17 h")."""
    open_ = set()
    for h1, m1, h2, m2 in _SPAN.findall(text):
        open_ |= set(range(int(h1) * 60 + int(m1 or 0), int(h2) * 60 + int(m2 or 0)))
    return open_


def _library_minutes(horaires: str, day: int) -> set[int]:
    start = MONDAY + timedelta(days=day)
    open_ = set()
    for begin, end, state, _c in hours.parse(horaires).intervals(start, start + timedelta(1)):
        if state == hours.State.OPEN:
            open_ |= set(range(begin.hour * 60 + begin.minute,
                               end.hour * 60 + end.minute if end.date() == begin.date()
                               else 24 * 60))  # fmt: skip
    return open_


def _overrides(horaires: str) -> bool:
    """A later rule names a day an earlier one named."""
    seen: set[int] = set()
    for rule in horaires.split(";"):
        days = set()
        for a, b in re.findall(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?", rule):
            i, j = display.OSM_DAYS.index(a), display.OSM_DAYS.index(b or a)
            days |= {(i + k) % 7 for k in range((j - i) % 7 + 1)}
        if days & seen:
            return True
        seen |= days
    return False


def test_a_day_overridden_by_a_later_rule_is_shown_once_with_its_own_hours(records):
    """Brest: "Tu-Sa 10:00-12:30,14:00-18:30; Th 14:00-18:00" was shown "mar.–sam. : 10 h–12 h
    30, 14 h–18 h 30" then "jeu. : 14 h–18 h"; Tulle "Mo-Th …; We off", "lun.–jeu." then "mer. :
    fermé"."""
    overriding = [(pid, h) for pid, h in records if _overrides(h) and "week" not in h]
    assert len(overriding) >= 400
    for pid, horaires in overriding:
        lines = display.hours_lines(horaires)
        if hours.parse(horaires) is None:
            continue
        named: list[int] = []
        for line in lines:
            if line == "fermé les jours fériés":
                continue
            label, _, times = line.partition(" : ")
            days = _days_of(label)
            named += days
            for day in days:
                expected = _library_minutes(horaires, day)
                assert _minutes(times) == expected, (pid, horaires, lines, WEEKDAYS[day])
        assert len(named) == len(set(named)), (pid, horaires, lines)
        shown = set(named)
        for day in set(range(7)) - shown:
            assert not _library_minutes(horaires, day), (pid, horaires, lines, WEEKDAYS[day])


def test_the_brest_week_groups_the_days_that_keep_the_same_hours():
    assert display.hours_lines("Tu-Sa 10:00-12:30,14:00-18:30; Th 14:00-18:00") == [
        "mar., mer., ven., sam. : 10 h–12 h 30, 14 h–18 h 30",
        "jeu. : 14 h–18 h",
    ]
    assert display.hours_lines("Mo-Th 09:00-12:00; We off; PH off") == [
        "lun., mar., jeu. : 9 h–12 h", "mer. : fermé", "fermé les jours fériés"
    ]


def test_hours_that_cannot_be_read_are_not_shown_as_hours(records):
    """ "jeu. : 9 h–12 h–14 h" under a card saying "Ni téléphone ni horaires connus": the card
    and the week are one reading of the hours."""
    unreadable = [(pid, h) for pid, h in records if hours.parse(h) is None]
    assert len(unreadable) >= 30
    assert any("-12:00-" in h for _pid, h in unreadable)
    for pid, horaires in unreadable:
        assert display.hours_lines(horaires) == [], (pid, horaires)
        assert hours.opening_status(horaires).text == hours.UNKNOWN_TEXT


@pytest.mark.parametrize("opening_hours, day", [
    ("09:00-12:00; We 09:00-12:00,14:00-17:00", "mer."),
    ("14:00-18:00; Su off", "dim."),
    ("08:00-12:30; Sa 09:00-11:00", "sam."),
])
def test_times_with_no_days_are_every_day_and_each_line_names_its_days(opening_hours, day):
    """"08:30-11:30; Th …" (Secours Catholique Annecy) showed "8 h 30–11 h 30" with no day: times
    with no days are every day (OSM), each line says its days."""
    lines = display.hours_lines(opening_hours)
    assert lines and all(" : " in line for line in lines), lines
    assert any(line.startswith("lun.") for line in lines), lines
    assert any(day in line.split(" : ")[0] for line in lines), lines
