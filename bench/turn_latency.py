"""Per-turn latency of the running assistant over REST (issue 4).

Starts its own servers (tests/rasa_stack.py: the embedded directory imported into a temporary
data directory, the action server on it, ``rasa run`` with the trained model, ports 5300–5399),
plays the test stories' conversations (tests/stories/*.yml) with 1 and then 20 simultaneous
conversations, prints p50/p95 per turn, the model load time and the resident memory of the
``rasa`` and action-server processes, then stops everything. Target: p95 ≤ 150 ms at 1.

    python bench/turn_latency.py [--model models/orienteur.tar.gz] [--rounds 3]
        [--concurrent 1,20] [--train-time-from docs/nlu-report.md]

Training time is not measured here (never train on the shared machine): see docs/nlu-report.md.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.rest_conversations import (  # noqa: E402
    RssSampler,
    level_row,
    mib,
    prepare,
    print_levels,
    run_workers,
)
from tests.rasa_stack import RasaStack  # noqa: E402


def train_time(path: Path | None) -> str:
    if path is None:
        return "see docs/nlu-report.md"
    if not path.exists():
        return f"{path} not found"
    pattern = r"[Tt]rain\w*[^\n|]*?(\d+(?:[.,]\d+)?\s*(?:min|s)\b[^\n|]*)"
    match = re.search(pattern, path.read_text())
    return f"{match.group(1).strip()} (from {path})" if match else f"see {path}"


async def measure(stack: RasaStack, conversations, levels: list[int], rounds: int) -> list[dict]:
    rows = []
    # Warm-up: the first turns load the directory and the locator in the action server.
    await run_workers(stack.webhook, conversations[:3], 1, per_worker=3, prefix="warm")
    for level in levels:
        per_worker = max(1, round(rounds * len(conversations) / level))
        with RssSampler(stack) as rss:
            turns, wall = await run_workers(stack.webhook, conversations, level,
                                            per_worker=per_worker, prefix=f"lat{level}")
        rows.append(level_row(level, turns, wall, rss))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3,
                        help="each level plays the stories this many times in total")
    parser.add_argument("--concurrent", default="1,20")
    parser.add_argument("--train-time-from", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the logs' directory")
    args = parser.parse_args(argv)
    prepared = prepare(args.model)
    if prepared is None:
        return 2
    model, conversations = prepared
    levels = [int(x) for x in args.concurrent.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="orienteur-bench-latency-"))
    n_turns = sum(map(len, conversations))
    print(f"model {model}; {len(conversations)} conversations ({n_turns} turns) "
          f"from tests/stories; logs in {tmp}", flush=True)  # fmt: skip
    stack = RasaStack(tmp, model)
    started = time.monotonic()
    try:
        stack.start()
        print(f"servers ready in {time.monotonic() - started:.1f} s", flush=True)
        idle = stack.rss()
        rows = asyncio.run(measure(stack, conversations, levels, args.rounds))
    finally:
        stack.stop()
        if not args.keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(f"model load (rasa run → first answer on /): {stack.model_load_s:.1f} s")
    print(f"training time: {train_time(args.train_time_from)}")
    print(f"RSS when idle after start: rasa {mib(idle['rasa'])} MiB, "
          f"action server {mib(idle['actions'])} MiB")  # fmt: skip
    print()
    print_levels(rows)
    one = next((r for r in rows if r["level"] == 1), None)
    if one:
        verdict = "OK" if one["p95"] <= 150 else "ABOVE TARGET"
        print(f"\ntarget p95 ≤ 150 ms at 1 conversation: {one['p95']:.0f} ms — {verdict}")
    return 0 if all(r["errors"] == 0 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
