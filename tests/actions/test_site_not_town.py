"""A site or an app given when asked where (the tester: "au secours mon compte est piraté !!!" →
"Dans quelle ville…" → "facebook" → "Je ne trouve pas « facebook »"): the town is asked for, the
request kept (actions/site_not_town.py). Real actions, locator and embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, payloads, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
)

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
    # The town then: the places for the request kept, with its line.
    msgs = talk.say("Tours", "inform", [ent("location", "Tours")])
    [payload] = payloads(msgs)
    assert payload["results"], payload
    assert "cybermalveillance.gouv.fr" in rest_text(msgs)


@pytest.mark.parametrize("answer", ["Orange", "facebook à Lille", "Lille"])
def test_a_town_is_still_a_town_when_asked_where(real, answer):
    talk = Talk()
    talk.say(HACKED)
    town = answer.split()[-1]
    msgs = talk.say(answer, "inform", [ent("location", town)])
    assert "C'est noté pour" not in rest_text(msgs)
    assert talk.slots["location"]["commune"] == town, talk.slots
