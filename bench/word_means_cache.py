"""One turn of the action server with and without the cache of the words' mean vectors
(``bot.word_means``). Prints figures.

Each hand-kept first message (actions/data/first_messages_*.yml, the first ``--messages``) is
one first turn of ``action_orient`` on the embedded directory (imported into a temporary file):
the reading of the need, the town, the search and the answer. The two ways alternate, pass by
pass, and every pass starts with both caches (the sentence encoder's and the words') empty, so
a message is never read from an earlier pass: what the cache saves is within a turn. Prints
per way the time per turn (p50, p95, mean), the words' vectors computed per turn (and how many
of a text already computed in that turn), and whether the answers are the same.

2026-12-06 (machine shared, load 4–6), 150 messages × 6 passes per way: without the cache p50
26.3 ms, p95 57.9 ms, mean 29.5 ms per turn, 3.90 vectors computed per turn, 1.01 of them of a
text already computed in the turn (up to 3 again: four times the same text); with it p50 26.4,
p95 57.3, mean 28.7 ms, 2.89 computed, none again; the same answers. A second run (load 4–5):
9.9 / 33.4 / 12.4 ms without, 9.8 / 36.3 / 12.7 ms with. One computation costs about 0.06 ms:
the turn is no slower, and the time saved is within the machine's noise.

    python bench/word_means_cache.py [--messages 150] [--passes 4]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasa_sdk.executor import CollectingDispatcher  # noqa: E402

from actions import actions, backends, semantic_needs  # noqa: E402
from bot import encoder, word_means  # noqa: E402
from directory_client import Directory, Locator  # noqa: E402
from tests.conftest_actions import tracker  # noqa: E402

WAYS = {"without the cache": 0, "with the cache": word_means._recent.size}


def first_messages(count: int) -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "actions" / "data").glob("first_messages_*.yml")):
        texts.extend(e["text"] for e in yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return texts[:count]


def one_pass(messages: list[str], size: int) -> tuple[list[float], list[list[str]], list[str]]:
    """Per message: the turn's time (ms), the texts whose words' vectors were computed, what was
    said."""
    word_means._recent.size = size
    word_means._recent.clear()
    encoder._recent.clear()
    computed: list[str] = []
    real = word_means._mean_vectors

    def counting(texts: list[str]):
        computed.extend(texts)
        return real(texts)

    word_means._mean_vectors = counting
    times, counts, said = [], [], []
    try:
        for message in messages:
            computed.clear()
            dispatcher = CollectingDispatcher()
            started = time.perf_counter()
            asyncio.run(actions.ActionOrient().run(dispatcher, tracker(message), {}))
            times.append(1000 * (time.perf_counter() - started))
            counts.append(list(computed))
            said.append(repr([(m.get("response"), m.get("text")) for m in dispatcher.messages]))
    finally:
        word_means._mean_vectors = real
    return times, counts, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=150)
    parser.add_argument("--passes", type=int, default=4, help="passes per way, alternating")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="orienteur-bench-wm-") as tmp:
        directory = Directory(f"sqlite:///{tmp}/directory.sqlite3")
        directory.import_default()
        backends.set_backends(directory, Locator(directory=directory))
        semantic_needs.reader()  # fitted (or read from var/cache) before any turn is timed
        messages = first_messages(args.messages)
        one_pass(messages[:10], word_means._recent.size)  # warm-up: the search's first queries
        times = {way: [] for way in WAYS}
        counts = {way: [] for way in WAYS}
        answers: dict[str, list[str]] = {}
        for number in range(args.passes):
            ways = list(WAYS) if number % 2 == 0 else list(reversed(WAYS))
            for way in ways:
                took, computed, said = one_pass(messages, WAYS[way])
                times[way] += took
                counts[way] += computed
                answers.setdefault(way, said)
        backends.set_backends(None, None)
    word_means._recent.size = WAYS["with the cache"]
    print(f"{len(messages)} first messages × {args.passes} passes per way, alternating")
    for way in WAYS:
        took = sorted(times[way])
        p95 = took[int(0.95 * (len(took) - 1))]
        computed = [len(texts) for texts in counts[way]]
        again = [len(texts) - len(set(texts)) for texts in counts[way]]
        print(
            f"{way}: per turn p50 {statistics.median(took):.1f} ms, p95 {p95:.1f} ms, "
            f"mean {statistics.fmean(took):.1f} ms; words' vectors computed per turn "
            f"{statistics.fmean(computed):.2f} (max {max(computed)}), of a text already "
            f"computed in the turn {statistics.fmean(again):.2f} (max {max(again)})"
        )
    same = answers["without the cache"] == answers["with the cache"]
    print(f"same answers both ways: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
