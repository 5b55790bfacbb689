"""A département named in the message ("je suis dans le Nord", "dans le 59", "en Haute-Savoie",
"dans les Bouches-du-Rhône") is read without the NLU model tagging it: the commune is then asked
in it, as when the model tags it."""

from __future__ import annotations

import pytest

from actions.town_in_message import departement_named
from tests.conftest_actions import run_as_the_action_server, said, slots_of, tracker


@pytest.mark.parametrize(
    ("text", "intent", "code", "where"),
    [
        ("je suis dans le Nord", "inform", "59", "dans le Nord"),
        ("j'habite dans le 59", "inform", "59", "dans le Nord"),
        ("je vis en Haute-Savoie", "inform", "74", "en Haute-Savoie"),
        ("aide pour ma CAF, je suis dans les Bouches-du-Rhône", "ask_help", "13",
         "dans les Bouches-du-Rhône"),
    ],
)  # fmt: skip
def test_the_commune_is_asked_in_the_departement_named(text, intent, code, where):
    answer = run_as_the_action_server(
        tracker(text, intent, slots={"needs": ["demarches"], "mode": "avec_moi"})
    )
    location = slots_of(answer["events"]).get("location") or {}
    assert location.get("kind") == "departement" and location.get("departement") == code
    asked = " ".join(said(r) for r in answer["responses"])
    assert f"Quelle est votre commune {where} ?" in asked


@pytest.mark.parametrize(
    "text", ["je suis en colère", "dans le nord de la ville", "en France", "j'ai 59 ans"]
)
def test_no_departement_where_none_is_named(text):
    assert departement_named(text) is None
