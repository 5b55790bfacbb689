"""The need reader (``actions.needs.read``) by a leave-one-set-out over the sets one may read: each
hand-kept set of ``actions/data/first_messages_*.yml`` is read by a reader fitted without it; the
read development sets (``tests/devset/read/first_messages_{aq,ar,as,at}.yml`` and
``tests/devset/first_messages_{au,av}.yml``, not examples) by the reader fitted on every hand-kept
set — and, in a setting that adds them as examples (``read_sets_kept``), without the one read.
The reader's own fit (``semantic_needs.fit_on``) and reading (``needs.read``) are run, with the
module's constants overridden by each setting; nothing is copied.

Per set and on average (over the hand-kept folds, over the read sets, over all): every need read
(wanted ⊆ read), exactly, extra need, asked to choose, served after the choice (as
``bench/needs_offline.py`` counts it), and "both of two" (every need read, on the two-need
messages) and "one-need" (every need read, on the one-need messages). ``--pair-offered`` also
counts a two-need reading asked as a choice as served when both are wanted (the menu's first
button would then be the pair).

The encoders' rows are kept on disk (``var/cache/loso-*.npz``): a second run encodes nothing.

    PYTHONPATH=. nice -n 19 python bench/needs_loso.py [--quick] [--settings NAME ...] [--per-set]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actions import needs, semantic_needs  # noqa: E402
from bot import encoder, word_means  # noqa: E402

KEPT = ROOT / "actions" / "data"
READ = [
    *(ROOT / "tests/devset/read" / f"first_messages_{x}.yml" for x in ("aq", "ar", "as", "at")),
    *(ROOT / "tests/devset" / f"first_messages_{x}.yml" for x in ("au", "av")),
]
ROWS = ROOT / "var" / "cache"
# The constants a setting may override, and those among them that change the fit.
FIT_KNOBS = ("PAIR_WEIGHT", "OWN_C", "WORDS_WEIGHT")


@dataclass(frozen=True)
class Setting:
    name: str
    knobs: dict = field(default_factory=dict)  # semantic_needs constants
    read_sets_kept: bool = False  # (c): the read sets' messages added as examples

    def fit_key(self) -> tuple:
        own = bool(self.knobs.get("OWN_SECOND", semantic_needs.OWN_SECOND)
                   or self.knobs.get("OWN_ORDER", semantic_needs.OWN_ORDER))
        return (
            tuple(sorted((k, v) for k, v in self.knobs.items() if k in FIT_KNOBS)),
            own,
            self.read_sets_kept,
        )


SETTINGS = [
    Setting("current"),
    Setting("b: pairs in softmax 0.5", {"PAIR_WEIGHT": 0.5}),
    Setting("b: pairs 0.5, second 0.45", {"PAIR_WEIGHT": 0.5, "SECOND_NEED": 0.45}),
    Setting("b: pairs 0.5, second 0.4", {"PAIR_WEIGHT": 0.5, "SECOND_NEED": 0.4}),
    # Fitted with the per-service regressions, never passing: the current reading (one fit for
    # the group of "a:" settings).
    Setting("a: own off (current)", {"OWN_SECOND": 1.1}),
    Setting("a: own 0.5", {"OWN_SECOND": 0.5}),
    Setting("a: own 0.4", {"OWN_SECOND": 0.4}),
    Setting("a: own 0.3", {"OWN_SECOND": 0.3}),
    Setting("a: own 0.4, no two-likely", {"OWN_SECOND": 0.4, "TWO_NEEDS_LIKELY": 1.1}),
    Setting("a: own 0.6", {"OWN_SECOND": 0.6}),
    Setting("a: own 0.7", {"OWN_SECOND": 0.7}),
    Setting("a: own C 4, 0.6", {"OWN_SECOND": 0.6, "OWN_C": 4.0}),
    Setting("a: own C 4, 0.7", {"OWN_SECOND": 0.7, "OWN_C": 4.0}),
    Setting("a: own C 0.25, 0.5", {"OWN_SECOND": 0.5, "OWN_C": 0.25}),
    Setting("a: own C 0.25, 0.4", {"OWN_SECOND": 0.4, "OWN_C": 0.25}),
    Setting("a2: own picks the second", {"OWN_ORDER": True}),
    Setting("a2: own picks, two-likely 0.5", {"OWN_ORDER": True, "TWO_NEEDS_LIKELY": 0.5}),
    Setting("a2: own picks, if-two 0.3", {"OWN_ORDER": True, "SECOND_NEED_IF_TWO": 0.3}),
    Setting("a2: own picks, own 0.7", {"OWN_ORDER": True, "OWN_SECOND": 0.7}),
    Setting("c: read sets kept", read_sets_kept=True),
    Setting("c: read sets kept, clause 0.6", {"CLAUSE_NEED": 0.6}, read_sets_kept=True),
    Setting("c+a: read sets kept, own 0.6", {"OWN_SECOND": 0.6}, read_sets_kept=True),
    Setting("c+a: read sets kept, own 0.5", {"OWN_SECOND": 0.5}, read_sets_kept=True),
    Setting("e: second 0.45", {"SECOND_NEED": 0.45}),
    Setting("e: clause 0.6", {"CLAUSE_NEED": 0.6}),
    Setting("e: unsure 0.5", {"UNSURE_BELOW": 0.5}),
]


# --- the encoders' rows, on disk --------------------------------------------------------------


def _rows_path(name: str) -> Path:
    return ROWS / f"loso-{name}.npz"


def load_rows() -> None:
    """Every row kept by an earlier run, into the encoders' caches (made large enough)."""
    for name, cache in (("sentences", encoder._recent), ("words", word_means._recent)):
        cache.size = 10**7
        path = _rows_path(name)
        try:
            with np.load(path, allow_pickle=False) as saved:
                for key, row in zip(saved["keys"], saved["rows"], strict=True):
                    cache[str(key)] = row
        except (OSError, ValueError, KeyError):  # none yet, or half written by another run
            continue


def save_rows() -> None:
    ROWS.mkdir(parents=True, exist_ok=True)
    for name, cache in (("sentences", encoder._recent), ("words", word_means._recent)):
        keys = list(cache)
        if keys:  # written whole, then renamed: a run beside this one never reads half a file
            with tempfile.NamedTemporaryFile(dir=ROWS, suffix=".npz", delete=False) as tmp:
                np.savez(tmp, keys=np.array(keys), rows=np.stack([cache[k] for k in keys]))
            os.replace(tmp.name, _rows_path(name))


# --- counting -----------------------------------------------------------------------------------


def cases(path: Path) -> list[dict]:
    return [c for c in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if c.get("services")]


def letters(path: Path) -> str:
    return path.stem.rsplit("_", 1)[1].upper()


@dataclass
class Count:
    n: int = 0
    complete: int = 0
    exact: int = 0
    extra: int = 0
    asked: int = 0
    served: int = 0
    two: int = 0
    two_complete: int = 0
    one: int = 0
    one_complete: int = 0

    def add(self, wanted: set[str], read: set[str], offered: list[str], pair_offered: bool) -> None:
        self.n += 1
        self.complete += wanted <= read
        self.exact += read == wanted
        self.extra += bool(read - wanted)
        self.asked += bool(offered)
        if offered:  # the person taps one button: a two-need message is not served by it
            pair = pair_offered and len(read) == 2
            one_tapped = len(wanted) == 1 and wanted <= set(offered)
            self.served += (wanted <= read) if pair else one_tapped
        else:
            self.served += wanted <= read
        if len(wanted) == 2:
            self.two += 1
            self.two_complete += wanted <= read
        else:
            self.one += 1
            self.one_complete += wanted <= read

    def figures(self) -> list[float]:
        def share(a: int, b: int) -> float:
            return 100.0 * a / b if b else float("nan")

        return [
            share(self.complete, self.n), share(self.exact, self.n), share(self.extra, self.n),
            share(self.asked, self.n), share(self.served, self.n),
            share(self.two_complete, self.two), share(self.one_complete, self.one),
        ]  # fmt: skip


HEADER = "every   exact   extra   asked  served  both2   one"


def line(name: str, figures: list[float]) -> str:
    return f"{name:<34} " + " ".join(f"{f:6.1f}" for f in figures)


def mean(rows: list[list[float]]) -> list[float]:
    return list(np.nanmean(np.array(rows), axis=0)) if rows else []


# --- the leave-one-set-out -----------------------------------------------------------------------


class Overridden:
    """``semantic_needs``'s constants set to ``knobs`` inside the block, restored after."""

    def __init__(self, knobs: dict) -> None:
        self.knobs, self.saved = knobs, {}

    def __enter__(self) -> None:
        for key, value in self.knobs.items():
            if not hasattr(semantic_needs, key):
                raise AttributeError(f"semantic_needs has no {key}")
            self.saved[key] = getattr(semantic_needs, key)
            setattr(semantic_needs, key, value)

    def __exit__(self, *_: object) -> None:
        for key, value in self.saved.items():
            setattr(semantic_needs, key, value)


def use_reader(arrays: dict) -> None:
    """``needs.read`` reads with a reader of these arrays (not the cached product one)."""
    reader = semantic_needs.NeedReader(arrays)
    semantic_needs.reader = lambda: reader


def read_fold(fold: list[dict], settings: list[Setting], pair_offered: bool) -> list[Count]:
    out = []
    for setting in settings:
        count = Count()
        with Overridden(setting.knobs):
            for case in fold:
                found = needs.read(case["text"])
                count.add(
                    set(case["services"]),
                    {needs.NEEDS[k].service for k in found.needs},
                    [needs.NEEDS[k].service for k in found.choices],
                    pair_offered,
                )
        out.append(count)
    return out


def run(settings: list[Setting], quick: bool, pair_offered: bool) -> dict[str, dict[str, Count]]:
    """Per setting, per set: the counts."""
    kept = {letters(p): cases(p) for p in sorted(KEPT.glob("first_messages_*.yml"))}
    read = {letters(p): cases(p) for p in READ}
    results: dict[str, dict[str, Count]] = {s.name: {} for s in settings}
    groups: dict[tuple, list[Setting]] = {}
    for setting in settings:
        groups.setdefault(setting.fit_key(), []).append(setting)
    for key, group in groups.items():
        fit_knobs = dict(key[0])
        fit_knobs["OWN_SECOND"] = 0.5 if key[1] else 0.0  # fitted or not; the value is the read's
        with_read = key[2]
        folds: list[tuple[str, list[dict], list[dict]]] = []  # (name, fitted on, read)
        if not quick:
            for name, fold in kept.items():
                fitted_on = [c for other, cs in kept.items() if other != name for c in cs]
                if with_read:
                    fitted_on += [c for cs in read.values() for c in cs]
                folds.append((name, fitted_on, fold))
        everything = [c for cs in kept.values() for c in cs]
        if with_read:
            for name, fold in read.items():
                others = [c for other, cs in read.items() if other != name for c in cs]
                folds.append((name, everything + others, fold))
        else:
            folds.append(("*read", everything, []))  # one fit reads every read set
        for name, fitted_on, fold in folds:
            start = time.monotonic()
            with Overridden(fit_knobs):
                use_reader(semantic_needs.fit_on(fitted_on))
            fitting = time.monotonic() - start
            targets = read.items() if name == "*read" else [(name, fold)]
            for set_name, target in targets:
                counts = read_fold(target, group, pair_offered)
                for setting, count in zip(group, counts, strict=True):
                    results[setting.name][set_name] = count
            reading = time.monotonic() - start - fitting
            print(f"  fold {name}: fit {fitting:.0f}s, read {reading:.0f}s", file=sys.stderr,
                  flush=True)
            save_rows()
    return results


def report(settings: list[Setting], results: dict[str, dict[str, Count]], per_set: bool) -> None:
    read_names = [letters(p) for p in READ]
    print("settings tried:")
    for setting in settings:
        extra = ", read sets kept as examples" if setting.read_sets_kept else ""
        print(f"  {setting.name}: {setting.knobs or 'the product constants'}{extra}")
    print(f"\n{'':<34} {HEADER}")
    for setting in settings:
        by_set = results[setting.name]
        if per_set:
            for name, count in by_set.items():
                print(line(f"{setting.name} | {name}", count.figures()))
        kept_rows = [c.figures() for name, c in by_set.items() if name not in read_names]
        read_rows = [c.figures() for name, c in by_set.items() if name in read_names]
        if kept_rows:
            print(line(f"{setting.name} | kept sets", mean(kept_rows)))
        print(line(f"{setting.name} | READ SETS", mean(read_rows)))
        if kept_rows:
            print(line(f"{setting.name} | all", mean(kept_rows + read_rows)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="the read sets only (no fold of the hand-kept sets)")
    parser.add_argument("--settings", nargs="*", help="names (prefixes) of the settings to try")
    parser.add_argument("--per-set", action="store_true")
    parser.add_argument("--pair-offered", action="store_true")
    args = parser.parse_args()
    chosen = [s for s in SETTINGS
              if not args.settings or any(s.name.startswith(p) for p in args.settings)]
    load_rows()
    start = time.monotonic()
    results = run(chosen, args.quick, args.pair_offered)
    report(chosen, results, args.per_set)
    print(f"\n{time.monotonic() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
