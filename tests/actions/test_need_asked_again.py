"""A need of the list asked about again without "et" ("pour la tablette ?" after a list for the
tablet and the impôts, round 25's tester): the same request goes on, every need, the procedure and
the town; never that need alone in place of the request. A correction ("juste pour …") still puts
the need instead."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent

FIRSTS = [
    ("j'ai besoin d'apprendre à utiliser ma tablette et faire ma déclaration d'impôts à Roubaix",
     "Roubaix", "pour la tablette ?"),
    ("je voudrais apprendre à me servir de l'ordinateur et faire ma demande de RSA à la CAF, "
     "à Brest", "Brest", "pour l'ordi ?"),
    ("je dois imprimer un document et renouveler mon passeport à Vannes", "Vannes",
     "pour l'imprimante ?"),
    ("apprendre la tablette et faire ma déclaration d'impôts à Quimper", "Quimper",
     "pour ma tablette alors ?"),
]  # fmt: skip


@pytest.mark.parametrize("first, town, then", FIRSTS)
def test_a_need_of_the_list_asked_again_without_et_keeps_the_request(real, first, town, then):
    talk = Talk()
    one_list(talk.say(first, "ask_help", [ent("location", town)]))
    needs_before, procedures_before = list(talk.slots["needs"]), list(talk.slots["procedures"])
    assert len(needs_before) == 2 and procedures_before, talk.slots
    msgs = talk.say(then, "ask_help")
    assert talk.slots.get("awaiting") != "need_choice", rest_text(msgs)
    assert talk.slots["needs"] == needs_before, rest_text(msgs)
    assert talk.slots["procedures"] == procedures_before
    assert one_list(msgs)["location"]["commune"] == town


def test_a_correction_still_puts_the_need_instead(real):
    talk = Talk()
    first, town, _ = FIRSTS[0]
    one_list(talk.say(first, "ask_help", [ent("location", town)]))
    talk.say("non juste pour la tablette", "ask_help")
    assert talk.slots["needs"] == ["smartphone"], talk.slots
