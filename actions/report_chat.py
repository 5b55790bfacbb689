""" "Ce lieu est fermé", "le numéro est faux", "les horaires sont faux": a citizen's report on a
place of the last answer, queued for the coordinator of its territory
(directory_client.corrections.chat); nothing changes in the directory before their review.

1. A closure is reported at once (the place named, or "Lequel ?" when several were offered).
2. A wrong number is reported with the right one. Said in the same message ("le numéro ne marche
   pas, le bon c'est le 04 73 12 34 56"), it is queued at once; otherwise the assistant asks for
   it once and waits (``awaiting`` = ``report_phone``, the place in the ``report`` slot): the next
   message carrying a number completes the report, anything else drops it (``take_phone`` answers
   None and the conversation goes on as usual).
3. A number is taken for the place's only in this flow, and never when the message says it is the
   person's own ("rappelez-moi au …"). It is read in the turn that gives it, never kept in a slot.
4. Wrong hours ("c'est fermé le mercredi en fait", "ils ouvrent à 9h pas 8h30") are reported with
   the person's words (masked) as the comment, and the new hours as the proposed value when the
   message gives them as opening hours the directory reads ("Mo-Fr 09:00-12:00") or as a French
   sentence of a full schedule ("ouvert du lundi au vendredi de 9h à 12h"). When several
   places were offered, "Lequel ?" waits (``awaiting`` = ``report_hours``, the words in the
   ``report`` slot): the place named completes the report, anything else drops it.
5. Anything else (a new address…) is not queued: the person is told who can pass it on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import place_pick, ranks
from bot.privacy import PHONE_RE, mask_text
from directory_client.corrections.chat import hours_value, phone_value, report_from_chat
from directory_client.hours_french import CLOCK, HOURS_WORDS

AWAITING = "report_phone"
HOURS_AWAITING = "report_hours"
_CLOSED = re.compile(r"\bferm|\bn'?existe plus|\bplus (personne|rien|ouvert)|\bdemenag")
# Closed for good, whatever day or hour the message names ("fermé depuis lundi").
_GONE = re.compile(
    r"\bdefinitiv|\bn'?existe plus|\bplus (personne|rien)|\bdemenag"
    r"|\bferme(?:e|s|es)? (?:depuis|pour de bon|pour toujours)"
)
# No longer open: for good, unless on some days or hours ("plus ouvert le samedi").
_NO_LONGER_OPEN = re.compile(r"\bplus ouvert|\bn'?ouvr\w* plus")
_SINCE = re.compile(r"\bdepuis (?:le |la |l')?\w+")
_ON_SOME_DAYS = re.compile(HOURS_WORDS)
_HOURS = re.compile(rf"\bhorair|\bouvr|\bouvert|\bfermeture|{HOURS_WORDS}")
# Opening hours as OpenStreetMap writes them ("Mo-Fr 09:00-12:00; Sa 09:00-12:00"), cased.
_OSM = re.compile(r"(?:\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)\b|\b24/7)[A-Za-z0-9:,;+/\[\] -]*")
# A time of day is never a place's rank ("ouvert à 2h").
_TIMES = re.compile(CLOCK)
_PHONE = re.compile(r"\bnumero|\btelephone|\btel\b|\bjoignable|\bjoindre|\bdecroche")
# The person speaks of their own number: it is never taken for the place's.
_OWN = re.compile(
    r"\bmoi\b|\bmon (?:numero|portable|tel)|\bm(?:'|e )(?:r?appel|joindre|contacter|ecrire)"
    r"|\brappelez"
)
Directory = Callable[[], Any]


def report(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, directory: Directory
) -> list:
    """The first message of a report (intent ``report_place``)."""
    results = _results(tracker)
    if not results:
        dispatcher.utter_message(response="utter_report_nothing_yet")
        return []
    folded = needs_mod.fold(text)
    kind, number = _kind(text, folded)
    if kind is None and _rank_entity(tracker):
        kind = "closed"
    if kind is None:
        dispatcher.utter_message(response="utter_report_other_problem")
        return [SlotSet("fail_count", 0.0)]
    place = _named_place(tracker, folded, results)
    if place is None:
        _ask_which(dispatcher, results)
        return [*_waiting(kind, text), SlotSet("fail_count", 0.0)]
    if kind == "closed":
        reported = place.get("id") and report_from_chat(
            directory(), place["id"], "closed", comment=_comment(text)
        )
        _thank(dispatcher, reported, "utter_report_closed", place)
        return [SlotSet("fail_count", 0.0)]
    if kind == "hours":
        return _report_hours(dispatcher, directory, place, _comment(text), _new_hours(text))
    if number is None:
        return _ask_number(dispatcher, place)
    return _report_phone(dispatcher, directory, place, number, text)


def take_phone(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, directory: Directory
) -> list | None:
    """A message while the assistant waits for the right number. None when it does not go on
    with the report (no number, a closure, a new request…): the report is dropped."""
    results = _results(tracker)
    folded = needs_mod.fold(text)
    number = _place_number(text, folded)
    pending = tracker.get_slot("report") or {}
    place = pending if pending.get("id") else None
    if place is None and results and _CLOSED.search(folded) is None:
        place = _named_place(tracker, folded, results, default=False)
        if place is not None and number is None:  # "Lequel ?" answered: now the number
            return _ask_number(dispatcher, place)
    if place is None or number is None:
        return None
    return _report_phone(dispatcher, directory, place, number, text)


def take_hours(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, directory: Directory
) -> list | None:
    """A message while the assistant waits to know which place has wrong hours. None when it
    names none, or speaks of a closure or a number: the report is dropped."""
    results = _results(tracker)
    pending = tracker.get_slot("report") or {}
    folded = needs_mod.fold(text)
    kind, _ = _kind(text, folded)
    if not results or not pending or kind not in (None, "hours"):
        return None
    place = _named_place(tracker, folded, results, default=False)
    if place is None:
        return None
    comment = pending.get("comment") or ""
    if kind == "hours":  # "le deuxième, il ouvre à 9h": these words too
        comment = f"{comment} / {_comment(text)}"
    hours = _new_hours(text) or pending.get("horaires")
    return _report_hours(dispatcher, directory, place, comment[:300], hours)


def _kind(text: str, folded: str) -> tuple[str | None, str | None]:
    """What the message reports (``closed``, ``hours``, ``phone`` or None), and the place's
    number when it gives it."""
    # Unasked, a number is the place's only in a message about its number.
    number = _place_number(text, folded) if _PHONE.search(folded) else None
    if number or (_PHONE.search(folded) and not _CLOSED.search(folded)):
        return "phone", number
    if _GONE.search(folded) or (
        _NO_LONGER_OPEN.search(folded) and not _ON_SOME_DAYS.search(_SINCE.sub(" ", folded))
    ):
        return "closed", None
    if _HOURS.search(folded) or _new_hours(text):
        return "hours", None
    return ("closed" if _CLOSED.search(folded) else None), None


def _waiting(kind: str, text: str) -> list:
    """What the report waits with while "Lequel ?" is asked (a closure waits for nothing: the
    button says it)."""
    if kind == "phone":
        return [SlotSet("awaiting", AWAITING), SlotSet("report", {})]
    if kind == "hours":
        pending = {"comment": _comment(text), "horaires": _new_hours(text)}
        return [SlotSet("awaiting", HOURS_AWAITING), SlotSet("report", pending)]
    return []


def _report_hours(
    dispatcher: CollectingDispatcher,
    directory: Directory,
    place: dict,
    comment: str,
    hours: str | None,
) -> list:
    reported = place.get("id") and report_from_chat(
        directory(), place["id"], "hours", hours, comment=comment
    )
    _thank(dispatcher, reported, "utter_report_hours", place)
    return [SlotSet("awaiting", None), SlotSet("report", None), SlotSet("fail_count", 0.0)]


def _new_hours(text: str) -> str | None:
    """The first opening hours of the message the directory reads ("les bons : Mo-Fr
    09:00-12:00 merci" → ``Mo-Fr 09:00-12:00``), else the schedule its French says ("le 2,
    c'est ouvert du lundi au vendredi de 9h à 12h" → ``Mo-Fr 09:00-12:00``), or None."""
    for match in _OSM.finditer(text):
        words = match.group().split()
        while words:
            value = hours_value(" ".join(words))
            if value:
                return value
            words.pop()
    # A number given too is no hours word, nor the place's rank ("le 2, c'est ouvert du…").
    return hours_value(ranks.MENTION.sub(" ", needs_mod.fold(PHONE_RE.sub(" ", text))))


def _report_phone(
    dispatcher: CollectingDispatcher, directory: Directory, place: dict, number: str, text: str
) -> list:
    reported = place.get("id") and report_from_chat(
        directory(), place["id"], "phone", number, comment=_comment(text)
    )
    _thank(dispatcher, reported, "utter_report_phone", place)
    return [SlotSet("awaiting", None), SlotSet("report", None), SlotSet("fail_count", 0.0)]


def _ask_number(dispatcher: CollectingDispatcher, place: dict) -> list:
    dispatcher.utter_message(response="utter_report_phone_ask")
    return [
        SlotSet("awaiting", AWAITING),
        SlotSet("report", {"id": place.get("id"), "name": place.get("name")}),
        SlotSet("fail_count", 0.0),
    ]


def _ask_which(dispatcher: CollectingDispatcher, results: list[dict]) -> None:
    dispatcher.utter_message(
        response="utter_report_which",
        buttons=[
            {
                "title": f"{number}. {place.get('name')}",
                "payload": "/report_place" + json.dumps({"place_rank": str(number)}),
            }
            for number, place in enumerate(results, 1)
        ],
    )


def _thank(dispatcher: CollectingDispatcher, reported: Any, response: str, place: dict) -> None:
    if reported:
        dispatcher.utter_message(response=response, place=place.get("name"))
    else:
        dispatcher.utter_message(response="utter_report_not_recorded")


def _results(tracker: Tracker) -> list[dict]:
    return (tracker.get_slot("last_search") or {}).get("results") or []


def _named_place(
    tracker: Tracker, folded: str, results: list[dict], default: bool = True
) -> dict | None:
    """The place the message names (a button's rank, "le deuxième"); the only one offered when
    ``default``; None when it must be asked."""
    rank = _rank_entity(tracker) or ranks.rank_in(_TIMES.sub(" ", PHONE_RE.sub(" ", folded)))
    place = place_pick.by_rank(results, rank)
    if place is None and len(results) == 1 and default:
        return results[0]
    return place


def _rank_entity(tracker: Tracker) -> int | None:
    value = next(tracker.get_latest_entity_values("place_rank"), None)
    return int(value) if value and str(value).isdigit() else None


def _place_number(text: str, folded: str) -> str | None:
    """The first number of the message the directory can store, unless the person says it is
    their own."""
    if _OWN.search(folded):
        return None
    for match in PHONE_RE.finditer(text):
        number = phone_value(match.group())
        if number:
            return number
    return None


def _comment(text: str) -> str:
    return mask_text(text)[:300]
