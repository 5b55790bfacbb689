"""A request for today or tonight ("URGENT … avant ce soir minuit", "je dois le faire
aujourd'hui") answered with places none of which opens again today (t194 B15, Nanterre): said
plainly first, in one sentence, with the national helpline when it answers at this hour."""

from __future__ import annotations

import re

from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import texts
from actions.message_text import folded_words
from directory_client import display, hours, labels
from directory_client.french_dates import french_time

# A deadline today, said as one: "avant ce soir", "d'ici minuit", "je dois l'envoyer aujourd'hui",
# "c'est urgent … ce soir", "aujourd'hui dernier jour" — never a word of a story ("ce soir mon
# fils m'a dit…") nor thanks ("merci pour aujourd'hui").
_DAY_END = r"(?:ce soir|minuit|ce midi|cet apres midi|la fin de (?:la )?journee|aujourd hui)"
_TODAY = re.compile(
    rf"\b(?<!merci )(?<!beaucoup )(?<!bien )(?:avant|d ici|pour) (?:ce soir )?{_DAY_END}\b"
    rf"|\b(?:urgent|urgente|urgence|je dois|il faut|faut|doit|dois|obligatoirement)\b"
    rf"[^.!?]{{0,80}}\b(?:{_DAY_END}|avant minuit)\b"
    r"|\b(?:aujourd hui|ce soir)\b[^.!?]{0,30}\b(?:dernier delai|dernier jour|date limite)\b"
)
# A long message (a letter pasted) is read whole elsewhere: no deadline read in it here.
_MAX_WORDS = 40


def says_today(text: str) -> bool:
    """The person needs it done today ("avant ce soir minuit", "d'ici ce soir")."""
    folded = folded_words(text or "")
    return len(folded.split()) <= _MAX_WORDS and bool(_TODAY.search(folded))


def opens_again_today(place: dict) -> bool | None:
    """Open now, or opening later today where the place is; None when its hours are unknown."""
    zone = display.place_zone(place)
    status = hours.opening_status(place.get("opening_hours"), hours.now_paris(), zone)
    if status.open_now is None:
        return None
    if status.open_now:
        return True
    local_today = hours.now_paris().astimezone(zone).date()
    return status.next_opening is not None and status.next_opening.date() == local_today


def _helpline_open() -> str | None:
    """Until when the helpline answers now ("18 h"), else None (``labels.HELPLINE["hours"]``)."""
    status = hours.opening_status(labels.HELPLINE.get("hours"), hours.now_paris())
    if not status.open_now or status.closes_at is None:
        return None
    return french_time(status.closes_at.hour, status.closes_at.minute)


def say_first(dispatcher: CollectingDispatcher, start: int, text: str) -> None:
    """Before places for today none of which opens again today: that said, and the helpline
    first when it answers now."""
    if not says_today(text):
        return
    sent = dispatcher.messages[start:]
    places = [r for m in sent for r in (((m.get("custom") or {}).get("orienteur") or {})
              .get("results") or []) if ((m.get("custom") or {}).get("orienteur") or {})
              .get("type") == "recommendation"]  # fmt: skip
    if not places or any(opens_again_today(p) is not False for p in places):
        return
    until = _helpline_open()
    if until:
        said = texts.text("utter_none_open_today_helpline", helpline_name=fmt.HELPLINE_NAME,
                          helpline_phone=fmt.HELPLINE_PHONE, until=until)  # fmt: skip
    else:
        said = texts.text("utter_none_open_today")
    line = CollectingDispatcher()
    line.utter_message(text=said)
    dispatcher.messages[start:start] = line.messages
