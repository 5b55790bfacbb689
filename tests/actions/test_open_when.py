"""After places, "c'est ouvert demain ?", "ça ferme à quelle heure ?", "jusqu'à quelle heure ?":
that day's hours (tomorrow, today) of the place just shown in full, else of each place of the
list — never a town asked for, never "je ne peux pas vous aider"."""

from __future__ import annotations

from datetime import datetime

import pytest

from actions import texts
from directory_client import display, hours
from tests.actions.test_after_places import Talk, one_list, payloads
from tests.conftest_actions import (
    ent,
    said,
)

MONDAY_1000 = datetime(2026, 12, 7, 10, 0, tzinfo=hours.PARIS)  # tomorrow: Tuesday (mardi)
ASKS = [("aide pour ma retraite a Angers", "Angers"), ("aide caf a Tours", "Tours"),
        ("besoin d'aide pour ameli a Poitiers", "Poitiers")]  # fmt: skip
TOMORROW = ["c'est ouvert demain ?", "et demain c'est ouvert ?", "vous êtes ouverts demain ?",
            "ça ouvre à quelle heure demain ?"]  # fmt: skip
TODAY = ["a quelle heure ca ferme ?", "il ferme a quelle heure ?",
         "jusqu'à quelle heure c'est ouvert ?", "ça ouvre quand aujourd'hui ?"]  # fmt: skip


@pytest.fixture
def monday(monkeypatch):
    monkeypatch.setattr(hours, "now_paris", lambda: MONDAY_1000)


def listed(ask: str, town: str) -> tuple[Talk, dict]:
    talk = Talk()
    reco = one_list(talk.say(ask, "ask_help", [ent("location", town)]))
    return talk, reco


def expected_for(place: dict, when: str, weekday: int) -> str:
    times = display.day_hours(place.get("opening_hours"), weekday)
    if times is None:
        return texts.text("utter_place_when_unknown", place=place["name"], when=when,
                          phone=place.get("phone_text") or place.get("phone")
                          or "pas de numéro dans l'annuaire")  # fmt: skip
    if times:
        return texts.text("utter_place_open_when", place=place["name"], when=when, times=times)
    return texts.text("utter_place_closed_when", place=place["name"], when=when,
                      hours=" ; ".join(place.get("hours") or []) or "non connus")  # fmt: skip


@pytest.mark.parametrize("intent", ["inform", "out_of_scope", "ask_help"])
@pytest.mark.parametrize("question, days", [(q, 1) for q in TOMORROW] + [(q, 0) for q in TODAY])
@pytest.mark.parametrize("ask, town", ASKS)
@pytest.mark.parametrize("pick, rank", [("le premier", 0), ("le deuxième", 1)])
def test_after_one_place_its_hours_that_day(real, monday, ask, town, pick, rank, question, days,
                                            intent):  # fmt: skip
    talk, reco = listed(ask, town)
    talk.say(pick, "inform")
    place = reco["results"][rank]
    msgs = talk.say(question, intent)
    assert not payloads(msgs) or all(p["type"] != "recommendation" for p in payloads(msgs))
    when, weekday = ("demain (mardi)", 1) if days else ("aujourd'hui (lundi)", 0)
    assert said(msgs[0]) == expected_for(place, when, weekday), said(msgs[0])


@pytest.mark.parametrize("question, days", [("c'est ouvert demain ?", 1),
                                            ("ils sont ouverts aujourd'hui ?", 0)])  # fmt: skip
@pytest.mark.parametrize("ask, town", ASKS)
def test_after_the_list_each_place_that_day(real, monday, ask, town, question, days):
    talk, reco = listed(ask, town)
    msgs = talk.say(question, "inform")
    text = said(msgs[0])
    head = "Demain (mardi)" if days else "Aujourd'hui (lundi)"
    assert text.startswith(f"{head}, d'après l'annuaire :"), text
    for i, place in enumerate(reco["results"], 1):
        assert f"{place.get('number', i)}. {place['name']} : " in text, text
