"""Follow-ups after a list as the tester of round 152 played them over REST (defects 3, 6, 7, 8,
17, 18), with the intents the trained NLU gives them: a blank message, "plus près ?" after a
reason, what to bring, "lequel est ouvert maintenant ?" when none is, "ouvert samedi ?" when all
are closed (the offer in words, and the reply that takes it), "et le premier, c'est où
exactement ?". Real actions on the real embedded directory and Locator; what the person reads
(``rest_text``: the REST client's plain text)."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.guard import never_silent
from directory_client import hours
from tests.actions.test_after_places import Talk, payloads, rest_text
from tests.clock import at
from tests.conftest_actions import ent

# Monday 7 December 2026, 08:47 in Paris: the France services of Rennes open at 9 h.
MONDAY_0847 = datetime(2026, 12, 7, 8, 47, tzinfo=hours.PARIS)
MONDAY_1000 = datetime(2026, 12, 7, 10, 0, tzinfo=hours.PARIS)


def listed(talk: Talk, text: str, town: str, intent: str = "ask_help") -> dict:
    [payload] = payloads(talk.say(text, intent, [ent("location", town)]))
    assert payload["results"], payload
    return payload


# --- 3: a blank message ------------------------------------------------------------------------
def test_a_blank_message_is_read_without_the_nlu_and_never_gets_the_outage_answer():
    """The guard of every channel hands a blank message over as understood as nothing, before
    the NLU (whose featurizers fail on no words: the turn then got « Désolé, je n'arrive pas à
    vous répondre pour le moment »)."""
    seen = []

    async def rasa(message):
        if message.parse_data is None:  # the NLU on no words fails, as the trained model does
            raise ValueError("X has 18956 features, but LogisticRegression is expecting 19470")
        seen.append(message.parse_data["intent"]["name"])
        await message.output_channel.send_response(message.sender_id, {"text": "Bonjour !"})

    for blank in ("", "   ", "\n\t "):
        output = CollectingOutputChannel()
        asyncio.run(never_silent(rasa, timeout=5)(UserMessage(blank, output, "someone")))
        assert [m.get("text") for m in output.messages] == ["Bonjour !"], output.messages
    assert seen == ["nlu_fallback"] * 3


def test_a_blank_first_message_gets_the_welcome(real):
    said = rest_text(Talk().say("", "nlu_fallback"))
    assert said.startswith("Bonjour ! Je vous aide à trouver"), said
    assert "Que cherchez-vous ?" in said
    assert "Désolé" not in said


def test_a_blank_message_after_a_list_reminds_what_to_say_and_keeps_the_list(real):
    talk = Talk()
    first = listed(talk, "aide CAF à Lille", "Lille")
    said = rest_text(talk.say("", "nlu_fallback"))
    assert said == (
        "Votre message est vide. Envoyez le numéro d'un lieu pour le voir en détail, ou "
        "dites-moi ce que vous cherchez."
    ), said
    detail = talk.say("2", "inform")  # the list is still there
    assert payloads(detail)[0]["results"] == [first["results"][1]]


def test_a_blank_message_while_the_town_is_asked_asks_it_again(real):
    talk = Talk()
    assert "Dans quelle ville" in rest_text(talk.say("je dois déclarer mes impôts en ligne"))
    said = rest_text(talk.say("   ", "nlu_fallback"))
    assert said == "Votre message est vide. Dans quelle ville ou quel code postal cherchez-vous ?"


# --- 6: "plus près ?" after a reason ------------------------------------------------------------
SAINT_FLOUR = "aide pour ma retraite en ligne, je suis à Saint-Flour"


@pytest.mark.parametrize(("message", "intent"), [
    ("je n'ai pas de voiture, il y a plus près ?", "change_location"),
    ("je suis à pied, c'est pas plus près ?", "change_location"),
    ("j'ai mal aux jambes, y a plus proche ?", "out_of_scope"),
])  # fmt: skip
def test_nearer_after_a_reason_is_the_nearer_answer_never_which_town(real, message, intent):
    bare = Talk()
    listed(bare, SAINT_FLOUR, "Saint-Flour")
    expected = rest_text(bare.say("y a plus près ?", "more_results"))
    assert expected.startswith("Il n'y a pas de lieu plus près"), expected
    talk = Talk()
    listed(talk, SAINT_FLOUR, "Saint-Flour")
    said = rest_text(talk.say(message, intent))
    assert "Dans quelle ville" not in said
    # the nearer answer, then (no car, legs: cannot travel far) the help by phone beside it
    assert said.startswith(expected), said


# --- 7: what to bring -------------------------------------------------------------------------
DIJON = "je dois refaire ma carte d'identité, aide à Dijon"


@pytest.mark.parametrize(("message", "intent"), [
    ("je dois apporter quoi ?", "chitchat"),
    ("qu'est-ce que je dois apporter ?", "chitchat"),
    ("il faut apporter quoi ?", "nlu_fallback"),
    ("quels papiers je dois amener ?", "ask_help"),
])  # fmt: skip
def test_what_to_bring_after_a_list_gives_the_list_of_the_need(real, message, intent):
    talk = Talk()
    first = talk.say(DIJON, "ask_help", [ent("location", "Dijon")])
    bring = payloads(first)[0]["bring"]
    assert "un justificatif de domicile de moins de 6 mois" in bring, bring
    said = rest_text(talk.say(message, intent))
    assert "Pensez à apporter :" in said, said
    for item in bring:  # the same items as in the first answer, from the same source
        assert f"- {item}" in said, said
    assert "Dites-moi simplement" not in said and "Voici" not in said


def test_what_to_bring_for_a_need_without_papers_says_so(real):
    talk = Talk()
    [payload] = payloads(talk.say("je veux apprendre l'ordinateur à Toulouse", "ask_help",
                                  [ent("location", "Toulouse")]))  # fmt: skip
    assert not payload.get("bring")
    said = rest_text(talk.say("je dois apporter quoi ?", "chitchat"))
    assert "Dites-moi simplement" not in said
    assert said.startswith("Rien de particulier"), said


# --- 8: "lequel est ouvert maintenant ?" -------------------------------------------------------
def _open_now(talk: Talk) -> str:
    return rest_text(talk.say("lequel est ouvert maintenant ?", "inform",
                              [ent("constraint", "ouvert_maintenant")]))  # fmt: skip


def test_open_now_when_none_listed_is_says_so_and_when_they_open(real, monkeypatch):
    at(monkeypatch, MONDAY_0847)
    talk = Talk()
    first = listed(talk, "aide impôts Rennes", "Rennes")
    assert all(r["open_now"] is False for r in first["results"]), first["results"]
    answer = talk.say("lequel est ouvert maintenant ?", "inform",
                      [ent("constraint", "ouvert_maintenant")])  # fmt: skip
    said = rest_text(answer)
    assert said.startswith("Aucun des 3 lieux n'est ouvert maintenant"), said
    assert said.count("ouvre à 9 h") == 3, said
    assert not payloads(answer), "the listed places replaced by others"
    # the open ones farther away: only offered, with how far, and what to reply
    assert re.search(r"Le plus proche ouvert maintenant est à \d+ km", said), said
    assert "Répondez « ouverts maintenant »" in said
    assert talk.slots["last_search"]["results"] == first["results"]  # the list kept


def test_open_now_reply_then_gives_the_open_places(real, monkeypatch):
    at(monkeypatch, MONDAY_0847)
    talk = Talk()
    first = listed(talk, "aide impôts Rennes", "Rennes")
    _open_now(talk)
    [payload] = payloads(talk.say("ouverts maintenant", "inform"))
    assert payload["results"] and all(r["open_now"] for r in payload["results"])
    assert min(r["distance_km"] for r in payload["results"]) > max(
        r["distance_km"] for r in first["results"])


def test_open_now_when_some_listed_are_names_them(real, monkeypatch):
    at(monkeypatch, MONDAY_1000)
    talk = Talk()
    first = listed(talk, "aide impôts Rennes", "Rennes")
    open_ = [r for r in first["results"] if r["open_now"]]
    assert open_, first["results"]
    answer = talk.say("lequel est ouvert maintenant ?", "inform",
                      [ent("constraint", "ouvert_maintenant")])  # fmt: skip
    said = rest_text(answer)
    assert not payloads(answer)
    for place in open_:
        assert f"{place['number']}. {place['name']}" in said, said
    assert "Aucun" not in said


# --- 17: "ouvert samedi ?" when every listed place is closed then -----------------------------
def test_open_on_saturday_all_closed_offers_the_saturday_places_in_words(real, monkeypatch):
    at(monkeypatch, MONDAY_0847)
    talk = Talk()
    listed(talk, "j'ai besoin d'aide pour ma CAF à Tours", "Tours")
    said = rest_text(talk.say("c'est ouvert samedi ?", "inform", [ent("constraint", "samedi")]))
    assert said.count(": fermé") == 3, said
    assert said.endswith("Voulez-vous les lieux ouverts le samedi ? Répondez « samedi »."), said
    [payload] = payloads(talk.say("samedi", "inform", [ent("constraint", "samedi")]))
    assert payload["filters"].get("open_on_saturday") is True, payload["filters"]
    assert payload["results"]
    for place in payload["results"]:
        assert "Sa" in (place["opening_hours"] or ""), place


# --- 18: "et le premier, c'est où exactement ?" -------------------------------------------------
@pytest.mark.parametrize("message", [
    "et le premier, c'est où exactement ?", "c'est où le premier ?",
    "le premier c'est où précisément ?",
])  # fmt: skip
def test_where_is_the_first_exactly_gives_the_first_in_full(real, message):
    talk = Talk()
    first = listed(talk, "j'ai besoin d'utiliser un ordinateur pour imprimer mon attestation à "
                   "Le Mans", "Le Mans")  # fmt: skip
    answer = talk.say(message, "inform")
    [payload] = payloads(answer)
    assert payload.get("delivery") == "detail"
    assert payload["results"] == [first["results"][0]]
    said = rest_text(answer)
    assert first["results"][0]["address"] in said and "Les adresses" not in said


# --- by SMS: the empty SMS and the day offer, as the phone receives them ------------------------
def test_by_sms_an_empty_sms_gets_the_welcome_and_the_day_offer_is_in_words(real, monkeypatch):
    """An empty SMS used to get nothing; the offer of the places open on Saturday was a button
    only."""
    from tests.bot.channels.sms_talk import SmsTalk

    at(monkeypatch, MONDAY_0847)
    sms = SmsTalk()
    [welcome] = sms.say("", "nlu_fallback")
    assert welcome.startswith("Bonjour ! Je vous aide à trouver"), welcome
    sms.say("j'ai besoin d'aide pour ma CAF à Tours", "ask_help", [ent("location", "Tours")])
    [days] = sms.say("c'est ouvert samedi ?", "inform", [ent("constraint", "samedi")])
    assert 'Voulez-vous les lieux ouverts le samedi ? Répondez "samedi".' in days, days
    [saturday] = sms.say("samedi", "inform", [ent("constraint", "samedi")])
    assert "parmi les lieux ouverts le samedi" in saturday, saturday
