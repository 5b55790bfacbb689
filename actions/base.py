"""What every action of the assistant does first (``OrienteurAction``): read the cleaned text;
if someone may be in danger now, the emergency numbers first and only; a message the assistant
reads before any intent (« stop », a blank turn, another script, a territory not covered, the
reply to a question it asked: ``FOLLOW_UPS``, a message about the places shown); then the
intent's own ``respond``. The actions themselves subclass it."""

from __future__ import annotations

import abc
from functools import partial

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    about_help,
    blank_turn,
    follow_ups,
    help_at_home,
    keep_asked,
    languages,
    mode_default,
    next_citizen,
    no_need_yet,
    not_ours,
    off_topic,
    overseas,
    remote_first,
    situation_first,
    someone_else,
    stop_said,
    today_deadline,
    two_people,
    without_calling,
)
from actions import formatting as fmt
from actions import needs as needs_mod
from actions.after_list import about_places_shown
from actions.answers_read import answers_where
from actions.backends import get_directory, get_locator
from actions.danger_turns import (
    check_danger,
    denied_after_danger,
    numbers_only,
    take_after_danger_check,
    take_request_after_numbers,
)
from actions.handoff import misunderstood
from actions.message_text import clean_text, is_button, place_values
from actions.orient_flow import answer, orient, take_mode_reply, take_need_typed
from actions.questions import MODE_BUTTONS
from actions.search_run import filters_payload
from actions.state import State, intent_of
from bot.channels import render

FOLLOW_UPS = follow_ups.registry(
    get_directory,
    after_numbers=partial(take_request_after_numbers, orient=orient),
    after_danger_check=partial(take_after_danger_check, orient=orient),
    after_mode=mode_default.take_confused(take_mode_reply, MODE_BUTTONS),  # "je comprends pas"
    after_need_choice=take_need_typed,
    after_need=take_need_typed,
)


class OrienteurAction(Action, abc.ABC):
    """What every action of the assistant does first: read the cleaned text and, if someone may
    be in danger now, give the emergency numbers first and only. Then ``respond``."""

    async def run(self, dispatcher, tracker, domain) -> list:
        start = len(dispatcher.messages)
        events = await self.read_and_respond(dispatcher, tracker)
        events = two_people.announce(dispatcher, tracker, events)  # the second person, next
        text = clean_text(tracker.latest_message.get("text"))
        not_ours.say_beside(dispatcher, start, text)  # "et une garde d'enfant": not ours
        remote_first.say_first(dispatcher, start, text)  # "je préfère par téléphone"
        today_deadline.say_first(dispatcher, start, text)  # "avant ce soir": none opens today
        languages.say_once(dispatcher, start, tracker, text)  # "I answer in French", once
        languages.say_spoken_language(dispatcher, start, tracker, text)  # "parle pas fr (arabe)"
        situation_first.say_at_once(dispatcher, start, text)  # a card to block, a bed tonight
        without_calling.say_after_list(dispatcher, start, text)  # deaf: how to reach them
        return events

    async def read_and_respond(self, dispatcher, tracker) -> list:
        text = clean_text(tracker.latest_message.get("text"))
        if not is_button(text) and render.keyword(text) == "stop":
            return stop_said.answer(dispatcher, tracker)  # on REST, the widget: closed, said so
        if not text and intent_of(tracker) == "nlu_fallback":  # a blank message: no outage
            return blank_turn.answer(dispatcher, tracker)
        if languages.answer_other_script(dispatcher, text):  # Arabic, Cyrillic…: French only
            return []
        # A button pressed says nothing of danger: its payload is the assistant's own words
        # ("/inform{"location": "Mauriac (15)"}" once read as close to danger). A town given when
        # asked where says danger only in words: its meaning is a place's, not a situation's.
        reading = (
            None
            if is_button(text)
            else needs_mod.safety_reading(text, by_meaning=not (
                gives_place_asked(tracker, text) or only_for_a_relative(text)))
        )
        # "non merci, je ne suis pas en danger" after the numbers or the question: the request
        # goes on (its follow-up below), not the numbers again.
        if reading is not None and denied_after_danger(tracker, text):
            reading = None
        if reading is not None and reading.danger_now:
            return numbers_only(dispatcher, tracker, text)
        if reading is not None and reading.unsure and tracker.get_slot("awaiting") != "danger":
            return check_danger(dispatcher, tracker, text)
        if not is_button(text):  # "c'est quoi France Services ?", "vous gardez mes infos ?"
            answered = about_help.answer(dispatcher, tracker, text)  # first, in any state
            if answered is not None:
                return answered
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
                helpline=fmt.HELPLINE_FROM_AFAR,
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
        if not is_button(text):  # "envoyer par texto au 06 …" before any list: places first
            made = keep_asked.before_list(dispatcher, tracker, text)
            if made is not None:
                return made
        made = next_citizen.take(dispatcher, tracker, text, orient)  # « suivant : »: afresh
        if made is not None:
            return made
        made = two_people.take(dispatcher, tracker, text, orient)  # « ok »: the second person
        if made is not None:
            return made
        follow_up = FOLLOW_UPS.get(tracker.get_slot("awaiting") or "")
        if follow_up is None:
            made = about_places_shown(dispatcher, tracker, text, orient=orient, answer=answer)
            if made is not None:
                return made
        else:
            made = follow_up.take(dispatcher, tracker, text)
            if made is not None:
                return made
            tracker, events = follow_up.not_answered(tracker)
            return events + self.respond_to(dispatcher, tracker, text)
        return self.respond_to(dispatcher, tracker, text)

    def respond_to(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list:
        """A message that names no need yet ("c pour ma soeur", "aide svp", "jai 1 pb") is read
        by its words whatever the intent (``actions.no_need_yet``); else the intent's action."""
        pieces = tracker.get_slot(no_need_yet.FRAGMENTS)
        joined = no_need_yet.with_pieces(tracker, text)  # « la carte », then « grise »
        if joined is not None:
            return [*orient(dispatcher, joined, read_as="ask_help"),
                    SlotSet(no_need_yet.FRAGMENTS, None)]  # fmt: skip
        said = no_need_yet.answer(dispatcher, tracker, text)
        events = said if said is not None else self.respond(dispatcher, tracker, text)
        if pieces and not any(
            e.get("event") == "slot" and e.get("name") == no_need_yet.FRAGMENTS for e in events
        ):
            events = [*events, SlotSet(no_need_yet.FRAGMENTS, None)]
        return events

    @abc.abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list: ...


def only_for_a_relative(text: str) -> bool:
    """ "c'est pour mon père", "non je voulais dire pour ma mère": whom the request is for, and
    nothing else; its meaning came close to danger ("mon père" is in many of its examples), so
    danger is read from its words only."""
    return (
        len(text.split()) <= ONLY_FOR_A_RELATIVE_WORDS
        and someone_else.now_for_them(text) is not None
        and needs_mod.detect(text).empty
    )


ONLY_FOR_A_RELATIVE_WORDS = 8


def gives_place_asked(tracker: Tracker, text: str) -> bool:
    """A short answer to "where?" that names a place (the NLU's or the locator's reading)."""
    if tracker.get_slot("awaiting") not in ("location", "location_choice"):
        return False
    if len(text.split()) > 6:
        return False
    return bool(place_values(tracker)) or answers_where(State(tracker), text)
