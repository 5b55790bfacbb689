"""The actions about the places of the last answer: more of them (``action_more_results``),
the list to keep (``action_send_summary``), the place told the person is coming
(``action_notify_place``) or reported wrong (``action_report_place``). A message that states a
need instead is read as the request it is (``orient``)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import formatting as fmt
from actions import needs as needs_mod
from actions import off_topic, referral_chat, report_chat
from actions.answers_read import answers_where
from actions.backends import get_directory
from actions.base import OrienteurAction
from actions.handoff import is_staff_console
from actions.message_text import is_button
from actions.orient_flow import answer, orient
from actions.search_run import PAGE
from actions.state import State


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
        if not last and not is_button(text) and off_topic.says_a_need(text):
            return orient(dispatcher, tracker, read_as="ask_help")  # "imprimer": the need
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
        if answers_where(State(tracker), text):  # "ils sont à Belmont-sur-Rance": the town asked
            return orient(dispatcher, tracker, read_as="inform")
        return report_chat.report(dispatcher, tracker, text, get_directory)


def says_a_situation(tracker: Tracker, text: str) -> bool:
    """A "report" that is the person's situation: at the desk, where places are reported from
    their card and every note is a new conversation ("il n'a pas de téléphone non plus"), or
    before any place was offered when it states a need."""
    if is_staff_console(tracker):
        return True
    offered = (tracker.get_slot("last_search") or {}).get("results")
    return not offered and not needs_mod.detect(text).empty
