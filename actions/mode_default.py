"""The mode question ("Voulez-vous que quelqu'un fasse la démarche avec vous, ou préférez-vous
apprendre ?") asked once per request: a reply that does not choose ("plus près ?", "c'est ouvert
le samedi ?", a life detail, the town), or "je sais pas", takes the default (someone helps:
``DEFAULT``), said in one short line with how to learn alone instead, and the places come
(``actions.orient_flow.take_default_mode``). "je comprends pas", "c'est quoi la différence ?" gets
the question once in simpler words, with the same buttons (``take_confused``); said again, the
default. Readers; ``actions.orient_flow.take_mode_reply`` sends the answer."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import keep_asked, keep_request, place_questions
from actions import needs as needs_mod
from actions.message_text import folded_words

DEFAULT = "avec_moi"
AWAITING = "mode"
# The slot that holds the count of the person's messages when the question was said in simpler
# words: the next message that does not understand either takes the default.
REPEATED_AT = "mode_repeated_at"

# Intents whose actions answer on their own ("d'autres lieux" gives places as before): never read
# as a reply to the question.
OWN_INTENTS = (
    "more_results", "restart", "change_location", "human_handoff", "forget_me", "send_it",
    "report_place", "notify_place",
)  # fmt: skip
_UNSURE = re.compile(
    r"\b(?:(?:je |j )?(?:ne )?(?:sais|sait|sai)(?: pas| po|pa)\b|jsp|chais pas|chai pas"
    r"|aucune idee|peu importe|n importe|comme vous voulez|ca m est egal|egal|bof|les deux"
    r"|je ne sais|hesite)"
)


# A thank-you or a goodbye instead of a choice ("merci", "merci beaucoup", "au revoir"): the
# usual answer (``leaving_response``), never the question again.
_LEAVES = re.compile(
    r"^(?:(?:ok|okay|d accord|bon|ben|bah|tres bien|ah|oh) )*(?:merci|mercii+|au revoir"
    r"|bonne (?:journee|soiree|fin de journee)|a bientot|bye|salut|ciao)"
    r"(?: (?:beaucoup|bien|infiniment|a vous|pour tout|pour votre aide|madame|monsieur|bcp"
    r"|au revoir|bonne journee|bonne soiree|a bientot))*$"
)


def leaves(text: str, smalltalk: str) -> bool:
    """ "merci", "au revoir", "ok merci bonne journée", or the NLU's thank or goodbye on a short
    message with no need in it: the person thanks or leaves, choosing nothing."""
    folded = folded_words(text)
    if not 0 < len(folded.split()) <= 8 or needs_mod.mode_answer(text):
        return False  # "with someone please" (read once as a goodbye) chooses
    if _LEAVES.search(folded):
        return True
    said_so = smalltalk in ("utter_chitchat/thank", "utter_chitchat/goodbye")
    return said_so and needs_mod.detect(text).empty


def leaving_response(text: str, smalltalk: str) -> str:
    """The usual answer to a thank-you or a goodbye (``leaves``): the NLU's, else by the words."""
    if smalltalk in ("utter_chitchat/thank", "utter_chitchat/goodbye"):
        return smalltalk
    return "utter_chitchat/thank" if "merci" in folded_words(text) else "utter_chitchat/goodbye"


# The question not understood, beyond the list's words (``actions.place_questions.is_confused``):
# "c'est quoi la différence ?", "hein ?", "quoi ?", "comment ça ?", "ça veut dire quoi ?".
_DIFFERENCE = re.compile(r"\b(?:quelle|quoi la|la) difference\b")  # between the two choices
_CONFUSED = re.compile(
    r"^(?:hein|quoi|comment ca|comment|pardon|euh)$"
    r"|\bveut dire quoi\b|\bj ai pas compris\b|\bje (?:ne )?comprends? (?:pas|rien)\b"
)
SIMPLER = "utter_ask_mode_simpler"


def unsure(text: str) -> bool:
    """ "je sais pas", "jsp", "peu importe", "les deux": no choice, said as such."""
    folded = folded_words(text)
    return 0 < len(folded.split()) <= 8 and bool(_UNSURE.search(folded))


def asks_of_places(text: str) -> bool:
    """ "vous avez juste le numéro de téléphone du premier ?", "c'est où ?", "il faut un
    rendez-vous ?" instead of a choice: a question on places not given yet; the person wants
    them (the default, said, then the places with their phones and addresses). Never a reply
    that chooses ("avec quelqu'un, vous avez leur numéro ?")."""
    if needs_mod.mode_answer(text):
        return False
    return (
        place_questions.asks_phone(text)
        or place_questions.asks_address(text)
        or place_questions.asks_where_it_is(text)
        or place_questions.asks_appointment(text)
    )


def chooses_nothing(text: str) -> bool:
    """ "je sais pas" (``unsure``) or a question on the places to come (``asks_of_places``):
    the default is taken, said, and the places come."""
    return unsure(text) or asks_of_places(text)


def confused(text: str) -> bool:
    """ "je comprends pas", "j'ai pas compris", "c'est quoi la différence ?", "hein ?": the
    question not understood (no choice, no need)."""
    folded = folded_words(text)
    if not 0 < len(folded.split()) <= 8 or unsure(text):
        return False
    return (
        bool(_DIFFERENCE.search(folded))
        or place_questions.is_confused(text)
        or (bool(_CONFUSED.search(folded)) and needs_mod.detect(text).empty)
    )


def take_confused(after_mode, buttons: list[dict]):
    """``after_mode`` (``actions.orient_flow.take_mode_reply``) with the question not understood
    first: said again once in simpler words with ``buttons``; not understood again (or after it
    was repeated), read as "je sais pas": the default, said, then the places."""

    def take(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
        if keep_request.asks_sheet(text):  # "fiche d'orientation à imprimer": the desk wants places
            return with_sheet(dispatcher, tracker, after_mode(dispatcher, tracker, "je sais pas"))
        if not confused(text):
            return after_mode(dispatcher, tracker, text)
        turns = user_turns(tracker.events)
        if tracker.get_slot(REPEATED_AT) == turns - 1:
            return after_mode(dispatcher, tracker, "je sais pas")
        dispatcher.utter_message(response=SIMPLER, buttons=buttons)
        return [SlotSet(REPEATED_AT, float(turns))]

    return take


def with_sheet(dispatcher: CollectingDispatcher, tracker: Tracker, events: list) -> list:
    """The places just given by the default (``events``), then their printable sheets."""
    last = _last_search(events)
    if last.get("results"):
        sheet = keep_asked.sheet_text(tracker, last["results"], keep_asked.bring_of(last))
        dispatcher.utter_message(text=sheet)
    return events


def _last_search(events: list) -> dict:
    return next((e.get("value") or {} for e in reversed(events)
                 if e.get("event") == "slot" and e.get("name") == "last_search"), {})  # fmt: skip


def last_results(events: list) -> list[dict]:
    """The places of the search ``events`` saved (none when no places were given)."""
    return list(_last_search(events).get("results") or [])


def user_turns(events: list[dict]) -> int:
    """How many messages the person has sent in the conversation so far."""
    return sum(1 for e in events if e.get("event") == "user")
