"""End to end over HTTP: whole conversations through the REST channel of the running assistant
(``rasa run`` with the trained model, the action server, the real embedded directory), checking
the custom payload of every recommendation (docs/payload.md). One stack for the session
(``rasa_stack`` fixture, tests/rasa_stack.py); skipped without a trained model.
"""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.rasa_stack import Conversation, payloads, texts

pytestmark = pytest.mark.rasa

RECO_KEYS = {"type", "need", "location", "filters", "results"}
LOCATION_KEYS = {"commune", "code_insee", "code_postal", "lat", "lon"}
RESULT_KEYS = {"id", "name", "distance_km", "services", "address", "phone", "opening_hours",
               "open_now", "why", "lat", "lon", "appointment_url", "website", "email",
               "opening_text",
               "mobile_service", "number", "distance_text", "phone_text", "tel",
               "hours", "fees", "same_desk", "ahead"}  # fmt: skip
HELPLINE = labels.HELPLINE["phone"]  # "01 70 77 23 72"


def recommendation(answer: list[dict]) -> dict:
    """The one recommendation payload of an answer, checked against the contract."""
    found = payloads(answer)
    assert len(found) == 1, answer
    reco = found[0]
    assert set(reco) >= RECO_KEYS, reco
    assert reco["type"] == "recommendation"
    assert reco["need"] and all(n in labels.SERVICES for n in reco["need"]), reco["need"]
    assert set(reco["location"]) == LOCATION_KEYS, reco["location"]
    assert isinstance(reco["filters"], dict)
    assert isinstance(reco["results"], list) and len(reco["results"]) <= 3
    for result in reco["results"]:
        assert set(result) == RESULT_KEYS, result
        assert result["id"] and result["name"] and isinstance(result["services"], list)
        assert result["open_now"] in (True, False, None)
        assert isinstance(result["why"], str) and result["why"]
        assert isinstance(result["opening_text"], str) and result["opening_text"]  # card text
        if result["lat"] is not None:
            assert -90 <= result["lat"] <= 90 and -180 <= result["lon"] <= 180
    distances = [r["distance_km"] for r in reco["results"] if r["distance_km"] is not None]
    assert distances == sorted(distances) or reco.get("offset"), distances
    return reco


def located(reco: dict, commune: str, code_insee: str) -> None:
    where = reco["location"]
    assert where["commune"] == commune and where["code_insee"] == code_insee, where
    assert isinstance(where["lat"], float) and isinstance(where["lon"], float), where


def test_need_first_then_town(rasa_stack):
    talk = Conversation(rasa_stack)
    assert not payloads(talk.say("bonjour"), None)
    asked = talk.say("j'arrive pas à faire ma demande de RSA sur le site de la CAF")
    assert not payloads(asked) and "ville" in texts(asked)
    answer = talk.say("Roubaix")
    reco = recommendation(answer)
    located(reco, "Roubaix", "59512")
    assert reco["need"] == [labels.DEMARCHES]
    assert len(reco["results"]) == 3 and reco["results"][0]["distance_km"] < 5
    assert reco["total"] >= 3 and reco["offset"] == 0
    # One message: the whole answer as plain text (rendered from the payload) and the payload.
    [message] = [m for m in answer if m.get("custom")]
    for result in reco["results"]:
        assert message["text"].count(result["name"]) == 1, message["text"]
        if result["distance_text"]:
            assert f"({result['distance_text']})" in message["text"]
    assert [r["number"] for r in reco["results"]] == [1, 2, 3]
    assert "CAF" in texts(answer)  # what to bring for the CAF


def test_town_first_then_need(rasa_stack):
    talk = Conversation(rasa_stack)
    asked = talk.say("j'habite à Saint-Étienne")
    assert not payloads(asked)
    reco = recommendation(talk.say("jveu apprendre a me servir de mon tel"))
    located(reco, "Saint-Étienne", "42218")
    assert reco["need"] == [labels.OUTILS_QUOTIDIEN]
    assert len(reco["results"]) == 3


def test_need_and_town_in_one_message(rasa_stack):
    talk = Conversation(rasa_stack)
    answer = talk.say("je veux apprendre à utiliser mon téléphone à Roubaix")
    reco = recommendation(answer)
    located(reco, "Roubaix", "59512")
    assert reco["need"] == [labels.OUTILS_QUOTIDIEN]
    assert reco["results"] and all(r["distance_km"] <= 30 for r in reco["results"])
    assert not reco.get("nothing_near")


def test_ambiguous_town_then_a_choice(rasa_stack):
    talk = Conversation(rasa_stack)
    asked = talk.say("aide pour les impots à Saint-Denis")
    assert not payloads(asked)
    buttons = [b["title"] for m in asked for b in m.get("buttons", [])]
    assert "Saint-Denis (93)" in buttons and "Saint-Denis (974, La Réunion)" in buttons, asked
    (click,) = [b["payload"] for m in asked for b in m.get("buttons", [])
                if b["title"] == "Saint-Denis (93)"]  # fmt: skip
    reco = recommendation(talk.say(click))  # the button, as a channel sends it
    located(reco, "Saint-Denis", "93066")
    assert reco["results"] and reco["results"][0]["distance_km"] < 10


def test_nothing_near_gives_the_nearest_and_the_helpline(rasa_stack):
    talk = Conversation(rasa_stack)
    talk.say("je veux apprendre à utiliser mon téléphone")
    answer = talk.say("Camopi")  # Guyane: nothing within 100 km for this need
    reco = recommendation(answer)
    located(reco, "Camopi", "97356")
    assert reco["nothing_near"] is True
    assert reco["results"] and reco["results"][0]["distance_km"] > 100
    assert HELPLINE in texts(answer)


def test_empty_results_still_carry_the_payload(rasa_stack):
    talk = Conversation(rasa_stack)
    talk.say("je n'ai pas internet")
    answer = talk.say("Saint-Pierre-et-Miquelon")  # no place and no position in the directory
    reco = recommendation(answer)
    assert reco["results"] == [] and reco["nothing_near"] is True
    assert set(reco["location"]) == LOCATION_KEYS
    assert HELPLINE in texts(answer)


def test_more_results_then_restart(rasa_stack):
    talk = Conversation(rasa_stack)
    first = recommendation(talk.say("j'ai besoin d'aide pour ma déclaration d'impôts à Roubaix"))
    more = recommendation(talk.say("plus de résultats"))
    assert more["offset"] == 3 and more["need"] == first["need"]
    assert more["location"] == first["location"]
    assert not {r["id"] for r in more["results"]} & {r["id"] for r in first["results"]}
    restarted = talk.say("recommencer")
    assert not payloads(restarted)
    # Everything is forgotten: a town alone now asks for the need again.
    after = talk.say("Roubaix")
    assert not payloads(after), after
    reco = recommendation(talk.say("je n'ai pas internet"))
    assert reco["need"] == [labels.ACCES_INTERNET_MATERIEL]
    located(reco, "Roubaix", "59512")


def test_small_talk_gets_its_own_answer_between_searches(rasa_stack):
    # The response selector runs only on small talk (bot/chitchat_selector.py): each kind of
    # small talk must still get its own reply, before and after a search.
    talk = Conversation(rasa_stack)
    assert "Avec plaisir" not in texts(talk.say("bonjour"))
    recommendation(talk.say("aide pour la CAF à Roubaix"))
    assert "Avec plaisir" in texts(talk.say("merci beaucoup"))
    assert "Au revoir" in texts(talk.say("au revoir"))


def test_a_wrong_number_is_reported_with_the_right_one(rasa_stack):
    talk = Conversation(rasa_stack)
    reco = recommendation(talk.say("je cherche de l'aide pour ma demande CAF à Roubaix"))
    first = reco["results"][0]["name"]
    asked = talk.say("le numéro du premier est faux")
    assert "Quel est le bon numéro" in texts(asked), asked
    thanked = talk.say("c'est le 03 20 11 22 33")
    assert first in texts(thanked) and "numéro" in texts(thanked), thanked
