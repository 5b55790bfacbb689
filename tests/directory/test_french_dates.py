"""Dates as people read them (directory_client.french_dates), the one source of day and month
names."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from directory_client.french_dates import french_date


@pytest.mark.parametrize(("kwargs", "text"), [
    ({}, "lundi 7 décembre 2026"),
    ({"weekday": False}, "7 décembre 2026"),
    ({"year": False}, "lundi 7 décembre"),
])  # fmt: skip
def test_a_day_in_words(kwargs, text):
    assert french_date(date(2026, 12, 7), **kwargs) == text


def test_accented_months_and_a_moment_read_as_its_day():
    assert french_date(date(2027, 2, 14)) == "dimanche 14 février 2027"
    assert french_date(datetime(2026, 8, 1, 23, 59), weekday=False) == "1er août 2026"
