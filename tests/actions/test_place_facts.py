"""Questions on the places already shown, answered from the last search's own data (the
``last_search`` slot), never the national hotline, the report flow or a new search: their phone
("vous avez le numéro ?", "c'est quoi leur numéro ?"), their address ("c'est où exactement ?"),
whether they open on Saturday — for the place just shown in full ("le 2"), else for the list,
numbered. Real actions on the real embedded directory (tester, round 17)."""

from __future__ import annotations

import pytest

from actions import formatting as fmt
from tests.actions.test_after_places import Talk, impots_at_roubaix, payloads, rest_text

PHONE_QUESTIONS = [
    ("vous avez le numéro ?", "ask_help"),
    ("ils ont un téléphone ?", "ask_help"),
    ("il ont un numero?", "nlu_fallback"),
    ("c'est quoi leur numéro ?", "report_place"),
]
ADDRESS_QUESTIONS = [
    ("c'est où exactement ?", "nlu_fallback"),
    ("et l'adresse exacte ?", "more_results"),
]


def _numbered(results: list[dict], field: str) -> list[str]:
    return [f"{i}. {r['name']} : {r[field]}" for i, r in enumerate(results, 1) if r.get(field)]


@pytest.mark.parametrize("message, intent", PHONE_QUESTIONS)
def test_their_phone_is_read_from_the_list(real, message, intent):
    talk, first = impots_at_roubaix()
    msgs = talk.say(message, intent)
    said = rest_text(msgs)
    assert not payloads(msgs), said  # no new search
    assert fmt.HELPLINE_PHONE not in said and "Lequel" not in said
    lines = _numbered(first["results"], "phone_text")
    assert lines and all(line in said for line in lines), said


@pytest.mark.parametrize("message, intent", ADDRESS_QUESTIONS)
def test_their_address_is_read_from_the_list(real, message, intent):
    talk, first = impots_at_roubaix()
    msgs = talk.say(message, intent)
    said = rest_text(msgs)
    assert not payloads(msgs), said
    assert all(line in said for line in _numbered(first["results"], "address")), said


def _second_in_full(talk: Talk) -> dict:
    [detail] = payloads(talk.say("le 2", "out_of_scope"))
    assert detail["delivery"] == "detail"
    return detail["results"][0]


def test_the_phone_and_address_of_the_place_just_shown(real):
    talk, first = impots_at_roubaix()
    place = _second_in_full(talk)
    said = rest_text(talk.say("vous avez le numéro ?", "ask_help"))
    assert place["name"] in said and fmt.HELPLINE_PHONE not in said
    assert (place["phone_text"] or "pas de numéro") in said
    assert first["results"][0]["name"] not in said
    talk, first = impots_at_roubaix()
    place = _second_in_full(talk)
    said = rest_text(talk.say("c'est où exactement ?", "nlu_fallback"))
    assert place["address"] in said and first["results"][0]["name"] not in said


def test_saturday_is_answered_for_the_place_just_shown_and_for_the_list(real):
    talk, first = impots_at_roubaix()
    place = _second_in_full(talk)
    msgs = talk.say("c'est ouvert le samedi ?", "inform")
    assert not payloads(msgs), rest_text(msgs)  # never a new search on Saturday
    said = rest_text(msgs)
    assert place["name"] in said and "samedi" in said
    assert first["results"][0]["name"] not in said

    talk, first = impots_at_roubaix()
    msgs = talk.say("c'est ouvert le samedi ?", "inform")
    assert not payloads(msgs), rest_text(msgs)
    said = rest_text(msgs)
    assert all(f"{i}. {r['name']} : " in said for i, r in enumerate(first["results"], 1)), said
