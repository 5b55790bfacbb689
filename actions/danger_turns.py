"""The turns of a request read as danger: the emergency numbers first and only, or one question
when unsure ("Êtes-vous en danger ?"); the request said with it kept, then served once the
person says more or that there is no danger. ``orient`` (``actions.orient_flow``) is passed in
by the caller: this module sits below it."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import follow_ups, helplines, need_changes, safety, situation_first
from actions import needs as needs_mod
from actions.location_reply import resolve_location
from actions.message_text import clean_text, is_button
from actions.state import State, _list, intent_of, understand

log = logging.getLogger(__name__)

Orient = Callable[..., list]  # actions.orient_flow.orient


REQUEST_MESSAGES = 8  # the latest messages of a request read for its situation


def request_events(tracker: Tracker) -> list[dict]:
    """The events since the last answer with places (the request being served), in order."""
    return _request_of(tracker.events)


def _request_of(all_events: list[dict]) -> list[dict]:
    events: list[dict] = []
    for event in reversed(all_events):
        kind = event.get("event")
        if kind in ("restart", "session_started") or _payload_type(event) == "recommendation":
            break
        events.append(event)
    return events[::-1]


def _payload_type(event: dict) -> str | None:
    return (((event.get("data") or {}).get("custom") or {}).get("orienteur") or {}).get("type")


def request_texts(tracker: Tracker) -> str:
    """The person's messages of the request, one a line, buttons left out: what
    ``actions.helplines`` reads the situation from."""
    said = [
        clean_text(e["text"])
        for e in request_events(tracker)
        if e.get("event") == "user" and e.get("text") and not is_button(e["text"])
    ]
    return "\n".join(said[-REQUEST_MESSAGES:])


def previous_request_texts(tracker: Tracker) -> str:
    """The person's messages of the request served by the last answer with places, one a line
    (``request_texts`` of that request): what a follow-up completes ("elle a déjà donné ses
    codes" after "un mail lui demande ses codes bancaires")."""
    events = list(tracker.events)
    while events and _payload_type(events[-1]) != "recommendation":
        events.pop()
    said = [
        clean_text(e["text"])
        for e in _request_of(events[:-1])
        if e.get("event") == "user" and e.get("text") and not is_button(e["text"])
    ]
    return "\n".join(said[-REQUEST_MESSAGES:])


def danger_read(tracker: Tracker) -> bool:
    """The request was read as danger: the numbers or the danger check were given."""
    return any(
        _payload_type(e) in ("emergency", "danger_check") for e in request_events(tracker)
    )


def say_emergency_numbers(
    dispatcher: CollectingDispatcher, tracker: Tracker, need: str | None = None
) -> None:
    """The emergency numbers for the danger the request describes (actions/helplines.py): one
    message of several ``domain.yml`` responses (everyone's numbers, a partner's, a child's, the
    SMS, the end), as many as the situations named, with one payload of the numbers. A response
    is one message, so this one goes as text, each of its sentences read from the domain.
    ``need``: what the request kept for after is for, said after the numbers."""
    said, payload = helplines.emergency(request_texts(tracker), need)
    dispatcher.utter_message(text=said, json_message=payload)


# After the emergency numbers, the request the person states next is served with what the first
# message said (its need, its town): "ça va, il est calme, c'est pour le contrôle parental".
AFTER_NUMBERS = follow_ups.AFTER_NUMBERS


def numbers_only(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list:
    """Someone may be in danger now: the emergency numbers, first and only; the request of the
    message kept for after, and said to be (« j'ai envie d'en finir, et je n'arrive pas à faire
    ma déclaration CAF »: the 3114 first, the CAF kept)."""
    state = State(tracker)
    try:
        keep_request(state, tracker, text)
        if situation_first.device_named_only(state.needs, text):
            state.needs = []  # the computer on fire: no lessons offered for it
    except Exception:  # the numbers go out whatever happens to the request
        log.exception("could not keep the request said with a danger")
        say_emergency_numbers(dispatcher, tracker)
        return [SlotSet("fail_count", 0.0)]
    say_emergency_numbers(dispatcher, tracker, _kept_need(state))
    state.awaiting = AFTER_NUMBERS
    return state.save()


def _kept_need(state: State) -> str | None:
    """What the request kept with a danger is for ("vos démarches avec la CAF"); None without a
    need."""
    if not state.needs:
        return None
    from actions import formatting  # the words of a need, as the places' heading says them

    return formatting.need_phrase(state.needs, state.procedures[0] if state.procedures else None)


def keep_request(state: State, tracker: Tracker, text: str) -> None:
    """The need and the town of a message answered with the danger first, kept for after; no
    question asked now."""
    found = understand(state, tracker, text)
    muted = CollectingDispatcher()  # a town not found or ambiguous: asked later, not now
    resolve_location(muted, state, tracker, needs_mod.without_distance(text), found)
    state.choices = []


def take_request_after_numbers(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, *, orient: Orient
) -> list | None:
    """After the numbers, a message that states a need, whatever the intent read ("merci, ça va,
    c'est surtout pour le contrôle parental"): served, with the town kept; a denial of danger
    ("non merci je ne suis pas en danger"), or "oui" with a request kept: the kept request goes
    on. None otherwise."""
    if is_button(text):
        return None
    if needs_mod.read(text, by_meaning=False).empty:
        # "oui" to "Je reste là si vous avez besoin d'aide avec le numérique ensuite": yes, the
        # kept request goes on (its need, its town), never "Dites-moi si je peux vous aider"
        said_yes = says_yes(text) and bool(_list(tracker.get_slot("needs")))
        if said_yes or safety.denies_danger(text):
            return serve_kept_request(dispatcher, tracker, orient)
        return None
    return orient(dispatcher, tracker, read_as="ask_help")


# "oui", "oui svp", "ouais je veux bien": yes to the help offered after the numbers; never a
# thank-you ("ok merci": no places pushed).
_YES = re.compile(r"^(oui|ouais|ouai|ouii+|yes|volontiers|je veux bien)\b")
_THANKS = re.compile(r"\bmerci|\bca va\b")


def says_yes(text: str) -> bool:
    folded = needs_mod.fold(text or "").strip()
    return bool(_YES.search(folded)) and not _THANKS.search(folded) and len(folded.split()) <= 6


def serve_kept_request(dispatcher: CollectingDispatcher, tracker: Tracker, orient: Orient) -> list:
    """The kept request (its needs, its town) served as it stands."""
    kept = tracker.copy()
    kept.slots["awaiting"] = None
    return [SlotSet("awaiting", None)] + orient(dispatcher, kept, read_as=CONTINUED)


# What an answer to the danger question that is neither yes nor no is read as: the request
# goes on (not a request intent: its needs are kept, not read again in place of the kept ones).
CONTINUED = "continue_request"


def take_after_danger_check(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, *, orient: Orient
) -> list | None:
    """After the danger question (``ask_danger``), an answer that is neither yes nor no ("il a
    pas d'ordi non plus", a town): the kept request goes on, a need added to it or put instead,
    the town read. None for yes, no, a button (``orient`` reads them)."""
    if is_button(text):
        return None
    denied = safety.denies_danger(text)  # "non merci je ne suis pas en danger"
    if intent_of(tracker) in ("affirm", "deny", "emergency") and not denied:
        return None
    current = _list(tracker.get_slot("needs"))
    more = need_changes.added(text, current)
    if denied and not more:
        return serve_kept_request(dispatcher, tracker, orient)
    goes_on = tracker.copy()
    goes_on.slots["awaiting"] = None
    events: list = [SlotSet("awaiting", None)]
    if more:
        goes_on.slots["needs"] = more
        events.append(SlotSet("needs", more))
    return events + orient(dispatcher, goes_on, read_as=CONTINUED if more else "inform")


def denied_after_danger(tracker: Tracker, text: str) -> bool:
    """An answer to the numbers or the danger question that says there is no danger now."""
    waits = tracker.get_slot("awaiting") in (AFTER_NUMBERS, follow_ups.DANGER)
    return waits and safety.denies_danger(text)


def check_danger(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list:
    """Unsure whether someone is in danger: the request understood and kept, one question."""
    state = State(tracker)
    keep_request(state, tracker, text)
    ask_danger(dispatcher, state)
    return state.save()


def ask_danger(dispatcher: CollectingDispatcher, state: State) -> None:
    """Unsure (the NLU, or the meaning, reads danger; the words do not): one question, with the
    numbers for the danger the request describes (one message of several responses, as text:
    ``say_emergency_numbers``)."""
    state.awaiting = "danger"
    said, payload = helplines.danger_check(request_texts(state.tracker))
    dispatcher.utter_message(
        text=said,
        buttons=[
            {"title": "Oui, je suis en danger", "payload": "/affirm"},
            {"title": "Non", "payload": "/deny"},
        ],
        json_message=payload,
    )
