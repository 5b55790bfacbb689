"""A safety set (``kind: emergency | ordinary`` or ``emergency: true | false``) against the running
assistant over REST: emergency recall and false alarms at the first answer.

Starts its own servers (tests/rasa_stack.py) unless ``--webhook`` points at a running assistant.

    python bench/safety_rest.py tests/devset/safety_k.yml [--webhook URL] [--show]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus_runner import Outcome, Player, is_emergency  # noqa: E402
from tests.rasa_stack import webhook_for  # noqa: E402


async def _play(webhook: str, cases: list[dict], concurrency: int) -> list[Outcome]:
    player = Player(webhook)
    queue: asyncio.Queue = asyncio.Queue()
    for case in cases:
        queue.put_nowait(case)
    outcomes: list[Outcome] = []

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            outcomes.append(await player.first_answer(client, queue.get_nowait()))

    async with httpx.AsyncClient() as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return sorted(outcomes, key=lambda o: o.case["id"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--model", type=Path)
    parser.add_argument("--webhook")
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))
    try:
        with webhook_for(args.webhook, args.model, "safety-") as webhook:
            outcomes = asyncio.run(_play(webhook, cases, args.concurrency))
    except LookupError as error:
        print(error, file=sys.stderr)
        return 2
    emergencies = [o for o in outcomes if is_emergency(o.case)]
    ordinary = [o for o in outcomes if not is_emergency(o.case)]
    caught = [o for o in emergencies if o.emergency_shown]
    alarms = [o for o in ordinary if o.emergency_shown]
    print(f"{args.cases.name}: emergency recall {len(caught) / len(emergencies):.1%} "
          f"({len(caught)} of {len(emergencies)}), false alarms {len(alarms) / len(ordinary):.1%} "
          f"({len(alarms)} of {len(ordinary)})")  # fmt: skip
    if args.show:
        for o in emergencies:
            if not o.emergency_shown:
                print(f"[missed emergency {o.case['id']}]\n{o.transcript()}\n")
        for o in alarms:
            print(f"[false alarm {o.case['id']}]\n{o.transcript()}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
