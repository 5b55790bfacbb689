"""A site or an app given when asked where (the tester: "au secours mon compte est piraté !!!" →
"Dans quelle ville…" → "facebook" → "Je ne trouve pas « facebook »"): the town is asked for, the
request kept (actions/site_not_town.py). Real actions, locator and embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, payloads, rest_text
from tests.conftest_actions import ent

HACKED = "au secours mon compte est piraté !!!"


@pytest.mark.parametrize("answer, entities, site", [
    ("facebook", [ent("location", "facebook")], "Facebook"),
    ("facebook", [], "Facebook"),
    ("gmail", [], "Gmail"),
    ("c'est sur instagram", [], "Instagram"),
    ("leboncoin", [], "Leboncoin"),
    ("ameli", [], "Ameli"),
    ("caf", [], "la CAF"),
])  # fmt: skip
def test_a_site_given_as_the_town_asks_for_the_town_and_keeps_the_request(
    real, answer, entities, site
):
    talk = Talk()
    asked = rest_text(talk.say(HACKED))
    assert "Dans quelle ville" in asked, asked
    said = rest_text(talk.say(answer, "inform", entities))
    assert "Je ne trouve pas" not in said, said
    assert f"C'est noté pour {site}." in said and "votre commune ou de votre code postal" in said
    assert "partager votre position" in said
    assert talk.slots["needs"] == ["securite"] and talk.slots["awaiting"] == "location"
    assert "cybermalveillance.gouv.fr" in asked, asked  # at once, before the town (round 21)
    # The town then: the places for the request kept, the line not said again.
    msgs = talk.say("Tours", "inform", [ent("location", "Tours")])
    [payload] = payloads(msgs)
    assert payload["results"], payload
    assert "cybermalveillance.gouv.fr" not in rest_text(msgs)


@pytest.mark.parametrize("answer", ["Orange", "facebook à Lille", "Lille"])
def test_a_town_is_still_a_town_when_asked_where(real, answer):
    talk = Talk()
    talk.say(HACKED)
    town = answer.split()[-1]
    msgs = talk.say(answer, "inform", [ent("location", town)])
    assert "C'est noté pour" not in rest_text(msgs)
    assert talk.slots["location"]["commune"] == town, talk.slots


# --- The need said again instead of the commune ----------------------------------------------
NORD = ("je suis dans le Nord, je voudrais imprimer un document", "ask_help",
        [ent("location", "Nord")])  # fmt: skip


@pytest.mark.parametrize("first", [NORD, ("je suis dans le Nord, aide pour la caf et imprimer",
                                          "ask_help", [ent("location", "Nord")])])  # fmt: skip
@pytest.mark.parametrize("intent", ["inform", "deny", "ask_help"])
def test_the_need_said_again_when_the_commune_is_asked_is_taken_and_said(real, first, intent):
    talk = Talk()
    question = rest_text(talk.say(*first))
    assert question.startswith("Quelle est votre commune dans le Nord ?"), question
    said = rest_text(talk.say("non c'est juste pour imprimer", intent))
    taken, again = said.split("\n", 1)
    assert taken == "D'accord, pour un ordinateur ou une imprimante à utiliser sur place.", said
    assert again == question and "Je ne trouve pas" not in said
    assert talk.slots["needs"] == ["materiel_usage"] and not talk.slots.get("procedures")
    msgs = talk.say("Lille", "inform", [ent("location", "Lille")])
    assert payloads(msgs)[0]["results"], rest_text(msgs)
