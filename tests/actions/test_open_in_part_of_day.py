"""Opening hours asked for a part of the day (t194 B7, G3): "c'est ouvert jeudi matin ?" of a
place open on Thursday 14 h–17 h 30 only is "Non … n'ouvre que l'après-midi", never "Oui";
"c'est ouvert le matin ?" (no day) names the mornings it opens, or says it never does. Played on
the real directory: Angers, "cours pour apprendre l'ordinateur" (n° 2: Th 14:00-17:30; n° 3: Tu
14:00-17:30; Fr 09:00-12:30). "le matin" is also read as the town Le Marin by the NLU (helper
e195 mends that); here the words go through the after-list reading with no town entity."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import ent

ACA, MENET = "Maison de Quartier Angers Centre Animation (ACA)", "Maison de Quartier Marcelle Menet"


@pytest.fixture
def angers(real) -> Talk:
    talk = Talk()
    reco = one_list(talk.say("cours pour apprendre l'ordinateur à Angers", "ask_help",
                             [ent("location", "Angers")]))  # fmt: skip
    names = [p["name"] for p in reco["results"]]
    assert names[1:3] == [ACA, MENET], names
    return talk


def asked_of(talk: Talk, pick: str, question: str) -> str:
    talk.say(pick, "inform")
    return rest_text(talk.say(question, "inform"))


THURSDAY_MORNING = ["c'est ouvert jeudi matin ?", "vous êtes ouverts le jeudi matin ?",
                    "jeudi dans la matinée c'est ouvert ?", "il ouvre jeudi à 9h ?",
                    "c'est ouvert le jeudi avant 10h ?"]  # fmt: skip


def test_a_morning_asked_of_an_afternoon_place_is_no(angers):
    for question in THURSDAY_MORNING:
        said = asked_of(angers, "le 2", question)
        assert said.startswith(f"Non, le jeudi, {ACA} n'ouvre que l'après-midi : 14 h–17 h 30."), (
            question, said)  # fmt: skip
        assert "ce lieu n'ouvre aucun autre jour" in said, (question, said)


def test_the_afternoon_asked_is_yes_with_its_times(angers):
    for question in ["c'est ouvert jeudi après-midi ?", "ouvert le jeudi vers 16h ?",
                     "jeudi aprem c'est ouvert ?"]:  # fmt: skip
        said = asked_of(angers, "le 2", question)
        assert said.startswith(f"Oui, {ACA} est ouvert le jeudi "), (question, said)
        assert said.endswith(": 14 h–17 h 30."), (question, said)


def test_another_day_open_in_the_morning_is_named(angers):
    said = asked_of(angers, "le 3", "c'est ouvert mardi matin ?")
    assert said == (f"Non, le mardi, {MENET} n'ouvre que l'après-midi : 14 h–17 h 30. "
                    "Le matin, ce lieu ouvre le vendredi (9 h–12 h 30)."), said  # fmt: skip


@pytest.mark.parametrize("pick, expected", [
    ("le 2", f"Non, {ACA} n'ouvre jamais le matin."),
    ("le 3", f"Oui, le matin, {MENET} ouvre le vendredi (9 h–12 h 30)."),
])  # fmt: skip
def test_the_morning_with_no_day_names_the_mornings(angers, pick, expected):
    for question in ["ils ouvrent le matin ?", "c'est ouvert en matinée ?",
                     "on peut y aller le matin ?", "ouvert les matins ?"]:  # fmt: skip
        said = asked_of(angers, pick, question)
        assert said.startswith(expected), (question, said)


def test_the_list_asked_for_a_morning_each_place(angers):
    said = rest_text(angers.say("ils sont ouverts jeudi matin ?", "inform"))
    assert said.startswith("Le jeudi matin, d'après l'annuaire :"), said
    assert f"2. {ACA} : pas le matin (14 h–17 h 30)" in said, said
