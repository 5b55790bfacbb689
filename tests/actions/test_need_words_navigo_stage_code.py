"""The Pass Navigo, an internship, learning to code: needs said in a word or a few (helper e210).
« navigo » is a procedure online (the pass asked, renewed, recharged on the transport's site):
papers online; « stage » is an internship to find: a job search (Insertion professionnelle via le
numérique); « coder », « la programmation » is creating with the digital (Loisirs et créations
numériques, the 1.0 « Créer avec le numérique »). Before the fix: « navigo », « pass navigo » and
« stage » got « Je n'ai pas bien compris », « recharger mon navigo » a phone to learn, « stage en
entreprise » a business to run, « je veux apprendre à coder » a phone to learn beside it. Near
wordings that are none of these keep their reading: a driving course (« stage de conduite »,
« stage de récupération de points »), the highway code (« le code de la route »), a pupil's
work-experience week (« stage de 3e »). Each intent is the trained model's. Real actions."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

WHERE = "Dans quelle ville ou quel code postal"
WRONG = ("Je ne peux pas vous aider", "Je n'ai pas bien compris")


def _needs_read(message: str, intent: str, entities=()) -> tuple[list[str], str]:
    talk = Talk()
    said = rest_text(talk.say(message, intent, [ent(e, v) for e, v in entities] or None))
    return talk.slots.get("needs") or [], said


@pytest.mark.parametrize(
    ("message", "intent", "entities"),
    [
        ("navigo", "nlu_fallback", ()),
        ("pass navigo", "nlu_fallback", ()),
        ("recharger mon navigo", "ask_help", ()),
        ("je dois refaire ma carte navigo en ligne", "ask_help", [("procedure", "carte navigo")]),
        ("renouveler mon passe navigo sur internet", "ask_help", ()),
    ],
)  # fmt: skip
def test_the_navigo_pass_is_papers_online(real, message, intent, entities):
    needs, said = _needs_read(message, intent, entities)
    assert needs == ["demarches"], (needs, said)
    assert not any(w in said for w in WRONG), said


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("stage", "nlu_fallback"),
        ("je cherche un stage", "out_of_scope"),
        ("trouver un stage de fin d'études", "ask_help"),
        ("stage en entreprise", "ask_help"),
        ("je dois trouver un stage pour mon bts", "ask_help"),
    ],
)
def test_an_internship_is_a_job_search(real, message, intent):
    needs, said = _needs_read(message, intent)
    assert needs[:1] == ["emploi"] and "entreprise" not in needs, (needs, said)
    assert said.startswith(WHERE), said


@pytest.mark.parametrize(
    ("message", "intent", "need"),
    [
        ("stage de récupération de points", "ask_help", "demarches"),  # the permit's points
        ("mon fils doit trouver un stage de 3e", "ask_help", "parentalite"),
    ],
)
def test_a_course_that_is_no_internship_keeps_its_reading(real, message, intent, need):
    needs, said = _needs_read(message, intent)
    assert needs[:1] == [need] and "emploi" not in needs, (needs, said)


def test_a_driving_course_is_no_job_search(real):
    needs, said = _needs_read("je suis en stage de conduite", "inform")
    assert "emploi" not in needs, (needs, said)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("coder", "nlu_fallback"),
        ("apprendre à coder", "ask_help"),
        ("je veux apprendre à coder", "ask_help"),
        ("cours de programmation", "out_of_scope"),
        ("j'aimerais apprendre la programmation informatique", "ask_help"),
    ],
)
def test_learning_to_code_is_creating_with_the_digital(real, message, intent):
    needs, said = _needs_read(message, intent)
    assert needs == ["loisirs"], (needs, said)
    assert said.startswith(WHERE), said


def test_the_highway_code_is_no_coding(real):
    needs, said = _needs_read("réviser le code de la route", "change_location")
    assert "loisirs" not in needs, (needs, said)
