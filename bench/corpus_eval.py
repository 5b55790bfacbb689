"""The frozen corpus (tests/corpus/) against the running assistant over REST: task success,
emergency recall and false alarms, off-topic, turns to the first recommendation.

Starts its own servers (tests/rasa_stack.py) unless ``--webhook`` points at a running assistant.

    python bench/corpus_eval.py [--model models/orienteur.tar.gz] [--webhook URL]
        [--failures FILE] [--limit N]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus_runner import evaluate  # noqa: E402
from tests.rasa_stack import webhook_for  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path)
    parser.add_argument("--webhook", help="a running assistant's REST webhook")
    parser.add_argument("--failures", type=Path, help="write every miss with its transcript")
    parser.add_argument("--limit", type=int, help="only the first N cases of each file")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--first-messages", type=Path, help="another set than the corpus's "
                        "(a development set of tests/devset): its first messages")
    parser.add_argument("--safety", type=Path, help="with --first-messages: its safety set")
    args = parser.parse_args()
    try:
        with webhook_for(args.webhook, args.model, "corpus-") as webhook:
            started = time.perf_counter()
            files = None
            if args.first_messages or args.safety:
                files = {"first_messages": args.first_messages, "safety": args.safety}
            scores = asyncio.run(evaluate(webhook, args.concurrency, args.limit, files))
    except LookupError as error:
        print(error, file=sys.stderr)
        return 2
    print(scores.report())
    print(f"played in {time.perf_counter() - started:.0f} s")
    if args.failures:
        every = files is not None  # a development set: every miss is there to be read
        args.failures.write_text(scores.failures(every) + "\n", encoding="utf-8")
        print(f"misses written to {args.failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
