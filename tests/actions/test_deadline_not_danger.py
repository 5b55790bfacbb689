"""A deadline said with « ce soir », « avant minuit », « d'ici demain » (« je dois l'envoyer
avant ce soir ») is a hurry, not a danger: the danger reader's meaning put such sentences near the
emergencies, and a person who had just been given places for their paperwork got the emergency
numbers (112, 15, 17, 3114) instead. The deadline is read as the request; a danger said with a
time (« il a dit qu'il viendrait ce soir me tuer ») still gets the numbers. Played on the real
directory: Roubaix."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import ent

NUMBERS = ("112", "3114")
DEADLINES = [
    ("je dois l'envoyer avant ce soir", "send_it"),
    ("il faut que je le finisse avant ce soir", "inform"),
    ("ok mais faut que ce soit fait d'ici ce soir", "inform"),
    ("c'est urgent, c'est pour ce soir", "emergency"),
    ("je dois le déposer avant minuit sinon c'est trop tard", "inform"),
    ("faut que ce soit envoyé d'ici demain matin", "inform"),
]
FIRST_MESSAGES = [
    "je dois envoyer mon dossier CAF avant ce soir, je suis à Roubaix",
    "ma déclaration d'impôts doit partir avant minuit, j'habite Roubaix",
    "urgent il faut que je finisse mon inscription france travail ce soir à Roubaix",
]
DANGERS = [
    ("il a dit qu'il reviendrait ce soir pour me tuer", "emergency"),
    ("mon mari me frappe, il rentre ce soir et j'ai peur", "emergency"),
]


def listed() -> tuple[Talk, list[str]]:
    talk = Talk()
    reco = one_list(talk.say("je dois faire ma demande de RSA en ligne à Roubaix",
                             "ask_help", [ent("location", "Roubaix")]))  # fmt: skip
    return talk, [p["name"] for p in reco["results"]]


@pytest.mark.parametrize(("said", "intent"), DEADLINES)
def test_a_deadline_after_a_list_is_no_danger(real, said, intent):
    talk, names = listed()
    answer = rest_text(talk.say(said, intent))
    assert not any(n in answer for n in NUMBERS), (said, answer)
    assert "danger" not in answer.lower(), (said, answer)


@pytest.mark.parametrize("said", FIRST_MESSAGES)
def test_a_deadline_in_the_first_message_gets_the_places(real, said):
    talk = Talk()
    answer = talk.say(said, "ask_help", [ent("location", "Roubaix")])
    text = rest_text(answer)
    assert not any(n in text for n in NUMBERS), (said, text)
    assert one_list(answer)["results"], (said, text)


@pytest.mark.parametrize(("said", "intent"), DANGERS)
def test_a_danger_said_with_a_time_still_gets_the_numbers(real, said, intent):
    talk, _names = listed()
    answer = rest_text(talk.say(said, intent))
    assert "112" in answer or "17" in answer, (said, answer)
