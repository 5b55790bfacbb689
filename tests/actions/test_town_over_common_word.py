"""The town the person names wins over an ordinary word that is also a commune (t152's tester,
defect 1): "ma fille … On est à Valence" asked "Il y a plusieurs communes avec ce nom" for a
short message but gave places near Fillé (Sarthe) for a longer one. The entities are the
current NLU model's (town and needs, with their offsets); real actions, gazetteer and embedded
directory."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from tests.conftest_actions import (
    said,
    slots_of,
    tracker,
)


def tagged(message: str, places: tuple[str, ...], needs: tuple[str, ...]) -> list[dict]:
    out = []
    for kind, values in (("location", places), ("need", needs)):
        for value in values:
            start = message.index(value)
            out.append({"entity": kind, "value": value, "start": start, "end": start + len(value)})
    return out


def orient(message: str, places: tuple[str, ...], needs: tuple[str, ...] = ()):
    dispatcher = CollectingDispatcher()
    t = tracker(message, "ask_help", tagged(message, places, needs), {})
    events = asyncio.run(A.ActionOrient().run(dispatcher, t, {}))
    text = "\n".join(said(m) for m in dispatcher.messages)
    titles = [b["title"] for m in dispatcher.messages for b in m.get("buttons") or []]
    return text, titles, slots_of(events)


STORY = ("{who} a été harcelé{e} sur les réseaux l'an dernier, ça va mieux, mais je voudrais "
         "apprendre à mieux protéger ses comptes. On est à {town}")  # fmt: skip


@pytest.mark.parametrize(
    "who, e, town, offered",
    [
        ("ma fille", "e", "Valence", ["Valence (26)", "Valence (82)", "Valence (16)"]),
        ("mon fils", "", "Valence", ["Valence (26)", "Valence (82)", "Valence (16)"]),
        ("ma sœur", "e", "Valence", ["Valence (26)", "Valence (82)", "Valence (16)"]),
        ("la mère de mon copain", "e", "Valence", ["Valence (26)", "Valence (82)"]),
        ("ma fille", "e", "Saint-Denis", ["Saint-Denis (974, La Réunion)", "Saint-Denis (93)"]),
        ("ma fille", "e", "Saint-Pierre", ["Saint-Pierre (974, La Réunion)"]),
    ],
)  # fmt: skip
def test_a_homonym_town_named_is_asked_never_a_common_word(real, who, e, town, offered):
    message = STORY.format(who=who, e=e, town=town)
    text, titles, slots = orient(message, (town,), ("mieux protéger ses comptes", "On"))
    assert "Il y a plusieurs communes avec ce nom. Laquelle est la vôtre ?" in text, text
    assert titles[: len(offered)] == offered, (titles, text)
    assert "Fillé" not in text and "Sarthe" not in text and "(72)" not in text, text
