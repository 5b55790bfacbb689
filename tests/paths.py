"""Where the project and the tests' own files are, for test modules at any depth."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
