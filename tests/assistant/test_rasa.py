"""The conversation design as Rasa sees it: data validation and the test stories (slow)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT
from tests.rasa_stack import NO_MODEL, find_model

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


def test_core_stories(tmp_path):
    """The test stories against the model every Rasa test uses (``make test`` trains it first
    when the data changed; the tests never train)."""
    model = find_model()
    if model is None:
        pytest.skip(NO_MODEL)
    done = _rasa("test", "core", "--stories", "tests/stories", "--model", str(model),
                 "--out", str(tmp_path), "--fail-on-prediction-errors")  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
