"""After a list: "j'y suis déjà allé, ils m'ont dit qu'ils savaient pas faire" (round 30's
tester, D7) is what a place answered the person, not a mistake in the directory: the next
places, with what other doors do the same (a France services desk, Aidants Connect) and the help
by telephone. Only words that say the listing itself is wrong ("l'annuaire est faux", "ils ne
font plus ça") are a report (``actions.report_chat``). Called by
``actions.after_list.about_places_shown``."""

from __future__ import annotations

import re
from collections.abc import Callable

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import texts
from actions.needs import fold
from actions.state import State

Answer = Callable[..., None]  # actions.orient_flow.answer

# What a place told the person: it cannot, does not know how, does not do that, sent them away.
_REFUSED = re.compile(
    r"\b(m'ont|m'a|nous ont|nous a|on m'a|on nous a) (dit|repondu|explique|fait comprendre)"
    r".{0,30}\b(qu'|que )(ils|elles|il|elle|on) (ne |n')?"
    r"(savai\w*|sav\w*|pouvai\w*|peu\w*|fai\w*|fon\w*|s'occup\w*|gera\w*|g[eè]r\w*) (pas|rien)\b"
    r"|\b(ils|elles|ils ne|elles ne|ils n'|elles n'|on ne|la dame ne|le monsieur ne) ?"
    r"(savent|sait|savaient|peuvent|pouvaient|font|faisaient|s'occupent|s'occupaient) (pas|rien)"
    r"( faire| m'aider| nous aider| de ca| ca| ce genre)?"
    r"|\b(m'a|m'ont|nous a|nous ont|on m'a) (renvoye|renvoyee|renvoyes|envoye|envoyee) "
    r"(ailleurs|autre part|vers)"
)
# The listing itself said wrong: a report for the directory's team, as before.
_LISTING_WRONG = re.compile(
    r"\bannuaire|\bvotre liste|\bla liste\b|\bpas a jour|\b(c'est|est|sont) (faux|fausse)s?\b"
    r"|\berreur\b|\bne (font|fait|proposent|propose|s'occupent) plus\b|\bn'existe plus\b"
    r"|\bferme"
)


def said(text: str) -> bool:
    """The message tells that a place could not help ("ils m'ont dit qu'ils savaient pas
    faire"), and not that the directory is wrong about it."""
    folded = fold(text).replace("\u2019", "'")
    return bool(_REFUSED.search(folded)) and not _LISTING_WRONG.search(folded)


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, answer_places: Answer) -> list:
    """The places after those shown, led by the other doors and the help by telephone."""
    state = State(tracker)
    shown = (tracker.get_slot("last_search") or {}).get("results") or []
    state.offset = max((p.get("number") or 0) for p in shown)
    lead = texts.text("utter_refused_there") + " " + fmt.HELPLINE_FIRST
    answer_places(dispatcher, state, lead=lead)
    return state.save()
