"""The conversation design as Rasa sees it: data validation and the test stories (slow)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

RASA = str(Path(sys.executable).with_name("rasa"))
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}

pytestmark = pytest.mark.rasa


def _rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [RASA, *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=timeout
    )


def test_data_validate():
    done = _rasa("data", "validate", timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_core_stories(core_stories):
    """The test stories against the model every Rasa test uses (``make test`` trains it first
    when the data changed; the tests never train). ``core_stories`` (tests/conftest.py) started
    ``rasa test core`` when the session began, so that its model load overlaps other tests."""
    code, output = core_stories.result(timeout_s=900)
    assert code == 0, output[-6000:]
