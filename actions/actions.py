"""Custom actions of Orienteur. Thin: read slots and the latest message, call directory_client,
format with ``actions.formatting``. The need vocabulary lives in ``actions.needs``; where the
person is in ``actions.location_reply``, the directory search in ``actions.search_run``, the
reading of a message in ``actions.message_text``.

The directory and the locator are built once per action-server process (lazy singletons):
``DIRECTORY_BACKEND`` chooses the embedded directory (``DIRECTORY_DATABASE_URL``, default
``var/directory.sqlite3``) or a remote API (``directory_client.backends``).
"""

from __future__ import annotations

import abc
import json
import logging
import os
import re
import threading
import time
from pathlib import Path
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    bring_said,
    erasure,
    follow_ups,
    help_at_home,
    helplines,
    mode_default,
    need_changes,
    need_cover,
    not_ours,
    off_topic,
    overseas,
    place_pick,
    place_questions,
    platforms,
    referral_chat,
    report_chat,
    safety,
    situation_first,
    someone_else,
    texts,
    typed_button,
)
from actions import formatting as fmt
from actions import needs as needs_mod
from actions.day_in_story import only_in_stories
from actions.location_reply import (
    ask_choice_again,
    ask_location,
    ask_town,
    guess_place,
    names_only_a_town,
    names_town_and_area,
    pick_choice,
    plausible_guess,
    resolve_location,
    says_anywhere,
    says_none_of_them,
    waits_for_town,
)
from actions.message_text import (
    clean_text,
    entity_values,
    is_button,
    location_text,
    place_values,
)
from actions.needs import DISTANCE
from actions.search_run import (
    PAGE,
    filters_payload,
    is_nothing_near,
    none_near,
    run_search,
    service_of,
)
from actions.town_in_message import without_near_work
from directory_client import display, labels
from directory_client.demand import record_orientation, search_outcome
from directory_client.french_dates import WEEKDAYS
from directory_client.types import PlaceLocator, SearchBackend

log = logging.getLogger(__name__)


def _load_readers() -> None:
    """Load the sentence encoder and the readers by meaning before the server listens, not
    during someone's first turn (a second from the cache in var/cache, seconds to fit them when
    their examples changed)."""
    try:
        from actions import danger, semantic_needs

        semantic_needs.reader()
        danger.reader()
    except Exception:  # the keywords still work; the first turn will retry
        log.exception("the readers by meaning could not be loaded")


_load_readers()

# --- lazy singletons --------------------------------------------------------------------------
_LOCK = threading.RLock()  # get_locator builds the directory under the same lock
_DIRECTORY: Any = None
_LOCATOR: Any = None


def _open_local_directory() -> SearchBackend:
    from directory_client import Directory

    url = os.environ.get("DIRECTORY_DATABASE_URL") or None
    if url is None:
        # The embedded default: built on first use when `make run` has not built it
        # (an empty directory would answer "nothing near" everywhere).
        directory = Directory()
        if directory.ensure_loaded() is not None:
            log.warning("empty embedded directory: imported the shipped open data")
        return directory
    # Raises while the database is unreachable: retried at the next search.
    return Directory.open_existing(url)


def get_directory() -> SearchBackend:
    """The directory ``DIRECTORY_BACKEND`` chooses: the embedded one, or a remote API."""
    global _DIRECTORY
    if _DIRECTORY is None:
        with _LOCK:
            if _DIRECTORY is None:
                from directory_client.backends import open_backend

                _DIRECTORY = open_backend(_open_local_directory)
    return _DIRECTORY


def get_locator() -> PlaceLocator:
    global _LOCATOR
    if _LOCATOR is None:
        with _LOCK:
            if _LOCATOR is None:
                from directory_client import Locator

                try:
                    directory = get_directory()
                except Exception:  # locating must work even when the directory is down
                    log.warning("directory unavailable for the locator", exc_info=True)
                    directory = None
                _LOCATOR = Locator(directory=directory)
    return _LOCATOR


def set_backends(directory: Any = None, locator: Any = None) -> None:
    """Tests and the application may inject their own directory/locator (None = lazy default)."""
    global _DIRECTORY, _LOCATOR
    with _LOCK:
        _DIRECTORY, _LOCATOR = directory, locator



def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]



# --- the conversation state -------------------------------------------------------------------
class State:
    """Slots read at the start of an action, events collected while it runs; ``intent``: what
    the message is read as, the NLU's intent unless the action reads it otherwise ("supprimer
    mon compte Facebook", read as "forget me", is a request: ``orient(…, read_as="ask_help")``).
    The tracker itself is never changed."""

    def __init__(self, tracker: Tracker, intent: str | None = None) -> None:
        self.tracker = tracker
        self.intent: str | None = intent or intent_of(tracker)
        self.needs: list[str] = _list(tracker.get_slot("needs"))
        self.procedures: list[str] = _list(tracker.get_slot("procedures"))
        self.constraints: list[str] = _list(tracker.get_slot("constraints"))
        self.mode: str | None = tracker.get_slot("mode")
        self.location: dict | None = tracker.get_slot("location")
        self.choices: list[dict] = _list(tracker.get_slot("location_choices"))
        self.awaiting: str | None = tracker.get_slot("awaiting")
        self.offset = int(tracker.get_slot("offset") or 0)
        self.attempts = int(tracker.get_slot("location_attempts") or 0)
        self.events: list = []
        self.was_awaiting: str | None = self.awaiting

    def set(self, name: str, value: Any) -> None:
        self.events.append(SlotSet(name, value))

    def save(self) -> list:
        """The events collected, plus a ``SlotSet`` for each slot whose value changed: every
        event returned is validated by Rasa, stored and sent back to the action server at each
        later call, so unchanged slots are not repeated."""
        values = {
            "needs": self.needs or None,
            "procedures": self.procedures or None,
            "constraints": self.constraints or None,
            "mode": self.mode,
            "location": self.location,
            "location_choices": self.choices or None,
            "awaiting": self.awaiting,
            "offset": float(self.offset),
            "location_attempts": float(self.attempts),
            "fail_count": 0.0,
        }
        for name, value in values.items():
            if not _same(self.tracker.get_slot(name), value, name in _NUMBERS):
                self.set(name, value)
        return self.events


_NUMBERS = ("offset", "location_attempts", "fail_count")


def _same(before: Any, after: Any, number: bool) -> bool:
    if number:  # unset numeric slots count as 0
        return float(before or 0) == after
    return (before or None) == (after or None)


def understand(state: State, tracker: Tracker, text: str) -> needs_mod.Understanding:
    """Merge the NLU entities and the keyword reading of the message into the state."""
    # By meaning only for a request (or an answer to "what do you need?"), never for a town or an
    # answer to another question; the place named is left out of what is read.
    # A button's payload is the assistant's own words: its entities say it all.
    by_meaning = not is_button(text) and (
        state.intent in ("ask_help", "nlu_fallback", "emergency")
        or state.awaiting in NEED_QUESTIONS
    )
    request = text
    for place in place_values(tracker):
        request = request.replace(place, " ")
    near_work = without_near_work(request)  # "près de mon travail": where, not a job to find
    request, near_work = near_work, near_work != request
    found = needs_mod.read(request, by_meaning=by_meaning)
    situation_first.with_situation_need(request, found)
    if is_button(text):
        found.choices = []  # a button says exactly what it means: no guess to question
    # Keywords first (precise, explainable); the NLU entities fill in only what keywords missed,
    # or when the message is a button payload ("/ask_help{...}").
    use_entities = found.empty or is_button(text)
    for value in entity_values(tracker, "need") if use_entities else ():
        key = needs_mod.normalise_need(value)
        if key == "emploi" and near_work:
            continue  # "travail" tagged in "près de mon travail"
        if key and key not in found.needs:
            found.needs.append(key)
    for value in entity_values(tracker, "procedure") if use_entities else ():
        key = needs_mod.normalise_procedure(value, context=request)  # "ants": which title
        if key and key not in found.procedures:
            found.procedures.append(key)
            need = needs_mod.PROCEDURES[key].need
            if need not in found.needs:
                found.needs.insert(0, need)
    for value in entity_values(tracker, "constraint"):
        if str(value).startswith(needs_mod.DROP):  # "Sans le critère « gratuits »"
            dropped = str(value)[len(needs_mod.DROP) :]
            if dropped in state.constraints:
                state.constraints.remove(dropped)
                state.offset = 0
            continue
        key = needs_mod.normalise_constraint(value)
        if key == "ouvert_maintenant" and not is_button(text):
            continue  # only when asked for in so many words (the keywords above), never a word
        if key in needs_mod.DAYS and not is_button(text) and only_in_stories(text):
            continue  # "mon fils m'appelle le dimanche": when he calls, not a criterion
        if key and key not in found.constraints:
            found.constraints.append(key)
    for value in entity_values(tracker, "mode"):
        if value in ("avec_moi", "autonomie"):
            found.mode = value
    if found.procedures and "demarches" in found.needs and "sante" in found.needs:
        found.needs.remove("demarches")
    if state.needs and not is_button(text) and need_changes.says_a_missing_means(request):
        # "il a pas de CB" while the request waits for a town: the same request, no town read
        found.needs, found.procedures, found.choices = list(state.needs), list(state.procedures), []
        found.mode = found.mode or state.mode
    if (state.needs and found.needs and not is_button(text)
            and set(found.needs) <= set(state.needs)
            and (found.choices or need_changes.asked_again(request, state.needs))):
        # "(et) pour la tablette ?" after a list for the tablet and the impôts: a need the request
        # already has, no menu to choose it again and not it alone; the same request (every
        # need, the town).
        found.needs, found.procedures, found.choices = list(state.needs), list(state.procedures), []
        found.mode = found.mode or state.mode
    more = None if is_button(text) or not state.needs else need_changes.added(request, state.needs)
    if more is not None:
        # "pas de mail", "et il a pas de téléphone" while the request waits for a town or a
        # mode: one more need for the same request, never one put instead of it.
        found.needs, found.procedures, found.choices = more, list(state.procedures), []
        found.mode = found.mode or state.mode
    # A new need replaces the old one (the person corrects or asks something else).
    if found.needs:
        state.needs = found.needs
        state.procedures = found.procedures
        state.mode = found.mode
        state.offset = 0
    elif found.procedures:
        state.procedures = found.procedures
    for c in found.constraints:
        if c not in state.constraints:
            if needs_mod.distance_limit([c]) is not None:  # "finalement 5 km max": the new one
                state.constraints = [k for k in state.constraints if not k.startswith(DISTANCE)]
            if c in needs_mod.DAYS:  # "et le dimanche ?" after "le samedi": the new day
                days = [k for k in needs_mod.DAYS if k not in found.constraints]
                state.constraints = [k for k in state.constraints if k not in days]
            state.constraints.append(c)
            state.offset = 0  # a new constraint ("seulement les gratuits"): from the first page
    for c in found.dropped:
        if c in state.constraints:
            state.constraints.remove(c)
            state.offset = 0
    if found.mode:
        state.mode = found.mode
    return found


NEED_QUESTIONS = ("need", "need_choice")  # "what do you need?", and the same with choices
REQUEST_INTENTS = ("ask_help", "inform", "nlu_fallback", "emergency")  # read for a need


def with_town_given(state: State, response: str) -> dict:
    """The question ``response``, after the town just given if one was ("C'est noté, je
    chercherai près de Calais (62). …"): a town said instead of an answer is kept and said."""
    given = state.location if moved(state) else None
    where = (given or {}).get("label") or (given or {}).get("commune")
    if not where:
        return {"response": response}
    return {"response": "utter_ask_need_there", "near": fmt.near(given),
            "question": texts.text(response)}  # fmt: skip


def ask_need(dispatcher: CollectingDispatcher, state: State) -> None:
    """What do you need?; with the town just given first, that it is kept ("et à Beaune ?")."""
    state.awaiting = "need"
    dispatcher.utter_message(**with_town_given(state, "utter_ask_need"), buttons=NEED_BUTTONS)


def ask_need_choice(dispatcher: CollectingDispatcher, state: State, keys: list[str]) -> None:
    """The need read is a guess: the likeliest needs to choose from (or to say in words); the
    guess stays in case the answer names none."""
    state.awaiting = "need_choice"
    dispatcher.utter_message(
        response="utter_ask_need_choice",
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
    # A town given instead of an answer ("Calais") is said; in a first message it goes unsaid.
    instead = state.was_awaiting == "mode"
    state.awaiting = "mode"
    if instead:  # asked a second time: a reply that does not choose then takes the default
        state.set(mode_default.REPEATED_AT, float(mode_default.user_turns(state.tracker.events)))
    dispatcher.utter_message(
        **(with_town_given(state, "utter_ask_mode") if instead else {"response": "utter_ask_mode"}),
        buttons=MODE_BUTTONS,
    )




def answer(
    dispatcher: CollectingDispatcher, state: State, lead: str = "", nearest_first: bool = False
) -> None:
    """Search and reply with the recommendation (text + custom payload). Never empty. ``lead``:
    a sentence before the introduction (``utter_need_added``); ``nearest_first``: the nearest
    places by distance only, said so ("plus près ?")."""
    need_keys = needs_mod.apply_mode(state.needs, state.mode)
    location = state.location or {}
    where = fmt.near(location)
    service_labels = list(needs_mod.services_for(need_keys))
    try:
        response, relaxed, broadened = run_search(
            need_keys, state.procedures, state.constraints, location, state.offset, nearest_first
        )
        where = fmt.near(location, response.results)
    except Exception:
        log.exception("directory search failed")
        dispatcher.utter_message(
            response="utter_directory_unavailable",
            helpline=fmt.HELPLINE_TEXT,
            json_message=fmt.recommendation_payload(
                service_labels,
                location,
                filters_payload(state.constraints),
                [],
                error="directory_unavailable",
            ),
        )
        state.awaiting = None
        return
    # The near places (or the nearest, beyond the distance said) shown instead: "d'autres lieux"
    # goes on with them.
    shown_instead = [c for c in relaxed if c == "ouvert_maintenant" or c.startswith(DISTANCE)]
    state.constraints = [c for c in state.constraints if c not in shown_instead]
    nothing_near = is_nothing_near(response)
    # Found only by widening past the radius: not "près de", the nearest distance said.
    far_only = not (nothing_near or state.offset or broadened) and none_near(response)
    nothing_near = nothing_near or far_only
    if state.offset == 0:  # demand counters (no personal data); "d'autres lieux" counts once
        record_orientation(
            service_of(need_keys),
            outcome=search_outcome(response, nothing_near),
            channel=state.tracker.get_latest_input_channel(),
            location=location,
        )
    what = fmt.need_phrase(need_keys, state.procedures[0] if state.procedures else None)
    results = list(response.results)
    if nearest_first and results and shown_already(state.tracker, [r.id for r in results]):
        # "plus près ?", the list shown already the nearest, in order: said, not repeated
        nearest_km = display.distance_text(results[0].distance_km)
        dispatcher.utter_message(response="utter_nothing_nearer", what=what, distance=nearest_km)
        state.awaiting = None
        return
    show_distance = fmt.distance_is_the_persons(location)
    payload_results = [fmt.result_payload(r, state.offset + i, show_distance=show_distance)
                       for i, r in enumerate(results, 1)]  # fmt: skip
    total = getattr(response, "total", None)
    kept = [c for c in state.constraints if c not in relaxed]
    request, danger = request_texts(state.tracker), danger_read(state.tracker)
    # what to bring, for the procedures some place listed does, without what the person said
    # they do not have; for which places, when not all do them
    bringing, bring_places = fmt.bring_where(state.procedures, need_keys, payload_results)
    bring = bring_said.kept(fmt.bring_items(bringing), request)
    # ... and what is said instead ("Pas d'adresse mail ? …"), on its own line
    instead = bring_said.instead(fmt.bring_items(bringing), request)
    bring_for = fmt.bring_for(bringing, bring_places) if bring and bring_places else None
    if bring_for:
        for place in payload_results:
            place["bring_here"] = place["number"] in bring_places
    # "pour ma mère": her papers, her procedures, in this answer and the later ones
    for_them = someone_else.still_for_them(state.tracker.get_slot(someone_else.SLOT), request)
    if for_them != bool(state.tracker.get_slot(someone_else.SLOT)):
        state.set(someone_else.SLOT, for_them)
    if for_them:
        what, bring = someone_else.about_them(what), [someone_else.about_them(b) for b in bring]
        instead = [someone_else.about_them(i) for i in instead]
    carried = carried_situations(state)
    payload = fmt.recommendation_payload(
        service_labels,
        location,
        filters_payload(kept),
        payload_results,
        nothing_near=nothing_near or None,
        total=total,
        offset=state.offset,
        searched=[labels.OUTILS_QUOTIDIEN] if broadened else None,
        bring=bring or None,
        bring_for=bring_for,
        lines=helplines.remote_lines(need_keys, request, danger=danger, carried=carried)
        + instead
        or None,
        notes=fmt.notes(
            response,
            constraints=state.constraints,
            offset=state.offset,
            nothing_near=nothing_near or broadened,  # remote help too
        )
        or None,
        follow_ups=fmt.follow_ups(
            more=bool(total and total > state.offset + len(results)),
            constraints=kept,
            # places for generic admin help with someone: learning alone is the other way
            learn_alone=needs_mod.needs_mode_question(need_keys, state.procedures, None),
            notify=payload_results[0] if referral_chat.can_notify(payload_results[0]) else None,
        )
        if results
        else None,
    )
    # Two needs, the places offer one: the intro says which (actions/need_cover.py).
    covered = need_cover.cover(need_keys, state.procedures[0] if state.procedures else None,
                               results) if not state.offset and not broadened else None  # fmt: skip
    note = need_cover.remote_note(get_directory(), response, covered) if covered else None
    if note:
        payload["orienteur"]["notes"] = [*(payload["orienteur"].get("notes") or []), note]
    covered = covered if note else None
    worded = someone_else.about_them if for_them else str
    intro = fmt.intro_text(
        len(results),
        where=where,
        what=worded(covered.what) if covered else what,
        uncovered=worded(covered.uncovered) if covered else "",
        constraints=kept,
        offset=state.offset,
        relaxed=relaxed,
        nothing_near=nothing_near,
        broadened=broadened,
        nearest=fmt.nearest_from(location) if nearest_first else None,
        nearest_km=display.distance_text(min(r.distance_km for r in results)) if far_only else "",
    )
    # Places that do not all do every need: the heading says which does which, from each
    # place's services in the payload (actions/need_cover.py).
    plain = not (state.offset or relaxed or nothing_near or broadened or nearest_first or covered)
    split = need_cover.apart(need_keys, state.procedures[0] if state.procedures else None,
                             payload_results) if plain else None  # fmt: skip
    if split:
        intro = fmt.apart_intro(
            len(results), where=where, none_both=split.none_both, constraints=kept,
            parts=[(worded(what), numbers) for what, numbers in split.parts],
        )  # fmt: skip
        # which does which as structure too (docs/payload.md): the SMS numbers its own list
        payload["orienteur"]["apart"] = split.payload(worded)
    dispatcher.utter_message(text=f"{lead} {intro}".strip(), json_message=payload)
    state.awaiting = None
    if results:
        shown = payload["orienteur"]
        state.set(
            "last_search",
            {
                "what": what,
                "where": where,
                "need": service_labels,
                "location": fmt.location_payload(location),
                "filters": filters_payload(state.constraints),
                "results": payload_results,
                "bring": bring or None,
                "bring_for": bring_for,
                # The rest of the answer, to show it again ("Revoir la liste"), and the
                # situations its lines were for, kept for the same request elsewhere.
                **{k: shown[k] for k in ("total", "offset", "lines", "notes", "follow_ups")
                   if k in shown},  # fmt: skip
                "first_need": state.needs[0] if state.needs else None,
                "situations": helplines.line_situations(request, danger=danger, carried=carried),
            },
        )


def shown_already(tracker: Tracker, place_ids: list) -> bool:
    """Whether the list last shown is the first page ``place_ids``, in that order: it already
    starts with the nearest place and reads from near to far."""
    shown = (tracker.get_slot("last_search") or {}).get("results") or []
    return bool(shown) and shown[0].get("number") == 1 and [r.get("id") for r in shown] == place_ids


def carried_situations(state: State) -> list[str]:
    """The situations the last answer gave a line for (a card stolen, harassment online), while
    the request goes on with the same need: "et à Beaune ?", "d'autres lieux" name no harm, and
    get the same lines."""
    last = state.tracker.get_slot("last_search") or {}
    same = bool(state.needs) and last.get("first_need") == state.needs[0]
    return list(last.get("situations") or []) if same else []


REQUEST_MESSAGES = 8  # the latest messages of a request read for its situation


def request_events(tracker: Tracker) -> list[dict]:
    """The events since the last answer with places (the request being served), in order."""
    events: list[dict] = []
    for event in reversed(tracker.events):
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


def danger_read(tracker: Tracker) -> bool:
    """The request was read as danger: the numbers or the danger check were given."""
    return any(
        _payload_type(e) in ("emergency", "danger_check") for e in request_events(tracker)
    )


def say_emergency_numbers(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The emergency numbers for the danger the request describes (actions/helplines.py): one
    message of several ``domain.yml`` responses (everyone's numbers, a partner's, a child's, the
    SMS, the end), as many as the situations named, with one payload of the numbers. A response
    is one message, so this one goes as text, each of its sentences read from the domain."""
    said, payload = helplines.emergency(request_texts(tracker))
    dispatcher.utter_message(text=said, json_message=payload)


# After the emergency numbers, the request the person states next is served with what the first
# message said (its need, its town): "ça va, il est calme, c'est pour le contrôle parental".
AFTER_NUMBERS = follow_ups.AFTER_NUMBERS


def numbers_only(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list:
    """Someone may be in danger now: the emergency numbers, first and only; the request of the
    message kept for after."""
    say_emergency_numbers(dispatcher, tracker)
    state = State(tracker)
    try:
        keep_request(state, tracker, text)
    except Exception:  # the numbers go out whatever happens to the request
        log.exception("could not keep the request said with a danger")
        return [SlotSet("fail_count", 0.0)]
    state.awaiting = AFTER_NUMBERS
    return state.save()


def keep_request(state: State, tracker: Tracker, text: str) -> None:
    """The need and the town of a message answered with the danger first, kept for after; no
    question asked now."""
    found = understand(state, tracker, text)
    muted = CollectingDispatcher()  # a town not found or ambiguous: asked later, not now
    resolve_location(muted, state, tracker, needs_mod.without_distance(text), found)
    state.choices = []


def take_request_after_numbers(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str
) -> list | None:
    """After the numbers, a message that states a need, whatever the intent read ("merci, ça va,
    c'est surtout pour le contrôle parental"): served, with the town kept; a denial of danger
    ("non merci je ne suis pas en danger"): the kept request goes on. None otherwise."""
    if is_button(text):
        return None
    if needs_mod.read(text, by_meaning=False).empty:
        return serve_kept_request(dispatcher, tracker) if safety.denies_danger(text) else None
    return orient(dispatcher, tracker, read_as="ask_help")


def serve_kept_request(dispatcher: CollectingDispatcher, tracker: Tracker) -> list:
    """The kept request (its needs, its town) served as it stands."""
    kept = tracker.copy()
    kept.slots["awaiting"] = None
    return [SlotSet("awaiting", None)] + orient(dispatcher, kept, read_as=CONTINUED)


# What an answer to the danger question that is neither yes nor no is read as: the request
# goes on (not a request intent: its needs are kept, not read again in place of the kept ones).
CONTINUED = "continue_request"


def take_after_danger_check(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str
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
        return serve_kept_request(dispatcher, tracker)
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


def take_mode_reply(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """After the mode question, a reply that does not choose ("plus près ?", "c'est ouvert le
    samedi ?"): the question once again; a second one, or "je sais pas", takes the default (one
    line), then the places, with the day asked. None for a choice, a need, a town. A button's
    rank typed ("le 2") is that button."""
    typed = typed_button.pressed(tracker, MODE_BUTTONS, text)
    if typed is not None:
        return orient(dispatcher, typed)
    if not is_button(text) and mode_default.leaves(text, smalltalk_response(tracker)):
        # "merci", "au revoir": the usual answer, the question not asked again
        dispatcher.utter_message(
            response=mode_default.leaving_response(text, smalltalk_response(tracker))
        )
        return [SlotSet("awaiting", None), SlotSet(mode_default.REPEATED_AT, None)]
    unsure = not is_button(text) and mode_default.unsure(text)  # "je sais pas", even as "non"
    if not unsure and (
        is_button(text)
        or intent_of(tracker) in ("affirm", "deny", *mode_default.OWN_INTENTS)
        or needs_mod.mode_answer(text)
        or entity_values(tracker, "mode")
        or place_values(tracker)
        or looks_like_place(text)
        or not needs_mod.read(text, by_meaning=False).empty
    ):
        return None
    turns = mode_default.user_turns(tracker.events)
    repeated = tracker.get_slot(mode_default.REPEATED_AT) == turns - 1
    read_as = "inform" if needs_mod.detect(text).constraints else CONTINUED
    if not (repeated or unsure):
        return orient(dispatcher, tracker, read_as=read_as) + [
            SlotSet(mode_default.REPEATED_AT, float(turns))
        ]
    dispatcher.utter_message(response="utter_mode_default")
    chosen = tracker.copy()
    chosen.slots.update({"mode": mode_default.DEFAULT, "awaiting": None})
    events = [SlotSet("mode", mode_default.DEFAULT), SlotSet("awaiting", None)]
    return events + orient(dispatcher, chosen, read_as=read_as)


def take_need_typed(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """After the need buttons (the need question's, or the likeliest needs), a choice typed
    instead of tapped ("le premier", "le 2", a button's title): read against the buttons just
    offered (``actions.typed_button``), then served as the button would be. None for anything
    else."""
    if tracker.get_slot("awaiting") == "need":
        buttons = NEED_BUTTONS
    else:
        offered = next(
            (
                e["data"]["custom"]["orienteur"].get("needs") or []
                for e in reversed(tracker.events)
                if _payload_type(e) == "need_choice"
            ),
            [],
        )
        buttons = [
            {"title": sentence_case(needs_mod.NEEDS[key].plain), "payload": need_payload(key)}
            for key in offered
            if key in needs_mod.NEEDS
        ]
    pressed = typed_button.pressed(tracker, buttons, text)
    return None if pressed is None else orient(dispatcher, pressed)


FOLLOW_UPS = follow_ups.registry(
    get_directory,
    after_numbers=take_request_after_numbers,
    after_danger_check=take_after_danger_check,
    after_mode=mode_default.take_confused(take_mode_reply, MODE_BUTTONS),  # "je comprends pas"
    after_need_choice=take_need_typed,
    after_need=take_need_typed,
)


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


def moved(state: State) -> bool:
    """The town changed in this turn ("non pas la réunion, la martinique")."""
    return state.location != state.tracker.get_slot("location")


def orient(dispatcher: CollectingDispatcher, tracker: Tracker, read_as: str | None = None) -> list:
    """The single step of the orientation: understand, ask what is missing, or answer.
    ``read_as``: the intent the message is read as when it is not the NLU's (a request read as
    "forget me" or as a report)."""
    state = State(tracker, read_as)
    text = clean_text(tracker.latest_message.get("text"))
    intent = state.intent
    if state.awaiting == AFTER_NUMBERS:
        state.awaiting = None
    if state.awaiting == "danger":
        state.awaiting = None
        if intent in ("affirm", "emergency"):
            say_emergency_numbers(dispatcher, tracker)
            return state.save()
        if intent == "deny":
            intent = "inform"  # "non": carry on with the request kept from before
    if state.awaiting == "referral_consent" and intent in ("affirm", "deny"):
        return referral_chat.answer_consent(dispatcher, tracker, said_yes=intent == "affirm")
    found = needs_mod.Understanding()
    # "emergency": ActionEmergency found a need said with strong words, and orients.
    if intent in REQUEST_INTENTS or state.awaiting in NEED_QUESTIONS:
        found = understand(state, tracker, text)
    if intent in ("affirm", "deny") and state.awaiting == "mode":
        state.mode = "avec_moi" if intent == "affirm" else "autonomie"
    elif answers_mode(state, text) and not found.mode:
        found.mode = state.mode = needs_mod.mode_answer(text)  # "avec qqn stp", "tt seul"
    state.was_awaiting = state.awaiting
    anywhere = says_anywhere(text)
    if anywhere and waits_for_town(state.location) and not place_values(tracker):
        state.location = {**state.location, "anywhere": True}  # "peu importe": all of it
    else:
        if intent == "change_location":
            state.location, state.offset = None, 0
            if state.awaiting != "location_choice":
                state.awaiting = "location"
        if not resolve_location(
            dispatcher, state, tracker, needs_mod.without_distance(text), found
        ):
            return state.save()
        if anywhere and waits_for_town(state.location):  # "n'importe où dans le 62"
            state.location = {**state.location, "anywhere": True}
    if state.was_awaiting == "need_choice" and needs_mod.needs_mode_question(
        state.needs, state.procedures, state.mode
    ):
        # One question about the need is enough: someone with them, learning alone is one tap
        # after the places.
        state.mode = "avec_moi"
    if found.choices and state.was_awaiting not in NEED_QUESTIONS:
        ask_need_choice(dispatcher, state, found.choices)
    elif not state.needs:
        if intent in ("affirm", "deny") and state.awaiting is None:
            dispatcher.utter_message(response="utter_anything_else")
            return state.save()
        ask_need(dispatcher, state)
    elif needs_mod.needs_mode_question(state.needs, state.procedures, state.mode):
        ask_mode(dispatcher, state)
    elif not state.location and state.choices:  # "Saint-Denis", then the need: which one still
        ask_choice_again(dispatcher, state)
    elif not state.location:
        ask_location(dispatcher, state)
    elif waits_for_town(state.location):
        ask_town(dispatcher, state)
    elif intent in ("affirm", "deny") and state.awaiting is None and not moved(state):
        dispatcher.utter_message(response="utter_anything_else")
    else:
        answer(dispatcher, state)
    return state.save()


# --- actions ----------------------------------------------------------------------------------
class OrienteurAction(Action, abc.ABC):
    """What every action of the assistant does first: read the cleaned text and, if someone may
    be in danger now, give the emergency numbers first and only. Then ``respond``."""

    async def run(self, dispatcher, tracker, domain) -> list:
        start = len(dispatcher.messages)
        events = await self.read_and_respond(dispatcher, tracker)
        text = clean_text(tracker.latest_message.get("text"))
        not_ours.say_beside(dispatcher, start, text)  # "et une garde d'enfant": not ours
        situation_first.say_at_once(dispatcher, start, text)  # a card to block, a bed tonight
        return events

    async def read_and_respond(self, dispatcher, tracker) -> list:
        text = clean_text(tracker.latest_message.get("text"))
        # A button pressed says nothing of danger: its payload is the assistant's own words
        # ("/inform{"location": "Mauriac (15)"}" once read as close to danger). A town given when
        # asked where says danger only in words: its meaning is a place's, not a situation's.
        reading = (
            None
            if is_button(text)
            else needs_mod.safety_reading(text, by_meaning=not gives_place_asked(tracker, text))
        )
        # "non merci, je ne suis pas en danger" after the numbers or the question: the request
        # goes on (its follow-up below), not the numbers again.
        if reading is not None and denied_after_danger(tracker, text):
            reading = None
        if reading is not None and reading.danger_now:
            return numbers_only(dispatcher, tracker, text)
        if reading is not None and reading.unsure and tracker.get_slot("awaiting") != "danger":
            return check_danger(dispatcher, tracker, text)
        if not is_button(text) and off_topic.asks_the_weather(text):  # "la météo à Lille"
            return misunderstood(dispatcher, tracker, "utter_out_of_scope")
        territory = None if is_button(text) else overseas.not_covered(text, get_locator())
        if territory is not None:  # "Papeete": the directory has no place there yet
            state = State(tracker)
            where = get_locator().locate(text[:120])
            need_keys = needs_mod.apply_mode(state.needs, state.mode)
            dispatcher.utter_message(
                response="utter_territory_not_covered",
                territory=territory,
                helpline=fmt.HELPLINE_TEXT,
                # the same contract as any answer about places: none there (docs/payload.md)
                json_message=fmt.recommendation_payload(
                    list(needs_mod.services_for(need_keys)),
                    where.best.to_dict() if where.status == "found" and where.best else None,
                    filters_payload(state.constraints),
                    [],
                    nothing_near=True,
                ),
            )
            state.awaiting, state.location, state.choices = None, None, []
            return state.save()
        if tracker.get_slot("awaiting") == "location" and help_at_home.means_at_home(text):
            return help_at_home.answer(dispatcher)  # "chez moi": help at home is no town
        follow_up = FOLLOW_UPS.get(tracker.get_slot("awaiting") or "")
        if follow_up is None:
            made = about_places_shown(dispatcher, tracker, text)
            if made is not None:
                return made
        else:
            made = follow_up.take(dispatcher, tracker, text)
            if made is not None:
                return made
            tracker, events = follow_up.not_answered(tracker)
            return events + self.respond(dispatcher, tracker, text)
        return self.respond(dispatcher, tracker, text)

    @abc.abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list: ...


# About one place of the last answer: "le premier n'est plus ouvert le dimanche" is a report.
PLACE_INTENTS = ("report_place", "notify_place")


def about_places_shown(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str
) -> list | None:
    """A message about the places just offered, whatever the intent the NLU read: one of them in
    full ("le deuxième", "celui de Pantin", its name), the list again ("liste", the button
    "Revoir la liste" after one place in full), or the same search on a given day ("et le
    dimanche ?", read once as a goodbye), a question on them ("plus près ?", "c'est quoi France
    Services ?", "elle ne peut pas se déplacer", "c'est gratuit ?", "je comprends pas":
    ``answer_about_places``), a need added or put instead ("il n'a pas de téléphone non plus",
    "non c'est juste pour imprimer": ``change_need``). None for anything else."""
    last = tracker.get_slot("last_search") or {}
    if not is_button(text) and not last.get("results") and place_questions.asks_price(text):
        # "c'est gratuit ?" before any place: most are free; then the question of the moment
        question = texts.text(back_on_track(State(tracker)))
        dispatcher.utter_message(response="utter_price_before_places", question=question)
        return [SlotSet("fail_count", 0.0)]
    if is_button(text) or tracker.get_slot("awaiting") or not last.get("results"):
        return None
    place = place_pick.picked(last["results"], text, place_pick.earlier_pages(tracker.events))
    if place is not None:
        show_place(dispatcher, last, place)
        return [SlotSet("fail_count", 0.0)]
    if need_changes.says_a_lack(text) or need_changes.says_ones_own(text):
        # "j'ai pas d'adresse mail", "pour mon téléphone ?": no question on the places
        changed = change_need(dispatcher, tracker, text)
        if changed is not None:
            return changed
    shown, day = place_shown_in_full(tracker), place_questions.asks_open_on(text)
    if shown is not None and day is not None and say_open_on(dispatcher, shown, day):
        return [SlotSet("fail_count", 0.0)]
    # "vous avez le numéro ?", "il est où ?", "c'est loin ?"
    from_where = fmt.nearest_from(tracker.get_slot("location"))
    said = place_questions.facts(text, last["results"], shown, from_where=from_where)
    if said is not None:
        dispatcher.utter_message(**said)
        return [SlotSet("fail_count", 0.0)]
    if place_questions.asks_list_again(text):
        show_list(dispatcher, last, place_pick.earlier_pages(tracker.events))
        return [SlotSet("fail_count", 0.0)]
    nearer = nearer_places(dispatcher, tracker, text)
    if nearer is not None:
        return nearer
    answered = answer_about_places(dispatcher, tracker, text)
    if answered:
        return [SlotSet("fail_count", 0.0)]
    changed = change_need(dispatcher, tracker, text)
    if changed is not None:
        return changed
    if intent_of(tracker) not in PLACE_INTENTS and needs_mod.refines_search(text):
        return orient(dispatcher, tracker, read_as="inform")
    # "y a rien à Tallard ?" (read as chitchat): the same request in the town named
    if intent_of(tracker) not in (*PLACE_INTENTS, *mode_default.OWN_INTENTS) and any(
        looks_like_place(v) for v in place_values(tracker)
    ):
        return orient(dispatcher, tracker, read_as="inform")
    return None


def nearer_places(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """ "plus près ?" after a list ranked by fit: the nearest places in strict distance order,
    said so. None when it is not that question, or when the distances are not the person's
    (a département-wide answer: ``answer_about_places`` asks for the address)."""
    state = State(tracker)
    if not place_questions.asks_nearer(text) or any(
        looks_like_place(v) for v in place_values(tracker)
    ):
        return None
    location = state.location or {}
    if location.get("lat") is None or not fmt.distance_is_the_persons(location):
        return None
    state.offset = 0
    answer(dispatcher, state, nearest_first=True)
    return state.save()


def answer_about_places(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """Answer a question on the places shown, the search kept: they are the nearest, what France
    Services is, who helps at home or by phone. False when the message is none of those."""
    state = State(tracker)
    if any(looks_like_place(v) for v in place_values(tracker)):
        return False  # "plus près de Bobigny ?", "elle habite Lyon": a search there
    last = tracker.get_slot("last_search") or {}
    if place_questions.asks_nearer(text):
        dispatcher.utter_message(
            response="utter_nearest_already", nearest=fmt.nearest_from(state.location)
        )
    elif place_questions.asks_what_france_services_is(text):
        dispatcher.utter_message(response="utter_what_is_france_services")
    elif place_questions.cannot_travel(text):
        say_remote_help(dispatcher, state)
    elif place_questions.asks_price(text):
        # From the places' own data, each said plainly; never the list again.
        dispatcher.utter_message(
            response="utter_places_fees", fees=fmt.fee_lines(last.get("results") or [])
        )
    elif place_questions.is_confused(text):
        dispatcher.utter_message(
            response="utter_places_explained",
            near=last.get("where") or fmt.near(state.location),
            what=last.get("what") or fmt.need_phrase(state.needs, None),
        )
    else:
        return False
    return True


def change_need(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """A need added to the request ("il n'a pas de téléphone non plus": both served, saying so)
    or put instead of it ("non c'est juste pour imprimer un papier": that one only), in the same
    town, whatever intent the NLU read (``actions.need_changes``). None for anything else; a
    town named is a search there (``orient``)."""
    state = State(tracker)
    if not (state.needs and state.location):
        return None
    if any(looks_like_place(v) for v in entity_values(tracker, "location")):
        return None
    if need_changes.says_a_missing_means(text):  # "il a pas de CB": no scam, the same search
        state.offset = 0
        answer(dispatcher, state, lead=texts.text("utter_means_noted"))
        return state.save()
    added = need_changes.added(text, state.needs)
    if added is not None:
        state.needs, state.offset = added, 0
        answer(dispatcher, state, lead=texts.text("utter_need_added"))
        return state.save()
    instead = need_changes.corrected(text, state.needs)
    if instead is None:
        return None
    # Another need: what to bring and how for the old one go with it, those of the new one
    # ("c'est pour ma déclaration d'impôts": its documents) come. "D'accord." first, the new
    # list's introduction names the need in our words (never the person's spelling back).
    read = needs_mod.read(text)
    state.needs, state.procedures, state.mode, state.offset = instead, read.procedures, read.mode, 0
    answer(dispatcher, state, lead=texts.text("utter_need_changed"))
    return state.save()


def say_remote_help(dispatcher: CollectingDispatcher, state: State) -> None:
    """The places of the search that help at a distance (the directory's "À distance"), else the
    national helpline."""
    try:
        response, _relaxed, _broadened = run_search(
            needs_mod.apply_mode(state.needs, state.mode),
            state.procedures,
            state.constraints,
            state.location or {},
        )
        remote = [o for o in response.remote_options if o.name != fmt.HELPLINE_NAME]
    except Exception:
        log.exception("directory search failed")
        remote = []
    if remote:
        dispatcher.utter_message(response="utter_remote_places", places=fmt.remote_list(remote))
    else:
        dispatcher.utter_message(
            response="utter_no_remote_place",
            near=fmt.near(state.location),
            helpline=fmt.HELPLINE_TEXT,
        )


def show_place(dispatcher: CollectingDispatcher, last: dict, place: dict) -> None:
    """One place of the last answer in full: the payload of a recommendation with that place
    only (``delivery`` ``"detail"``), what to bring, and what to do next."""
    notify = place if referral_chat.can_notify(place) else None
    dispatcher.utter_message(
        text=fmt.detail_intro(place),
        json_message=fmt.recommendation_payload(
            last.get("need") or [],
            last.get("location"),
            last.get("filters"),
            [place],
            delivery="detail",
            # what to bring only at a place that does the procedure (``bring_here``)
            bring=(last.get("bring") or None) if place.get("bring_here", True) else None,
            follow_ups=fmt.detail_follow_ups(notify),
        ),
    )


def place_shown_in_full(tracker: Tracker) -> dict | None:
    """The place the assistant's last answer showed in full (``show_place``), else None."""
    said_now = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if said_now:
                return None
            said_now = True
        elif said_now and _payload_type(event) == "recommendation":
            payload = event["data"]["custom"]["orienteur"]
            results = payload.get("results") or []
            return results[0] if payload.get("delivery") == "detail" and results else None
    return None


def say_open_on(dispatcher: CollectingDispatcher, place: dict, weekday: int) -> bool:
    """Whether ``place`` opens on that day, from its hours ("Non, … n'est pas ouvert le samedi.
    Ses horaires : …"), with the search on that day as a button when there is one. False when
    its hours are unknown."""
    times = display.day_hours(place.get("opening_hours"), weekday)
    if times is None:
        return False
    day = WEEKDAYS[weekday]
    buttons = place_questions.day_search(weekday)
    if times:
        dispatcher.utter_message(
            response="utter_place_open_on_day", place=place.get("name"), day=day, times=times,
            buttons=buttons,
        )  # fmt: skip
    else:
        dispatcher.utter_message(
            response="utter_place_closed_on_day", place=place.get("name"), day=day,
            hours=" ; ".join(place.get("hours") or []), buttons=buttons,
        )  # fmt: skip
    return True


def show_list(dispatcher: CollectingDispatcher, last: dict, earlier: list[dict] = ()) -> None:
    """The last answer's list again ("Revoir la liste" after one place in full): no new search;
    "d'autres lieux" goes on from it. After "d'autres lieux", the whole list seen so far (1 to 6,
    not 4 to 6: the ``earlier`` pages of the same list, ``place_pick.earlier_pages``)."""
    seen = {p.get("number") for p in last.get("results") or []}
    whole = [p for p in earlier if p.get("number") not in seen] + list(last.get("results") or [])
    whole.sort(key=lambda p: p.get("number") or 0)
    dispatcher.utter_message(
        response="utter_list_again",
        near=last.get("where") or fmt.near(last.get("location")),
        what=last.get("what") or "votre besoin",
        json_message=fmt.recommendation_payload(
            last.get("need") or [],
            last.get("location"),
            last.get("filters"),
            whole,
            total=last.get("total"),
            offset=0 if earlier else last.get("offset"),
            bring=last.get("bring") or None,
            bring_for=last.get("bring_for") or None,
            lines=last.get("lines") or None,
            notes=last.get("notes") or None,
            follow_ups=last.get("follow_ups") or None,
        ),
    )


class ActionOrient(OrienteurAction):
    def name(self) -> str:
        return "action_orient"

    def respond(self, dispatcher, tracker, text) -> list:
        return orient(dispatcher, tracker)


# The NLU must be this sure of danger, in a message that states a need with no strong word, for
# the assistant to ask "are you in danger now?" rather than serve the need.
SURE_OF_DANGER = 0.8


class ActionEmergency(OrienteurAction):
    """The NLU reads danger. The words decide: danger wordings → the numbers; a digital need said
    with strong words ("au secours, mon compte CAF est bloqué") or beside words that say the
    danger is over or a figure ("paix à son âme" of a tablet) → that need is served; neither →
    the numbers too, since nothing says otherwise; a need with no strong word → one question."""

    def name(self) -> str:
        return "action_emergency"

    def respond(self, dispatcher, tracker, text) -> list:
        if answers_mode(State(tracker), text):  # "avc quelqu'un": "avec", not a stroke
            return orient(dispatcher, tracker)
        if needs_mod.read(text).empty:
            return numbers_only(dispatcher, tracker, text)
        confidence = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0)
        words = safety.read(text, lambda _: True)
        if words.alarm or words.settled or confidence < SURE_OF_DANGER:
            return orient(dispatcher, tracker)
        return check_danger(dispatcher, tracker, text)


class ActionNotifyPlace(OrienteurAction):
    """ "Prévenez-les que je viens": the consent question first (actions/referral_chat.py)."""

    def name(self) -> str:
        return "action_notify_place"

    def respond(self, dispatcher, tracker, text) -> list:
        return referral_chat.ask_consent(dispatcher, tracker, needs_mod.fold(text))


class ActionReportPlace(OrienteurAction):
    """ "Ce lieu est fermé", "le numéro est faux": a citizen's report on a place of the last
    answer, for the coordinators' queue (actions/report_chat.py)."""

    def name(self) -> str:
        return "action_report_place"

    def respond(self, dispatcher, tracker, text) -> list:
        if says_a_situation(tracker, text):
            return orient(dispatcher, tracker, read_as="ask_help")
        return report_chat.report(dispatcher, tracker, text, get_directory)


def says_a_situation(tracker: Tracker, text: str) -> bool:
    """A "report" that is the person's situation: at the desk, where places are reported from
    their card and every note is a new conversation ("il n'a pas de téléphone non plus"), or
    before any place was offered when it states a need."""
    if is_staff_console(tracker):
        return True
    offered = (tracker.get_slot("last_search") or {}).get("results")
    return not offered and not needs_mod.detect(text).empty


class ActionMoreResults(OrienteurAction):
    def name(self) -> str:
        return "action_more_results"

    def respond(self, dispatcher, tracker, text) -> list:
        state = State(tracker)
        if not (state.needs and state.location):
            return orient(dispatcher, tracker)
        state.offset += PAGE
        answer(dispatcher, state)
        return state.save()


class ActionSendSummary(OrienteurAction):
    """ "Envoyez-le moi": the last search again, as a payload each channel renders to keep."""

    def name(self) -> str:
        return "action_send_summary"

    def respond(self, dispatcher, tracker, text) -> list:
        last = tracker.get_slot("last_search")
        if not last:
            dispatcher.utter_message(response="utter_nothing_to_send")
            return [SlotSet("fail_count", 0.0)]
        dispatcher.utter_message(
            response="utter_summary",
            what=last.get("what", "aide numérique"),
            near=last.get("where") or fmt.near(None),
            json_message=fmt.recommendation_payload(
                last.get("need", []),
                last.get("location"),
                last.get("filters"),
                last.get("results", []),
                delivery="summary",
                bring=last.get("bring") if isinstance(last.get("bring"), list) else None,
                notes=[fmt.HELPLINE_TEXT],
            ),
        )
        return [SlotSet("summary_requested", True), SlotSet("fail_count", 0.0)]


def is_staff_console(tracker: Tracker) -> bool:
    if tracker.get_slot("staff_console"):
        return True
    meta = tracker.latest_message.get("metadata") or {}
    if isinstance(meta, dict) and (meta.get("staff_console") or meta.get("channel") == "staff"):
        return True
    return (tracker.get_latest_input_channel() or "") in ("staff", "staff_console")


def handoff(dispatcher: CollectingDispatcher, tracker: Tracker, lead: str = "") -> list:
    if is_staff_console(tracker):
        dispatcher.utter_message(
            response="utter_handoff_staff",
            lead=lead,
            json_message={"orienteur": {"type": "handoff", "to": "staff"}},
        )
        target = "staff"
    else:
        dispatcher.utter_message(
            response="utter_handoff_helpline",
            lead=lead,
            helpline_name=fmt.HELPLINE_NAME,
            helpline_phone=fmt.HELPLINE_PHONE,
            json_message={
                "orienteur": {
                    "type": "handoff",
                    "to": "helpline",
                    "phone": fmt.HELPLINE_PHONE,
                    "tel": display.tel_uri(fmt.HELPLINE_PHONE),
                    "url": labels.HELPLINE["url"],
                }
            },
        )
        target = "helpline"
    record_orientation(
        service_of(_list(tracker.get_slot("needs"))),
        outcome="handoff",
        channel=tracker.get_latest_input_channel(),
        location=tracker.get_slot("location"),
    )
    return [SlotSet("handoff", target), SlotSet("fail_count", 0.0)]


class ActionHumanHandoff(OrienteurAction):
    def name(self) -> str:
        return "action_human_handoff"

    def respond(self, dispatcher, tracker, text) -> list:
        return handoff(dispatcher, tracker)


def back_on_track(state: State) -> str:
    """The response that asks the question of the moment again, after a misunderstanding."""
    if state.awaiting == "location" or (state.needs and not state.location):
        return "utter_ask_location_again"
    if state.awaiting == "location_choice":
        return "utter_ask_location_choice_again"
    if state.awaiting == "mode":
        return "utter_ask_mode_again"
    return "utter_ask_need_again"


def misunderstood(dispatcher, tracker, response: str) -> list:
    """``response`` (what was not understood, then ``{question}``), or the helpline the second
    time in a row."""
    count = int(tracker.get_slot("fail_count") or 0) + 1
    if count >= 2:
        events = handoff(dispatcher, tracker, lead=texts.text("utter_cannot_understand") + " ")
        return events
    question = texts.text(back_on_track(State(tracker)))
    dispatcher.utter_message(response=response, question=question, what="cela")
    return [SlotSet("fail_count", float(count))]


class ActionFallback(OrienteurAction):
    def name(self) -> str:
        return "action_fallback"

    def respond(self, dispatcher, tracker, text) -> list:
        state = State(tracker)
        if state.awaiting in ("location", "location_choice") and 0 < len(text) <= 80:
            # A town the NLU did not know, or a pick among the towns offered: the Locator decides.
            return orient(dispatcher, tracker)
        found = needs_mod.detect(text)
        said_distance = needs_mod.distance_limit(found.constraints) is not None  # "2 km max"
        if (not found.empty or said_distance) and len(text) <= 300:
            return orient(dispatcher, tracker)
        if looks_like_place(text) or answers_mode(state, text):  # "st etienne", "avec qqn"
            return orient(dispatcher, tracker)
        if not is_button(text) and names_town_and_area(text):  # "aix dans l'ain"
            return orient(dispatcher, tracker)
        return misunderstood(dispatcher, tracker, "utter_not_understood")


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
        looks_like_place(text) or pick_choice(state, text) is not None
    )


def gives_place_asked(tracker: Tracker, text: str) -> bool:
    """A short answer to "where?" that names a place (the NLU's or the locator's reading)."""
    if tracker.get_slot("awaiting") not in ("location", "location_choice"):
        return False
    if len(text.split()) > 6:
        return False
    return bool(place_values(tracker)) or answers_where(State(tracker), text)


def looks_like_place(text: str) -> bool:
    """A short message that names a place the locator knows exactly."""
    if not 0 < len(text.split()) <= 5:
        return False
    try:
        probe = get_locator().locate(location_text(text))
    except Exception:
        return False
    return plausible_guess(location_text(text), probe, ambiguous_too=True)


class ActionOutOfScope(OrienteurAction):
    def name(self) -> str:
        return "action_out_of_scope"

    def respond(self, dispatcher, tracker, text) -> list:
        if answers_where(State(tracker), text) or answers_mode(State(tracker), text):
            return orient(dispatcher, tracker)
        if not is_button(text) and overseas.names_a_town(text, get_locator()):
            return orient(dispatcher, tracker, read_as="inform")  # "Dumbea": a town there
        if not is_button(text) and names_only_a_town(text):
            return orient(dispatcher, tracker, read_as="inform")  # "Tourc'h": a town alone
        if not is_button(text) and not needs_mod.detect(text).empty and (
                guess_place(text) or place_values(tracker)):  # "permis ANTS 75011": the NLU's
            return orient(dispatcher, tracker, read_as="ask_help")  # "logement social, Sens"
        return misunderstood(dispatcher, tracker, "utter_out_of_scope")


FORGET_LOG = "var/forget-requests.jsonl"


# "Comment je supprime mon compte Instagram ?": an account elsewhere, a request for digital help;
# never an erasure of this conversation.
_ACCOUNT_ELSEWHERE = re.compile(
    r"\b(comptes?|profils?|pages?|messages|photos|publications|donnees|historique)\b"
    r"[^.!?]{0,30}\b" + platforms.alternatives(platforms.EVERY) + r"(?!\w)"
)


class ActionForgetMe(Action):
    """Deletes the conversation: Restarted() clears it for the assistant; the request is recorded
    so that the tracker store purges the stored events (see docs/payload.md).

    Not an ``OrienteurAction`` on purpose: an erasure asked for is done, never held up by the
    "Êtes-vous en danger ?" question or a pending follow-up; only danger now comes first."""

    def name(self) -> str:
        return "action_forget_me"

    async def run(self, dispatcher, tracker, domain) -> list:
        # "je veux en finir, comment supprimer tous mes comptes": the numbers, nothing erased.
        text = clean_text(tracker.latest_message.get("text"))
        if not is_button(text) and needs_mod.safety_reading(text).danger_now:
            return numbers_only(dispatcher, tracker, text)
        if not is_button(text) and (
            _ACCOUNT_ELSEWHERE.search(needs_mod.fold(text)) or not erasure.asked(text)
        ):  # "la caf a supprimé mon RSA": the request it is, nothing erased
            return orient(dispatcher, tracker, read_as="ask_help")
        path = Path(os.environ.get("ORIENTEUR_FORGET_LOG", FORGET_LOG))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"sender_id": tracker.sender_id, "at": time.time()}) + "\n")
        except OSError:
            log.exception("could not record the forget request")
        dispatcher.utter_message(
            response="utter_forgotten",
            json_message={"orienteur": {"type": "forget_me", "sender_id": tracker.sender_id}},
        )
        return [Restarted()]


# Small talk is the retrieval intent `chitchat`; the ResponseSelector names the sub-intent
# (`chitchat/greet`...) and the domain has one response per sub-intent (`utter_chitchat/greet`).
SMALLTALK = ("greet", "goodbye", "thank", "insult", "bot_challenge", "confused")


def smalltalk_response(tracker: Tracker) -> str:
    """``utter_chitchat/<sub-intent>`` for the latest message; ``confused``'s when unknown."""
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    key = intent.get("full_retrieval_intent_name")
    if not key:
        selected = (message.get("response_selector") or {}).get("chitchat") or {}
        key = (selected.get("response") or {}).get("intent_response_key")
    sub = (key or intent.get("name") or "").split("/")[-1]
    return f"utter_chitchat/{sub if sub in SMALLTALK else 'confused'}"


class ActionSmalltalk(OrienteurAction):
    """Greetings, thanks, insults…: the domain's response, unless someone may be in danger."""

    def name(self) -> str:
        return "action_smalltalk"

    def respond(self, dispatcher, tracker, text) -> list:
        if answers_where(State(tracker), text):
            return orient(dispatcher, tracker)
        if names_only_a_town(text, bare=True):
            return orient(dispatcher, tracker, read_as="inform")  # "nice" alone: the town
        dispatcher.utter_message(response=smalltalk_response(tracker))
        return []
