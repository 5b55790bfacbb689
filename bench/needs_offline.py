"""The need reader alone (``actions.needs.read``, no Rasa): the services read from each first
message against the expected ones, on the reader's own examples (actions/data: former
development sets, trained on), on the round's sets that no one reads (tests/devset: figures
only) and on both halves of the frozen corpus (tests/corpus: figures only for the held-out
half). Seconds instead of the minutes of bench/corpus_eval.py; it measures the first message
only (no follow-up turns, no place). "Asked to choose": the reading is a guess and the person
gets the three likeliest needs as buttons; "served after the choice" counts those whose buttons
hold a need they want as served.

    PYTHONPATH=. python bench/needs_offline.py [--misses]   # --misses: examples and looked-at half
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actions import needs  # noqa: E402
from tests.corpus_runner import held_out  # noqa: E402


def _cases(path: Path) -> list[dict]:
    return [c for c in yaml.safe_load(path.read_text(encoding="utf-8")) if c.get("services")]


def _sets(folder: Path) -> list[Path]:
    """The first-message sets of a folder (one or two letters), not the second annotators'."""
    return sorted(
        (p for p in folder.glob("first_messages_*.yml") if "." not in p.stem),
        key=lambda p: (len(_letters(p)), _letters(p)),
    )


def _letters(path: Path) -> str:
    return path.stem.rsplit("_", 1)[1].upper()


def _score(name: str, cases: list[dict], show_misses: bool) -> None:
    exact = complete = extra = asked = served = 0
    misses = []
    for case in cases:
        found = needs.read(case["text"])
        read = {needs.NEEDS[k].service for k in found.needs}
        offered = {needs.NEEDS[k].service for k in found.choices}
        wanted = set(case["services"])
        exact += read == wanted
        complete += wanted <= read
        extra += bool(read - wanted)
        asked += bool(offered)
        # Served in the end: read, or a guess asked about with the wanted need among the buttons
        # (the person taps one: a message with two needs is not served by the choice).
        served += (len(wanted) == 1 and wanted <= offered) if offered else wanted <= read
        if not wanted <= read:
            misses.append(f"  {case['id']}: wanted {sorted(wanted - read)}, read {sorted(read)}")
    n = len(cases)
    print(f"{name:<34} {n:>4}  every need read {complete / n:6.1%}  exactly {exact / n:6.1%}  "
          f"extra need {extra / n:6.1%}  asked to choose {asked / n:5.1%}  "
          f"served after the choice {served / n:6.1%}")  # fmt: skip
    if show_misses:
        print("\n".join(misses))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    corpus = [
        *_cases(ROOT / "tests/corpus/first_messages.yml"),
        *_cases(ROOT / "tests/corpus/safety.yml"),
    ]
    print(f"{'set':<34} {'n':>4}")
    for path in _sets(ROOT / "actions/data"):
        name = f"examples {_letters(path)} (trained on)"
        _score(name, _cases(path), args.misses)
    for path in _sets(ROOT / "tests/devset"):
        # The round's figures: their texts are never shown. A development set says so in its
        # first line: read and tuned on this round, it moves to actions/data/ at the next.
        read = path.read_text(encoding="utf-8").startswith("# Development set")
        _score(f"set {_letters(path)} ({'read, tuned on' if read else 'never read'})",
               _cases(path), False)  # fmt: skip
    _score("frozen corpus, looked-at half", [c for c in corpus if not held_out(c)], args.misses)
    _score("frozen corpus, held-out half", [c for c in corpus if held_out(c)], False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
