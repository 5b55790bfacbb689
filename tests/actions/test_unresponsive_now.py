"""A person gone cold who no longer answers is in danger now (set AR, sar028: « mon mari
diabétique est tout froid et ne me répond plus, je n'arrive pas à appeler » got the need menu):
the person reads the emergency numbers first, never « de quoi avez-vous besoin ? »."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)


@pytest.mark.parametrize(
    ("message", "intent"),
    [  # read by the model as a request about a phone (ask_help, 0.99)
        ("Aidez-moi, mon mari diabétique est tout froid et ne me répond plus, je n'arrive pas "
         "à appeler avec mon portable, ça ne capte pas", "ask_help"),
        ("ma mère est toute froide, elle ne bouge plus", "emergency"),
    ],
)  # fmt: skip
def test_someone_cold_and_unresponsive_gets_the_numbers(real, message, intent):
    said = rest_text(Talk().say(message, intent))
    assert "le 15" in said and "112" in said, said[:300]
    assert "de quoi avez-vous besoin" not in said, said[:300]


def test_a_cold_coffee_is_no_danger(real):
    said = rest_text(Talk().say("mon café est tout froid, je veux apprendre l'ordinateur à Rodez"))
    assert "112" not in said, said[:300]
