"""The danger question ("Êtes-vous en danger en ce moment ?"): not asked for a relative or an age
alone, and an answer to it that is neither yes nor no goes on with the request kept."""

from __future__ import annotations

import pytest

from actions import actions as A
from actions.safety_actions import ActionEmergency, ActionOutOfScope
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
    for action in (A.ActionOrient(), ActionOutOfScope()):  # whatever the NLU made of it
        msgs, events = run(action, tracker("il a pas d'ordi non plus", "inform", slots=slots))
        now = {**slots, **slots_of(events)}
        assert now["needs"][0] == slots["needs"][0] and len(now["needs"]) == 2
        assert now["awaiting"] == "location" and "ville" in text(msgs)
        assert "Je ne peux pas vous aider" not in text(msgs)


def test_a_town_after_the_danger_question_gets_the_places(directory):
    slots = _asked(directory)
    for action in (A.ActionOrient(), ActionOutOfScope()):
        msgs, events = run(
            action, tracker("Beaune", "inform", [ent("location", "Beaune")], slots=slots)
        )
        assert kinds(msgs) == ["recommendation"] and "Beaune" in text(msgs)
        assert {**slots, **slots_of(events)}["needs"] == slots["needs"]


# --- a denial of danger after the numbers or the question: the request goes on ----------------
NUMBERS_BESIDE_A_NEED = "mon ex me menace, il a piraté mon compte facebook, je suis à Lens"
DENIALS = [
    ("non merci je ne suis pas en danger", "deny"),
    ("non merci je ne suis pas en danger", "emergency"),
    ("ça va je suis pas en danger, c'est pour la demande", "inform"),
    ("ça va je suis pas en danger, c'est pour la demande", "emergency"),
]
ACTION_OF = {"deny": A.ActionOrient, "inform": A.ActionOrient, "emergency": ActionEmergency}


@pytest.mark.parametrize("message, intent", DENIALS)
def test_a_denial_after_the_numbers_gives_the_places_of_the_request(directory, message, intent):
    msgs, events = run(
        A.ActionOrient(),
        tracker(NUMBERS_BESIDE_A_NEED, "ask_help", [ent("location", "Lens")]),
    )
    assert kinds(msgs) == ["emergency"]
    slots = slots_of(events)
    msgs, events = run(ACTION_OF[intent](), tracker(message, intent, slots=slots))
    assert kinds(msgs) == ["recommendation"], text(msgs)
    assert "Lens" in text(msgs) and "112" not in text(msgs)
    assert {**slots, **slots_of(events)}["needs"] == slots["needs"]


@pytest.mark.parametrize("message, intent", DENIALS)
def test_a_denial_after_the_danger_question_gives_the_places(directory, message, intent):
    msgs, events = run(
        A.ActionOrient(),
        tracker(
            f"{DANGER_BESIDE_A_NEED}, j'habite à Beaune", "ask_help", [ent("location", "Beaune")]
        ),  # fmt: skip
    )
    assert kinds(msgs) == ["danger_check"]
    slots = slots_of(events)
    msgs, events = run(ACTION_OF[intent](), tracker(message, intent, slots=slots))
    assert kinds(msgs) == ["recommendation"], text(msgs)
    assert "Beaune" in text(msgs) and "112" not in text(msgs)


def test_a_denial_beside_a_severe_wording_still_gets_the_numbers(directory):
    msgs, events = run(
        A.ActionOrient(),
        tracker(NUMBERS_BESIDE_A_NEED, "ask_help", [ent("location", "Lens")]),
    )
    msgs, _ = run(
        A.ActionOrient(),
        tracker(
            "je suis pas en danger mais il m'a frappée encore", "inform", slots=slots_of(events)
        ),  # fmt: skip
    )
    assert kinds(msgs) == ["emergency"]


# --- a request in Creole: its language is no danger ------------------------------------------
CREOLE_REQUESTS = [
    # round 18's tester, and wordings of the same class not seen
    "Mwen pa konnen kijan pou mwen fè dosye CAF la, ou pé édé mwen ?",
    "mwen pa konnen kijan pou mwen fè dosye impôts la, ou pé édé mwen ?",
    "mwen bizwen èd pou dosyé CAF mwen",
    "kijan mwen ka fè dosyé CAF mwen, ou pé édé mwen ?",
]


@pytest.mark.parametrize("message", CREOLE_REQUESTS)
def test_a_creole_request_is_served_without_the_danger_question(directory, message):
    msgs, events = run(A.ActionOrient(), tracker(message, "ask_help"))
    assert "en danger" not in text(msgs), message
    assert kinds(msgs) == [] and "ville" in text(msgs), message  # the town asked, then places
    assert slots_of(events)["needs"] == ["demarches"]


# --- a town's name is no danger -------------------------------------------------------------
# Round 24's tester: "aide demarches ajaccio" was asked "Êtes-vous en danger ?" (twice), "aide
# demarches bastia" was not. Other towns, small letters, of the same class.
TOWN_REQUESTS = [
    ("aide demarches ajaccio", "Ajaccio"),
    ("aide demarches calvi", "Calvi"),
    ("aide demarches corte", "Corte"),
    ("besoin aide demarches propriano", "Propriano"),
]


@pytest.mark.parametrize("message, town", TOWN_REQUESTS)
def test_a_town_name_never_asks_the_danger_question(directory, message, town):
    msgs, _ = run(A.ActionOrient(), tracker(message, "ask_help", [ent("location", town)]))
    assert "en danger" not in text(msgs) and "danger_check" not in kinds(msgs), message


# --- the word asking for help is no danger ----------------------------------------------------
# "aide demarches" sat at the danger margin (+0.055) by the word "aide" alone: the danger examples
# hold short cries ("à l'aide", "help au secours"). Short requests built on it, other needs; a
# longer message keeps its question ("aidez moi il lit mes messages").
@pytest.mark.parametrize("message", ["aide ordi svp", "aidez moi ordi", "aidez-moi ordinateur"])
def test_a_short_request_with_the_word_aide_is_not_asked_the_danger_question(directory, message):
    msgs, _ = run(A.ActionOrient(), tracker(message, "ask_help"))
    assert "en danger" not in text(msgs) and "danger_check" not in kinds(msgs), message


def test_a_longer_message_with_the_word_aide_keeps_its_question(directory):
    msgs, _ = run(A.ActionOrient(), tracker("aidez moi il lit mes messages", "ask_help"))
    assert "danger_check" in kinds(msgs), text(msgs)
