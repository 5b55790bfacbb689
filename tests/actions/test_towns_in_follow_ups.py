"""Towns read right in follow-ups and in town answers, as round 26's tester played them over REST
(helper182's brief, defects 1 and 2). Each message carries the intent and the entities the
trained model (models/orienteur.tar.gz of 2026-12-07) gives it; real actions on the embedded
directory and the real Locator; what the person reads (``rest_text``, the REST client's plain
text)."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

NOT_FOUND = "Je ne trouve pas"
WHERE = "Dans quelle ville"


def listed_near(talk: Talk, message: str, entities: list[dict]) -> dict:
    [payload] = payloads(talk.say(message, "ask_help", entities))
    assert payload["results"], payload
    return payload


def mende_list() -> tuple[Talk, dict]:
    talk = Talk()
    payload = listed_near(
        talk, "aide pour la CAF à Mende", [ent("procedure", "caf"), ent("location", "mende")]
    )
    assert payload["location"]["commune"] == "Mende", payload["location"]
    return talk, payload


def town_asked() -> Talk:
    talk = Talk()
    assert WHERE in rest_text(talk.say("aide pour la CAF", "ask_help", [ent("procedure", "caf")]))
    return talk


# --- 1: a question about the places is no town -------------------------------------------------
@pytest.mark.parametrize(
    "question, intent",
    [("c'est pour quel âge ?", "inform"), ("c'est pour quel age ?", "nlu_fallback")],
)
def test_a_question_on_the_age_of_the_places_is_answered_never_read_as_a_town(
    real, question, intent
):
    talk, first = mende_list()
    said = rest_text(talk.say(question, intent))
    assert NOT_FOUND not in said and WHERE not in said, said
    assert talk.slots.get("awaiting") != "location", said
    # Each place listed and whom it says it is for (none of them names a public: all welcome)
    for place in first["results"]:
        assert f"{place['number']}. {place['name']} :" in said, said
    assert "tout public" in said, said
    detail = talk.say("2", "inform")  # the list is still there
    assert payloads(detail)[0]["results"] == [first["results"][1]]


# --- 2: a town named in a follow-up question is the new place ------------------------------------
def test_another_place_in_a_town_named_is_searched_there(real):
    talk, _ = mende_list()
    msgs = talk.say(
        "il y a un autre endroit à Marvejols ?", "more_results", [ent("location", "Marvejols")]
    )
    said = rest_text(msgs)
    assert "près de Marvejols (48)" in said, said
    assert "près de Mende" not in said, said
    [payload] = payloads(msgs)
    assert payload["location"]["commune"] == "Marvejols", payload["location"]
    assert payload["results"][0]["number"] == 1, payload["results"][0]  # a new list, from the top


def test_more_places_in_the_same_town_are_the_next_page(real):
    talk, first = mende_list()
    msgs = talk.say("d'autres lieux à Mende ?", "more_results", [ent("location", "Mende")])
    [payload] = payloads(msgs)
    assert payload["results"][0]["number"] == len(first["results"]) + 1, payload["results"][0]


def test_the_publics_a_place_declares_are_said_with_their_ages():
    from actions.formatting import PUBLIC_ANY, public_lines

    declared = {
        "pij": ("Adultes", "Jeunes (16-26 ans)", "Personnes en situation d'illettrisme"),
        "ml": (),
        "fs": (),
    }
    places = [
        {"id": "pij", "number": 1, "name": "PIJ de Commentry"},
        {"id": "ml", "number": 2, "name": "Mission Locale du Bassin"},
        {"id": "fs", "number": 3, "name": "France services de Mende"},
    ]
    assert public_lines(places, lambda place_id: declared[place_id]).split("\n") == [
        "1. PIJ de Commentry : adultes, jeunes (16-26 ans)",
        "2. Mission Locale du Bassin : jeunes",
        f"3. France services de Mende : {PUBLIC_ANY}",
    ]
