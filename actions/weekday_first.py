"""A weekday said as the only day one can go (« il ne peut que le jeudi », « il vient jeudi »,
« dispo le mardi »): the places of the page open that day first, those whose hours are not known
next, those shut that day last — never first when another opens (round t207's tester: Cahors,
« Ouvre vendredi » first for a man who can go only on Thursday). Saturday and Sunday are the
search's criteria (``needs.DAYS``); the working days only reorder the places found, said so."""

from __future__ import annotations

import re

from directory_client import display
from directory_client.french_dates import WEEKDAYS
from directory_client.labels import fold

_WORKING_DAYS = {day: n for n, day in enumerate(WEEKDAYS[:5])}
_DAY = "(" + "|".join(_WORKING_DAYS) + ")s?"
# Going that day, or only that day: « ne peut que le jeudi », « il vient jeudi », « dispo le
# mardi », « seulement le lundi », « le jeudi uniquement », « libre le vendredi ».
_GOING = re.compile(
    r"\b(?:peut|peux|pouvons|peuvent|pourra|pourrait|pourrais|vient|viens|viendra|viendrai"
    r"|passera|passerai|ira|irai|dispo\w*|libre|que|seulement|uniquement|juste)"
    rf"(?: que| seulement| uniquement)?(?: le| les| ce)? {_DAY}\b"
    rf"|\b(?:le |les )?{_DAY} (?:uniquement|seulement)\b"
)
# Someone else coming to the person (« mon fils vient jeudi pour m'aider »): no criterion.
_TO_THE_PERSON = re.compile(r"\b(?:m'aider|m aider|me voir|chez moi|chez nous|nous aider)\b")


def said(request: str) -> int | None:
    """The working day (0 Monday … 4 Friday) the request says one can go on, else None."""
    folded = fold(request or "").replace("\u2019", "'")
    found = _GOING.search(folded)
    if found is None or _TO_THE_PERSON.search(folded):
        return None
    day = next(g for g in found.groups() if g)
    return _WORKING_DAYS[day]


def _opens(result, weekday: int) -> int:
    times = display.day_hours(getattr(result, "opening_hours", None), weekday)
    return 1 if times is None else (0 if times else 2)


def first_that_day(results: list, weekday: int) -> tuple[list, bool]:
    """``results`` with those open on ``weekday`` first (their order kept), the unknown next,
    the shut last; and whether any opens that day."""
    ordered = sorted(results, key=lambda r: _opens(r, weekday))
    return ordered, any(_opens(r, weekday) == 0 for r in results)


def day_name(weekday: int) -> str:
    return WEEKDAYS[weekday]
