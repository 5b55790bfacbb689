"""Opening hours asked for a part of the day, answered from the place's own hours: "c'est
ouvert jeudi matin ?" of a place open on Thursday 14 h–17 h 30 is "Non, le jeudi, … n'ouvre que
l'après-midi : 14 h–17 h 30." and the days it does open in the morning; "c'est ouvert le soir
?" (no day) names the days it opens in the evening. For the place shown in full, else one line
for each place of the list. The ``utter_message`` arguments (``place_questions.facts``)."""

from __future__ import annotations

from actions import texts
from actions.day_part import DayPart, and_list, days_open_in, only_part, opens_in
from directory_client import display
from directory_client.french_dates import WEEKDAYS

_TODAY = {"matin": "ce matin", "après-midi": "cet après-midi", "soir": "ce soir", "midi": "ce midi"}


def _new(name: str, **values: object) -> dict:
    """The ``utter_message`` arguments of response ``name`` (sent by its name)."""
    return {"response": name, **values}


def _capital(said: str) -> str:
    return said[:1].upper() + said[1:]


def day_said(weekday: int, days: int | None) -> str:
    """The day as said in the answer: "le jeudi" (named), "demain (mardi)" (``days`` from
    today)."""
    if days is None:
        return f"le {WEEKDAYS[weekday]}"
    word = {0: "aujourd'hui", 1: "demain", 2: "après-demain"}[days]
    return f"{word} ({WEEKDAYS[weekday]})"


def when_said(weekday: int, days: int | None, part: DayPart) -> str:
    """ "le jeudi matin", "demain matin (mardi)", "ce matin", "aujourd'hui à 9 h"."""
    if days is None:
        return f"le {WEEKDAYS[weekday]} {part.after_day}"
    if days == 0:
        return _TODAY.get(part.after_day, f"aujourd'hui {part.after_day}")
    word = {1: "demain", 2: "après-demain"}[days]
    return f"{word} {part.after_day} ({WEEKDAYS[weekday]})"


def _week(place: dict) -> list[list[tuple[int, int]] | None]:
    return [display.day_spans(place.get("opening_hours"), day) for day in range(7)]


def _other_days(place: dict, weekday: int, part: DayPart) -> str:
    week = _week(place)
    week[weekday] = None
    days = days_open_in(week, part)
    if not days:
        return texts.text("utter_part_no_other_day", part=_capital(part.alone))
    return texts.text("utter_part_other_days", part=_capital(part.alone), days=and_list(days))


def on_day(place: dict, weekday: int, days: int | None, part: DayPart) -> dict:
    """Whether ``place`` opens in ``part`` of that day; when not, the other days it does."""
    spans = display.day_spans(place.get("opening_hours"), weekday)
    name = place.get("name")
    when, day = when_said(weekday, days, part), day_said(weekday, days)
    if spans is None:
        return {"response": "utter_place_when_unknown", "place": name, "when": when,
                "phone": place.get("phone_text") or place.get("phone")
                or "pas de numéro dans l'annuaire"}  # fmt: skip
    if spans and opens_in(spans, part):
        return _new(
            "utter_place_open_in_part", place=name, when=when, times=display.spans_text(spans)
        )
    if not spans:
        said = texts.text("utter_place_closed_when", place=name, when=day,
                          hours=" ; ".join(place.get("hours") or []) or "non connus")  # fmt: skip
    elif (only := only_part(spans)) is not None:
        said = texts.text("utter_place_only_part", day=day, place=name, only=only.alone,
                          times=display.spans_text(spans))  # fmt: skip
    else:
        said = texts.text("utter_place_not_in_part", place=name, when=when, day=day,
                          times=display.spans_text(spans))  # fmt: skip
    return {"text": f"{said} {_other_days(place, weekday, part)}"}


def in_week(place: dict, part: DayPart) -> dict:
    """The days ``place`` opens in ``part`` ("c'est ouvert le soir ?": no day named)."""
    week = _week(place)
    name = place.get("name")
    if all(spans is None for spans in week):
        return {"response": "utter_place_day_unknown", "place": name, "day": part.after_day}
    days = days_open_in(week, part)
    if days:
        return _new("utter_place_part_days", part_low=part.alone, place=name, days=and_list(days))
    return _new(
        "utter_place_never_in_part",
        part_low=part.alone,
        place=name,
        hours=" ; ".join(place.get("hours") or []) or "non connus",
    )


def _line(place: dict, number: int, said: str) -> str:
    return f"{place.get('number', number)}. {place.get('name') or 'Lieu'} : {said}"


def list_on_day(places: list[dict], weekday: int, days: int | None, part: DayPart) -> dict:
    """Each place of the list in ``part`` of that day: its times, or "pas le matin (14 h–17 h
    30)", "fermé", "horaires non connus"."""
    lines = []
    for i, place in enumerate(places, 1):
        spans = display.day_spans(place.get("opening_hours"), weekday)
        if spans is None:
            said = "horaires non connus"
        elif not spans:
            said = "fermé"
        elif opens_in(spans, part):
            said = display.spans_text(spans)
        else:
            said = f"pas {part.alone} ({display.spans_text(spans)})"
        lines.append(_line(place, i, said))
    when = _capital(when_said(weekday, days, part))
    return _new("utter_places_in_part", part=when, lines="\n".join(lines))


def list_in_week(places: list[dict], part: DayPart) -> dict:
    """Each place of the list: the days it opens in ``part``."""
    lines = []
    for i, place in enumerate(places, 1):
        week = _week(place)
        days = days_open_in(week, part)
        if all(spans is None for spans in week):
            said = "horaires non connus"
        else:
            said = and_list(days) if days else f"jamais {part.alone}"
        lines.append(_line(place, i, said))
    return _new("utter_places_in_part", part=_capital(part.alone), lines="\n".join(lines))
