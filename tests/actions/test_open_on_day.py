"""After one place in full, "c'est ouvert le samedi ?" is about THAT place, answered from its
hours, never a new search; the places open that day are one button away."""

from __future__ import annotations

from dataclasses import replace

from rasa_sdk import Tracker

from actions import actions as A
from actions import backends
from tests.actions import test_actions as T
from tests.actions.test_actions import run, text
from tests.conftest_actions import FakeDirectory, ent, slots_of, tracker

locator = T.locator  # the fixture of the action tests

CAEN = (49.18, -0.37)
ASKED = "c'est ouvert le samedi ?"


class SaturdayMornings(FakeDirectory):
    def places(self):
        return [
            replace(p, opening_hours="Mo-Fr 09:00-17:00; Sa 09:00-12:00") for p in super().places()
        ]


def _asked_after_the_second(directory, locator) -> tuple[list, dict]:
    """ "aide pour mon dossier MDPH à Caen", "la deuxième", then ``ASKED``."""
    backends.set_backends(directory, locator)
    msgs, events = run(
        A.ActionOrient(),
        tracker("aide pour mon dossier MDPH à Caen", "ask_help", [ent("location", "Caen")]),
    )
    slots = slots_of(events)
    msgs, events = run(A.ActionOrient(), tracker("la deuxième", "inform", slots=slots))
    (detail,) = msgs
    second = slots["last_search"]["results"][1]
    assert detail["custom"]["orienteur"]["results"] == [second]
    message = {"text": ASKED, "intent": {"name": "inform", "confidence": 0.9},
               "entities": [ent("constraint", "samedi")], "metadata": {}}  # fmt: skip
    t = Tracker(
        sender_id="test-user",
        slots=slots,
        latest_message=message,
        events=[
            {"event": "user", "text": "la deuxième", "parse_data": {}},
            {"event": "bot", "text": detail.get("text"), "data": {"custom": detail["custom"]}},
            {"event": "user", "text": ASKED, "parse_data": message},
        ],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
    searches = len(directory.queries)
    msgs, events = run(A.ActionOrient(), t)
    assert len(directory.queries) == searches, "a new search"
    assert "last_search" not in slots_of(events)
    return msgs, second


def _day_button(msgs) -> None:
    buttons = [b for m in msgs for b in m.get("buttons") or []]
    assert {
        "title": "Les lieux ouverts le samedi",
        "payload": '/inform{"constraint": "samedi"}',
    } in buttons


def test_the_place_shown_closed_on_saturday_says_no_with_its_hours(locator):
    msgs, second = _asked_after_the_second(FakeDirectory(centre=CAEN), locator)
    backends.set_backends(None, None)
    assert (
        text(msgs)
        == f"Non, {second['name']} n'est pas ouvert le samedi. Ses horaires : lun.–ven. : 9 h–17 h."
    )
    _day_button(msgs)


def test_the_place_shown_open_on_saturday_says_yes_with_the_times(locator):
    msgs, second = _asked_after_the_second(SaturdayMornings(centre=CAEN), locator)
    backends.set_backends(None, None)
    assert text(msgs) == f"Oui, {second['name']} est ouvert le samedi : 9 h–12 h."
    _day_button(msgs)
