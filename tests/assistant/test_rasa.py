"""The conversation design as Rasa sees it: data validation and the test stories (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.rasa


def test_data_validate(data_validation):
    """``rasa data validate``, started when the session began (tests/conftest.py)."""
    code, output = data_validation.result(timeout_s=300)
    assert code == 0, output[-6000:]


def test_core_stories(core_stories):
    """The test stories against the model every Rasa test uses (``make test`` trains it first
    when the data changed; the tests never train). ``core_stories`` (tests/conftest.py) started
    ``rasa test core`` when the session began, so that its model load overlaps other tests."""
    code, output = core_stories.result(timeout_s=900)
    assert code == 0, output[-6000:]
