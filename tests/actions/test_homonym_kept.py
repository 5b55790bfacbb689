"""The towns of one name still to choose from when the person says the need instead (round 19's
tester over REST): "Saint-Denis" → "Laquelle est la vôtre ?" with the towns as buttons, then
"c'est pour imprimer un papier" → the need taken and said, the same question and buttons again;
the town chosen then gives the places for that need. Real actions, gazetteer and embedded
directory; the intents and entities the current NLU gives."""

from __future__ import annotations

import pytest

from actions import backends
from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent


@pytest.fixture(scope="module")
def real(embedded_directory):
    backends.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    backends.set_backends(None, None)


def titles(msgs: list[dict]) -> list[str]:
    return [b["title"] for m in msgs for b in m.get("buttons") or []]


def test_the_need_said_instead_of_the_town_keeps_the_choice(real):
    talk = Talk()
    asked = talk.say("Saint-Denis", "inform", [ent("location", "Saint-Denis")])
    assert talk.slots["awaiting"] == "location_choice"
    offered = titles(asked)
    assert "Saint-Denis (93)" in offered, offered
    msgs = talk.say("c'est pour imprimer un papier", "ask_help", [ent("need", "materiel_usage")])
    text = rest_text(msgs)
    assert talk.slots["needs"] == ["materiel_usage"], text
    assert talk.slots["awaiting"] == "location_choice", text
    assert titles(msgs) == offered, text
    assert text.startswith("C'est noté, je cherche des lieux pour "), text
    assert text.endswith("Il y a plusieurs communes avec ce nom. Laquelle est la vôtre ?"), text
    chosen = talk.say('/inform{"location": "Saint-Denis (93)"}', "inform",
                      [ent("location", "Saint-Denis (93)")])  # fmt: skip
    reco = one_list(chosen)
    assert reco["location"]["code_insee"] == "93066", rest_text(chosen)
    assert talk.slots["needs"] == ["materiel_usage"]
