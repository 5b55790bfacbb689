"""A relative's illness told as the reason for a paperwork need is no danger now (helper e183):
« mon père a été opéré en urgence du cœur, je dois m'occuper de sa mutuelle » (the trained NLU
reads it as ``emergency`` at 0.99) got « Êtes-vous en danger en ce moment ? », and « mon père a
fait un infarctus, il est à l'hôpital, je ne sais pas faire sa déclaration CAF » got the emergency
numbers (the stroke told as done, the man in hospital). Each intent below is the one the trained
model gives (models/orienteur.tar.gz). The need is served, no numbers, no danger question; a
message that says danger now beside an illness still gets the numbers. Real actions, real
directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, numbers_given, request_in, rest_text

_DANGER_TURNS = {"emergency", "danger_check"}


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # read as emergency by the NLU (0.99): the danger question came
        ("mon père a été opéré en urgence du coeur, je dois m'occuper de sa mutuelle", "emergency"),
        # a stroke, a heart attack, a fainting told as done, the person in hospital: numbers came
        ("mon père a fait un infarctus, il est à l'hôpital, je ne sais pas faire sa déclaration "
         "CAF", "ask_help"),
        ("mon mari a fait un AVC, il est en rééducation, je dois faire sa demande d'invalidité",
         "ask_help"),
        ("ma mère est hospitalisée, elle a fait un malaise, je dois gérer ses factures en ligne",
         "ask_help"),
        ("mon père vient de faire un AVC, il est à l'hôpital, et je dois faire sa demande d'APA "
         "en ligne", "ask_help"),
        # taken to hospital, a lasting illness: the danger question came
        ("ma femme a été transportée aux urgences, je dois faire sa déclaration CAF", "ask_help"),
        ("mon père fait des crises d'épilepsie, je dois faire sa demande de carte d'invalidité",
         "ask_help"),
        # the same kind of message, as the NLU reads some of them: emergency, sure of it
        ("ma mère est en réanimation, je dois accéder à son compte ameli", "emergency"),
        ("mon frère a une leucémie et je dois faire ses démarches à la CPAM à sa place",
         "emergency"),
        ("mon conjoint est en fin de vie à l'hôpital, il faut que je m'occupe de sa mutuelle sur "
         "internet", "emergency"),
        ("ma fille est hospitalisée en psychiatrie, je dois faire sa demande d'AAH en ligne",
         "emergency"),
        ("mon fils est dans le coma depuis son accident, je dois faire ses papiers à la CAF",
         "emergency"),
    ],
)  # fmt: skip
def test_an_illness_told_as_context_gets_the_need_served(real, message, intent):
    _, msgs = request_in(message, "Vierzon", intent)
    said = rest_text(msgs)
    assert not _DANGER_TURNS & set(kinds(msgs)), said[:300]
    assert "danger" not in said and "112" not in said, said[:300]
    # the request goes on: places, the one question before them (with someone, or alone?), or
    # the need asked when its words are not read (« m'occuper de sa mutuelle »)
    assert {"recommendation", "need_choice"} & set(kinds(msgs)) or "avec vous" in said, said[:300]


def test_a_relative_in_hospital_with_no_need_said_is_asked_the_need(real):
    msgs = Talk().say("mon père est hospitalisé en soins palliatifs", "emergency")
    said = rest_text(msgs)
    assert not _DANGER_TURNS & set(kinds(msgs)), said[:300]
    assert "112" not in said, said[:300]


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("mon père a un cancer et là il vient de s'effondrer dans la cuisine, il respire mal",
         "15"),
        ("mon mari est malade et là il ne respire plus, aidez-moi", "15"),
        ("ma mère est à l'hôpital et mon beau-père me menace avec un couteau", "17"),
        ("mon père est en chimio et il fait un malaise là maintenant, je dois faire sa demande "
         "d'APA", "15"),
        ("ma femme a un cancer, elle a avalé toute la boîte de somnifères, je dois faire sa "
         "déclaration", "15"),
    ],
)  # fmt: skip
def test_danger_now_beside_an_illness_still_gets_the_numbers(real, message, number):
    msgs = Talk().say(message, "emergency")
    said = rest_text(msgs)
    assert kinds(msgs) == ["emergency"], said[:300]
    assert number in numbers_given(msgs), said[:300]
