""" "je voudrais apprendre à me servir d'internet": learning internet itself, worded as internet
(not the phone lessons), in the sentence before the places and in why each place fits. Real
SQLite directory."""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.conftest_actions import (
    ask,
    memory_directory,  # noqa: F401 - the directory fixture
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
    said, body, _buttons = ask(text, slots={"location": LYON_SLOT})
    assert "internet" in said
    assert "téléphone" not in said and "smartphone" not in said
    why = body["results"][0]["why"]
    assert "internet" in why and "téléphone" not in why
