"""A big town written a letter wrong or short at the end of the request ("aide pour ma carte
grise à bordaux", "… à marseil"), untagged by the NLU: that town when the locator reads one; a
choice with the big town first when another is as close ("montpelier": Montpellier or
Montélier), buttons on the web and a numbered list on SMS; never "Dans quelle ville…" again."""

from __future__ import annotations

import re

import pytest

from bot.channels.render import numbered_choices
from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import (
    ent,
    said,
)

ASKED = "aide pour ma carte grise à {town}"


@pytest.mark.parametrize(
    ("town", "label"),
    [
        ("bordaux", "Bordeaux (33)"),
        ("marseil", "Marseille (13)"),
        ("toulous", "Toulouse (31)"),
        ("strasbour", "Strasbourg (67)"),
        ("perpign", "Perpignan (66)"),
        ("grenobl", "Grenoble (38)"),
    ],
)
@pytest.mark.parametrize("tagged", [False, True])
def test_a_big_town_misspelt_is_searched(real, town, label, tagged):
    talk = Talk()
    msgs = talk.say(ASKED.format(town=town), "ask_help", [ent("location", town)] if tagged else [])
    one_list(msgs)
    assert re.match(rf"Voici 3 lieux près (de |d'){re.escape(label)} pour ", said(msgs[0]))


@pytest.mark.parametrize("tagged", [False, True])
def test_a_misspelt_town_with_close_homonyms_gets_a_choice_big_town_first(real, tagged):
    talk = Talk()
    msgs = talk.say(ASKED.format(town="montpelier"), "ask_help",
                    [ent("location", "montpelier")] if tagged else [])  # fmt: skip
    buttons = [b for m in msgs for b in m.get("buttons") or []]
    assert [b["title"] for b in buttons][:2] == ["Montpellier (34)", "Montélier (26)"]
    question = " ".join(said(m) for m in msgs)
    assert "Dans quelle ville" not in question
    sms, _ = numbered_choices(question, buttons)
    assert "\n1. Montpellier (34)\n2. Montélier (26)\n" in sms
    msgs = talk.say("1", "inform")
    assert one_list(msgs)["location"]["commune"] == "Montpellier"


@pytest.mark.parametrize("word", ["domicile", "internet", "imprimer", "remplir", "maison"])
def test_a_common_word_ending_the_request_is_no_town(real, word):
    talk = Talk()
    msgs = talk.say(ASKED.format(town=word), "ask_help")
    assert not talk.slots.get("location") and not any(m.get("custom") for m in msgs)


@pytest.mark.parametrize(
    ("cut", "label"), [("marseil", "Marseille (13)"), ("dunker", "Dunkerque (59)")]
)
def test_the_locator_reads_a_big_town_cut_short(cut, label):
    result = Locator().locate(cut)
    assert result.status == "found" and result.best.label == label
