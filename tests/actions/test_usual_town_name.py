"""A commune named by its usual name, not its official one (set AR, ar128: « Seyne-les-Alpes »,
officially Seyne, 04, was not found): the person reads places near Seyne (04), from the one
table of usual names (directory_client/usual_names.py)."""

from __future__ import annotations

from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)


def test_seyne_les_alpes_is_seyne(real):
    talk = Talk()
    assert "quelle ville" in rest_text(talk.say("je voudrais apprendre à utiliser ma tablette"))
    msgs = talk.say("Seyne-les-Alpes", "inform")
    said = rest_text(msgs)
    one_list(msgs)
    assert "Seyne (04)" in said.split("\n")[0], said[:300]
