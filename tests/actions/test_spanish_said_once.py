"""A message in Spanish (round 160's tester, defect 19: « Hola, necesito ayuda… », « no hablo
francés » answered in French with nothing about language): one line in Spanish says that the
assistant and the places work in French, with the helpline, then the person is served as in
French. One detector for English and Spanish (actions/languages.py)."""

from __future__ import annotations

from tests.actions.talk import request_in, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)


def test_spanish_gets_one_line_in_spanish_then_the_places(real):
    _, msgs = request_in(
        "Buenos días, no hablo francés, necesito ayuda con la CAF en Perpignan", "Perpignan"
    )
    said = rest_text(msgs)
    assert said.startswith("Solo puedo responder en francés"), said[:300]
    assert "01 70 77 23 72" in said.split("\n")[0]
    assert "Perpignan" in said and "CAF" in said, said[:400]
