"""A phone, a tablet or a computer fallen into water is a device to repair or replace, never
danger; a person fallen into water is (helper e210). Before the fix « mon téléphone est tombé dans
la piscine » got the emergency numbers, « j'ai fait tomber mon tel dans la baignoire » and « mon
ordi a pris l'eau » the question « Êtes-vous en danger en ce moment ? », « ma tablette est tombée
à la mer » was refused and « j'ai laissé tomber mon smartphone dans les wc » got the need menu.
Each message is run with the intent the trained model gives it (models/orienteur.tar.gz); what
the person reads is asserted. Real actions, real directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, numbers_given, rest_text
from tests.conftest_actions import ent

WHERE = "Dans quelle ville ou quel code postal"


@pytest.mark.parametrize(
    ("message", "intent", "entities"),
    [
        ("mon téléphone est tombé dans la piscine", "emergency", []),
        ("mon portable est tombé dans les toilettes, je dois en racheter un", "nlu_fallback",
         [("need", "smartphone")]),
        ("j'ai fait tomber mon tel dans la baignoire", "emergency", [("need", "smartphone")]),
        ("ma tablette est tombée à la mer pendant les vacances", "out_of_scope", []),
        ("mon téléphone est noyé, il ne s'allume plus", "emergency", []),
        ("mon ordi a pris l'eau", "emergency", []),
        ("mon iphone s'est noyé dans l'évier", "emergency", []),
        ("j'ai laissé tomber mon smartphone dans les wc", "ask_help", [("need", "smartphone")]),
        # a cry beside it is the device's (the need read on the device as broken)
        ("au secours mon téléphone est tombé dans l'eau", "emergency", []),
        ("sos ma tablette a pris l'eau aidez moi", "emergency", []),
    ],
)  # fmt: skip
def test_a_device_fallen_into_water_is_one_to_replace(real, message, intent, entities):
    talk = Talk()
    msgs = talk.say(message, intent, [ent(e, v) for e, v in entities] or None)
    said = rest_text(msgs)
    assert not {"emergency", "danger_check"} & set(kinds(msgs)), said[:300]
    assert not numbers_given(msgs) and "Êtes-vous en danger" not in said, said[:300]
    assert said.startswith(WHERE), said[:300]
    assert talk.slots["needs"][0] == "materiel_achat", talk.slots["needs"]


@pytest.mark.parametrize(
    "message",
    [
        "mon fils est tombé dans la piscine",
        "ma fille est tombée dans la piscine, elle ne bouge plus",
        "mon père est tombé dans la rivière",
        "un enfant est tombé à l'eau",
        "mon fils est tombé dans la piscine avec mon téléphone",
        "mon petit est tombé dans le bassin",
        "ma mère est tombée dans la baignoire, elle ne se relève pas",
    ],
)
def test_a_person_fallen_into_water_gets_the_numbers_at_once(real, message):
    msgs = Talk().say(message, "emergency")  # the trained model's intent for each
    assert "emergency" in kinds(msgs) and "112" in numbers_given(msgs), rest_text(msgs)[:300]
