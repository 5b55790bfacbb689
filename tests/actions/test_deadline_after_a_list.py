"""A same-day deadline said after a list (« je dois le faire aujourd'hui ») is the request for
today, never a farewell: the NLU reads some of these as small talk (« je dois le faire
aujourd'hui » as ``chitchat/goodbye``), and the person was told « Au revoir, et bon courage ! »
just as they said they were in a hurry. The places are given again, and when none of them opens
again today, that is said first (``actions.today_deadline``). A real goodbye stays one. Played on
the real directory: Roubaix, learning to use one's phone."""

from __future__ import annotations

from datetime import datetime

import pytest

from directory_client import hours
from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import ent

GOODBYE = "Au revoir"
MONDAY_1930 = datetime(2026, 12, 7, 19, 30, tzinfo=hours.PARIS)  # every place closed until Tuesday
NONE_TODAY = "Aucun de ces lieux n'ouvre encore aujourd'hui"
DEADLINES = [
    ("je dois le faire aujourd'hui", "chitchat/goodbye"),  # the NLU's reading
    ("il faut que je le termine aujourd'hui", "chitchat/goodbye"),
    ("c'est pour aujourd'hui, je dois le faire aujourd'hui", "chitchat/goodbye"),
    ("merci mais c'est à rendre avant minuit", "chitchat/thank"),
    ("ok mais je dois le remplir aujourd'hui", "chitchat/thank"),
]


def listed() -> tuple[Talk, list[str]]:
    talk = Talk()
    reco = one_list(talk.say("je veux apprendre à me servir de mon téléphone à Roubaix",
                             "ask_help", [ent("location", "Roubaix")]))  # fmt: skip
    return talk, [p["name"] for p in reco["results"]]


@pytest.mark.parametrize(("said", "intent"), DEADLINES)
def test_a_deadline_today_after_a_list_gives_the_places_never_a_goodbye(real, said, intent):
    talk, names = listed()
    answer = rest_text(talk.say(said, intent))
    assert GOODBYE not in answer, (said, answer)
    assert all(name in answer for name in names), (said, answer)


@pytest.mark.parametrize(("said", "intent"), DEADLINES[:3])
def test_none_open_again_today_is_said_first(real, monkeypatch, said, intent):
    monkeypatch.setattr(hours, "now_paris", lambda: MONDAY_1930)
    talk, _names = listed()
    answer = rest_text(talk.say(said, intent))
    assert answer.startswith(NONE_TODAY), (said, answer)


GOODBYES = [("merci au revoir", "chitchat/goodbye"),
            ("bonne soirée, à ce soir peut-être", "chitchat/goodbye"),
            ("merci beaucoup pour aujourd'hui", "chitchat/thank"),
            ("merci pour aujourd'hui, bonne soirée", "chitchat/goodbye")]  # fmt: skip


@pytest.mark.parametrize(("said", "intent"), GOODBYES)
def test_a_real_goodbye_after_a_list_is_still_one(real, said, intent):
    talk, names = listed()
    answer = rest_text(talk.say(said, intent))
    assert names[0] not in answer, (said, answer)
