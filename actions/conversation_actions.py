"""The actions about the conversation itself: small talk (``action_smalltalk``), a person
asked for (``action_human_handoff``), the conversation forgotten (``action_forget_me``). A
message that says a town, a need or an answer to the question asked instead is read as such
(``orient``)."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from pathlib import Path

from rasa_sdk import Action
from rasa_sdk.events import Restarted

from actions import about_help, erasure, off_topic, platforms, today_deadline
from actions import formatting as fmt
from actions import needs as needs_mod
from actions.answers_read import answers_mode, answers_where, town_unknown
from actions.base import OrienteurAction
from actions.chitchat import ABOUT_THE_TALK, smalltalk_response
from actions.danger_turns import numbers_only
from actions.handoff import handoff
from actions.location_reply import asks_why_town, names_only_a_town
from actions.message_text import clean_text, is_button, place_values, without_quotes
from actions.orient_flow import orient
from actions.state import State

log = logging.getLogger(__name__)


# Small talk whose town, tagged by the NLU, is kept: a greeting or a message not understood.
_TOWN_KEPT_IN = frozenset({"utter_chitchat/greet", "utter_chitchat/confused"})


class ActionSmalltalk(OrienteurAction):
    """Greetings, thanks, insults…: the domain's response, unless someone may be in danger."""

    def name(self) -> str:
        return "action_smalltalk"

    def respond(self, dispatcher, tracker, text) -> list:
        if (
            answers_where(State(tracker), text)
            or town_unknown(tracker, text)
            or answers_mode(State(tracker), text)  # "with someone please": no goodbye
            or asks_why_town(text) and State(tracker).awaiting in ("location", "location_choice")
        ):
            return orient(dispatcher, tracker)
        if names_only_a_town(text, bare=True):
            return orient(dispatcher, tracker, read_as="inform")  # "nice" alone: the town
        if today_deadline.says_today(text):  # "je dois le faire aujourd'hui": no goodbye
            return orient(dispatcher, tracker, read_as="ask_help")
        if smalltalk_response(tracker) not in ABOUT_THE_TALK and not is_button(text) \
                and off_topic.says_a_need(text):  # "ameli" read as a greeting
            return orient(dispatcher, tracker, read_as="ask_help")
        if place_values(tracker) and smalltalk_response(tracker) in _TOWN_KEPT_IN:
            # "Bonjour, vous connaissez Lannion ?": the town kept, the need asked (t181 m12)
            return orient(dispatcher, tracker, read_as="inform")
        response = smalltalk_response(tracker)
        if response == "utter_chitchat/confused":
            known = explained_with_what_is_known(State(tracker))
            if known is not None:  # "vous faites quoi ?", the town known: only the need asked
                dispatcher.utter_message(**known)
                return []
        dispatcher.utter_message(response=response)
        return []


def explained_with_what_is_known(state: State) -> dict | None:
    """What the assistant does, asking only for what it does not know yet: the town known (t194
    F14, "vous faites quoi exactement ?" after "Lons-le-Saunier"), the need asked alone; the
    need known, the town alone. None when neither is known (the general explanation)."""
    location = state.location or {}
    if location and not state.needs:
        return {"response": "utter_explain_town_known", "near": fmt.near(location)}
    if state.needs and not location:
        return {"response": "utter_explain_need_known"}
    return None


class ActionHumanHandoff(OrienteurAction):
    def name(self) -> str:
        return "action_human_handoff"

    def respond(self, dispatcher, tracker, text) -> list:
        own = without_quotes(text)
        if own != text and not needs_mod.detect(own).empty:
            # "… affiche « virus détecté, appelez ce numéro », c'est vrai ?": the screen asked
            # to call, the person asks about a scam
            return orient(dispatcher, tracker, read_as="ask_help")
        return handoff(dispatcher, tracker, asked=True)


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
        if text.strip() and not is_button(text) and (
            _ACCOUNT_ELSEWHERE.search(needs_mod.fold(text)) or not erasure.asked(text)
        ):  # "la caf a supprimé mon RSA": the request it is; no words (a channel's command): erased
            answered = about_help.answer(dispatcher, tracker, text)  # "vous gardez mes infos ?"
            return answered if answered is not None else orient(
                dispatcher, tracker, read_as="ask_help"
            )
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
