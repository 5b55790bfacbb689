"""Two needs, the places listed do not all do both (round 19's tester: "MDPH + internet", "Voici
3 lieux … pour faire vos démarches et utiliser internet" when none did both): the heading says
which place does which, read from each place's services in the payload, and "aucun ne fait les
deux" when none does. Real actions on the real embedded directory and Locator."""

from __future__ import annotations

import pytest

from actions import formatting as fmt
from actions import needs as needs_mod
from actions.need_cover import numbers_said
from tests.orient_answer import answer, doing


@pytest.mark.parametrize("town, needs, procedure, none_both", [
    ("Calais", ["demarches", "quotidien"], None, True),
    ("Limoges", ["demarches", "ordinateur"], None, True),
    ("Calais", ["demarches", "quotidien"], "mdph", True),
    ("Angoulême", ["demarches", "quotidien"], "carte_grise", False),  # place 3 does both
    ("Lyon", ["demarches", "ordinateur"], "mdph", False),  # from the town hall (round 23)
])  # fmt: skip
def test_the_heading_says_which_place_does_which_need(real, locator, town, needs, procedure,
                                                      none_both):
    text, payload = answer(locator, town, needs, [procedure] if procedure else [])
    first, second = (doing(payload, k) for k in needs)
    assert first and second and (first != second or len(first) < len(payload["results"]))
    assert not set(first) & set(second) if none_both else set(first) & set(second)
    assert ("aucun ne fait les deux" in text) == none_both, text
    named = procedure if procedure else None
    one = fmt.need_phrase([needs[0]], named)
    other = needs_mod.NEEDS[needs[1]].purpose
    assert f"pour {one} et {other}" not in text  # never both promised
    assert f"our {one} : {numbers_said(first)}" in text, text
    assert f"our {other} : {numbers_said(second)}." in text, text


def test_both_said_when_every_place_does_both(real, locator):
    text, payload = answer(locator, "Angoulême", ["demarches", "internet"], ["mdph"])
    assert all(len(doing(payload, k)) == 3 for k in ("demarches", "internet"))
    assert text == ("Voici 3 lieux près d'Angoulême (16) pour vos démarches avec la MDPH "
                    "(handicap) et un endroit avec internet :")  # fmt: skip
