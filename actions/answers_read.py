"""What a message answers of the question the assistant asked, whatever intent the NLU gave
it: the mode in SMS spelling ("avec qqn"), the town or one of the towns offered ("Maripasoula",
"le 93"), "je sais pas" to "Dans quelle ville…?". ``orient`` reads the mode's; the actions
hand such an answer to ``orient`` rather than reply to the intent."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions import needs as needs_mod
from actions.location_reply import (
    looks_like_place,
    misspelt_town_answer,
    pick_choice,
    says_anywhere,
    says_none_of_them,
    waits_for_town,
)
from actions.message_text import is_button
from actions.place_questions import doesnt_know
from actions.state import State


def answers_mode(state: State, text: str) -> bool:
    """An answer to the mode question in SMS spelling ("avec qqn", "qlq1", "tt seul")."""
    return state.awaiting == "mode" and not is_button(text) and bool(needs_mod.mode_answer(text))


def answers_where(state: State, text: str) -> bool:
    """The answer to "where?" that the NLU took for something else ("Maripasoula", "Beaujeu",
    "le 93"): a town the Locator knows exactly, or one of the towns offered."""
    if says_none_of_them(state, text):
        return True
    if state.awaiting == "location" and waits_for_town(state.location) and says_anywhere(text):
        return True
    return state.awaiting in ("location", "location_choice") and (
        looks_like_place(text)
        or pick_choice(state, text) is not None
        or misspelt_town_answer(text)  # "bordaux" read as off-topic: Bordeaux
    )


def town_unknown(tracker: Tracker, text: str) -> bool:
    """ "je sais pas", "jsp", "aucune idée" to "Dans quelle ville…?": ``orient`` asks the town
    more simply, the need kept (never the need asked again)."""
    return tracker.get_slot("awaiting") == "location" and doesnt_know(text)
