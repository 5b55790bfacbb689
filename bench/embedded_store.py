"""The embedded default under a long day (issue 16, point 9): memory flat, nothing lost on restart.

Starts ``python -m bot run --no-train`` exactly as ``make run`` does (action server with its
token, ``rasa run`` with the SQLite tracker store of endpoints.yml, retention), then plays N
conversations from the test stories (tests/stories/*.yml) over REST at people's pace: C people at
a time, each pausing ``--think`` seconds (½× to 1½×) before each turn after the first. Halfway
through, it stops the whole runner (SIGINT, as Ctrl-C) and starts it again, then checks that
every conversation played before the restart is stored whole (one ``user`` event per turn sent,
except the ones that asked to be forgotten) and that one of them continues where it was (its
summary names its town).

Prints: errors (failed calls, non-200, empty answers, the "never silent" apology), resident
memory of the ``rasa run`` process after the first 100 conversations of each half and at its
end (bar: within +10 % of the first figure), stored events, and the checks after the restart.

    python bench/embedded_store.py N [--concurrency 20] [--think 1.0] [--model …]

Ports: ``ORIENTEUR_STACK_PORTS`` (tests/rasa_stack.py), data in a temporary directory.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.rest_conversations import load_conversations, mib  # noqa: E402
from tests.rasa_stack import ROOT, find_model, free_port, rss_bytes  # noqa: E402

SUMMARY_TOWN = "j'ai besoin d'aide pour la CAF à Roubaix"


@dataclass
class Played:
    """What was sent, per sender, and what went wrong."""

    turns: dict[str, int] = field(default_factory=dict)
    forgotten: set[str] = field(default_factory=set)
    errors: dict[str, int] = field(default_factory=dict)
    conversations: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


class Runner:
    """``python -m bot run --no-train`` in its own process group; the pid of its ``rasa run``."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.process: subprocess.Popen | None = None
        self.rasa_pid: int | None = None

    def start(self, timeout_s: float = 600) -> float:
        started = time.monotonic()
        out = self.log.open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--no-train"], cwd=ROOT, env=self.env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )  # fmt: skip
        ready = threading.Event()

        def read() -> None:
            assert self.process is not None and self.process.stdout is not None
            for line in self.process.stdout:
                out.write(line)
                out.flush()
                if (match := re.search(r"Démarrage : Rasa \(pid (\d+)\)", line)) is not None:
                    self.rasa_pid = int(match.group(1))
                if "Ouvrez http" in line:
                    ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(timeout_s):
            self.stop()
            raise RuntimeError(f"bot run not ready after {timeout_s:.0f} s: see {self.log}")
        return time.monotonic() - started

    def rss(self) -> int:
        return rss_bytes(self.rasa_pid) if self.rasa_pid else 0

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


async def play(client, url: str, conversation: list[str], played: Played, think_s: float) -> None:
    sender = f"bench-{uuid.uuid4().hex}"
    for i, text in enumerate(conversation):
        if i and think_s:
            await asyncio.sleep(random.uniform(0.5, 1.5) * think_s)
        try:
            response = await client.post(url, json={"sender": sender, "message": text})
        except Exception as error:  # noqa: BLE001 - counted
            played.error(type(error).__name__)
            continue
        played.turns[sender] = played.turns.get(sender, 0) + 1
        if response.status_code != 200:
            played.error(f"HTTP {response.status_code}")
            continue
        answer = response.json()
        kinds = {((m.get("custom") or {}).get("orienteur") or {}).get("type") for m in answer}
        if not answer:
            played.error("empty answer")
        elif "unavailable" in kinds:
            played.error("apology (turn failed)")
        if "forget_me" in kinds:
            played.forgotten.add(sender)
    played.conversations += 1


async def play_many(url: str, conversations: list[list[str]], count: int, concurrency: int,
                    think_s: float, runner: Runner, marks: dict[str, int]) -> Played:  # fmt: skip
    """``count`` conversations, ``concurrency`` at a time; RSS noted after the 100th."""
    import httpx

    played = Played()
    queue = iter(range(count))

    async def person() -> None:
        for index in queue:
            await play(client, url, conversations[index % len(conversations)], played, think_s)
            if played.conversations == min(100, count) and "after 100" not in marks:
                marks["after 100"] = runner.rss()

    limits = httpx.Limits(max_connections=concurrency + 5)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        await asyncio.gather(*(person() for _ in range(concurrency)))
    marks["end"] = runner.rss()
    return played


def stored_user_turns(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT sender_id, count(*) FROM events WHERE type_name = 'user' "
                            "GROUP BY sender_id").fetchall()  # fmt: skip
    return dict(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conversations", type=int, help="how many conversations in all")
    parser.add_argument("--concurrency", type=int, default=20, help="people at a time")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause before a turn (s)")
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    model = args.model or find_model()
    if model is None:
        print("no trained model (ORIENTEUR_TEST_MODEL or models/)", file=sys.stderr)
        return 2
    conversations = load_conversations()
    tmp = Path(tempfile.mkdtemp(prefix="orienteur-embedded-"))
    rasa_port = free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TRACKER_", "REDIS_", "ORIENTEUR_ACTION_TOKEN",
                                "ORIENTEUR_STAFF_TOKEN", "ORIENTEUR_SESSION_SECRET",
                                "DIRECTORY_DATABASE_URL"))}  # fmt: skip
    env.update(RASA_TELEMETRY_ENABLED="false", ORIENTEUR_MODEL=str(model),
               ORIENTEUR_DATA_DIR=str(tmp / "var"), RASA_PORT=str(rasa_port),
               ACTION_PORT=str(free_port()), WEB_PORT=str(free_port()),
               SANIC_WORKERS="1")  # fmt: skip
    url = f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
    db = tmp / "var" / "tracker.sqlite3"
    runner = Runner(env, tmp / "bot-run.log")
    first_half = args.conversations // 2
    print(f"{args.conversations} conversations from {len(conversations)} stories, "
          f"{args.concurrency} at a time, {args.think:g} s think time; data in {tmp}")
    halves: list[tuple[Played, dict[str, int], float]] = []
    try:
        load_s = runner.start()
        print(f"ready in {load_s:.0f} s (directory built, model loaded), rasa pid "
              f"{runner.rasa_pid}")
        for number, count in ((1, first_half), (2, args.conversations - first_half)):
            marks: dict[str, int] = {"start": runner.rss()}
            started = time.monotonic()
            played = asyncio.run(play_many(url, conversations, count, args.concurrency,
                                           args.think, runner, marks))  # fmt: skip
            wall = time.monotonic() - started
            halves.append((played, marks, wall))
            print(f"half {number}: {played.conversations} conversations, "
                  f"{sum(played.turns.values())} turns in {wall:.0f} s, errors "
                  f"{sum(played.errors.values())} {played.errors or ''}; RSS rasa MiB: start "
                  f"{mib(marks['start'])}, after 100 {mib(marks.get('after 100', 0))}, end "
                  f"{mib(marks['end'])} ({100 * (marks['end'] / marks['after 100'] - 1):+.1f} %)")
            if number == 1:
                witness = f"bench-restart-{uuid.uuid4().hex[:8]}"
                say(url, witness, SUMMARY_TOWN)
                before = stored_user_turns(db)
                runner.stop()
                print("restart: bot run stopped (SIGINT) and started again…")
                runner.start()
                after = stored_user_turns(db)
                kept = {s: n for s, n in played.turns.items() if s not in played.forgotten}
                lost = {s: (n, after.get(s, 0)) for s, n in kept.items() if after.get(s, 0) != n}
                print(f"  stored before/after the restart: {sum(before.values())}/"
                      f"{sum(after.values())} user events; conversations checked "
                      f"{len(kept)} (+{len(played.forgotten)} forgotten on request), "
                      f"incomplete {len(lost)} {dict(list(lost.items())[:3]) or ''}")
                text = say(url, witness, "/send_it")
                print("  a conversation continues after the restart: "
                      + ("yes, its summary names Roubaix" if "Roubaix" in text
                         else f"NO: {text[:120]!r}"))  # fmt: skip
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        runner.stop()
    if len(halves) == 2:
        errors = sum(sum(p.errors.values()) for p, _, _ in halves)
        print(f"total: {sum(p.conversations for p, _, _ in halves)} conversations, "
              f"{sum(sum(p.turns.values()) for p, _, _ in halves)} turns, errors {errors}; "
              f"events stored at the end {sum(stored_user_turns(db).values())} user events; "
              f"tracker file {db.stat().st_size / 2**20:.1f} MiB")
    return 0


def say(url: str, sender: str, text: str) -> str:
    import httpx

    answer = httpx.post(url, json={"sender": sender, "message": text}, timeout=120).json()
    return " ".join(str(m.get("text", "")) for m in answer)


if __name__ == "__main__":
    raise SystemExit(main())
