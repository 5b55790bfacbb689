"""After a death ("mon mari est décédé, je dois faire la demande de pension de réversion"): one
short word of sympathy (``utter_sympathy``), before the first places given for the request that
says it, never again in the conversation (a « plus près ? », another request after)."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions import texts
from actions.danger_turns import previous_request_texts, request_texts
from actions.needs import says_a_death


def sympathy(tracker: Tracker) -> str:
    """The word of sympathy to say before this answer's places, or ""."""
    if not says_a_death(request_texts(tracker)):
        return ""
    if tracker.get_slot("last_search") and says_a_death(previous_request_texts(tracker)):
        return ""  # said with the places of the request that told the death
    return texts.text("utter_sympathy")
