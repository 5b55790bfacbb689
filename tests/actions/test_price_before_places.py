"""The price asked before any place was shown ("c'est gratuit ?" as the first message, "ça coûte
combien ?" while the town is asked; round 19's tester over REST): most places are free, said
plainly, then the question of the moment (the need, the town) — never an answer about the fees
of no place, never "Je ne peux pas vous aider pour cela". Real actions; the intents and
entities the current NLU gives."""

from __future__ import annotations

import pytest

from actions import backends, texts
from directory_client import Locator
from tests.actions.test_after_places import Talk, rest_text
from tests.conftest_actions import ent


@pytest.fixture(scope="module")
def real(embedded_directory):
    backends.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    backends.set_backends(None, None)


FREE = "La plupart des lieux d'aide au numérique sont gratuits"


@pytest.mark.parametrize("message, intent, entities", [
    ("c'est gratuit ?", "inform", [ent("constraint", "gratuit")]),
    ("ça coûte combien ?", "out_of_scope", []),
])  # fmt: skip
def test_the_price_as_the_first_message_is_answered_then_the_need_asked(
    real, message, intent, entities
):
    talk = Talk()
    text = rest_text(talk.say(message, intent, entities))
    assert text.startswith(FREE), text
    assert text.endswith(texts.text("utter_ask_need_again")), text


def test_the_price_while_the_town_is_asked_is_answered_then_the_town_asked(real):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour la CAF", "ask_help", [ent("procedure", "caf")])
    assert talk.slots["awaiting"] == "location"
    text = rest_text(talk.say("ça coûte combien ?", "out_of_scope"))
    assert text.startswith(FREE) and text.endswith(texts.text("utter_ask_location_again")), text
    assert talk.slots["procedures"] == ["caf"]
