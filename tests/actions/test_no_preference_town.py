""""peu importe" while the town is asked and no town nor département is known (a région named,
homonyms offered): never read as a town's name ("Je ne trouve pas « peu importe »"); the town
asked plainly, the need kept."""

from __future__ import annotations

import pytest

from actions import texts
from tests.actions.talk import request_in, rest_text


@pytest.mark.parametrize("first, where", [
    ("aide pour pôle emploi en Bretagne", "Bretagne"),
    ("j'ai besoin d'aide pour ma caf en Normandie", "Normandie"),
    ("aide pour mes impôts en Occitanie", "Occitanie"),
])  # fmt: skip
@pytest.mark.parametrize("no_preference", ["peu importe", "n'importe quelle ville",
                                           "ça m'est égal"])
@pytest.mark.parametrize("intent", ["inform", "ask_help"])
def test_no_preference_for_the_town_is_never_read_as_a_town(real, first, where, no_preference,
                                                            intent):  # fmt: skip
    talk, _ = request_in(first, where)
    if talk.slots.get("awaiting") not in ("location", "location_choice"):
        pytest.skip(f"{where}: the town is not asked")
    needs = talk.slots["needs"]
    msgs = talk.say(no_preference, intent)
    text = rest_text(msgs)
    assert "Je ne trouve pas" not in text and no_preference not in text, text
    assert text == texts.text("utter_ask_location",
                              question=texts.text("utter_ask_location_again")), text  # fmt: skip
    assert talk.slots["needs"] == needs and talk.slots["awaiting"] == "location"
