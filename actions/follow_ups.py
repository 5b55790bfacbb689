"""The questions the assistant waits an answer to outside the orientation, one entry each: the
value of the ``awaiting`` slot while it waits, how an answer is taken, and what happens to a
message that is not one. A new follow-up is one entry of ``registry``.

Every action reads the message through ``OrienteurAction.run``: while ``awaiting`` names a
follow-up, its ``take`` reads the message first, whatever the intent. A message that is not an
answer (``take`` answers None) is then read as usual, the follow-up either kept waiting or
dropped with its slots cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import referral_chat, report_chat, site_not_town

Take = Callable[[CollectingDispatcher, Tracker, str], "list | None"]

AFTER_NUMBERS = "after_numbers"  # the ``awaiting`` value after the emergency numbers
DANGER = "danger"  # the ``awaiting`` value after the danger question (``ask_danger``)


@dataclass(frozen=True)
class FollowUp:
    awaiting: str  # the ``awaiting`` slot's value while the assistant waits
    take: Take  # the answer → its events; None when the message is not an answer
    # Not an answer: dropped, ``awaiting`` and these slots cleared; or, when False, kept waiting.
    drops: bool
    slots: tuple[str, ...] = ()

    def not_answered(self, tracker: Tracker) -> tuple[Tracker, list]:
        """The tracker the message is then read with, and the events that say so."""
        if not self.drops:
            return tracker, []
        cleared = ("awaiting", *self.slots)
        tracker = tracker.copy()
        tracker.slots.update(dict.fromkeys(cleared))
        return tracker, [SlotSet(name, None) for name in cleared]


def registry(
    directory: report_chat.Directory,
    after_numbers: Take,
    after_danger_check: Take,
    after_mode: Take | None = None,
    after_need_choice: Take | None = None,
    after_need: Take | None = None,
) -> Mapping[str, FollowUp]:
    """``awaiting`` value → its follow-up; ``directory`` gives the directory reports go to,
    ``after_numbers`` takes the request stated after the emergency numbers,
    ``after_danger_check`` an answer to the danger question that is neither yes nor no."""
    entries = (
        # "Êtes-vous en danger ?" answered with more of the request ("il a pas d'ordi non plus",
        # a town): read as its continuation (actions.danger_turns.take_after_danger_check).
        FollowUp(DANGER, after_danger_check, drops=False),
        # After the emergency numbers, a request (actions.danger_turns.take_request_after_numbers).
        FollowUp(AFTER_NUMBERS, after_numbers, drops=True),
        # The number or address for "prévenez-les que je viens" (actions/referral_chat.py).
        FollowUp("referral_contact", referral_chat.take_contact, drops=False),
        # The right number of a place reported with a wrong one (actions/report_chat.py).
        FollowUp(
            report_chat.AWAITING,
            partial(report_chat.take_phone, directory=directory),
            drops=True,
            slots=("report",),
        ),
        # A site or an app given when asked where ("facebook"): the town asked again, the
        # request kept (actions/site_not_town.py); any other answer is read as usual.
        FollowUp(site_not_town.AWAITING, site_not_town.take, drops=False),
        # Which place has the wrong hours, after "Lequel ?" (actions/report_chat.py).
        FollowUp(
            report_chat.HOURS_AWAITING,
            partial(report_chat.take_hours, directory=directory),
            drops=True,
            slots=("report",),
        ),
    )
    if after_mode is not None:
        # The mode question not answered: asked once again, then the default
        # (actions.orient_flow.take_mode_reply, actions/mode_default.py).
        entries += (FollowUp("mode", after_mode, drops=False),)
    if after_need_choice is not None:
        # A need button's rank or title typed by hand ("le premier", "le 2"): that need
        # (actions.orient_flow.take_need_typed).
        entries += (FollowUp("need_choice", after_need_choice, drops=False),)
    if after_need is not None:
        # The same after the need question's buttons ("2": "Téléphone, tablette").
        entries += (FollowUp("need", after_need, drops=False),)
    return {entry.awaiting: entry for entry in entries}
