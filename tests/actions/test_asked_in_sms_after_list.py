"""Round t181's tester over REST (sections 3 and 13): after a list, the phone of a place asked in
SMS spelling (« le 1 c koi le tel », « c koi le tel du 1 », « tel ») started a new search on
another need, a refusal or the need menu; « faut y aller quand » got « D'accord » and « y a des
cours en groupe ? » « Je suis un assistant automatique ». Each message with the intent the
trained NLU gave it; what the person reads, on the real embedded directory and Locator."""

from __future__ import annotations

import pytest

from tests.actions.conftest import embedded_locator, real_directory  # noqa: F401 - fixtures
from tests.actions.talk import Talk, list_in, payloads, rest_text


def _caf_rouen() -> tuple[Talk, list[dict]]:
    talk, listed = list_in("caf Rouen", "Rouen")
    return talk, listed["results"]


# --- 2. the phone asked in SMS spelling ---------------------------------------------------------
@pytest.mark.parametrize(
    "message, intent, rank",
    [
        ("le 1 c koi le tel", "inform", 1),  # the tester's, with the NLU's intents
        ("le 2 c koi le tel", "inform", 2),
        ("c koi le tel du 1", "out_of_scope", 1),
        ("cest koi le num du 3", "out_of_scope", 3),
        ("c quoi le tél du 2", "out_of_scope", 2),
        ("le 2 cest koi son numero", "nlu_fallback", 2),
    ],
)
def test_the_phone_of_one_place_asked_in_sms_spelling(real, message, intent, rank):
    talk, places = _caf_rouen()
    msgs = talk.say(message, intent)
    text = rest_text(msgs)
    place = places[rank - 1]
    assert text == f"Le numéro de {place['name']} : {place['phone_text']}.", text
    assert not payloads(msgs)  # no new list: the one shown is kept
    assert talk.slots.get("needs", ["demarches"]) == ["demarches"]


@pytest.mark.parametrize(
    "message, intent", [("tel", "nlu_fallback"), ("tél", "nlu_fallback"), ("num", "nlu_fallback"),
                        ("numero", "human_handoff"), ("le tel svp", "nlu_fallback")],
)  # fmt: skip
def test_a_phone_word_alone_after_a_list_gets_their_phones(real, message, intent):
    talk, places = _caf_rouen()
    msgs = talk.say(message, intent)
    text = rest_text(msgs)
    assert text.startswith("Leurs numéros, d'après l'annuaire"), text
    for place in places:
        assert f"{place['number']}. {place['name']} : {place['phone_text']}" in text, text
    assert not payloads(msgs)


def test_my_own_phone_is_still_a_need(real):
    talk, _ = _caf_rouen()
    text = rest_text(talk.say("c koi mon tel", "nlu_fallback"))
    assert "Leurs numéros" not in text and "Le numéro de" not in text, text


# --- 5. when to go, group workshops -------------------------------------------------------------
@pytest.mark.parametrize(
    "message, intent",
    [("faut y aller quand", "affirm"), ("on peut y aller quand", "inform"),
     ("quand est-ce que je peux y passer ?", "out_of_scope")],
)  # fmt: skip
def test_when_to_go_gets_the_hours_of_the_places_listed(real, message, intent):
    talk, listed = list_in("retraite Poitiers", "Poitiers")
    talk.say("faut que j'apporte quoi", "chitchat/confused")
    msgs = talk.say(message, intent)
    text = rest_text(msgs)
    assert text.startswith("Aujourd'hui (") and "d'après l'annuaire" in text, text
    for place in listed["results"]:
        assert f"{place['number']}. {place['name']} : " in text, text
    assert not payloads(msgs)


@pytest.mark.parametrize(
    "message, intent",
    [("merci, et y a des cours en groupe ?", "chitchat/bot_challenge"),
     ("ils font des ateliers collectifs ?", "ask_help")],
)  # fmt: skip
def test_group_workshops_asked_after_a_list_says_what_the_directory_knows(real, message, intent):
    talk, listed = list_in("retraite Poitiers", "Poitiers")
    msgs = talk.say(message, intent)
    text = rest_text(msgs)
    assert "ateliers en groupe" in text and "appelez" in text, text
    for place in listed["results"]:
        assert f"{place['number']}. {place['name']} : {place['phone_text']}" in text, text
    assert "assistant automatique" not in text and not payloads(msgs), text
