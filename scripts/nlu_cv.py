"""Rasa's NLU cross-validation over several seeded fold draws, with one summary.

``rasa test nlu --cross-validation`` draws its folds with ``StratifiedKFold(shuffle=True)`` and
no seed, so two runs on the same data differ by ±0.015 intent F1: one run cannot tell whether a
change helped. Here each draw seeds NumPy's global generator (which that splitter uses) before
calling Rasa's own ``cross_validate``, so the folds are reproducible, and the figures are given as
mean ± standard deviation over every test fold of every draw.

    python scripts/nlu_cv.py [--config config.yml] [--seeds 1 2 3] [--folds 3] [--json out.json]
        [--output results/cv]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _summary(values: list[float]) -> dict[str, float]:
    return {"mean": statistics.fmean(values), "sd": statistics.pstdev(values), "n": len(values)}


async def _draw(data, config: dict, folds: int, seed: int, output: Path | None) -> dict:
    import numpy as np
    from rasa.nlu.test import cross_validate

    np.random.seed(seed)
    out = str(output / f"seed-{seed}") if output else None
    intents, entities, selector = await cross_validate(
        data, folds, config, output=out, errors=bool(out), disable_plotting=True,
        report_as_dict=True,
    )  # fmt: skip
    location = {}
    for extractor_report in entities.evaluation.values():
        report = extractor_report.get("report") or {}
        location = report.get("location") or location
    return {
        "seed": seed,
        "intent_f1": intents.test.get("F1-score", []),
        "intent_accuracy": intents.test.get("Accuracy", []),
        "selector_f1": selector.test.get("F1-score", []),
        "location_f1_pooled": location.get("f1-score"),
        "intent_report": intents.evaluation.get("report"),
    }


async def _main(args: argparse.Namespace) -> dict:
    from rasa.nlu.test import drop_intents_below_freq
    from rasa.shared.importers.importer import TrainingDataImporter

    sys.path.insert(0, str(ROOT))  # custom components (bot.*) import from the project
    importer = TrainingDataImporter.load_from_dict(
        config_path=args.config, domain_path=str(ROOT / "domain.yml"),
        training_data_paths=[str(ROOT / "data")],
    )  # fmt: skip
    data = drop_intents_below_freq(importer.get_nlu_data(), cutoff=args.folds)
    config = importer.get_config()
    draws = []
    for seed in args.seeds:
        started = time.monotonic()
        draw = await _draw(data, config, args.folds, seed, args.output)
        draw["seconds"] = round(time.monotonic() - started, 1)
        draws.append(draw)
        folds = [round(v, 3) for v in draw["intent_f1"]]
        print(f"seed {seed}: intent F1 {folds}, location F1 {draw['location_f1_pooled']}, "
              f"{draw['seconds']} s", flush=True)  # fmt: skip
    result = {
        "config": args.config, "examples": len(data.intent_examples), "folds": args.folds,
        "seeds": args.seeds,
        "intent_f1": _summary([v for d in draws for v in d["intent_f1"]]),
        "intent_accuracy": _summary([v for d in draws for v in d["intent_accuracy"]]),
        "location_f1": _summary([d["location_f1_pooled"] for d in draws
                                 if d["location_f1_pooled"] is not None]),
        "draws": draws,
    }  # fmt: skip
    if any(any(d["selector_f1"]) for d in draws):
        result["selector_f1"] = _summary([v for d in draws for v in d["selector_f1"]])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "config.yml"))
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument(
        "--output", type=Path, help="Rasa's reports and misclassified examples, one folder per seed"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    result = asyncio.run(_main(args))
    for key in ("intent_f1", "intent_accuracy", "selector_f1", "location_f1"):
        if key in result and result[key]["n"]:
            s = result[key]
            print(f"{key:16} {s['mean']:.3f} ± {s['sd']:.3f}  ({s['n']} values)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
