"""The actions for a message the NLU read as danger, as off-topic or did not understand
(``action_emergency``, ``action_out_of_scope``, ``action_fallback``): what it may be instead
(an answer to the question asked, a town, a need said plainly or with strong words, data) is
served as such; else the numbers, or "not ours", or "not understood"."""

from __future__ import annotations

from actions import needs as needs_mod
from actions import off_topic, overseas, safety, situations
from actions.answers_read import answers_mode, answers_where, town_unknown
from actions.backends import get_locator
from actions.base import OrienteurAction
from actions.danger_turns import check_danger, numbers_only
from actions.handoff import misunderstood
from actions.location_reply import (
    guess_place,
    looks_like_place,
    names_only_a_town,
    names_town_and_area,
)
from actions.message_text import is_button, place_values
from actions.orient_flow import orient
from actions.state import State

# The NLU must be this sure of danger, in a message that states a need with no strong word, for
# the assistant to ask "are you in danger now?" rather than serve the need.
SURE_OF_DANGER = 0.8


class ActionEmergency(OrienteurAction):
    """The NLU reads danger. The words decide: danger wordings → the numbers; a digital need said
    with strong words ("au secours, mon compte CAF est bloqué") or beside words that say the
    danger is over or a figure ("paix à son âme" of a tablet) → that need is served; data alone
    (a phone number, a date, an address) or a relative's illness told as context → never danger
    from the NLU alone; neither → the numbers too, since nothing says otherwise; a need with no
    strong word → one question."""

    def name(self) -> str:
        return "action_emergency"

    def respond(self, dispatcher, tracker, text) -> list:
        if answers_mode(State(tracker), text):  # "avc quelqu'un": "avec", not a stroke
            return orient(dispatcher, tracker)
        # A town is never danger ("On est au Tampon" read as one, set AR): its words said none
        # (read first, in ``read_and_respond``), so it is the answer to "where?" or a town alone.
        if not is_button(text) and (answers_where(State(tracker), text) or names_only_a_town(text)):
            return orient(dispatcher, tracker, read_as="inform")
        if not is_button(text) and safety.is_data(text):
            # « envoie par sms au 06 12 34 56 78 », « le 18/11 », « 17 rue Victor Hugo »: the NLU
            # took digits for the emergency numbers; the words said no danger (read first, in
            # ``read_and_respond``): the message is read as the NLU's fallback would be
            return ActionFallback().respond(dispatcher, tracker, text)
        # « ma mère a un cancer, je dois faire sa demande d'APA », « mon père est hospitalisé en
        # soins palliatifs »: an illness told as the context of a need, a relative in care, with
        # no danger said in words, is no danger now
        if not is_button(text) and safety.tells_a_device_in_water(text):
            # « mon téléphone est tombé dans la piscine »: a device to replace, never danger
            return orient(dispatcher, tracker, read_as="ask_help")
        if not is_button(text) and situations.SEXTORTION in situations.read(text):
            # blackmail with intimate images: a crime going on, no body in danger; what to do at
            # once (``situation_first``) and the places for online safety, never the numbers alone
            return orient(dispatcher, tracker, read_as="ask_help")
        if not is_button(text) and safety.only_a_deadline(text):
            # « c'est urgent, c'est pour ce soir »: a task due tonight, no danger
            return orient(dispatcher, tracker, read_as="inform")
        illness = not is_button(text) and safety.tells_an_illness(text)
        if needs_mod.read(text).empty and not (illness and safety.tells_a_stay_in_care(text)):
            return numbers_only(dispatcher, tracker, text)
        confidence = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0)
        words = safety.read(text, lambda _: True)
        if words.alarm or words.settled or illness or confidence < SURE_OF_DANGER:
            return orient(dispatcher, tracker)
        if safety.only_words_of_no_danger(text):
            # « il a 17 ans il doit s'inscrire sur parcoursup », « je peux pas aller à Cayenne »:
            # an age, a relative or a distance is what the NLU read; without them, no danger
            return orient(dispatcher, tracker)
        return check_danger(dispatcher, tracker, text)


class ActionOutOfScope(OrienteurAction):
    def name(self) -> str:
        return "action_out_of_scope"

    def respond(self, dispatcher, tracker, text) -> list:
        if (
            answers_where(State(tracker), text)
            or answers_mode(State(tracker), text)
            or town_unknown(tracker, text)
        ):
            return orient(dispatcher, tracker)
        if not is_button(text) and overseas.names_a_town(text, get_locator()):
            return orient(dispatcher, tracker, read_as="inform")  # "Dumbea": a town there
        if not is_button(text) and names_only_a_town(text):
            return orient(dispatcher, tracker, read_as="inform")  # "Tourc'h": a town alone
        if not is_button(text) and not needs_mod.detect(text).empty and (
                guess_place(text) or place_values(tracker)):  # "permis ANTS 75011": the NLU's
            return orient(dispatcher, tracker, read_as="ask_help")  # "logement social, Sens"
        after_list = bool((tracker.get_slot("last_search") or {}).get("results"))
        most = off_topic.NEED_AFTER_LIST_WORDS if after_list else off_topic.NEED_IN_FEW_WORDS
        if not is_button(text) and off_topic.says_a_need(text, most):  # "impots", "carte grise"
            return orient(dispatcher, tracker, read_as="ask_help")
        if not is_button(text) and off_topic.cries_for_a_need(text):  # "mayday, un virus sur…"
            return orient(dispatcher, tracker, read_as="ask_help")
        if not is_button(text) and safety.tells_a_device_in_water(text):
            return orient(dispatcher, tracker, read_as="ask_help")  # « tablette tombée à la mer »
        return misunderstood(dispatcher, tracker, "utter_out_of_scope")


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
