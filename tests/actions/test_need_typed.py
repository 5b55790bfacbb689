"""A need chosen by typing instead of tapping, after the three likeliest needs offered as buttons:
"le premier", "le 2", a button's title written by hand (tester, round 17: "le premier" got "Je ne
trouve pas « le premier »", read as a town; "le 2" the off-topic answer). Read against the
buttons just offered, as a place is picked among a list (actions.place_pick)."""

from __future__ import annotations

import pytest

from tests.actions import test_actions as T
from tests.actions.test_after_places import Talk, payloads, rest_text

locator, directory = T.locator, T.directory  # the fixtures of the action tests

GUESS = "kk1 est dans mon compte je peu plus me co"


def offered(talk: Talk) -> tuple[list[str], list[str]]:
    msgs = talk.say(GUESS, "ask_help")
    [choice] = payloads(msgs)
    assert choice["type"] == "need_choice" and talk.slots["awaiting"] == "need_choice"
    titles = [b["title"] for m in msgs for b in m.get("buttons") or []]
    return choice["needs"], titles


@pytest.mark.parametrize(
    "message, intent, rank",
    [
        ("le premier", "inform", 1),
        ("le 2", "out_of_scope", 2),
        ("2", "nlu_fallback", 2),
        ("la troisième", "inform", 3),
    ],
)
def test_a_rank_typed_chooses_that_button(directory, message, intent, rank):
    talk = Talk()
    needs, _ = offered(talk)
    msgs = talk.say(message, intent)
    said = rest_text(msgs)
    assert "Je ne trouve pas" not in said and "Je ne peux pas vous aider" not in said, said
    assert talk.slots["needs"] == [needs[rank - 1]], said
    assert talk.slots["awaiting"] == "location" and "ville" in said.lower(), said


def test_a_title_typed_chooses_that_button(directory):
    talk = Talk()
    needs, titles = offered(talk)
    typed = titles[1].lower()
    talk.say(typed, "ask_help")
    assert talk.slots["needs"] == [needs[1]]
