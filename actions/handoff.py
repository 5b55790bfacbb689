"""Handing the person over: to the desk's staff at the staff console, else to the national
helpline (``handoff``); after a second misunderstanding in a row, the same (``misunderstood``)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import helplines, someone_else, texts
from actions.questions import back_on_track
from actions.search_run import service_of
from actions.state import State, _list
from directory_client import display, labels
from directory_client.demand import record_orientation


def is_staff_console(tracker: Tracker) -> bool:
    if tracker.get_slot("staff_console"):
        return True
    meta = tracker.latest_message.get("metadata") or {}
    if isinstance(meta, dict) and (meta.get("staff_console") or meta.get("channel") == "staff"):
        return True
    return (tracker.get_latest_input_channel() or "") in ("staff", "staff_console")


def handoff(
    dispatcher: CollectingDispatcher, tracker: Tracker, lead: str = "", asked: bool = False
) -> list:
    """The desk's staff at the staff console, else the helpline. ``asked``: a person to call was
    asked ("numéro à appeler pour elle"): the number for the situation the last answer gave a
    line for comes first (``situation_first``)."""
    if is_staff_console(tracker):
        dispatcher.utter_message(
            response="utter_handoff_staff",
            lead=lead,
            json_message={"orienteur": {"type": "handoff", "to": "staff"}},
        )
        target = "staff"
    else:
        first = situation_first(tracker) if asked else ""
        helpline_line(dispatcher, f"{first} {lead}".lstrip() if first else lead)
        target = "helpline"
    record_orientation(
        service_of(_list(tracker.get_slot("needs"))),
        outcome="handoff",
        channel=tracker.get_latest_input_channel(),
        location=tracker.get_slot("location"),
    )
    return [SlotSet("handoff", target), SlotSet("fail_count", 0.0)]


def situation_first(tracker: Tracker) -> str:
    """The lines with a number to call for the situation the last answer gave lines for (a card
    to block after a scam: the opposition line), as the one to call first, about the person
    helped when it is someone else; "" when there is none."""
    last = tracker.get_slot("last_search") or {}
    lines = helplines.call_lines(last.get("situations") or [])
    if not lines:
        return ""
    if tracker.get_slot(someone_else.SLOT):
        lines = [someone_else.about_them(line) for line in lines]
    return texts.text("utter_call_first", lines=" ".join(lines))


def helpline_line(dispatcher: CollectingDispatcher, lead: str = "") -> None:
    """The helpline (``utter_handoff_helpline``) with its payload: what "parler à quelqu'un"
    gets, and help by phone asked with a need (``actions.remote_first``)."""
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
