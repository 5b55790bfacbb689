"""« c'est trop loin, il y a rien à Cluny même ? » after a list whose places are all outside the
person's town (round t207's tester: the same list again, word for word). Said from the
directory: the places of the list in the town itself, else the place of the town that does
something else and can help or redirect (its phone to call), else that the directory has none
there. Called by ``actions.after_list.about_places_shown``."""

from __future__ import annotations

import logging
import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import texts
from actions.message_text import folded_words
from actions.search_run import IN_TOWN_KM, _location_from_dict
from directory_client import display

log = logging.getLogger(__name__)

_MAX_WORDS = 16
# "rien à Cluny même", "y a pas un lieu à Cluny ?", "dans Cluny même", "et à Cluny ?": asked of the
# town itself (its name beside one of these).
_ITSELF = re.compile(
    r"\b(?:meme|rien|aucun|aucune|personne|pas un|pas une|pas de lieu|pas d endroit|y a pas"
    r"|il y a pas|dans)\b"
)
_ITS_OWN = re.compile(
    r"\b(?:dans ma ville|dans ma commune|dans la ville meme|ici meme|chez moi meme)\b"
)


def _town(location: dict) -> str:
    return location.get("commune") or (location.get("label") or "").split(" (")[0]


def asked(text: str, location: dict) -> bool:
    """The places in the list's own town asked ("il y a rien à Cluny même ?", "dans ma ville il y
    a rien ?"): never another town, never a longer message."""
    folded = folded_words(text)
    town = folded_words(_town(location or {}))
    if not town or not 0 < len(folded.split()) <= _MAX_WORDS or location.get("kind") not in (
        "commune", "arrondissement", None
    ):
        return False
    if not needs_mod.detect(text).empty:
        return False  # "un atelier photo dans Cluny même": a request
    names_it = re.search(rf"\b{re.escape(town)}\b", folded) is not None
    return bool(_ITS_OWN.search(folded)) or (names_it and bool(_ITSELF.search(folded)))


def _nearest_of_any_help(location: dict):
    from actions.backends import get_directory
    from directory_client.types import SearchQuery

    found = get_directory().search(SearchQuery(
        needs=(), location=_location_from_dict(location), limit=1, nearest_first=True))  # fmt: skip
    place = found.results[0] if found.results and not found.nothing_near else None
    if place is None or place.distance_km is None or place.distance_km > IN_TOWN_KM:
        return None
    return place


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """The places of the town itself, as the directory has them; False when not asked."""
    last = tracker.get_slot("last_search") or {}
    location = tracker.get_slot("location") or last.get("location") or {}
    if not last.get("results") or location.get("lat") is None or not asked(text, location):
        return False
    at = display.at_place(_town(location))
    listed = [p for p in last["results"]
              if p.get("distance_km") is not None and p["distance_km"] <= IN_TOWN_KM]  # fmt: skip
    if listed:
        names = "\n".join(f"{p.get('number', i)}. {p.get('name')} ({p.get('distance_text')})"
                          for i, p in enumerate(listed, 1))  # fmt: skip
        dispatcher.utter_message(response="utter_town_itself_listed", at=at, places=names)
        return True
    try:
        place = _nearest_of_any_help(location)
    except Exception:  # the directory down: said plainly, the list kept
        log.exception("directory search failed")
        place = None
    what = last.get("what") or "votre besoin"
    if place is None:
        dispatcher.utter_message(response="utter_town_itself_none", at=at, what=what)
        return True
    from actions import formatting as fmt

    said = [texts.text("utter_town_itself_other", at=at, what=what),
            fmt.general_help_nearer(place.name, place.distance_km, tuple(place.services))]
    phone = display.phone_text(place.phone) if place.phone else ""
    if phone:
        said.append(texts.text("utter_town_itself_call", phone=phone))
    elif place.address:
        said.append(texts.text("utter_town_itself_go", address=place.address))
    dispatcher.utter_message(text=" ".join(said))
    return True
