"""After a list of places (round 19's tester over REST): "y a rien à Tallard ?" (read as chitchat)
searches that town for the same need; "il est où ?" gets the first place's address; "c'est
loin ?", "en bus ?" get its distance from the search point, its address, and that the assistant
does not know bus lines — never "Je n'ai pas bien compris" nor a new need. Real actions on the
real embedded directory; each message with the intent the current NLU gives it."""

from __future__ import annotations

import pytest

from actions import backends
from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent


@pytest.fixture(scope="module")
def real(embedded_directory):
    backends.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    backends.set_backends(None, None)


def impots_at_gap() -> tuple[Talk, dict]:
    talk = Talk()
    first = one_list(talk.say("aide pour ma déclaration d'impôts à Gap", "ask_help",
                              [ent("location", "Gap")]))  # fmt: skip
    return talk, first


def test_a_town_asked_about_is_searched_for_the_same_need(real):
    talk, _ = impots_at_gap()
    msgs = talk.say("y a rien à Tallard ?", "chitchat", [ent("location", "Tallard")])
    reco = one_list(msgs)
    assert reco["location"]["commune"] == "Tallard", rest_text(msgs)
    assert talk.slots["procedures"] == ["impots"]
    assert "près de Tallard (05) pour vos démarches avec les impôts" in rest_text(msgs)


def test_where_is_it_gives_the_first_place_address(real):
    talk, first = impots_at_gap()
    place = first["results"][0]
    text = rest_text(talk.say("il est où ?", "nlu_fallback"))
    assert text == f"L'adresse de {place['name']} : {place['address']}.", text


@pytest.mark.parametrize("message, intent", [("c'est loin ?", "more_results"),
                                             ("en bus ?", "out_of_scope")])  # fmt: skip
def test_the_way_there_is_a_distance_and_an_address(real, message, intent):
    talk, first = impots_at_gap()
    place = first["results"][0]
    msgs = talk.say(message, intent)
    text = rest_text(msgs)
    assert text.startswith(f"{place['name']} est à {place['distance_text']} de Gap (05)."), text
    assert "lignes de bus" in text and place["address"] in text, text
    assert talk.slots["procedures"] == ["impots"] and not any(m.get("custom") for m in msgs)
