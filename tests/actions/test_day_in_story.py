"""A weekday inside a story is no criterion (round 18's tester): "mon fils m'appelle le dimanche…,
Périgueux" got "Aucun lieu n'ouvre le dimanche". A day counts when it is about when the person can
go ("le samedi", "ouvert le dimanche", "je ne peux que le samedi", "c'est ouvert samedi ?"), not
in a sentence whose subject is someone else calling or visiting. The day is tagged as the current
NLU model tags it; real actions and embedded directory."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import needs
from tests.conftest_actions import (
    said,
    slots_of,
    tracker,
)


def tagged(message: str, **values: str) -> list[dict]:
    out = []
    for entity, value in values.items():
        start = message.index(value)
        out.append({"entity": entity, "value": value, "start": start, "end": start + len(value)})
    return out


def orient(message: str, entities: list[dict], slots: dict | None = None) -> tuple[str, dict]:
    dispatcher = CollectingDispatcher()
    t = tracker(message, "ask_help", entities, slots)
    events = asyncio.run(A.ActionOrient().run(dispatcher, t, {}))
    return "\n".join(said(m) for m in dispatcher.messages), slots_of(events)


def test_a_son_who_calls_on_sundays_is_no_sunday_criterion(real):
    message = (
        "mon fils m'appelle le dimanche pour m'aider avec internet mais il habite loin, Périgueux"
    )
    text, slots = orient(message, tagged(message, constraint="dimanche", location="Périgueux"))
    assert "Périgueux" in text, text
    assert "dimanche" not in text, text
    assert "dimanche" not in (slots.get("constraints") or []), slots


def test_they_call_on_sundays_after_a_request_keeps_the_list(real):
    first, slots = orient("aide pour ma déclaration d'impôts à Périgueux", [])
    assert "Périgueux" in first, first
    message = "ils m'appellent le dimanche"
    text, more = orient(message, tagged(message, constraint="dimanche"), slots)
    assert "n'ouvre le dimanche" not in text, text
    assert "dimanche" not in (more.get("constraints") or slots.get("constraints") or []), more


@pytest.mark.parametrize(
    "message, day",
    [
        ("le samedi", "samedi"),
        ("ouvert le dimanche", "dimanche"),
        ("je ne peux que le samedi", "samedi"),
        ("c'est ouvert samedi ?", "samedi"),
        ("ma fille passe le samedi mais je peux y aller le dimanche", "dimanche"),
    ],
)
def test_a_day_to_go_is_still_a_criterion(message, day):
    assert day in needs.detect(message).constraints
