"""A town written with a département that has no commune of that name ("aix dans l'ain": no Aix
in the Ain; "Tours dans le Nord"): said plainly, and the towns of that name offered as buttons
(as for homonyms) with the département as a whole — never the département's list as if the
town was not said. "Bourg dans l'Ain" (Bourg-en-Bresse) and "Saint-Barthélemy dans le
Morbihan" stay that town. Run with the intents the real model gives (``nlu_fallback`` for "aix
dans l'ain", ``inform`` with the town tagged) or may give (``ask_help``). Real actions on the
embedded directory and Locator."""

from __future__ import annotations

import json

import pytest

from tests.actions.test_after_places import Talk, rest_text
from tests.conftest_actions import ent


def buttons(msgs: list[dict]) -> list[dict]:
    return [b for m in msgs for b in m.get("buttons") or []]


@pytest.mark.parametrize("message, intent, entities, said, towns, area", [
    ("aix dans l'ain", "nlu_fallback", [], "aix", ["Aix-en-Provence (13)", "Aix-les-Bains (73)",
     "Aix (19)"], "Ain (01)"),
    ("Tours dans le Nord", "inform", [ent("location", "Tours"), ent("location", "le Nord")],
     "Tours", ["Tours (37)"], "Nord (59)"),
    ("saint denis dans le cantal", "inform", [ent("location", "saint denis")], "saint denis",
     ["Saint-Denis (974, La Réunion)", "Saint-Denis (93)"], "Cantal (15)"),
    ("Brest dans le Var", "ask_help", [], "Brest", ["Brest (29)"], "Var (83)"),
    ("j'habite à Vienne dans le Nord", "ask_help", [], "Vienne", ["Vienne (38)"], "Nord (59)"),
])  # fmt: skip
def test_a_town_the_departement_has_not_is_said_and_offered(
    real, message, intent, entities, said, towns, area
):
    talk = Talk()
    msgs = talk.say(message, intent, entities)
    read = rest_text(msgs)
    assert f"Je ne connais pas de commune « {said} »" in read, read
    titles = [b["title"] for b in buttons(msgs)]
    assert titles[: len(towns)] == towns or set(towns) <= set(titles), titles
    assert area in titles and titles[-1] == "Aucun", titles
    assert not talk.slots.get("location")  # no list for the département as if no town was said


def test_a_town_offered_or_the_whole_departement_is_taken(real):
    talk = Talk()
    asked = talk.say("aix dans l'ain", "nlu_fallback")
    offered = {b["title"]: b["payload"] for b in buttons(asked)}
    town = Talk()
    town.say("aix dans l'ain", "nlu_fallback")
    payload = offered["Aix-les-Bains (73)"]
    value = json.loads(payload.removeprefix("/inform"))["location"]
    assert rest_text(town.say(payload, "inform", [ent("location", value)])).startswith(
        "C'est noté, je chercherai près d'Aix-les-Bains (73)."
    )
    payload = offered["Ain (01)"]
    value = json.loads(payload.removeprefix("/inform"))["location"]
    read = rest_text(talk.say(payload, "inform", [ent("location", value)]))
    assert read.startswith("C'est noté, je chercherai dans l'Ain."), read  # the whole Ain


@pytest.mark.parametrize("message, entities, label", [
    ("Bourg dans l'Ain", [], "Bourg-en-Bresse (01)"),
    ("Saint-Barthélemy dans le Morbihan", [ent("location", "le Morbihan")],
     "Saint-Barthélemy (56)"),
    ("Lille dans le Nord", [ent("location", "Lille"), ent("location", "le Nord")], "Lille (59)"),
])  # fmt: skip
def test_a_town_that_lies_in_the_departement_is_taken(real, message, entities, label):
    talk = Talk()
    talk.say(message, "inform", entities)
    assert talk.slots["location"]["label"] == label


@pytest.mark.parametrize("message", [
    "aide pour mes démarches en ligne dans le Cher",
    "apprendre à acheter en ligne dans l'Allier",
    "je veux faire mes papiers en ligne dans la Creuse",
])  # fmt: skip
def test_words_of_a_request_before_the_departement_are_no_town(real, message):
    """"en ligne" folds to Ligné's name: the request was answered « Je ne connais pas de commune
    « ligne » dans le Cher » with Ligné (44) and Ligné (16) as buttons."""
    talk = Talk()
    read = rest_text(talk.say(message, "ask_help"))
    assert "Je ne connais pas de commune" not in read, read


def test_after_a_comma_the_town_before_the_departement_is_still_read(real):
    talk = Talk()
    read = rest_text(talk.say("besoin d'aide pour la caf, aix dans l'ain", "nlu_fallback"))
    assert "Je ne connais pas de commune « aix »" in read, read
