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


def _folded(text: str) -> str:
    """A text as a reader would compare it: annotations, case, accents and punctuation dropped."""
    import re
    import unicodedata

    text = re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", text))


def _evaluation_texts() -> dict[str, str]:
    """Every message of the frozen corpus and of the development sets not yet read."""
    texts: dict[str, str] = {}
    paths = sorted((ROOT / "tests" / "corpus").glob("*.yml"))
    paths += sorted((ROOT / "tests" / "devset").glob("*.yml"))
    for path in paths:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = loaded if isinstance(loaded, list) else next(
            (value for value in loaded.values() if isinstance(value, list)), []
        )
        for case in cases:
            if isinstance(case, dict) and case.get("text"):
                texts.setdefault(_folded(str(case["text"])), f"{path.name} {case.get('id')}")
    return texts


def test_no_training_example_is_a_message_of_an_evaluation_set():
    """The corpus and the development sets are measured on, never trained on: not even a short
    message written the same way but for an accent or a comma."""
    evaluation = _evaluation_texts()
    found = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            for line in (item.get("examples") or "").splitlines():
                text = _folded(line.strip()[2:])
                if text in evaluation:
                    found.append(f"{path.name}: an example is {evaluation[text]}")
    assert not found, found
