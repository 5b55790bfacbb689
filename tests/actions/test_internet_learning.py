""" "je voudrais apprendre à me servir d'internet": learning internet itself, worded as internet
(not the phone lessons), in the sentence before the places and in why each place fits. Real
SQLite directory."""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.conftest_actions import (
    memory_directory,  # noqa: F401 - the directory fixture
    run_as_the_action_server,
    tracker,
)
from tests.places import LYON_SLOT, make_place


@pytest.mark.parametrize(
    "text",
    [
        "je voudrais apprendre à me servir d'internet",
        "je voudrais des cours d'internet",
        "j'aimerais apprendre internet, je n'y connais rien",
    ],
)
def test_internet_learning_is_worded_as_internet(directory, text):
    with directory.Session() as session:
        make_place(session, "Espace public numérique", km_east=1.0,
                   services=(labels.OUTILS_QUOTIDIEN,),
                   origin=(labels.V1_SMARTPHONE, labels.V1_EVERYDAY))  # fmt: skip
        session.commit()
    answer = run_as_the_action_server(tracker(text, "ask_help", slots={"location": LYON_SLOT}))
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    body = next(r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom"))
    assert "internet" in said
    assert "téléphone" not in said and "smartphone" not in said
    why = body["results"][0]["why"]
    assert "internet" in why and "téléphone" not in why
