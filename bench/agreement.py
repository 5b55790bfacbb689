"""How far two careful readers agree on the services of a first message, and where the need
reader stands between them: the writer's labels (the set's own ``services``) against a second
annotator's (``*.second_annotator.yml``, given without seeing the first), and the need reader
(``actions.needs.read``, no Rasa) against each. Figures only for the frozen corpus's held-out
half, as everywhere.

"covers" is the corpus runner's test: every service of the reference is among those read.

    PYTHONPATH=. python bench/agreement.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actions import needs  # noqa: E402
from tests.corpus_runner import held_out  # noqa: E402

# (name, the writer's labels, the second annotator's). Sets E, F and J are now examples of the
# need reader (actions/data): the reader's columns there are on text it was trained on; the two
# readers' agreement stays the labels' ceiling.
SETS = (
    ("frozen corpus", ROOT / "tests/corpus/first_messages.yml",
     ROOT / "tests/corpus/first_messages.second_annotator.yml"),
    ("set E (trained on)", ROOT / "actions/data/first_messages_e.yml",
     ROOT / "tests/devset/first_messages_e.second_annotator.yml"),
    ("set F (trained on)", ROOT / "actions/data/first_messages_f.yml",
     ROOT / "tests/devset/first_messages_f.second_annotator.yml"),
    ("set J (trained on)", ROOT / "actions/data/first_messages_j.yml",
     ROOT / "tests/devset/first_messages_j.second_annotator.yml"),
)  # fmt: skip


def _load(path: Path) -> dict[str, set[str]]:
    return {c["id"]: set(c["services"]) for c in yaml.safe_load(path.read_text("utf-8"))}


def _covers(read: dict[str, set[str]], reference: dict[str, set[str]], ids: list[str]) -> float:
    return sum(reference[i] <= read[i] for i in ids) / len(ids)


def _exact(a: dict[str, set[str]], b: dict[str, set[str]], ids: list[str]) -> float:
    return sum(a[i] == b[i] for i in ids) / len(ids)


def main() -> int:
    print(f"{'set':<32} {'n':>4}  {'2nd covers 1st':>14}  {'exact':>6}  {'reader covers 1st':>17}"
          f"  {'2nd':>6}  {'either':>6}  {'where both agree':>16}")  # fmt: skip
    for name, path, second_path in SETS:
        cases = {c["id"]: c for c in yaml.safe_load(path.read_text("utf-8")) if c.get("services")}
        first, second = _load(path), _load(second_path)
        read = {i: {needs.NEEDS[k].service for k in needs.read(c["text"]).needs}
                for i, c in cases.items()}  # fmt: skip
        halves = [(name, list(cases))]
        if "corpus" in name:
            halves = [
                (f"{name}, looked-at half", [i for i in cases if not held_out({"id": i})]),
                (f"{name}, held-out half", [i for i in cases if held_out({"id": i})]),
            ]
        for label, ids in halves:
            either = sum(first[i] <= read[i] or second[i] <= read[i] for i in ids) / len(ids)
            agreed = [i for i in ids if first[i] == second[i]]
            print(f"{label:<32} {len(ids):>4}  {_covers(second, first, ids):>14.1%}  "
                  f"{_exact(second, first, ids):>6.1%}  {_covers(read, first, ids):>17.1%}  "
                  f"{_covers(read, second, ids):>6.1%}  {either:>6.1%}  "
                  f"{_covers(read, first, agreed):>11.1%} of {len(agreed)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
