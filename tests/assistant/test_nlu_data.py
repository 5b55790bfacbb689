"""The NLU data is kept by hand, one file per intent family; the one generated file is current."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.paths import ROOT


def test_lookup_table_is_current_with_the_examples_and_the_gazetteer():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_lookup.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_each_intent_is_kept_in_one_file_and_no_text_has_two_intents():
    seen_intents: dict[str, str] = {}
    seen_texts: dict[str, str] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            intent = item.get("intent")
            if not intent:
                continue
            assert intent not in seen_intents, f"{intent} in {seen_intents.get(intent)} and {path}"
            seen_intents[intent] = path.name
            for line in item["examples"].splitlines():
                text = line.strip()[2:].strip().lower()
                assert seen_texts.setdefault(text, intent) == intent, (text, intent)
