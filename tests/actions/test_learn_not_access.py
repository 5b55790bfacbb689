"""Learning to use a computer, written the SMS way with the elision's apostrophe dropped
("jai besoin dapprendre a utiliser un ordi"), is lessons: not a computer to use on site, which
only a lack says ("j'ai pas d'ordi", tests/actions/test_needs.py)."""

from __future__ import annotations

import pytest

from actions import needs as needs_mod
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import (
    ent,
    said,
)

ON_SITE = needs_mod.NEEDS["materiel_usage"].purpose


def test_learning_to_use_a_computer_is_no_computer_to_use_on_site(real):
    talk = Talk()
    msgs = talk.say(
        "jai besoin dapprendre a utiliser un ordi, jhabite a Mauriac dans le cantal",
        "ask_help",
        [ent("location", "Mauriac")],
    )
    reco = one_list(msgs)
    assert talk.slots["needs"] == ["ordinateur"]
    assert reco["location"]["commune"] == "Mauriac"
    text = said(msgs[0])
    assert "à utiliser sur place" not in text, text
    assert "apprendre à vous servir d'un ordinateur" in text.lower(), text


@pytest.mark.parametrize(
    "message",
    [
        "jai besoin dapprendre a utiliser un ordi",
        "je voudrais dapprendre a utiliser un pc",
        "jveux qu'on mapprenne a utiliser un ordinateur",
        "besoin qu'on m'aide, japprends a utiliser un ordi",
    ],
)
def test_learning_written_without_the_apostrophe_is_lessons(message):
    assert needs_mod.read(message).needs == ["ordinateur"]


@pytest.mark.parametrize(
    "message",
    [
        "jai pas dordi et jveux apprendre a men servir",
        "je n'ai pas d'ordinateur, je voudrais apprendre à utiliser un ordi",
        "sans ordi chez moi, besoin dapprendre l'informatique",
    ],
)
def test_learning_with_no_computer_said_is_lessons_and_one_to_use_there(message):
    assert needs_mod.read(message).needs == ["ordinateur", "materiel_usage"]
