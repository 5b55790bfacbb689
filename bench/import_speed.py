"""Import speed: the six shipped files into a fresh SQLite file, records per second.

    PYTHONPATH=. python bench/import_speed.py [--repeat 3]

Prints wall-clock and CPU (process) rates: on a shared machine the CPU rate is the stable one.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from directory_client import Directory


def run_once(folder: Path, index: int) -> tuple[int, float, float]:
    directory = Directory(f"sqlite:///{folder / f'bench-{index}.sqlite3'}")
    wall, cpu = time.perf_counter(), time.process_time()
    report = directory.import_default()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    directory.close()
    return report.read, wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [run_once(Path(tmp), i) for i in range(args.repeat)]
    for records, wall, cpu in results:
        print(
            f"{records} records  wall {wall:.2f} s = {records / wall:,.0f} records/s  "
            f"cpu {cpu:.2f} s = {records / cpu:,.0f} records/s"
        )
    best = min(results, key=lambda r: r[1])
    print(f"best: {best[0] / best[1]:,.0f} records/s (wall)")


if __name__ == "__main__":
    main()
