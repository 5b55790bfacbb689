"""Load test of the running assistant over REST (issue 6).

Starts its own servers (tests/rasa_stack.py: embedded directory, action server, ``rasa run`` with
the trained model, ports 5300–5399), then for each level (1, 10, 50, 200 simultaneous
conversations) plays whole conversations from the test stories (tests/stories/*.yml), a new one
as soon as one ends, for a bounded time; reports turns/s, p50/p95/p99 per turn, errors (failed
calls, empty answers, the "never silent" apology), the peak resident memory of each process and
the CPU time each one spends per turn; names the knee (where throughput stops growing and
latency climbs). Stops everything at the end.
Target: zero errors and p95 ≤ 500 ms at 50.

    python bench/load.py [--levels 1,10,50,200] [--duration 30] [--model …]
        [--think 5]       # people's pace: a pause of 2.5–7.5 s before each turn, starts spread
        [--replicas 2]    # production set-up: N rasa run, PostgreSQL tracker, Redis lock
        [--profile DIR]   # rasa and the action server under py-spy (flame graphs), if installed
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.rest_conversations import (  # noqa: E402
    RssSampler,
    level_row,
    prepare,
    print_levels,
    run_workers,
)
from tests.rasa_stack import RasaStack  # noqa: E402


def py_spy() -> str | None:
    """py-spy (pinned in the dev dependencies): on PATH, next to Python, or $PY_SPY."""
    for candidate in (os.environ.get("PY_SPY"), shutil.which("py-spy"),
                      str(Path(sys.executable).with_name("py-spy"))):  # fmt: skip
        if candidate and Path(candidate).exists():
            return candidate
    return None


async def levels_run(stack: RasaStack, conversations, levels: list[int], duration: float,
                     think: float = 0.0, ramp: float = 0.0):
    rows = []
    urls = getattr(stack, "webhooks", None) or stack.webhook
    await run_workers(urls, conversations[:3], 1, per_worker=3, prefix="warm")
    for level in levels:
        with RssSampler(stack) as rss:
            turns, wall = await run_workers(urls, conversations, level,
                                            duration_s=duration, prefix=f"load{level}",
                                            think_s=think, ramp_s=ramp)  # fmt: skip
        row = level_row(level, turns, wall, rss)
        rows.append(row)
        print(f"  {level:>4} conversations: {row['rate']:.1f} turns/s, p95 {row['p95']:.0f} ms, "
              f"{row['errors']} errors", flush=True)  # fmt: skip
    return rows


INTERESTING = ("actions/", "directory_client/", "jsonschema/validators.py", "rasa/core/processor",
               "rasa/core/actions/action.py", "rasa/nlu/classifiers", "rasa/core/policies",
               "rasa/core/tracker_store", "rasa/core/lock_store", "polymorphic_function.py")
LOADING = ("load_agent", "_load_and_set_updated_model", "register_package", "_import_module")
IDLE = ("select (", "epoll", "wait (threading.py", "poll (", "serve (sanic/server/runners.py:155",
        "serve (sanic/server/runners.py:130")


def profile_summary(path: Path, top: int = 14) -> str:
    """Where the busy time of one process went while serving (start-up and idle excluded):
    the heaviest frames of our code, Rasa's pipeline and the libraries it spends time in."""
    if not path.exists():
        return f"{path}: no profile written"
    from collections import Counter

    inclusive: Counter = Counter()
    busy = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if not count.isdigit() or any(k in frames[-1] for k in IDLE):
            continue
        if any(k in f for f in frames for k in LOADING):
            continue
        busy += int(count)
        for frame in dict.fromkeys(frames):
            if any(k in frame for k in INTERESTING):
                inclusive[frame] += int(count)
    lines = [f"{path.name}: {busy} busy samples while serving; heaviest frames (inclusive):"]
    for frame, count in inclusive.most_common(top):
        lines.append(f"  {100 * count / max(busy, 1):5.1f}%  {frame}")
    return "\n".join(lines)


def knee(rows: list[dict]) -> str:
    """First level whose throughput grows < 10 % over the previous one while p95 at least
    doubles: beyond it, more conversations only wait longer."""
    for before, after in zip(rows, rows[1:], strict=False):
        if after["rate"] < before["rate"] * 1.10 and after["p95"] >= 2 * before["p95"]:
            return (f"between {before['level']} and {after['level']} conversations: "
                    f"{before['rate']:.1f} → {after['rate']:.1f} turns/s while p95 goes "
                    f"{before['p95']:.0f} → {after['p95']:.0f} ms")  # fmt: skip
    return "not reached at these levels"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="1,10,50,200")
    parser.add_argument("--duration", type=float, default=30.0,
                        help="seconds per level (conversations running then finish)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause between the turns of a conversation, in seconds "
                             "(0: stress, every conversation types at once; 5: a person)")
    parser.add_argument("--ramp", type=float, default=None,
                        help="seconds over which the conversations of a level start (default: "
                             "the think time; 0: all at once)")
    parser.add_argument("--replicas", type=int, default=1,
                        help="2 or more: the production set-up (endpoints.production.yml: "
                             "PostgreSQL tracker store, Redis lock store) with that many "
                             "`rasa run`, turns spread over them round-robin")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--turn-timeout", type=float, default=None,
                        help="ORIENTEUR_TURN_TIMEOUT of the channels (default: theirs, 30 s)")
    parser.add_argument("--profile", type=Path, default=None,
                        help="write a py-spy flame graph of the action server into this folder")
    parser.add_argument("--keep", action="store_true", help="keep the logs' directory")
    args = parser.parse_args(argv)
    prepared = prepare(args.model)
    if prepared is None:
        return 2
    model, conversations = prepared
    ramp = args.think if args.ramp is None else args.ramp
    levels = [int(x) for x in args.levels.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="orienteur-bench-load-"))
    wrappers: dict[str, list[str]] = {}
    if args.profile:
        spy = py_spy()
        if spy is None:
            print("py-spy not found (pip install -e '.[dev]'): no profile", file=sys.stderr)
        else:
            args.profile.mkdir(parents=True, exist_ok=True)
            for name in ("actions", "rasa"):
                out = args.profile.resolve() / f"{name}.collapsed.txt"
                wrappers[name] = [spy, "record", "--idle", "--rate", "100", "--format", "raw",
                                  "-o", str(out), "--"]  # fmt: skip
    print(f"model {model}; {len(conversations)} conversations from tests/stories; "
          f"{args.duration:g} s per level; think time {args.think:g} s; start spread over "
          f"{ramp:g} s; logs in {tmp}",
          flush=True)  # fmt: skip
    if args.replicas > 1:
        from tests.production_stack import Cluster, services_installed

        if not services_installed():
            print("--replicas needs PostgreSQL and Redis: bash scripts/install-services.sh",
                  file=sys.stderr)  # fmt: skip
            return 2
        stack = Cluster(tmp, model, replicas=args.replicas)
    else:
        stack = RasaStack(tmp, model, turn_timeout=args.turn_timeout,
                          action_wrapper=wrappers.get("actions"),
                          rasa_wrapper=wrappers.get("rasa"))  # fmt: skip
    started = time.monotonic()
    try:
        stack.start()
        print(f"servers ready in {time.monotonic() - started:.1f} s", flush=True)
        rows = asyncio.run(levels_run(stack, conversations, levels, args.duration, args.think,
                                      ramp))  # fmt: skip
    finally:
        stack.stop()
        if not args.keep and not args.profile:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print_levels(rows)
    print(f"\nknee: {knee(rows)}")
    at50 = next((r for r in rows if r["level"] == 50), None)
    if at50:
        ok = at50["errors"] == 0 and at50["p95"] <= 500
        print(f"target at 50 (0 errors, p95 ≤ 500 ms): {at50['errors']} errors, "
              f"p95 {at50['p95']:.0f} ms — {'OK' if ok else 'NOT MET'}")  # fmt: skip
    if wrappers:
        print(f"profiles (py-spy, collapsed stacks for flamegraph.pl or speedscope.app): "
              f"{args.profile}/actions.collapsed.txt, {args.profile}/rasa.collapsed.txt")
        for name in wrappers:
            print(profile_summary(args.profile / f"{name}.collapsed.txt"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
