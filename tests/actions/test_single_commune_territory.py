"""Saint-Martin (978) and Saint-Barthélemy (977) are each one commune: their name is a town, its
places or first among its mainland homonyms ("Saint-Martin (978, …)"), never an area whose
commune is asked ("Quelle est votre commune à Saint-Martin ?")."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk
from tests.conftest_actions import (
    ent,
    said,
)


@pytest.mark.parametrize(
    ("message", "name", "code"),
    [
        ("je vis à Saint-Martin, besoin d'aide pour les papiers", "Saint-Martin", "978"),
        ("j'habite Saint Martin et j'ai besoin d'aide pour ma CAF", "Saint Martin", "978"),
        ("j'habite à Saint-Barthélemy, aide pour mes impôts", "Saint-Barthélemy", "977"),
    ],
)
def test_a_single_commune_territory_is_a_town_to_choose_not_an_area(real, message, name, code):
    talk = Talk()
    msgs = talk.say(message, "ask_help", [ent("location", name)])
    text = " ".join(said(m) for m in msgs)
    assert "Quelle est votre commune" not in text, text
    buttons = [b["title"] for m in msgs for b in m.get("buttons") or []]
    if "ne couvre pas encore les lieux d'aide" in text:  # none there, said with the helpline
        assert f"à {name.replace(' ', '-')}." in text, text
    elif buttons:  # a choice among the homonyms: the territory first
        assert buttons[0].startswith(f"{name.replace(' ', '-')} ({code}"), buttons
    else:  # its places (or none there, said with the helpline)
        assert f"({code}" in text, text
        assert talk.slots["location"]["departement"] == code, talk.slots["location"]
        assert talk.slots["location"]["kind"] == "commune", talk.slots["location"]
