"""The questions asked while the place is not known yet: the town ("Dans quelle ville… ?"),
again in simpler words, the commune in a département given (``waits_for_town``), and "Je ne
trouve pas « … »" for a name no commune bears."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import texts

if TYPE_CHECKING:
    from actions.state import State


def ask_location(dispatcher: CollectingDispatcher, state: State, unknown: str | None = None):
    state.awaiting = "location"
    if unknown:
        state.attempts += 1
        helpline = "\n\n" + fmt.HELPLINE_TEXT if state.attempts >= 2 else ""
        dispatcher.utter_message(
            response="utter_location_not_found", place=unknown[:60], helpline=helpline
        )
    else:
        dispatcher.utter_message(
            response="utter_ask_location", question=texts.text("utter_ask_location_again")
        )


def ask_town_simpler(dispatcher: CollectingDispatcher, state: State) -> None:
    """ "je sais pas" to "Dans quelle ville…?": the need kept, only the town asked, in simpler
    words; said again, the same with the helpline (the question is not asked a third time
    alike)."""
    state.awaiting = "location"
    state.attempts += 1
    helpline = " " + fmt.HELPLINE_TEXT if state.attempts >= 2 else ""
    dispatcher.utter_message(response="utter_ask_town_simpler", helpline=helpline)


def waits_for_town(location: dict | None) -> bool:
    """A département alone ("je suis dans le Nord", "dans le 62"): searched from its centre,
    where nobody is, the places would be far from the person: the town is asked, unless the
    person said anywhere in it will do (``anywhere``). A territory with no centre known
    (Saint-Pierre-et-Miquelon, whose communes the gazetteer lacks) is searched by its code."""
    location = location or {}
    return (
        location.get("kind") == "departement"
        and location.get("lat") is not None
        and not location.get("anywhere")
    )


def ask_town(dispatcher: CollectingDispatcher, state: State) -> None:
    """Which commune, in the département given; "peu importe" keeps the whole département."""
    state.awaiting = "location"
    dispatcher.utter_message(
        response="utter_ask_town_in_departement",
        where=fmt.near(state.location),
        buttons=[{"title": "Peu importe", "payload": "peu importe"}],
    )
