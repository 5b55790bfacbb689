"""A blank message (an empty SMS, a stray Enter, spaces only): nothing was said, so nothing is
misunderstood and nothing is down. The channels hand it over as ``nlu_fallback`` without the NLU
(``bot.channels.guard.read_blank``); here it gets the welcome on a first turn, else a short
reminder of what one can say now: the question of the moment again, or after a list how to go
on with it. The conversation is left as it was (no slot changes, no misunderstanding counted)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import texts
from actions.questions import back_on_track
from actions.state import State

# The questions ``back_on_track`` asks again.
ASKED = ("location", "location_choice", "mode", "need", "need_choice")


def answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list:
    """The welcome when nothing is known yet; else "Votre message est vide." and what to say."""
    state = State(tracker)
    listed = (tracker.get_slot("last_search") or {}).get("results")
    if state.awaiting in ASKED or (state.needs and not state.location):
        question = texts.text(back_on_track(state))
    elif listed:
        question = texts.text("utter_blank_after_list")
    elif state.awaiting or state.needs:
        question = texts.text(back_on_track(state))
    else:
        dispatcher.utter_message(response="utter_chitchat/greet")
        return []
    dispatcher.utter_message(response="utter_blank", question=question)
    return []
