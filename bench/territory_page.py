"""The console's "Territoire" page: how long a coordinator waits, per territory size.

    PYTHONPATH=. python bench/territory_page.py [--db URL] [--repeat 3]

For a commune (Angoulême), a département (Charente) and a région (Nouvelle-Aquitaine): the
coverage of the territory (first view of the day, ``InsightCache``), then the page's HTML from
the cached coverage (every later view: map, worst-served, chart, queue, journal, stale list), and
the HTML's size. Without ``--db`` the embedded directory is built first in a temporary file.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from bot.staff.roles import TerritoryRole
from bot.staff.territory_data import InsightCache
from bot.staff.territory_render import page
from directory_client import Directory, labels
from directory_client.corrections import queue
from directory_client.corrections.journal import journal
from directory_client.corrections.scope import Coordinator
from directory_client.corrections.stale import stale
from directory_client.demand import DemandLog

SCOPES = (("commune", "16015"), ("departement", "16"), ("region", "75"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    directory = Directory(args.db or f"sqlite:///{folder / 'directory.sqlite3'}")
    if directory.is_empty():
        directory.import_default()
    demand = DemandLog(f"sqlite:///{folder / 'demand.sqlite3'}")
    print(f"{'territory':<22} {'communes':>8} {'coverage (1st view)':>20} {'page (cached)':>14} "
          f"{'HTML':>8}")  # fmt: skip
    for level, code in SCOPES:
        scope = Coordinator("bench", level, code)
        role = TerritoryRole("coordination", scope)
        first, later, size, communes = [], [], 0, 0
        for _ in range(args.repeat):
            cache = InsightCache(directory.Session, demand)
            start = time.perf_counter()
            insight = cache.get(scope, date(2026, 3, 2))
            first.append(time.perf_counter() - start)
            start = time.perf_counter()
            html = page(
                role=role, insight=cache.get(scope, date(2026, 3, 2)), service=labels.DEMARCHES,
                csrf="x", refusals=None, pending=queue.pending(directory.Session, scope),
                journal=journal(directory.Session, scope), stale=stale(directory.Session, scope),
            )  # fmt: skip
            later.append(time.perf_counter() - start)
            size, communes = len(html.encode()), len(insight.coverage.communes)
        print(f"{level + ' ' + code:<22} {communes:>8} {statistics.median(first):>18.2f} s "
              f"{statistics.median(later):>12.2f} s {size / 1024:>6.0f} kB")  # fmt: skip


if __name__ == "__main__":
    main()
