"""Two towns in one message (round 18's tester, REST/SMS/desk): the town where the person to be
helped lives wins over a town named for someone else or for work; when the message does not
say which, the assistant asks with the two towns as buttons. The places are tagged as the
current NLU model tags them (both towns); real actions, gazetteer and embedded directory."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from directory_client import display
from tests.conftest_actions import (
    said,
    slots_of,
    tracker,
)


def tagged(message: str, *towns: str) -> list[dict]:
    out = []
    for town in towns:
        start = message.index(town)
        out.append({"entity": "location", "value": town, "start": start, "end": start + len(town)})
    return out


def orient(message: str, *towns: str, intent: str = "ask_help") -> tuple[list[dict], dict]:
    dispatcher = CollectingDispatcher()
    t = tracker(message, intent, tagged(message, *towns), {})
    events = asyncio.run(A.ActionOrient().run(dispatcher, t, {}))
    return dispatcher.messages, slots_of(events)


@pytest.mark.parametrize(
    "message, towns, intent, wanted",
    [
        ("ma fille habite a Toulouse mais moi j'habite à Périgueux, je voudrais de l'aide pour "
         "les APL", ("Toulouse", "Périgueux"), "ask_help", "Périgueux (24)"),
        ("je travaille à Bordeaux mais j'habite à Libourne", ("Bordeaux", "Libourne"), "ask_help",
         "Libourne (33)"),
        ("j'habite à Lille mais c'est pour ma mère qui vit à Arras", ("Lille", "Arras"), "inform",
         "Arras (62)"),
    ],
)  # fmt: skip
def test_the_town_where_the_person_lives_wins(real, message, towns, intent, wanted):
    msgs, slots = orient(message, *towns, intent=intent)
    text = "\n".join(said(m) for m in msgs)
    assert wanted in text, text
    assert all(t not in text for t in towns if not wanted.startswith(t)), text


def test_two_towns_where_the_person_may_be_asks_which(real):
    message = "je suis à Lille et à Arras, pour ma déclaration d'impôts"
    msgs, slots = orient(message, "Lille", "Arras")
    assert slots["awaiting"] == "location_choice", msgs
    titles = [b["title"] for m in msgs for b in m.get("buttons") or []]
    assert titles[:2] == ["Lille (59)", "Arras (62)"], titles
    text = "\n".join(said(m) for m in msgs)
    assert "Où dois-je chercher : près de Lille ou d'Arras ?" in text, text
    assert "plusieurs communes avec ce nom" not in text, text


# t152's tester (defect 4): the writer in one town, the relative who has the need in another
# ("elle a besoin d'aide", "il doit déclarer"): the places are near the relative.
@pytest.mark.parametrize(
    "message, towns, wanted",
    [
        ("je suis à Marseille mais ma mère habite à Aix-en-Provence, elle a besoin d'aide pour sa "
         "retraite en ligne", ("Marseille", "Aix-en-Provence"), "Aix-en-Provence (13)"),
        ("j'habite à Lyon mais mon père vit à Villeurbanne, il doit déclarer ses impôts en ligne",
         ("Lyon", "Villeurbanne"), "Villeurbanne (69)"),
        ("moi je suis à Paris, ma grand-mère habite à Lille et elle n’arrive pas à faire sa demande"
         " CAF", ("Paris", "Lille"), "Lille (59)"),
        ("je suis à Nantes, mon fils habite à Rennes, il cherche un ordinateur pas cher",
         ("Nantes", "Rennes"), "Rennes (35)"),
    ],
)  # fmt: skip
def test_the_town_of_the_relative_who_has_the_need_wins(real, message, towns, wanted):
    msgs, slots = orient(message, *towns)
    text = "\n".join(said(m) for m in msgs)
    assert f"près {display.of_place(wanted)}" in text, text
    assert slots["location"]["label"] == wanted, text


def test_the_writer_own_need_stays_near_the_writer(real):
    message = ("je suis à Marseille mais ma mère habite à Aix-en-Provence, je voudrais apprendre à "
               "me servir d'un ordinateur")  # fmt: skip
    msgs, slots = orient(message, "Marseille", "Aix-en-Provence")
    assert slots["location"]["label"] == "Marseille (13)", msgs


def test_two_towns_and_nothing_says_whose_need_asks_which(real):
    message = "je suis à Marseille et ma mère habite à Aix-en-Provence, pour la retraite en ligne"
    msgs, slots = orient(message, "Marseille", "Aix-en-Provence")
    text = "\n".join(said(m) for m in msgs)
    assert "Où dois-je chercher : près de Marseille ou d'Aix-en-Provence ?" in text, text
    titles = [b["title"] for m in msgs for b in m.get("buttons") or []]
    assert titles[:2] == ["Marseille (13)", "Aix-en-Provence (13)"], titles


def test_a_town_and_its_departement_stay_one_place(real):
    msgs, slots = orient("j'habite Saint-Denis, à la Réunion", "Saint-Denis", "Réunion")
    assert (slots.get("location") or {}).get("code_insee") == "97411", msgs
