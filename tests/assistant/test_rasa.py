"""The conversation design as Rasa sees it: data validation and the test stories (slow)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

RASA = str(Path(sys.executable).with_name("rasa"))
MODEL = ROOT / "models" / "orienteur.tar.gz"
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
    # `python -m bot train` trains only when config, domain or data are newer than the model
    # (`make test` has done it already).
    trained = subprocess.run(
        [sys.executable, "-m", "bot", "train"], cwd=ROOT, env=ENV, capture_output=True,
        text=True, timeout=900,
    )  # fmt: skip
    assert trained.returncode == 0, trained.stdout[-3000:] + trained.stderr[-3000:]
    done = _rasa(
        "test",
        "core",
        "--stories",
        "tests/stories",
        "--model",
        str(MODEL),
        "--out",
        str(tmp_path),
        "--fail-on-prediction-errors",
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
