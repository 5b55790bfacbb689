"""How much farther is the first place than the nearest place that covers the need, when a finer
label is asked for (search ranking, ``rank.LABEL_FACTOR``)? Searches the embedded directory
from random towns of 2,000+ inhabitants, with and without the need's finer labels.

    PYTHONPATH=. python bench/preferred_detour.py [--towns 150] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actions import needs  # noqa: E402
from directory_client import gazetteer  # noqa: E402
from directory_client.directory import Directory  # noqa: E402
from directory_client.types import Location, SearchQuery  # noqa: E402

NEEDS = ("demarches", "demarches_autonomie", "sante", "smartphone", "emploi", "materiel_usage")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--directory", default="sqlite:///var/directory.sqlite3")
    args = parser.parse_args()
    directory = Directory.open_existing(args.directory)
    towns = [c for c in gazetteer.load().by_insee.values() if c.lat and c.population > 2000]
    sample = random.Random(args.seed).sample(towns, args.towns)
    print(f"{'need':<22} {'searches':>8} {'first place >5 km farther':>26} {'p90 km':>7} "
          f"{'max km':>7}")  # fmt: skip
    for key in NEEDS:
        gaps = []
        for town in sample:
            where = Location(label=town.name, kind="commune", lat=town.lat, lon=town.lon)
            services, preferred = needs.services_for([key]), needs.preferred_labels([key])
            labelled = directory.search(
                SearchQuery(needs=services, location=where, preferred_origin_labels=preferred)
            )
            plain = directory.search(SearchQuery(needs=services, location=where))
            if labelled.results and plain.results:
                first, nearest = labelled.results[0].distance_km, plain.results[0].distance_km
                if first is not None and nearest is not None:
                    gaps.append(first - nearest)
        gaps.sort()
        farther = sum(g > 5 for g in gaps)
        print(f"{key:<22} {len(gaps):>8} {farther:>26} {gaps[int(len(gaps) * 0.9)]:>7.1f} "
              f"{gaps[-1]:>7.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
