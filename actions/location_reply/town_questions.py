"""The questions asked while the place is not known yet: the town ("Dans quelle ville… ?"),
again in simpler words, the commune in a département given (``waits_for_town``), and "Je ne
trouve pas « … »" for a name no commune bears."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import texts
from actions.message_text import folded_words

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


# "pourquoi vous voulez ma ville ?", "à quoi ça sert de donner ma commune", "c'est pour quoi
# faire ?", "pourquoi vous demandez ça ?": a question back on the question asked.
_WHY = re.compile(r"\b(?:pourquoi|pour quoi faire|pour quoi|a quoi (?:ca|cela) (?:sert|servir)"
                  r"|pour quelle raison|c est pour quoi)\b")  # fmt: skip
_ABOUT_IT = re.compile(
    r"\b(?:ville|commune|village|adresse|code postal|cp|position|localisation|ou j habite"
    r"|ca|cela|ce|besoin|demandez|voulez|faut)\b"
)
_MAX_WORDS = 12


def asks_why_town(text: str) -> bool:
    """A short question back on why the town is asked (never a town's name to look up)."""
    folded = folded_words(text)
    return (
        0 < len(folded.split()) <= _MAX_WORDS
        and bool(_WHY.search(folded))
        and bool(_ABOUT_IT.search(folded))
    )


def explain_why_town(dispatcher: CollectingDispatcher, state: State) -> None:
    """Why the town is asked (the places nearest the person; a postcode will do), then the
    question again: the town, or the towns offered."""
    why = texts.text("utter_why_location")
    if state.awaiting == "location_choice" and state.choices:
        from actions.location_reply.choices import ask_choice_again

        dispatcher.utter_message(text=why)
        ask_choice_again(dispatcher, state)
        return
    state.awaiting = "location"
    dispatcher.utter_message(
        response="utter_ask_location",
        question=f"{why} {texts.text('utter_ask_location_again')}",
    )
