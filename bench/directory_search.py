"""Directory search benchmark: synthetic directories of 10k / 100k / 1M places.

Each synthetic place is a real record (shipped files) moved by up to 5 km, with its services,
opening hours and fees. Searches: random real communes (half uniform, half weighted by
population), one or two random needs, 10 % with ``free_only``. Reference: a naive Python full
scan (haversine over every row, then sort) in the same run. Wall-clock and CPU times are both
shown: on a shared machine the wall clock includes waiting for a core.

    PYTHONPATH=. python bench/directory_search.py [--sizes 10000,100000] [--quick]
        [--postgres URL | --postgres auto]      (or DIRECTORY_BENCH_POSTGRES_URL)
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, text

from bench.seed_places import Seed, load_communes, load_seeds
from directory_client import db, labels
from directory_client.geo import KM_PER_DEGREE_LAT, haversine_km, lat_band
from directory_client.hours import PARIS
from directory_client.models import Base, Place
from directory_client.search import search
from directory_client.types import Location, SearchFilters, SearchQuery

JITTER_KM = 5.0
CHUNK = 20_000
NOW = datetime(2024, 5, 14, 10, 30, tzinfo=PARIS)
CLUSTER = False


def _rows(seeds: list[Seed], size: int, rng: random.Random):
    for i in range(size):
        seed = seeds[i % len(seeds)] if i < len(seeds) else rng.choice(seeds)
        r = JITTER_KM * math.sqrt(rng.random())
        angle = rng.uniform(0, 2 * math.pi)
        lat = seed.lat + r * math.sin(angle) / KM_PER_DEGREE_LAT
        lon = seed.lon + r * math.cos(angle) / (KM_PER_DEGREE_LAT * math.cos(math.radians(lat)))
        yield {
            "public_id": f"bench:{i}",
            "nom": seed.nom,
            "services": "|".join(seed.services),
            "services_mask": labels.services_mask(seed.services),
            "latitude": lat,
            "longitude": lon,
            "lat_band": lat_band(lat),
            "horaires": seed.horaires,
            "frais_a_charge": seed.frais,
            "code_postal": seed.code_postal,
        }


def build(url: str, seeds: list[Seed], size: int) -> tuple[object, float, list[tuple]]:
    engine = db.make_engine(url)
    Base.metadata.drop_all(engine)
    started = time.perf_counter()
    db.create_schema(engine)
    rng = random.Random(size)
    scan: list[tuple] = []  # what the naive reference scans
    batch: list[dict] = []
    with engine.begin() as conn:
        for row in _rows(seeds, size, rng):
            batch.append(row)
            scan.append((row["latitude"], row["longitude"], row["services_mask"], row["public_id"]))
            if len(batch) == CHUNK:
                conn.execute(insert(Place), batch)
                batch = []
        if batch:
            conn.execute(insert(Place), batch)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if CLUSTER:  # rows of one area on the same pages: fewer heap reads per box
                conn.execute(text("CLUSTER place USING ix_place_search"))
            conn.execute(text("VACUUM ANALYZE place"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return engine, time.perf_counter() - started, scan


def queries(count: int, seed: int = 42) -> list[SearchQuery]:
    rng = random.Random(seed)
    communes = load_communes()
    weights = [max(1, c[2]) for c in communes]
    out = []
    for i in range(count):
        lat, lon, _pop = (
            rng.choice(communes) if i % 2 else rng.choices(communes, weights=weights)[0]
        )
        needs = tuple(rng.sample(labels.SERVICES, rng.choice((1, 1, 2))))
        filters = SearchFilters(free_only=rng.random() < 0.1)
        location = Location(label="bench", kind="commune", lat=lat, lon=lon)
        out.append(SearchQuery(needs=needs, location=location, filters=filters, now=NOW))
    return out


def naive(scan: list[tuple], query: SearchQuery) -> list[str]:
    """The obvious way: distance to every matching row, sort, take the page."""
    mask = labels.services_mask(query.needs)
    lat, lon = query.location.lat, query.location.lon
    hits = [
        (haversine_km(lat, lon, p_lat, p_lon), pid)
        for p_lat, p_lon, p_mask, pid in scan
        if p_mask & mask
    ]
    hits.sort()
    return [pid for _d, pid in hits[: query.limit]]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def run(url: str, backend: str, seeds, size: int, searches: int, naive_runs: int) -> dict:
    engine, build_s, scan = build(url, seeds, size)
    session = db.session_factory(engine)
    qs = queries(searches)
    for q in qs[:20]:  # warm caches (parsed hours, statement cache)
        search(session, q)
    timings, cpu, widened, far = [], [], 0, 0
    for q in qs:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = search(session, q)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        widened += response.widened
        far += response.nothing_near
    naive_ms = []
    for q in qs[:naive_runs]:
        started = time.perf_counter()
        naive(scan, q)
        naive_ms.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    p95 = percentile(timings, 95)
    naive_p95 = percentile(naive_ms, 95)
    return {
        "backend": backend,
        "size": size,
        "build_s": build_s,
        "p50": percentile(timings, 50),
        "p95": p95,
        "p99": percentile(timings, 99),
        "cpu_p50": percentile(cpu, 50),
        "cpu_p95": percentile(cpu, 95),
        "naive_p95": naive_p95,
        "naive_n": len(naive_ms),
        "ratio": naive_p95 / p95 if p95 else float("inf"),
        "widened": widened / len(qs),
        "nothing_near": far / len(qs),
    }


def _print(rows: list[dict]) -> None:
    head = (
        f"{'backend':<10} {'size':>9} {'build s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'cpu p50':>7} {'cpu p95':>7} {'naive p95 ms':>13} {'(n)':>5} {'ratio':>7} "
        f"{'widened':>8} {'far':>5}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['backend']:<10} {r['size']:>9,} {r['build_s']:>8.1f} {r['p50']:>7.2f} "
            f"{r['p95']:>7.2f} {r['p99']:>7.2f} {r['cpu_p50']:>7.2f} {r['cpu_p95']:>7.2f} "
            f"{r['naive_p95']:>13.1f} {r['naive_n']:>5} "
            f"{r['ratio']:>6.0f}x {r['widened']:>7.0%} {r['nothing_near']:>5.0%}"
        )
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--searches", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="10k and 100k, 200 searches")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("DIRECTORY_BENCH_POSTGRES_URL"),
        help="PostgreSQL URL, or 'auto' to start a throw-away server",
    )
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument(
        "--cluster", action="store_true", help="PostgreSQL: CLUSTER place by the search index"
    )
    args = parser.parse_args(argv)
    global CLUSTER
    CLUSTER = args.cluster
    sizes = [int(s) for s in args.sizes.split(",")]
    searches = args.searches
    if args.quick:
        sizes, searches = [s for s in sizes if s <= 100_000] or [10_000], min(searches, 200)
    seeds = load_seeds()
    print(f"{len(seeds)} real places as seeds; {searches} searches per size\n")
    rows: list[dict] = []

    def naive_runs(size: int) -> int:
        return max(5, min(searches, 2_000_000 // size))

    with tempfile.TemporaryDirectory(prefix="orienteur-bench-") as tmp:
        if not args.no_sqlite:
            for size in sizes:
                url = f"sqlite:///{Path(tmp) / f'bench-{size}.sqlite3'}"
                rows.append(run(url, "sqlite", seeds, size, searches, naive_runs(size)))
                _print(rows[-1:])
        if args.postgres:
            server = None
            url = args.postgres
            if url == "auto":
                from tests.pgserver import NOT_INSTALLED, PostgresServer, find_bin_dir

                bin_dir = find_bin_dir()
                if bin_dir is None:
                    print(NOT_INSTALLED)
                    url = None
                else:
                    server = PostgresServer(bin_dir, "bench").start()
                    url = server.url
            try:
                for size in sizes if url else []:
                    rows.append(run(url, "postgresql", seeds, size, searches, naive_runs(size)))
                    _print(rows[-1:])
            finally:
                if server is not None:
                    server.stop()
    print()
    _print(rows)
    print(
        "\nms = wall clock per search (whole pipeline: SQL, ranking, hours, why); cpu = this "
        "process's CPU time (PostgreSQL's own work is not in it); naive = Python full scan; "
        "widened / far = share of searches that widened / found nothing near."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
