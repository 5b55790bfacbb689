"""Homonyms (round 30's tester, D10): « Saint-Martin » alone is asked like « Sainte-Marie » (the
Caribbean island and the mainland villages of that name as choices), never answered for the
island at once; under the choice, a département named in words (« celle du Gers », « dans le
Doubs », « en Ille-et-Vilaine ») picks the town of that département, even after another one
said first and taken back (« le 974 non pardon celle du Gers »). Real actions, gazetteer and
embedded directory; the intents and entities the current NLU gives."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import ent

ASKED = "Il y a plusieurs communes avec ce nom. Laquelle est la vôtre ?"


def titles(msgs: list[dict]) -> list[str]:
    return [b["title"] for m in msgs for b in m.get("buttons") or []]


@pytest.mark.parametrize(
    "message, intent, entities",
    [
        ("besoin aide declaration impots a Saint-Martin", "ask_help",
         [ent("procedure", "declaration impots"), ent("location", "Saint-Martin")]),
        ("aide pour la CAF à Saint-Martin", "ask_help",
         [ent("procedure", "caf"), ent("location", "Saint-Martin")]),
        ("Saint-Martin", "inform", [ent("location", "Saint-Martin")]),
    ],
)  # fmt: skip
def test_saint_martin_is_asked_not_the_island_at_once(real, message, intent, entities):
    talk = Talk()
    msgs = talk.say(message, intent, entities)
    text = rest_text(msgs)
    assert ASKED in text, text
    offered = titles(msgs)
    assert any("978" in t for t in offered), offered
    assert "Saint-Martin (65)" in offered and "Saint-Martin (32)" in offered, offered


@pytest.mark.parametrize(
    "reply, intent, insee",
    [
        ("le 974 non pardon celle du Gers", "inform", "32388"),
        ("celle du Gers", "out_of_scope", "32388"),
        ("non celle dans le Doubs", "inform", "25523"),
        ("en Bretagne non, celle de l'Ille-et-Vilaine", "inform", "35294"),
        ("la Martinique non, celle d'Ille-et-Vilaine", "inform", "35294"),
    ],
)  # fmt: skip
def test_a_departement_named_in_words_picks_the_town(real, reply, intent, insee):
    talk = Talk()
    asked = talk.say("apprendre internet à Sainte-Marie", "ask_help",
                     [ent("need", "quotidien"), ent("location", "Sainte-Marie")])  # fmt: skip
    assert ASKED in rest_text(asked)
    entities = [ent("location", "Doubs")] if "Doubs" in reply else []
    msgs = talk.say(reply, intent, entities)
    reco = one_list(msgs)
    assert reco["location"]["code_insee"] == insee, rest_text(msgs)
