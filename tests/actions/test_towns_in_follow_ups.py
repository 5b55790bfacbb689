"""Towns read right in follow-ups and in town answers, as round 26's tester played them over REST
(helper182's brief, defects 1 to 7). Each message carries the intent and the entities the
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


# --- 3: a new need for a relative keeps the town of the list --------------------------------------
def test_a_new_need_for_a_son_keeps_the_town_of_the_list(real):
    """Not reproduced in process (the town was kept before this round too: the need, read by
    meaning, is offered as a choice): kept as a guard of what the tester saw over REST."""
    talk = Talk()
    entities = [ent("procedure", "caf"), ent("location", "Laval")]
    listed_near(talk, "aide pour la CAF à Laval", entities)
    said = rest_text(
        talk.say("non en fait c'est pour mon fils de 16 ans qui veut apprendre à coder", "ask_help")
    )
    assert WHERE not in said and NOT_FOUND not in said, said
    assert talk.slots.get("awaiting") != "location", said
    assert talk.slots["location"]["commune"] == "Laval", talk.slots["location"]


# --- 4: a name no commune bears is said so ------------------------------------------------------
def test_a_region_name_no_commune_bears_is_said_unknown(real):
    talk = town_asked()
    msgs = talk.say("Aubrac", "inform")
    said = rest_text(msgs)
    assert "Je ne trouve aucune commune nommée « Aubrac »" in said, said
    assert "plusieurs communes avec ce nom" not in said, said
    assert "code postal" in said, said  # the question again
    titles = [b["title"] for m in msgs for b in m.get("buttons") or []]
    assert titles[-1] == "Aucun", titles  # the near names offered, never taken for it


def test_homonyms_still_ask_which_one(real):
    talk = town_asked()
    said = rest_text(talk.say("Saint-Denis", "inform", [ent("location", "Saint-Denis")]))
    assert "plusieurs communes avec ce nom" in said, said


# --- 5 and 7: "entre X et Y" ---------------------------------------------------------------------
# Since helper221: two towns near each other are searched half-way, said so (no question);
# tests/actions/test_between_two_towns.py asks which of two towns far apart.
@pytest.mark.parametrize(
    "message, tagged, between",
    [
        ("entre Aix et Marseille", ["Marseille"], "entre Aix-en-Provence et Marseille, près "),
        ("entre Lille et Roubaix", ["Lille", "Roubaix"], "entre Lille et Roubaix, près "),
        ("entre Nice et Cannes", ["Nice", "Cannes"],  # "Nice": a word, but the town alone
         "entre Nice et Cannes, près "),
    ],
)  # fmt: skip
def test_between_two_towns_searched_half_way_whatever_the_model_tagged(
    real, message, tagged, between
):
    talk = town_asked()
    msgs = talk.say(message, "inform", [ent("location", town) for town in tagged])
    said = rest_text(msgs)
    assert between in said, said
    assert "Où dois-je chercher" not in said, said
    assert any(p.get("results") for p in payloads(msgs)), said


def test_an_association_between_two_towns_is_searched_half_way_once_the_need_is_known(real):
    talk = Talk()
    message = "nous sommes une association entre Vannes et Auray, on cherche un atelier numérique"
    said = rest_text(talk.say(message, "ask_help", [ent("location", "Vannes")]))
    assert "Où dois-je chercher" not in said, said
    listed = rest_text(talk.say("apprendre à utiliser un ordinateur", "inform"))
    assert "entre Vannes et Auray, près " in listed, listed


# --- 6: "saint die" ------------------------------------------------------------------------------
@pytest.mark.parametrize("written, tagged", [("saint die", "die"), ("Saint-Dié", None),
                                             ("Saint die", "die")])  # fmt: skip
def test_saint_die_in_lower_case_is_saint_die_des_vosges(real, written, tagged):
    talk = town_asked()
    msgs = talk.say(written, "inform", [ent("location", tagged)] if tagged else [])
    said = rest_text(msgs)
    assert "près de Saint-Dié-des-Vosges (88)" in said, said
    assert "Die (26)" not in said, said


def test_die_alone_is_still_die(real):
    talk = town_asked()
    said = rest_text(talk.say("Die", "inform", [ent("location", "Die")]))
    assert "près de Die (26)" in said, said


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
