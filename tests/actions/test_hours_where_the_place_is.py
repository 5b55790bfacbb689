"""Opening hours said in the place's own time (t194 D19): "aujourd'hui", "demain", "ce matin"
are the days where the places are — on Monday at 3 h in Paris it is still Sunday evening in
Guadeloupe and Martinique — and "ouvert maintenant" reads their hours at their own time."""

from __future__ import annotations

from datetime import datetime

import pytest

from directory_client import hours
from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import ent

MONDAY_0300_PARIS = datetime(2026, 12, 7, 3, 0, tzinfo=hours.PARIS)  # Sunday 22 h in the Antilles


@pytest.fixture
def early_monday(monkeypatch):
    monkeypatch.setattr(hours, "now_paris", lambda: MONDAY_0300_PARIS)


@pytest.mark.parametrize("ask, town", [("aide pour la caf à Pointe-à-Pitre", "Pointe-à-Pitre"),
                                       ("aide pour ma demande caf à Fort-de-France",
                                        "Fort-de-France")])  # fmt: skip
def test_today_is_the_day_where_the_places_are(real, early_monday, ask, town):
    talk = Talk()
    one_list(talk.say(ask, "ask_help", [ent("location", town)]))
    for question, said in [("c'est ouvert aujourd'hui ?", "Aujourd'hui (dimanche)"),
                           ("et demain ils sont ouverts ?", "Demain (lundi)")]:  # fmt: skip
        answer = rest_text(talk.say(question, "inform"))
        assert answer.startswith(f"{said}, d'après l'annuaire :"), (question, answer)
