""""je sais pas" after a list is read as "je comprends pas": the list explained (the tester got
"Dites-moi simplement ce que vous voulez faire… et votre ville", both already given). Real
actions on the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, one_list, payloads, rest_text
from tests.conftest_actions import ent

LILLE = ("je veux apprendre à utiliser internet à Lille", "ask_help", [ent("location", "Lille")])


def after_a_list() -> Talk:
    talk = Talk()
    one_list(talk.say(*LILLE))
    return talk


def again(talk: Talk, message: str, intent: str) -> tuple[str, dict]:
    other = Talk()
    other.slots, other.history = dict(talk.slots), list(talk.history)
    msgs = other.say(message, intent)
    assert not payloads(msgs), rest_text(msgs)  # no new list, no question from zero
    return rest_text(msgs), other.slots


@pytest.fixture(scope="module")
def explained(real):
    text, _ = again(after_a_list(), "je comprends pas", "chitchat")
    assert text.startswith("Ce sont des lieux près de Lille (59)"), text
    return text


@pytest.mark.parametrize("intent", ["chitchat", "out_of_scope", "nlu_fallback", "deny"])
@pytest.mark.parametrize("message", ["je sais pas", "jsp", "euh je sais pas trop"])
def test_i_dont_know_after_a_list_explains_the_list(real, explained, message, intent):
    talk = after_a_list()
    text, slots = again(talk, message, intent)
    assert text == explained
    assert "Dites-moi simplement" not in text
    assert slots["location"]["commune"] == "Lille" and slots["needs"] == talk.slots["needs"]
