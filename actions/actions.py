"""``action_orient``, the action of a request (ask_help, inform, affirm, deny, change_location):
the orientation (``actions.orient_flow``), two people served one after the other.

Rasa's action server (``python -m bot.action_server --actions actions``) imports every module
of the ``actions`` package and registers each ``Action`` subclass; the others are, by job:
``actions.safety_actions`` (danger, off-topic, not understood), ``actions.place_actions`` (the
places of the last answer: more, sent, notified, reported), ``actions.conversation_actions``
(small talk, a person asked for, the conversation forgotten). What every action reads first is
``actions.base.OrienteurAction``.
"""

from __future__ import annotations

from actions import two_people
from actions.base import OrienteurAction
from actions.orient_flow import orient


class ActionOrient(OrienteurAction):
    def name(self) -> str:
        return "action_orient"

    def respond(self, dispatcher, tracker, text) -> list:
        first = two_people.serve_first(dispatcher, tracker, text, orient)  # two people, two towns
        return first if first is not None else orient(dispatcher, tracker)
