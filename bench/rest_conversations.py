"""Shared by bench/turn_latency.py and bench/load.py: whole conversations over the REST channel.

The conversations are the user turns of the test stories (tests/stories/*.yml), each story one
conversation with a fresh sender id. A turn counts as an error when the HTTP call fails, answers
non-200, answers nothing, or answers the "never silent" apology (bot.channels.guard).
"""

from __future__ import annotations

import asyncio
import itertools
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _apology(message: dict) -> bool:
    """The "never silent" apology of bot.channels.guard (its payload type: no Rasa import)."""
    return ((message.get("custom") or {}).get("orienteur") or {}).get("type") == "unavailable"


def prepare(given_model: Path | None) -> tuple[Path, list[list[str]]] | None:
    """What both Rasa benches start with: the model (``--model`` or the tests' choice), the
    conversations, SIGTERM handled as Ctrl-C. None (and the reason printed) without a model."""
    from tests.rasa_stack import NO_MODEL, find_model

    model = given_model or find_model()
    if model is None or not model.exists():
        print(NO_MODEL, file=sys.stderr)
        return None
    install_sigterm_as_interrupt()
    return model, load_conversations()


def load_conversations(paths: list[Path] | None = None) -> list[list[str]]:
    """One list of user messages per story of tests/stories/*.yml."""
    paths = paths or sorted((ROOT / "tests" / "stories").glob("*.yml"))
    conversations = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for story in data.get("stories", []):
            turns = [str(s["user"]).strip() for s in story.get("steps", []) if "user" in s]
            if turns:
                conversations.append(turns)
    if not conversations:
        raise SystemExit("no user turns found in tests/stories/*.yml")
    return conversations


@dataclass
class Turns:
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    conversations: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def merge(self, other: Turns) -> None:
        self.latencies_ms += other.latencies_ms
        self.conversations += other.conversations
        for kind, n in other.errors.items():
            self.errors[kind] = self.errors.get(kind, 0) + n


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def say(client, url: str, sender: str, text: str, turns: Turns) -> None:
    started = time.perf_counter()
    try:
        response = await client.post(url, json={"sender": sender, "message": text})
    except Exception as error:  # noqa: BLE001 - counted
        turns.error(type(error).__name__)
        return
    elapsed = (time.perf_counter() - started) * 1000
    turns.latencies_ms.append(elapsed)
    if response.status_code != 200:
        turns.error(f"HTTP {response.status_code}")
        return
    try:
        answer = response.json()
    except ValueError:
        turns.error("not JSON")
        return
    if not answer:
        turns.error("empty answer")
    elif any(_apology(m) for m in answer):
        turns.error("apology (turn failed)")


async def play(client, urls: list[str], conversation: list[str], turns: Turns, prefix: str,
               think_s: float = 0.0) -> None:  # fmt: skip
    """One conversation; ``think_s``: mean pause before each turn after the first (uniform
    between half and one and a half times it), as a person reads and types. With several
    ``urls`` (replicas sharing their tracker store) the turns go to each in turn, as behind a
    round-robin load balancer."""
    sender = f"{prefix}-{uuid.uuid4().hex[:12]}"
    first = random.randrange(len(urls))
    for i, text in enumerate(conversation):
        if i and think_s:
            await asyncio.sleep(random.uniform(0.5, 1.5) * think_s)
        await say(client, urls[(first + i) % len(urls)], sender, text, turns)
    turns.conversations += 1


async def run_workers(url: str | list[str], conversations: list[list[str]], concurrency: int, *,
                      duration_s: float | None = None, per_worker: int | None = None,
                      prefix: str = "bench", timeout_s: float = 60.0,
                      think_s: float = 0.0, ramp_s: float = 0.0) -> tuple[Turns, float]:
    """``concurrency`` simultaneous conversations, each worker starting a new one when done,
    for ``duration_s`` (no new conversation after it) or ``per_worker`` conversations each.
    ``ramp_s``: the workers' first conversations start evenly spread over that time (people do
    not all start typing in the same second), as a load tester's spawn rate.
    Returns the turns and the wall time."""
    import httpx

    urls = [url] if isinstance(url, str) else list(url)
    stories = itertools.cycle(range(len(conversations)))
    limits = httpx.Limits(max_connections=concurrency + 5, max_keepalive_connections=concurrency)
    turns = Turns()
    started = time.perf_counter()
    deadline = started + duration_s if duration_s else None

    async def worker(index: int) -> None:
        done = 0
        if ramp_s:
            await asyncio.sleep(ramp_s * index / concurrency)
        while True:
            if deadline and time.perf_counter() >= deadline:
                return
            if per_worker is not None and done >= per_worker:
                return
            await play(client, urls, conversations[next(stories)], turns, f"{prefix}{index}",
                       think_s)  # fmt: skip
            done += 1

    async with httpx.AsyncClient(timeout=timeout_s, limits=limits) as client:
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return turns, time.perf_counter() - started


class RssSampler:
    """Peak resident memory of the stack's processes, sampled while a level runs, and the CPU
    seconds each one used during the level (``cpu``)."""

    def __init__(self, stack, every_s: float = 0.5) -> None:
        self.stack, self.every_s = stack, every_s
        self.peak: dict[str, int] = {}
        self.cpu: dict[str, float] = {}
        self._cpu_start: dict[str, float] = {}
        self._task: asyncio.Task | None = None

    def sample(self) -> None:
        for name, value in self.stack.rss().items():
            self.peak[name] = max(self.peak.get(name, 0), value)

    async def _loop(self) -> None:
        while True:
            self.sample()
            await asyncio.sleep(self.every_s)

    def __enter__(self) -> RssSampler:
        self._cpu_start = self.stack.cpu()
        self._task = asyncio.get_running_loop().create_task(self._loop())
        return self

    def __exit__(self, *_exc) -> None:
        if self._task:
            self._task.cancel()
        self.sample()
        self.cpu = {name: used - self._cpu_start.get(name, 0.0)
                    for name, used in self.stack.cpu().items()}  # fmt: skip


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f}"


def install_sigterm_as_interrupt() -> None:
    """SIGTERM stops the bench like Ctrl-C, so its servers are stopped too."""
    import signal

    def handler(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def level_row(level: int, turns: Turns, wall: float, sampler: RssSampler) -> dict:
    """One line of a benchmark table: a concurrency level's throughput, latency, errors,
    memory and CPU per turn."""
    lat = turns.latencies_ms
    return {
        "level": level, "conversations": turns.conversations, "turns": len(lat), "wall": wall,
        "rate": len(lat) / wall if wall else 0.0,
        "p50": percentile(lat, 50), "p95": percentile(lat, 95), "p99": percentile(lat, 99),
        "max": max(lat) if lat else float("nan"),
        "errors": turns.error_count, "kinds": turns.errors, "rss": dict(sampler.peak),
        "cpu_ms": {name: 1000 * used / max(len(lat), 1) for name, used in sampler.cpu.items()},
    }  # fmt: skip


def print_levels(rows: list[dict]) -> None:
    """The table of ``level_row``s, the errors by kind, and the machine's state."""
    import os

    print(f"machine: {os.cpu_count()} cores; load average at the end "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (other processes compete)")
    processes = list(dict.fromkeys(name for r in rows for name in r["cpu_ms"]))
    header = (f"{'conv.':>6} {'done':>6} {'turns':>7} {'turns/s':>8} {'p50 ms':>8} "
              f"{'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7} {'RSS rasa MiB':>13} "
              f"{'RSS actions MiB':>16}"
              + "".join(f" {'CPU ms/turn ' + name:>{max(12, 12 + len(name))}}"
                        for name in processes))  # fmt: skip
    print(header)
    print("-" * len(header))
    for r in rows:
        rasa, actions = mib(r["rss"].get("rasa", 0)), mib(r["rss"].get("actions", 0))
        print(f"{r['level']:>6} {r['conversations']:>6} {r['turns']:>7} {r['rate']:>8.1f} "
              f"{r['p50']:>8.0f} {r['p95']:>8.0f} {r['p99']:>8.0f} {r['max']:>8.0f} "
              f"{r['errors']:>7} {rasa:>13} {actions:>16}"
              + "".join(f" {r['cpu_ms'].get(name, 0):>{max(12, 12 + len(name))}.1f}"
                        for name in processes))  # fmt: skip
    for r in rows:
        if r["kinds"]:
            print(f"errors at {r['level']}: {r['kinds']}")
    print("CPU ms/turn: CPU time each process used during the level divided by its turns (what a "
          "turn costs, whatever else the machine runs); one rasa process tops out near "
          "1000 / that figure turns/s.")
