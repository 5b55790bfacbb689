"""An answer repeated word for word to the question it answered: the person means that name
itself, and the same question asked again would go round in circles (measured over REST,
2026-12-07: « Vienne » again to « Quelle est votre commune dans la Vienne ? » got the same
question forever; « Saint-Dié » twice got « Laquelle est la vôtre ? » twice).

- To the commune asked in a département ("Vienne" → the département Vienne, its commune asked):
  the commune of that name (Vienne, 38), ``communes_meant``.
- To the towns of one name to choose from: the towns written out with their numbers (a person
  who does not see the buttons: SMS, a REST client), ``towns_written_out``; said a third time,
  the most populated one, with a line saying which was taken and how to change it,
  ``first_town_taken``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import texts
from actions.message_text import is_button
from bot.channels import render
from directory_client.text import name_key
from directory_client.types import LocateResult

if TYPE_CHECKING:
    from actions.state import State


def times_said_before(tracker: Tracker, text: str) -> int:
    """How many of the person's messages just before this one were this same message (its
    words, accents and case aside); 0 for a button."""
    key = name_key(text)
    if not key or is_button(text):
        return 0
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][:-1]
    count = 0
    for before in reversed(said):
        if name_key(before) != key:
            break
        count += 1
    return count


def communes_meant(result: LocateResult) -> LocateResult:
    """The communes of ``result`` (its département left out): "Vienne" said again when its
    commune was asked is Vienne (38); ``result`` itself when it has none."""
    communes = tuple(c for c in result.candidates if c.kind == "commune")
    if not communes or len(communes) == len(result.candidates):
        return result
    return LocateResult("found" if len(communes) == 1 else "ambiguous", result.query, communes)


def towns_written_out(
    dispatcher: CollectingDispatcher, state: State, question: str | None = None
) -> None:
    """The question (``question``, else the homonyms') once more, its towns written out with
    their numbers ("1. Saint-Denis (974)… Répondez 1 ou 2."), as the SMS channel writes buttons;
    no buttons beside them."""
    titles = [{"title": c["label"]} for c in state.choices if c.get("label")]
    question = question or texts.text("utter_ask_location_choice")
    written, _ = render.numbered_choices(question, titles)
    state.awaiting = "location_choice"
    dispatcher.utter_message(text=written)


def first_town_taken(dispatcher: CollectingDispatcher, state: State) -> dict:
    """The most populated of the towns offered (the first), said with how to change it."""
    first = state.choices[0]
    dispatcher.utter_message(response="utter_town_taken_first", town=first["label"])
    return first
