"""Locator speed: gazetteer load time and ``locate`` p50/p95/p99 over ~200 realistic queries.

Run: ``PYTHONPATH=. python bench/locate_speed.py``
"""

from __future__ import annotations

import random
import statistics
import time

from directory_client import gazetteer
from directory_client.labels import fold

# fmt: off
FIXED = [
    "Roubaix", "roubaiz", "mompellier", "j'habite à roubaix", "je suis sur lyon",
    "vers st etienne", "Le Havre", "havre", "Saint-Denis", "Saint-Denis 93",
    "saint denis réunion", "Valence", "Valence Drôme", "Paris", "Lyon", "Marseille",
    "Paris 11e", "paris 11", "Lyon 3ème", "Marseille 13eme", "75011", "69003", "13013",
    "59100", "20000", "20200", "97400", "01300", "59512", "2A004", "Nord", "59", "le Finistère",
    "dans le 93", "Corse-du-Sud", "2A", "la réunion", "45.76, 4.83", "45.76 4.83",
    "lat: 48.85 lon: 2.35", '{"lat": 50.63, "lng": 3.06}',
    '{"latitude": 43.3, "longitude": 5.37}',
    "/locationData{'Latitude': '47.21', 'Longitude': '-1.55'}", "Bellegarde-sur-Valserine",
    "12 rue de la Paix Roubaix", "Gotham", "", "bonjour", "je cherche de l'aide pour la CAF",
    "<b>Lille</b>", "😀", "x" * 10_000, "villeneuve dascq", "st etiene", "Marseile", "bordaux",
]
# fmt: on
TEMPLATES = ["{}", "{}", "j'habite à {}", "je suis sur {}", "vers {}", "{} svp"]


def _typo(text: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(text) - 1)
    return text[:i] + rng.choice("aeiourstn") + text[i + 1 :]


def queries(index: gazetteer.Index, count: int = 200) -> list[str]:
    rng = random.Random(42)
    towns = sorted(
        (c for cs in index.by_key.values() for c in cs if c.kind == "COM"),
        key=lambda c: -c.population,
    )
    towns = list({c.code_insee: c for c in towns[:2000]}.values())
    out = list(FIXED)
    while len(out) < count:
        town = rng.choice(towns)
        roll = rng.random()
        if roll < 0.45:
            out.append(rng.choice(TEMPLATES).format(town.name))
        elif roll < 0.6:
            out.append(fold(town.name).replace("-", " ").replace("saint", "st"))
        elif roll < 0.75 and len(town.name) > 5:
            out.append(_typo(fold(town.name), rng))
        elif roll < 0.85:
            out.append(rng.choice(town.postcodes))
        elif town.lat is not None:
            out.append(f"{town.lat + rng.uniform(-0.02, 0.02):.5f}, {town.lon:.5f}")
    return out[:count]


def _percentiles(values: list[float]) -> str:
    values = sorted(values)

    def pct(p: float) -> float:
        return values[min(len(values) - 1, int(len(values) * p))]

    return (
        f"p50 {pct(0.50):.3f} ms  p95 {pct(0.95):.3f} ms  p99 {pct(0.99):.3f} ms  "
        f"max {values[-1]:.3f} ms  mean {statistics.fmean(values):.3f} ms"
    )


def main() -> None:
    from directory_client.locator import Locator

    wall, cpu = time.perf_counter(), time.process_time()
    index = gazetteer.load()
    load_wall, load_cpu = time.perf_counter() - wall, time.process_time() - cpu
    start = time.perf_counter()
    locator = Locator()
    init_s = time.perf_counter() - start

    sample = queries(index)
    for query in sample:  # warm-up
        locator.locate(query)
    walls: list[float] = []
    cpus: list[float] = []  # CPU time of this thread: robust when the machine is shared
    statuses: dict[str, int] = {}
    for _ in range(5):
        for query in sample:
            wall, cpu = time.perf_counter(), time.thread_time()
            result = locator.locate(query)
            cpus.append((time.thread_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
            statuses[result.status] = statuses.get(result.status, 0) + 1

    print(
        f"gazetteer load+index: {load_wall * 1000:.0f} ms wall, {load_cpu * 1000:.0f} ms CPU; "
        f"Locator() afterwards: {init_s * 1000:.1f} ms"
    )
    print(f"{len(sample)} queries x 5 runs; statuses: {statuses}")
    print(f"locate wall: {_percentiles(walls)}")
    print(f"locate CPU:  {_percentiles(cpus)}")


if __name__ == "__main__":
    main()
