"""The actions for a message the NLU read as danger, as off-topic or did not understand
(``action_emergency``, ``action_out_of_scope``, ``action_fallback``): what it may be instead
(an answer to the question asked, a town, a need said plainly or with strong words, data) is
served as such; else the numbers, or "not ours", or "not understood"."""

from __future__ import annotations

from collections.abc import Callable

from rasa_sdk import Tracker

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

# A reading of the message (with the conversation) that says what it is instead of the intent.
Reader = Callable[[Tracker, str], bool]
# A row's ``read_as`` for a message read as the NLU's fallback would read it (``ActionFallback``)
# rather than handed to ``orient``.
NOT_UNDERSTOOD = "nlu_fallback"


def in_words(reads: Reader) -> Reader:
    """``reads``, for a message typed only: a button's payload is the assistant's own words."""
    return lambda tracker, text: not is_button(text) and reads(tracker, text)


# What a message the NLU read as danger is instead, before its need is read: (reader, the
# intent it is read as, why), tried in this order; the first that reads it decides.
NOT_DANGER: tuple[tuple[Reader, str | None, str], ...] = (
    (lambda tracker, text: answers_mode(State(tracker), text), None,
     "\"avc quelqu'un\": \"avec\", not a stroke"),
    (in_words(lambda tracker, text: answers_where(State(tracker), text)
              or names_only_a_town(text)), "inform",
     "A town is never danger (\"On est au Tampon\" read as one, set AR): its words said none "
     "(read first, in ``read_and_respond``), so it is the answer to \"where?\" or a town alone."),
    (in_words(lambda _, text: safety.is_data(text)), NOT_UNDERSTOOD,
     "« envoie par sms au 06 12 34 56 78 », « le 18/11 », « 17 rue Victor Hugo »: the NLU took "
     "digits for the emergency numbers; the words said no danger (read first, in "
     "``read_and_respond``): the message is read as the NLU's fallback would be"),
    (in_words(lambda _, text: safety.tells_a_device_in_water(text)), "ask_help",
     "« mon téléphone est tombé dans la piscine »: a device to replace, never danger"),
    (in_words(lambda _, text: situations.SEXTORTION in situations.read(text)), "ask_help",
     "blackmail with intimate images: a crime going on, no body in danger; what to do at once "
     "(``situation_first``) and the places for online safety, never the numbers alone"),
    (in_words(lambda _, text: safety.only_a_deadline(text)), "inform",
     "« c'est urgent, c'est pour ce soir »: a task due tonight, no danger"),
)  # fmt: skip


def _most_words(tracker: Tracker) -> int:
    """How many words a need said alone may have: more after a list (« et pour les impôts ? »)."""
    after_list = bool((tracker.get_slot("last_search") or {}).get("results"))
    return off_topic.NEED_AFTER_LIST_WORDS if after_list else off_topic.NEED_IN_FEW_WORDS


# What a message the NLU read as off-topic is instead: (reader, the intent it is read as, why),
# tried in this order; the first that reads it decides. None read it: "not ours".
NOT_OFF_TOPIC: tuple[tuple[Reader, str | None, str], ...] = (
    (lambda tracker, text: answers_where(State(tracker), text)
     or answers_mode(State(tracker), text) or town_unknown(tracker, text), None,
     "the answer to the question asked: the town or one offered, the mode, « je sais pas » to "
     "the town"),
    (in_words(lambda _, text: overseas.names_a_town(text, get_locator())), "inform",
     "\"Dumbea\": a town there"),
    (in_words(lambda _, text: names_only_a_town(text)), "inform", "\"Tourc'h\": a town alone"),
    (in_words(lambda tracker, text: not needs_mod.detect(text).empty
              and bool(guess_place(text) or place_values(tracker))), "ask_help",
     "a need and a place: \"permis ANTS 75011\", \"logement social, Sens\""),
    (in_words(lambda tracker, text: off_topic.says_a_need(text, _most_words(tracker))),
     "ask_help", "\"impots\", \"carte grise\""),
    (in_words(lambda _, text: off_topic.cries_for_a_need(text)), "ask_help",
     "\"mayday, un virus sur…\""),
    (in_words(lambda _, text: safety.tells_a_device_in_water(text)), "ask_help",
     "« tablette tombée à la mer »"),
)  # fmt: skip


class ActionEmergency(OrienteurAction):
    """The NLU reads danger. The words decide: danger wordings → the numbers; a digital need said
    with strong words ("au secours, mon compte CAF est bloqué") or beside words that say the
    danger is over or a figure ("paix à son âme" of a tablet) → that need is served; data alone
    (a phone number, a date, an address) or a relative's illness told as context → never danger
    from the NLU alone; neither → the numbers too, since nothing says otherwise; a need with no
    strong word → one question. What a message is instead: ``NOT_DANGER``."""

    def name(self) -> str:
        return "action_emergency"

    def respond(self, dispatcher, tracker, text) -> list:
        for reads, read_as, _why in NOT_DANGER:
            if reads(tracker, text):
                if read_as == NOT_UNDERSTOOD:
                    return ActionFallback().respond(dispatcher, tracker, text)
                return orient(dispatcher, tracker, read_as=read_as)
        # « ma mère a un cancer, je dois faire sa demande d'APA », « mon père est hospitalisé en
        # soins palliatifs »: an illness told as the context of a need, a relative in care, with
        # no danger said in words, is no danger now
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
    """The NLU reads off-topic: what the message is instead (``NOT_OFF_TOPIC``), else "not
    ours"."""

    def name(self) -> str:
        return "action_out_of_scope"

    def respond(self, dispatcher, tracker, text) -> list:
        for reads, read_as, _why in NOT_OFF_TOPIC:
            if reads(tracker, text):
                return orient(dispatcher, tracker, read_as=read_as)
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
