"""What a search of two needs that few places cover together costs (``candidates.two_tiers``):
statements sent to the database and CPU time per search, on a synthetic directory
(``bench/compare_search.build``), queries of two needs with a position
(``bench/compare_search.queries``), the rare-pair path forced as in the tests.

    PYTHONPATH=. python bench/rare_pair_reads.py [--size 30000] [--queries 400]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

from bench.compare_search import build, queries
from directory_client import db
from directory_client import search as search_module
from directory_client.search import candidates


def run(size: int, count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="orienteur-rare-pair-") as tmp:
        engine, rows = build(f"sqlite:///{Path(tmp) / 'rare.sqlite3'}", size)
        Session = db.session_factory(engine)
        pairs = [q for q in queries(count, rows)
                 if len(q.needs) == 2 and q.location.lat is not None]  # fmt: skip
        statements = [0]

        @event.listens_for(engine, "before_cursor_execute")
        def _count(*_args) -> None:
            statements[0] += 1

        saved = search_module.RARE_CAP
        search_module.RARE_CAP = -1  # one need is never "rare": the pair path answers
        reads, cpu, tiers = [], [], 0
        real = candidates.two_tiers

        def counted(*args, **kwargs):
            nonlocal tiers
            tiers += 1
            return real(*args, **kwargs)

        candidates.two_tiers = counted
        try:
            for query in pairs:
                search_module.search(Session, query)  # warm: statements built and cached
            for query in pairs:
                tiers, statements[0] = 0, 0
                started = time.process_time()
                search_module.search(Session, query)
                if tiers:  # the searches the pair path answered or tried
                    cpu.append((time.process_time() - started) * 1000)
                    reads.append(statements[0])
        finally:
            candidates.two_tiers = real
            search_module.RARE_CAP = saved
            engine.dispose()
    print(
        f"sqlite {size:,} places, {len(pairs)} searches of two needs, {len(reads)} through "
        "two_tiers: "
        f"statements mean {statistics.mean(reads):.2f} max {max(reads)}; "
        f"CPU ms mean {statistics.mean(cpu):.2f} p50 {statistics.median(cpu):.2f} "
        f"p95 {sorted(cpu)[int(len(cpu) * 0.95)]:.2f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args(argv)
    run(args.size, args.queries)


if __name__ == "__main__":
    main()
