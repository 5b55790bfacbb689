"""Round 23's testers: "impots a Trifouillis-les-Oies" asked « Dans quelle ville… » again as if no
town had been said (chat and SMS), and a desk-like "j'habite à Saint-Pierre-des-Trucs" offered
the Saint-Pierre towns. A name in one hyphenated piece that no commune bears is said not found
(« Je ne trouve pas … », utter_location_not_found), the need kept: the next answer gets the list."""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.actions.test_after_places import Talk, one_list


@pytest.mark.parametrize(("message", "unknown"), [
    ("impots a Trifouillis-les-Oies", "Trifouillis-les-Oies"),
    ("j'ai besoin d'aide pour la caf, j'habite à Saint-Pierre-des-Trucs", "Saint-Pierre-des-Trucs"),
    ("aide pour ma carte grise à Villeneuve-sur-Truc", "Villeneuve-sur-Truc"),
])  # fmt: skip
def test_an_unknown_town_is_said_not_found_and_the_need_kept(real, message, unknown):
    talk = Talk()
    msgs = talk.say(message)
    said = [(m.get("response"), m.get("place")) for m in msgs]
    assert ("utter_location_not_found", unknown) in said, msgs
    assert talk.slots.get("needs"), talk.slots
    places = one_list(talk.say("Tours", "inform", [{"entity": "location", "value": "Tours"}]))
    assert places["location"]["commune"] == "Tours"
    assert places["need"] == [labels.DEMARCHES]
