"""The questions the assistant asks: what is needed (buttons, or the likeliest needs to choose
from), with someone or alone, and the question of the moment asked again (``back_on_track``).
Where the person is, is asked in ``actions.location_reply``; the danger question in
``actions.danger_turns``."""

from __future__ import annotations

import json

from rasa_sdk.executor import CollectingDispatcher

from actions import menu_pending
from actions import needs as needs_mod
from actions.state import State, with_town_given


def ask_need(dispatcher: CollectingDispatcher, state: State) -> None:
    """What do you need?; with the town just given first, that it is kept ("et à Beaune ?")."""
    menu = menu_pending.offered(state.tracker) \
        if state.tracker.get_slot("awaiting") == menu_pending.AWAITING else []
    if menu:  # the need menu answered with no choice: the same menu again
        ask_need_choice(dispatcher, state, menu)
        return
    state.awaiting = "need"
    dispatcher.utter_message(**with_town_given(state, "utter_ask_need"), buttons=NEED_BUTTONS)


def ask_need_choice(dispatcher: CollectingDispatcher, state: State, keys: list[str]) -> None:
    """The need read is a guess: the likeliest needs to choose from (or to say in words); the
    guess stays in case the answer names none."""
    state.awaiting = "need_choice"
    dispatcher.utter_message(
        **with_town_given(state, "utter_ask_need_choice"),  # a town just given: kept, said
        buttons=[
            {"title": sentence_case(needs_mod.NEEDS[key].plain), "payload": need_payload(key)}
            for key in keys
        ],
        json_message={"orienteur": {"type": "need_choice", "needs": keys}},
    )


def need_payload(key: str) -> str:
    return "/ask_help" + json.dumps({"need": key})


NEED_BUTTONS = [
    {"title": "Papiers en ligne", "payload": need_payload("demarches")},
    {"title": "Téléphone, tablette", "payload": need_payload("smartphone")},
    {"title": "Ordinateur", "payload": need_payload("ordinateur")},
    {"title": "Accès à internet", "payload": need_payload("internet")},
    {"title": "Trouver un emploi", "payload": need_payload("emploi")},
    {"title": "Arnaque, piratage", "payload": need_payload("securite")},
]


MODE_BUTTONS = [
    {"title": "Avec quelqu'un", "payload": '/inform{"mode": "avec_moi"}'},
    {"title": "Apprendre seul", "payload": '/inform{"mode": "autonomie"}'},
]


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def ask_mode(dispatcher: CollectingDispatcher, state: State) -> None:
    """Someone with the person or learning alone: asked once per request (a reply that does not
    choose takes the default, ``actions.orient_flow.take_default_mode``)."""
    state.awaiting = "mode"
    dispatcher.utter_message(response="utter_ask_mode", buttons=MODE_BUTTONS)


def back_on_track(state: State) -> str:
    """The response that asks the question of the moment again, after a misunderstanding."""
    if state.awaiting == "location" or (state.needs and not state.location):
        return "utter_ask_location_again"
    if state.awaiting == "location_choice":
        return "utter_ask_location_choice_again"
    if state.awaiting == "mode":
        return "utter_ask_mode_again"
    return "utter_ask_need_again"
