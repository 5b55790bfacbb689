"""A town given as the answer to "Dans quelle ville ?" is the town, whatever the NLU took it for
(set AR): « On est au Tampon » (Le Tampon, La Réunion) read as danger got the emergency numbers
(ar045); « ils sont à Belmont-sur-Rance », said of the parents helped, read as a report on a
place, got « Aucun lieu ne vous a encore été proposé ici » (ar050). The person reads places
there, no emergency number."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)


@pytest.mark.parametrize(
    ("first", "answer", "intent", "town"),
    [
        ("mon fils veut s'inscrire sur parcoursup et moi je comprends rien, on est perdus",
         "On est au Tampon", "emergency", "Tampon"),
        ("je voudrais que mes parents apprennent à se méfier des faux SMS",
         "ils sont à Belmont-sur-Rance", "report_place", "Belmont-sur-Rance"),
        ("je voudrais que ma mère apprenne à se servir de sa tablette",
         "ma mère est à Millau", "report_place", "Millau"),
    ],
)  # fmt: skip
def test_a_town_given_when_asked_is_the_town(real, first, answer, intent, town):
    talk = Talk()
    asked = rest_text(talk.say(first))
    assert "quelle ville" in asked, asked
    msgs = talk.say(answer, intent)
    said = rest_text(msgs)
    assert "112" not in said and "danger" not in said, said[:300]
    assert "Aucun lieu ne vous a encore été proposé" not in said, said[:300]
    one_list(msgs)
    assert town in said.split("\n")[0], said[:300]
