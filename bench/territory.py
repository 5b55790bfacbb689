"""Territory insight for the whole of France: every commune of the gazetteer × the 9 services.

    PYTHONPATH=. python bench/territory.py [--repeat 3] [--db URL]

Each run is a fresh process (so its peak RSS is its own): read the gazetteer, load the places
and their opening hours, compute the coverage (k-d trees), roll up per département, région and
France, rank the zones without help, and write the commune × service CSV (≈ 315,000 rows,
to /dev/null).
Prints each phase's wall-clock time, the process's CPU time and peak RSS. Bar: ≤ 10 s and
≤ 1 GB on 2 cores. Without ``--db`` the embedded directory is built first in a temporary file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

WEEK = date(2026, 3, 2)


class _Counting:
    """A text sink that counts the lines written through it."""

    def __init__(self, sink) -> None:
        self.sink, self.lines = sink, 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return self.sink.write(text)


def child(url: str) -> None:
    started = time.perf_counter()
    from directory_client import db
    from directory_client.territory import communes, coverage, selection, supply
    from directory_client.territory.report import Insight, write

    phases = {"imports": time.perf_counter() - started}

    def lap(name: str, since: float) -> float:
        now = time.perf_counter()
        phases[name] = now - since
        return now

    t = time.perf_counter()
    everyone = communes.load()
    t = lap("gazetteer", t)
    Session = db.session_factory(db.make_engine(url))
    places = supply.load(Session, supply.reference_monday(WEEK))
    t = lap("places + hours", t)
    france = selection.france(everyone)
    result = coverage.compute(everyone, places, france.mask)
    t = lap("coverage", t)
    insight = Insight(france, result, WEEK.isoformat())
    rollup = insight.rollup()
    t = lap("rollups", t)
    gaps = insight.gaps()
    t = lap("zones without help", t)
    with open(os.devnull, "w", encoding="utf-8") as sink:
        counting = _Counting(sink)
        write(insight, "csv", counting)
    lap("CSV", t)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {
        "communes": len(everyone),
        "places": len(places),
        "rows": counting.lines - 1,
        "rollup_rows": len(rollup),
        "zones": len(gaps),
        "phases": phases,
        "wall": time.perf_counter() - started,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", help="directory URL (default: the embedded data, built first)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = args.db
        if url is None:
            from directory_client import Directory

            url = f"sqlite:///{Path(folder) / 'directory.sqlite3'}"
            Directory(url).import_default()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        print(f"whole of France, cores available: {os.cpu_count()}")
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run(
                [sys.executable, __file__, "--child", url],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            runs.append(json.loads(out.stdout))
    first = runs[0]
    print(
        f"{first['communes']:,} communes × 9 services = {first['rows']:,} rows; "
        f"{first['places']:,} places; {first['rollup_rows']} rollup rows; {first['zones']} zones"
    )
    print(f"{'phase':<22}" + "".join(f"{'run ' + str(i + 1):>9}" for i in range(len(runs))))
    for phase in first["phases"]:
        print(f"{phase:<22}" + "".join(f"{r['phases'][phase]:>8.2f}s" for r in runs))
    print(f"{'total (wall)':<22}" + "".join(f"{r['wall']:>8.2f}s" for r in runs))
    print(f"{'CPU (user+sys)':<22}" + "".join(f"{r['cpu']:>8.2f}s" for r in runs))
    print(f"{'peak RSS':<22}" + "".join(f"{r['peak_rss_mb']:>7.0f}MB" for r in runs))
    best = min(r["wall"] for r in runs)
    worst_rss = max(r["peak_rss_mb"] for r in runs)
    verdict = "within" if best <= 10 and worst_rss <= 1024 else "OVER"
    print(f"bar ≤ 10 s and ≤ 1 GB: {verdict} (best {best:.2f} s, peak {worst_rss:.0f} MB)")


if __name__ == "__main__":
    main()
