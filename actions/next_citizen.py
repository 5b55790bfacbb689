"""The desk's next citizen (« suivante : M. Y, déclaration revenus, Pornichet », « 2e personne :
retraité, Doctolib, Aubervilliers », « usager suivant : … »): a new request, read as if first.
Nothing of the citizen before carries over: needs, procedures (what to bring), criteria, way,
town, a town choice left pending, whom it is for, the list shown (tester t218 D3: M. Y got Mme
X's chèque énergie and its papers; the second citizen was swallowed by a pending town choice).
``announces`` reads the message; ``take`` serves it with those slots emptied."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import someone_else
from actions.message_text import is_button
from directory_client.labels import fold

# The slots of one citizen's request, emptied for the next one.
FRESH = ("needs", "procedures", "constraints", "mode", "location", "location_choices",
         "awaiting", "offset", "location_attempts", "last_search", someone_else.SLOT)  # fmt: skip

_WHO = r"(?:personne|usager|usagere|citoyen|citoyenne|beneficiaire|dossier|client|cliente|cas|rdv)"
# Said first, as a desk's heading: « suivant : », « suivante - », « au suivant, », « personne
# suivante : », « 2e personne : », « deuxième usager : », « prochaine personne : ».
_HEADING = re.compile(
    rf"^\s*(?:(?:au |a la |le |la |l'|et )?suivante?s?"
    rf"|{_WHO} suivante?"
    rf"|(?:(?:2|3|4|5|6)\s?(?:e|eme|ème)|deuxieme|troisieme|quatrieme|second|seconde|autre"
    rf"|prochaine?|nouvelle?|nouvel) {_WHO})"
    r"\s*(?:[:,;\-–—.!/]|$)"
)


def announces(text: str) -> bool:
    """The message opens with a next citizen's heading (« suivant : », « 2e personne : »)."""
    if is_button(text):
        return False
    return bool(_HEADING.search(fold(text or "").replace("’", "'")))


def take(dispatcher: CollectingDispatcher, tracker: Tracker, text: str,
         orient: Callable[[CollectingDispatcher, Tracker], list]) -> list | None:
    """A next citizen's message: read as a first request (the slots of the one before emptied,
    a request whatever the intent); None for any other message."""
    if not announces(text):
        return None
    told = copy.copy(tracker)
    told.slots = {**tracker.slots, **dict.fromkeys(FRESH)}
    told.latest_message = {**tracker.latest_message,
                           "intent": {"name": "ask_help", "confidence": 1.0}}  # fmt: skip
    events = orient(dispatcher, told)
    set_now = {e.get("name") for e in events if e.get("event") == "slot"}
    return [*(SlotSet(name, None) for name in FRESH if name not in set_now), *events]
