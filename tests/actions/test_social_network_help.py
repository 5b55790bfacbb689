"""A social network or messaging app named with help ("jai besoin d'aide pour facebook"): using
it is the need (the everyday internet), or online safety when the account was hacked; never lost
(the chat once asked the need again) nor read as a procedure (the desk once read "démarches").
One understanding: the chat and the desk read it the same."""

from __future__ import annotations

import pytest

from actions import needs
from bot.staff.catalogue import understand
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import said

SOCIAL = [
    ("jai besoin d'aide pour facebook", "quotidien"),
    ("aide pour instagram svp", "quotidien"),
    ("besoin d'aide pour mon compte tiktok", "quotidien"),
    ("j ai besoin d aide pour messenger", "quotidien"),
    ("mon facebook a été piraté aide", "securite"),
    ("on m'a piraté mon compte insta, besoin d'aide", "securite"),
]


@pytest.mark.parametrize(("message", "need"), SOCIAL)
def test_the_chat_answers_the_need_of_a_social_network(real, message, need):
    talk = Talk()
    msgs = talk.say(f"{message} à Lille", "ask_help")
    reco = one_list(msgs)
    assert talk.slots["needs"] == [need]
    assert reco["need"] == [needs.NEEDS[need].service]
    # The list's own words (a line that cannot wait, "compte piraté", may come before it).
    assert needs.NEEDS[need].purpose in said([m for m in msgs if m.get("custom")][0])


@pytest.mark.parametrize(("message", "need"), SOCIAL)
def test_the_desk_reads_the_same_need(message, need):
    understood = understand(message)
    assert understood.need_keys == (need,)
    assert understood.services == (needs.NEEDS[need].service,)
