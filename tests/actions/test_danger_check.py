"""The danger question ("Êtes-vous en danger en ce moment ?"): not asked for a relative or an age
alone, and an answer to it that is neither yes nor no goes on with the request kept."""

from __future__ import annotations

from actions import actions as A
from tests.actions import test_actions as T
from tests.actions.test_actions import kinds, run, text
from tests.conftest_actions import ent, slots_of, tracker

locator, directory = T.locator, T.directory  # the fixtures of the action tests

MOTHER = (
    "Bonjour, j'écris pour ma mère de 82 ans qui ne sait pas se servir de son téléphone, "
    "elle habite à Beaune"
)
DANGER_BESIDE_A_NEED = (
    "il est revenu, il a fermé la porte à clé et m'a pris mon téléphone, j'écris avec la "
    "tablette, il faut que je fasse ma demande de logement"
)


def test_a_relative_and_her_age_do_not_ask_the_danger_question(directory):
    for message in (MOTHER, MOTHER.replace(" de 82 ans", "")):
        msgs, _ = run(A.ActionOrient(), tracker(message, "ask_help", [ent("location", "Beaune")]))
        assert "en danger" not in text(msgs), message
        assert kinds(msgs) == ["recommendation"] and "Beaune" in text(msgs), message


def _asked(directory) -> dict:
    msgs, events = run(A.ActionOrient(), tracker(DANGER_BESIDE_A_NEED, "ask_help"))
    assert kinds(msgs) == ["danger_check"]
    return slots_of(events)


def test_a_need_added_after_the_danger_question_keeps_the_request(directory):
    slots = _asked(directory)
    for action in (A.ActionOrient(), A.ActionOutOfScope()):  # whatever the NLU made of it
        msgs, events = run(action, tracker("il a pas d'ordi non plus", "inform", slots=slots))
        now = {**slots, **slots_of(events)}
        assert now["needs"][0] == slots["needs"][0] and len(now["needs"]) == 2
        assert now["awaiting"] == "location" and "ville" in text(msgs)
        assert "Je ne peux pas vous aider" not in text(msgs)


def test_a_town_after_the_danger_question_gets_the_places(directory):
    slots = _asked(directory)
    for action in (A.ActionOrient(), A.ActionOutOfScope()):
        msgs, events = run(
            action, tracker("Beaune", "inform", [ent("location", "Beaune")], slots=slots)
        )
        assert kinds(msgs) == ["recommendation"] and "Beaune" in text(msgs)
        assert {**slots, **slots_of(events)}["needs"] == slots["needs"]
