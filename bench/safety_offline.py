"""The safety reading alone (``actions.needs.safety_reading``, no Rasa) on every safety set of
tests/devset (figures only: the sets nobody reads) and of actions/data (trained on): emergency
recall and false alarms at the first message, each split into the numbers given at once and the
question « Êtes-vous en danger en ce moment ? » (asked when a need is stated and the meaning comes
close to danger). Seconds instead of the minutes of bench/safety_rest.py; a REST run also counts
the helplines' own rules, this one the reading only.

    PYTHONPATH=. python bench/safety_offline.py [--trained]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actions import needs  # noqa: E402
from tests.corpus_runner import is_emergency  # noqa: E402


def _score(path: Path) -> tuple[int, int, int, int, int, int]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    caught = asked_e = emergencies = alarms = asked_o = ordinary = 0
    for case in cases:
        reading = needs.safety_reading(case["text"])
        if is_emergency(case):
            emergencies += 1
            caught += reading.danger_now
            asked_e += reading.unsure
        else:
            ordinary += 1
            alarms += reading.danger_now
            asked_o += reading.unsure
    return caught, asked_e, emergencies, alarms, asked_o, ordinary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trained", action="store_true", help="also the sets trained on")
    args = parser.parse_args()
    paths = sorted((ROOT / "tests" / "devset").glob("safety_*.yml"))
    if args.trained:
        paths += sorted((ROOT / "actions" / "data").glob("danger_examples*.yml"))
    total = [0] * 6
    for path in paths:
        row = _score(path)
        total = [a + b for a, b in zip(total, row, strict=True)]
        print(_line(path.stem, row))
    print(_line("all", tuple(total)))
    return 0


def _line(name: str, row: tuple[int, ...]) -> str:
    caught, asked_e, emergencies, alarms, asked_o, ordinary = row
    return (
        f"{name:28} emergencies {caught + asked_e:4}/{emergencies:<4} (numbers {caught}, "
        f"question {asked_e})   ordinary alarmed {alarms + asked_o:3}/{ordinary:<4} "
        f"(numbers {alarms}, question {asked_o})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
