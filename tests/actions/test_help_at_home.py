""""chez moi", "à la maison" when asked where ("je veux apprendre a faire des visio" → "Dans quelle
ville… ?"): help at home is no town (it gave "Je ne peux pas vous aider pour cela", or the
places near La Maison-Dieu). The places are where one goes, the help at a distance is given and
the town is asked again. Real actions on the real embedded directory."""

from __future__ import annotations

import pytest

from actions import formatting as fmt
from actions import texts
from tests.actions.test_after_places import Talk, one_list, payloads, rest_text
from tests.conftest_actions import ent

ASKED = texts.text("utter_ask_location", question=texts.text("utter_ask_location_again"))


@pytest.mark.parametrize("reply, intent, entities", [
    ("chez moi", "inform", [ent("location", "chez moi")]),
    ("chez moi", "out_of_scope", []),
    ("à la maison", "inform", []),
    ("à la maison", "nlu_fallback", []),
    ("a domicile svp", "chitchat", []),
])  # fmt: skip
def test_at_home_says_where_the_places_are_gives_remote_help_and_asks_the_town(
    real, reply, intent, entities
):
    talk = Talk()
    assert rest_text(talk.say("je veux apprendre a faire des visio", "ask_help")) == ASKED
    msgs = talk.say(reply, intent, entities)
    assert not payloads(msgs), rest_text(msgs)
    text = rest_text(msgs)
    assert "endroits où l'on se rend" in text and fmt.HELPLINE_TEXT in text
    assert text.endswith(ASKED) and "Je ne peux pas vous aider" not in text
    assert talk.slots.get("location") is None and talk.slots.get("needs")
    # The town then gives the places for the need first said.
    reco = one_list(talk.say("Lille", "inform", [ent("location", "Lille")]))
    assert reco["location"]["commune"] == "Lille"
