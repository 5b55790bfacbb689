"""A button's rank typed instead of tapped ("le 2", "2", "la deuxième") after a question with
buttons: the mode question ("Voulez-vous que quelqu'un fasse la démarche avec vous, ou
préférez-vous apprendre ?", round 19's tester over REST) and the need question. Real actions,
gazetteer and embedded directory; each answer with the intent the current NLU gives it."""

from __future__ import annotations

import pytest

from actions import backends
from directory_client import Locator
from tests.actions.test_actions import text
from tests.actions.test_mode_answer import mode_asked, say


@pytest.fixture(scope="module")
def real(embedded_directory):
    backends.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    backends.set_backends(None, None)


@pytest.mark.parametrize("answer, intent, mode", [
    ("le 2", "out_of_scope", "autonomie"), ("2", "out_of_scope", "autonomie"),
    ("la deuxième", "inform", "autonomie"), ("le premier", "inform", "avec_moi"),
    ("1", "out_of_scope", "avec_moi"),
])  # fmt: skip
def test_a_rank_typed_after_the_mode_question_is_that_button(real, answer, intent, mode):
    msgs, slots = say(answer, intent, mode_asked())
    assert slots.get("mode") == mode, text(msgs)
    assert slots["awaiting"] == "location", text(msgs)
    assert "fasse la démarche avec vous" not in text(msgs)


@pytest.mark.parametrize("answer, intent", [("2", "out_of_scope"), ("le deuxième", "inform")])
def test_a_rank_typed_after_the_need_question_is_that_button(real, answer, intent):
    msgs, slots = say("bonjour j'ai besoin d'aide", "ask_help")
    assert slots["awaiting"] == "need", text(msgs)
    msgs, slots = say(answer, intent, slots)
    assert slots.get("needs") == ["smartphone"], text(msgs)
