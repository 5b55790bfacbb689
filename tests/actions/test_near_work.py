"""Places wanted near work (round 19's tester over REST): "près de mon travail à Bordeaux,
j'habite à Agen" searches Bordeaux, the town named with "travail"/"boulot", not the home town;
"je travaille à Bordeaux mais j'habite à Libourne" still searches Libourne
(tests/actions/test_two_towns.py). Real actions, gazetteer and embedded directory; the places
tagged as the current NLU tags them; "travail" is no need to find work there."""

from __future__ import annotations

import pytest

from actions import backends
from directory_client import Locator
from tests.actions.test_two_towns import orient
from tests.conftest_actions import said


@pytest.fixture(scope="module")
def real(embedded_directory):
    backends.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    backends.set_backends(None, None)


@pytest.mark.parametrize("message, towns, wanted", [
    ("j'ai besoin d'aide pour la CAF près de mon travail à Bordeaux, j'habite à Agen",
     ("Bordeaux", "Agen"), "Bordeaux (33)"),
    ("j'habite à Agen mais je travaille à Bordeaux, je préfère près du boulot, pour la CAF",
     ("Agen", "Bordeaux"), "Bordeaux (33)"),
])  # fmt: skip
def test_the_town_near_work_is_searched(real, message, towns, wanted):
    msgs, slots = orient(message, *towns)
    text = "\n".join(said(m) for m in msgs)
    assert f"près de {wanted}" in text, text
    assert "Agen" not in text, text
    # "travail" there says where, never a job to find
    assert slots["needs"] == ["demarches"] and "chercher du travail" not in text, text
