from datetime import datetime, timezone

import pytest

from directory_client.hours import (
    NOUMEA,
    PARIS,
    SUNDAY,
    UnreadableHours,
    is_open_at,
    is_open_on_saturday,
    is_open_on_weekday,
    normalise,
    opening_status,
    place_timezone,
)

WEEKDAYS = "Tu-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off"


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("now", "open_now", "text"),
    [
        (paris(2024, 5, 14, 10, 0), True, "Ouvert maintenant, jusqu'à 12 h"),  # Tuesday
        (paris(2024, 5, 14, 12, 30), False, "Fermé. Ouvre à 14 h"),
        (paris(2024, 5, 18, 12, 30), False, "Fermé. Ouvre mardi à 9 h"),  # Saturday
        (paris(2024, 5, 13, 10, 0), False, "Fermé. Ouvre demain à 9 h"),  # Monday
        (paris(2024, 5, 1, 10, 0), False, "Fermé. Ouvre demain à 9 h"),  # 1er mai, PH off
    ],
)
def test_status_in_plain_french(now, open_now, text):
    status = opening_status(WEEKDAYS, now)
    assert status.open_now is open_now
    assert status.text == text


def test_open_place_says_when_it_closes_as_an_aware_paris_time():
    status = opening_status(WEEKDAYS, paris(2024, 5, 14, 15, 0))
    assert status.closes_at == paris(2024, 5, 14, 17, 0)
    assert status.closes_at.utcoffset() is not None
    assert status.next_opening is None


def test_half_hours_and_weekday_names():
    status = opening_status("Mo 14:30-17:00", paris(2024, 5, 17, 18, 0))  # Friday evening
    assert status.text == "Fermé. Ouvre lundi à 14 h 30"
    assert status.next_opening == paris(2024, 5, 20, 14, 30)


def test_every_other_week_rule():
    rule = "week 1-53/2 Mo 09:00-12:00"
    # 2024-05-14 is in week 20: the next odd week's Monday is the 20th.
    assert opening_status(rule, paris(2024, 5, 14, 10)).text == "Fermé. Ouvre lundi à 9 h"
    # From the 21st (week 21), Monday 27th is week 22: skipped.
    assert opening_status(rule, paris(2024, 5, 21, 10)).text == (
        "Fermé. Ouvre le lundi 3 juin à 9 h"
    )


@pytest.mark.parametrize("horaires", [None, "", "   ", "ouvert le matin", "Mo 25:00-26:00"])
def test_unknown_or_invalid_hours(horaires):
    status = opening_status(horaires, paris(2024, 5, 14, 10))
    assert status.open_now is None
    assert status.text == "Horaires non connus"
    assert is_open_at(horaires, paris(2024, 5, 14, 10)) is None
    assert is_open_on_saturday(horaires, paris(2024, 5, 14, 10)) is None


def test_aware_utc_time_is_read_in_paris_time():
    # 08:30 UTC in May is 10:30 in Paris: open.
    now = datetime(2024, 5, 14, 8, 30, tzinfo=timezone.utc)
    assert opening_status(WEEKDAYS, now).open_now is True
    assert is_open_at(WEEKDAYS, datetime(2024, 5, 14, 11, 30, tzinfo=timezone.utc)) is False


def test_new_caledonia_uses_noumea_time():
    tz = place_timezone("98800")
    assert tz is NOUMEA
    # 10:00 in Paris is 18:00 in Nouméa: closed there, reopens tomorrow 7:30 Nouméa time.
    status = opening_status("Mo-Fr 07:30-16:00", paris(2024, 5, 14, 10), tz)
    assert status.open_now is False
    assert status.text == "Fermé. Ouvre demain à 7 h 30"
    assert status.next_opening == datetime(2024, 5, 15, 7, 30, tzinfo=NOUMEA)
    assert place_timezone("75011") is PARIS


def test_open_on_saturday():
    now = paris(2024, 5, 14, 10)
    assert is_open_on_saturday(WEEKDAYS, now) is True
    assert is_open_on_saturday("Mo-Fr 09:00-17:00", now) is False
    assert is_open_on_saturday("week 1-53/2 Sa 09:00-12:00", now) is True


def test_open_on_a_given_weekday():
    now = paris(2024, 5, 14, 10)  # a Tuesday
    assert is_open_on_weekday("Mo-Sa 09:00-17:00", SUNDAY, now) is False
    assert is_open_on_weekday("Su 09:00-12:00", SUNDAY, now) is True
    assert is_open_on_weekday("Tu 09:00-12:00", 1, now) is True  # today counts
    assert is_open_on_weekday(None, SUNDAY, now) is None


def test_comment_is_kept():
    status = opening_status('Tu 09:00-12:00 "sur rendez-vous"', paris(2024, 5, 14, 10))
    assert status.open_now is True
    assert "sur rendez-vous" in status.text


# --- where the strict OSM reading and the shipped data disagree (bench/hours_agreement.py) ---
SATURDAY_0736 = paris(2026, 12, 5, 7, 36)
ANGOULEME_LIKE = (
    "Mo 09:00-12:00,13:30-16:00; Tu 09:00-12:00; We 09:00-12:00,13:30-16:00; "
    "Th 09:00-12:00,13:30-16:00; Fr 09:00-12:00,13:30-16:00; Sa 00:00-00:00,09:00-12:00"
)  # a shipped record, read by strict OSM as "open until midnight" on Saturday


def test_an_empty_range_is_no_opening_not_24_hours():
    status = opening_status(ANGOULEME_LIKE, SATURDAY_0736)
    assert status.open_now is False
    assert status.text == "Fermé. Ouvre à 9 h"
    assert is_open_at(ANGOULEME_LIKE, SATURDAY_0736) is False
    assert is_open_at(ANGOULEME_LIKE, paris(2026, 12, 5, 10, 0)) is True
    assert is_open_at(ANGOULEME_LIKE, paris(2026, 12, 5, 23, 0)) is False


@pytest.mark.parametrize(
    ("horaires", "moment"),
    [
        ("Mo,Tu 13:30-15:30; Th 00:00-00:00; Fr 13:30-13:30", paris(2026, 12, 3, 11, 0)),  # Thu
        ("Mo,Tu 13:30-15:30; Th 00:00-00:00; Fr 13:30-13:30", paris(2026, 12, 4, 16, 0)),  # Fri
        ("Mo 09:00-12:00,14:00-14:00", paris(2026, 11, 30, 20, 0)),  # Monday evening
    ],
)
def test_a_day_with_only_empty_ranges_is_closed(horaires, moment):
    assert opening_status(horaires, moment).open_now is False


def test_normalise_drops_empty_ranges_and_closes_days_left_without_any():
    assert normalise("Sa 00:00-00:00,00:00-00:00,09:00-12:00") == "Sa 09:00-12:00"
    assert normalise("Mo 08:00-12:00; Th 00:00-00:00") == "Mo 08:00-12:00; Th off"
    # Unchanged: real ranges, midnight as an end, additional rules, open ends.
    for text in ("Tu 18:00-00:00", "Mo-Fr 09:00-12:00, We 14:00-18:00", "Mo 10:00+", WEEKDAYS):
        assert normalise(text) == text


def test_a_range_ending_before_it_starts_is_unknown_not_overnight():
    with pytest.raises(UnreadableHours):
        normalise("Mo-Th 07:00-12:00,13:00-16:00; Fr 17:00-12:00")
    status = opening_status("Fr 19:00-11:00", SATURDAY_0736)  # strict OSM: open since Friday
    assert status.open_now is None and status.text == "Horaires non connus"


@pytest.mark.parametrize(
    ("code_postal", "open_now", "text"),
    [
        ("97127", False, "Fermé. Ouvre à 7 h 30"),  # Guadeloupe: 02:36 there
        ("97340", False, "Fermé. Ouvre à 7 h 30"),  # Guyane: 03:36
        ("97400", True, "Ouvert maintenant, jusqu'à 12 h"),  # La Réunion: 10:36
        ("97600", True, "Ouvert maintenant, jusqu'à 12 h"),  # Mayotte: 09:36
        ("16000", True, "Ouvert maintenant, jusqu'à 12 h"),  # Angoulême: 07:36
    ],
)
def test_overseas_places_are_read_in_their_own_time(code_postal, open_now, text):
    status = opening_status("Sa 07:30-12:00", SATURDAY_0736, place_timezone(code_postal))
    assert (status.open_now, status.text) == (open_now, text)


def test_overseas_departments_keep_french_public_holidays():
    # 14 juillet 2026 is a Tuesday; 10:00 in Saint-Denis de La Réunion.
    moment = datetime(2026, 7, 14, 10, 0, tzinfo=place_timezone("97400"))
    assert is_open_at("Tu 09:00-12:00; PH off", moment, place_timezone("97400")) is False
