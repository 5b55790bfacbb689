""""plus près ?" after a list: only places nearer than the nearest shown (the tester's Bordeaux,
Mauriac, Saint-Laurent-du-Maroni got a farther place, or one at 12 km in place of one at 14 km),
else said plainly that none is nearer. Real embedded directory, several turns (``Talk``)."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, one_list, payloads, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
)


@pytest.mark.parametrize("message, town", [
    ("j'ai besoin d'aide pour mes démarches en ligne à Bordeaux", "Bordeaux"),
    ("aide pour remplir mon dossier caf à Mauriac 15200", "15200"),
    ("aide caf à Saint-Laurent-du-Maroni", "Saint-Laurent-du-Maroni"),
    ("j'ai besoin d'aide pour ma retraite à Aurillac", "Aurillac"),
    ("aide pour mes impôts à Périgueux", "Périgueux"),
])  # fmt: skip
@pytest.mark.parametrize("nearer, intent", [("plus près ?", "ask_help"),
                                            ("y a pas plus proche ?", "change_location")])
def test_nearer_gives_only_nearer_places_or_says_none(real, message, town, nearer, intent):
    talk = Talk()
    first = one_list(talk.say(message, "ask_help", [ent("location", town)]))
    nearest_shown = min(p["distance_km"] for p in first["results"])
    msgs = talk.say(nearer, intent)
    text = rest_text(msgs)
    lists = [p for p in payloads(msgs) if p.get("type") == "recommendation"]
    if not lists:
        assert text.startswith("Il n'y a pas de lieu plus près pour "), text
        return
    [again] = lists
    km = [p["distance_km"] for p in again["results"]]
    assert km and all(k < nearest_shown for k in km), (nearest_shown, km, text)
