"""A device asked about after a list for another need ("et pour la tablette ?" after "aide impôts
Rennes", or after "le deuxième"), round 26's tester over REST: the real model reads it as
ask_help with no entity (or a need entity for "téléphone"), and the person got the need menu
« de quoi avez-vous besoin ? » with the request and the town lost. It is one more need for the
same request: the places in the same town for both, the procedure kept. Real actions on the real
embedded directory; the intents and entities are the current model's."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent

FIRSTS = [
    ("aide impôts Rennes", [ent("procedure", "impots"), ent("location", "Rennes")], "Rennes"),
    ("je dois faire mes papiers pour la retraite à Vannes", [ent("location", "Vannes")], "Vannes"),
]
THEN = [
    ("et pour la tablette ?", [], "smartphone"),
    ("et pour l'ordi ?", [], "ordinateur"),
    ("pour mon téléphone ?", [ent("need", "smartphone")], "smartphone"),
]


@pytest.mark.parametrize("picked", [False, True], ids=["after-list", "after-le-deuxieme"])
@pytest.mark.parametrize("then, entities, device", THEN)
@pytest.mark.parametrize("first, first_entities, town", FIRSTS)
def test_a_device_after_the_list_is_one_more_need_in_the_same_town(
    real, first, first_entities, town, then, entities, device, picked
):
    talk = Talk()
    one_list(talk.say(first, "ask_help", first_entities))
    needs_before, procedures_before = list(talk.slots["needs"]), list(talk.slots["procedures"])
    if picked:
        talk.say("le deuxième", "inform")
    msgs = talk.say(then, "ask_help", entities)
    said = rest_text(msgs)
    assert "de quoi avez-vous besoin" not in said and talk.slots.get("awaiting") is None, said
    assert talk.slots["needs"] == [needs_before[0], device], said
    assert talk.slots["procedures"] == procedures_before
    assert one_list(msgs)["location"]["commune"] == town, said
