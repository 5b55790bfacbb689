"""A care asked of the places just listed: « un lieu avec LSF ? », « y en a un pour les
malvoyants ? » (round t181's tester, after a list for a deaf man: the same list again, no word on
LSF). Said from the directory: which places of the list declare that care (« Surdité »), or
plainly that none does, and what to do — ask them before going. The directory says nothing of
sign language itself (its label is « Surdité »): said so, never a number it does not give.
Called by ``actions.after_list.about_places_shown``."""

from __future__ import annotations

import logging
import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import texts
from actions.backends import get_directory
from actions.message_text import folded_words
from actions.needs.care import MOTOR
from actions.search_run import _location_from_dict

log = logging.getLogger(__name__)

_MAX_WORDS = 10
# Sign language named: « LSF », « langue des signes », « qui signe ».
_SIGNS = re.compile(r"\b(?:lsf|langue des signes|langage des signes|signe|signent)\b")
# The care the chat searches by (``needs.DISABILITIES``) and the wheelchair's access
# (« accessible PMR ? », « le 2 est accessible en fauteuil ? »: « Handicaps moteurs »).
_ASKABLE = frozenset((*needs_mod.DISABILITIES, MOTOR))
_DEAFNESS = "Surdité"
# How far the places that declare the care are looked for around the list's town.
_WITHIN_KM = 60.0
# What to ask the place before going, for each care.
_TO_ASK = {
    _DEAFNESS: "si quelqu'un y signe ou si un interprète en LSF peut venir",
    "": "s'il peut accueillir la personne comme il lui faut",
}
_LOOKED_AT = 60


# Asked of the places ("un lieu avec LSF ?", "lequel accueille les sourds"), never told ("il est
# sourd": the search again with that care first, ``actions.orient_flow.orient``).
_ASKS = re.compile(
    r"\b(?:lequel|laquelle|lesquels|lesquelles|y a|y en a|un lieu|des lieux|un endroit"
    r"|une structure|qui (?:parle|parlent|signe|signent|accueille|accueillent|prend|prennent))\b"
    # of one place or of them: « le lieu 1 est accessible aux sourds ? », « c'est adapté aux
    # personnes en fauteuil ? », « le premier accueille les malentendants ? »
    r"|\b(?:est|sont|c est|cest|c)(?: il| elle| ils| elles)? (?:accessibles?|adaptee?s?"
    r"|equipee?s?)\b|\b(?:accueille|accueillent|acceuille|prend|prennent) (?:les|des)\b"
)


def asked(text: str) -> str | None:
    """The care a short question asks of the places ("un lieu avec LSF ?" → "Surdité"), with no
    need of its own; else None."""
    folded = folded_words(text)
    if not 0 < len(folded.split()) <= _MAX_WORDS or not needs_mod.detect(text).empty:
        return None
    if not (_ASKS.search(folded) or ("?" in text and len(folded.split()) <= 3)):
        return None  # "LSF ?" alone asks too
    if _SIGNS.search(folded):
        return _DEAFNESS
    read = needs_mod.read_care(text)
    care = [c for c in read if c in _ASKABLE]
    if not read and re.search(r"\baccessibles?\b", folded):
        return MOTOR  # « c'est accessible ? »: the wheelchair's access (the chat's "accessible")
    return care[0] if care else None


def declaring(last: dict, location: dict, care: str) -> list[dict]:
    """The places of the list ``last`` that declare ``care``, in its order (a search of the same
    need around the same point with that care, kept to the places listed)."""
    from directory_client.types import SearchFilters, SearchQuery

    places = list(last.get("results") or [])
    if not places or (location or {}).get("lat") is None:
        return []
    query = SearchQuery(
        needs=tuple(last.get("need") or ()),
        location=_location_from_dict(location),
        filters=SearchFilters(prise_en_charge=(care,)),
        limit=_LOOKED_AT,
        radius_km=max([_WITHIN_KM, *[(p.get("distance_km") or 0) + 1 for p in places]]),
    )
    ids = {r.id for r in get_directory().search(query).results}
    return [p for p in places if p.get("id") in ids]


def _phone_or_door(place: dict) -> str:
    phone = place.get("phone_text") or place.get("phone")
    if phone:
        return texts.text("utter_care_place_call", phone=phone)
    return texts.text("utter_care_place_go", address=place.get("address") or "")


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """Which places listed declare the care asked, or that none does, and to ask before going;
    one place named (« le lieu 1 est accessible aux sourds ? »): whether it declares it, else
    that the directory does not say, with its phone to ask; sign language named: that the
    directory does not say it. False when no care is asked."""
    care = asked(text)
    last = tracker.get_slot("last_search") or {}
    if care is None or not last.get("results"):
        return False
    from actions.after_list import place_shown_in_full
    from actions.place_questions import phone_lines, place_meant

    meant = place_shown_in_full(tracker) or place_meant(text, list(last["results"]))
    try:
        found = declaring(last, tracker.get_slot("location") or last.get("location") or {}, care)
    except Exception:  # the directory down: the plain advice, nothing said of the places
        log.exception("directory search failed")
        found = None
    said = []
    if _SIGNS.search(folded_words(text)):
        said.append(texts.text("utter_sign_language_unknown"))
    if meant is not None and found is not None:
        declares = any(p.get("id") == meant.get("id") for p in found)
        name = meant.get("name") or "Ce lieu"
        if declares:
            said.append(texts.text("utter_care_place_declares", place=name, care=care))
        else:
            said.append(texts.text("utter_care_place_unknown", place=name, care=care))
        said.append(_phone_or_door(meant))
        dispatcher.utter_message(text="\n".join(said))
        return True
    if found:
        names = "\n".join(f"{p.get('number', i)}. {p.get('name') or 'Lieu'}"
                          for i, p in enumerate(found, 1))  # fmt: skip
        said.append(texts.text("utter_care_declared_by", care=care, places=names))
    elif found is not None:
        said.append(texts.text("utter_care_declared_by_none", care=care))
    said.append(texts.text("utter_care_ask_before", what=_TO_ASK.get(care, _TO_ASK[""])))
    if found is not None and not found:  # whom to ask: each place's number
        said.append(phone_lines(list(last["results"])))
    dispatcher.utter_message(text="\n".join(said))
    return True
