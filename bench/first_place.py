"""The first place a person is given, before and after the ranking by comparable distance:
how far it is, how often it is not the nearest place that does one of the needs asked, and why.

Three rankings answer the same searches on the embedded directory (needs and finer labels as
the assistant asks them, ``actions.needs``), from random towns of 2,000+ inhabitants:
  - before: the search of a git revision (``--rev``, default ``main``): fit first, distance second;
  - detour: the working copy with a clear record worth nothing (``CLEAR_FACTOR`` = 1): what a
    place does is worth a detour that grows with the distance;
  - detour + clear: the working copy as it is, a record that says little about mediation
    ranking after one that clearly does (``search.evidence``).
Then ``--show`` first places that the clear record changed, to read.

    PYTHONPATH=. python bench/first_place.py [--rev main] [--towns 200] [--seed 1] [--show 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from actions import needs  # noqa: E402
from bench.compare_search import reference  # noqa: E402
from directory_client import gazetteer, labels  # noqa: E402
from directory_client import search as current  # noqa: E402
from directory_client.directory import Directory  # noqa: E402
from directory_client.geo import haversine_km  # noqa: E402
from directory_client.hours import now_paris  # noqa: E402
from directory_client.models import Place  # noqa: E402
from directory_client.search import evidence, rank  # noqa: E402
from directory_client.types import Location, SearchQuery  # noqa: E402

NEEDS = (
    ["demarches"], ["sante"], ["smartphone"], ["ordinateur"], ["internet"], ["emploi"],
    ["demarches", "smartphone"], ["demarches", "ordinateur"], ["emploi", "ordinateur"],
)  # fmt: skip


def _percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))] if values else float("nan")


def _with_clear_factor(factor: float, directory: Directory, query: SearchQuery):
    rank.CLEAR_FACTOR = factor
    rank.weight.cache_clear()
    return current.search(directory.Session, query)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="main")
    parser.add_argument("--towns", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--directory", default="sqlite:///var/directory.sqlite3")
    args = parser.parse_args()
    directory = Directory.open_existing(args.directory)
    with directory.Session() as session:
        places = {p.public_id: p for p in session.scalars(select(Place))}
        session.expunge_all()
    towns = [c for c in gazetteer.load().by_insee.values() if c.lat and c.population > 2000]
    sample = random.Random(args.seed).sample(towns, args.towns)
    now = now_paris()
    clear_factor = rank.CLEAR_FACTOR
    with tempfile.TemporaryDirectory() as tmp:
        before_search = reference(args.rev, Path(tmp)).search
        rows = []
        for town in sample:
            where = Location(label=town.name, kind="commune", lat=town.lat, lon=town.lon,
                             commune=town.name, code_insee=town.code_insee)  # fmt: skip
            for keys in NEEDS:
                query = SearchQuery(
                    needs=needs.services_for(keys), location=where, now=now,
                    preferred_origin_labels=needs.preferred_labels(keys),
                )  # fmt: skip
                before = before_search(directory.Session, query)
                detour = _with_clear_factor(1.0, directory, query)
                after = _with_clear_factor(clear_factor, directory, query)
                if before.results and after.results and not after.nothing_near:
                    rows.append((town, keys, query, before, detour, after))
    mask_of = {tuple(k): labels.services_mask(needs.services_for(k)) for k in NEEDS}

    def nearest_fitting(town, keys) -> float:
        mask = mask_of[tuple(keys)]
        return min(
            haversine_km(town.lat, town.lon, p.latitude, p.longitude)
            for p in places.values()
            if p.services_mask & mask and p.latitude is not None
        )

    def why_not_nearest(first, nearest_km, keys, query) -> str:
        """Why the first place is not the nearest that does a need: what it does better."""
        place = places[first.id]
        covered = bin(place.services_mask & mask_of[tuple(keys)]).count("1")
        reasons = []
        near = [p for p in places.values() if p.services_mask & mask_of[tuple(keys)]
                and p.latitude is not None
                and abs(haversine_km(query.location.lat, query.location.lon, p.latitude,
                                     p.longitude) - nearest_km) < 1e-9]  # fmt: skip
        other = near[0]
        if covered > bin(other.services_mask & mask_of[tuple(keys)]).count("1"):
            reasons.append("more needs")
        if evidence.unreachable(other) and not evidence.unreachable(place):
            reasons.append("reachable (nearest: an address only)")
        if evidence.says_little(other) and not evidence.says_little(place):
            reasons.append(f"clearer record (nearest: {evidence.says_little(other)})")
        preferred = query.preferred_origin_labels

        def found(p):
            return sum(label in (p.services_origine or "") for label in preferred)

        if found(place) > found(other):
            reasons.append("finer label")
        return ", ".join(reasons) or "other (bus stop, tie, open sooner)"

    print(f"{len(rows)} searches ({args.towns} towns × {len(NEEDS)} needs, places near)\n")
    print(f"{'ranking':<16} {'first km p50':>12} {'p90':>6} {'mean':>6} {'max':>6} "
          f"{'not nearest fitting':>20} {'>5 km farther':>14}")  # fmt: skip
    reasons: dict[str, dict[str, int]] = {}
    for name, index in (("before", 3), ("detour", 4), ("detour + clear", 5)):
        firsts = [r[index].results[0].distance_km or 0.0 for r in rows]
        gaps = [
            (r[index].results[0].distance_km or 0.0) - nearest_fitting(r[0], r[1]) for r in rows
        ]
        not_nearest = sum(g > 0.05 for g in gaps)
        print(f"{name:<16} {statistics.median(firsts):>12.2f} {_percentile(firsts, 0.9):>6.2f} "
              f"{statistics.fmean(firsts):>6.2f} {max(firsts):>6.1f} "
              f"{not_nearest:>12} ({100 * not_nearest / len(rows):4.1f} %) "
              f"{sum(g > 5 for g in gaps):>14}")  # fmt: skip
        counts: dict[str, int] = {}
        for r, gap in zip(rows, gaps, strict=True):
            if gap > 0.05:
                why = why_not_nearest(r[index].results[0], nearest_fitting(r[0], r[1]), r[1], r[2])
                counts[why] = counts.get(why, 0) + 1
        reasons[name] = counts
    for name, counts in reasons.items():
        print(f"\nwhy the first place is not the nearest fitting one ({name}):")
        for why, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"  {n:>5}  {why}")
    changed = [r for r in rows if r[4].results[0].id != r[5].results[0].id]
    moved = [r for r in rows if r[3].results[0].id != r[5].results[0].id]
    print(
        f"\nfirst place changed: before → detour + clear {len(moved)} of {len(rows)}; "
        f"by the clear record alone (detour → detour + clear) {len(changed)}"
    )
    farther = [r[5].results[0].distance_km - r[4].results[0].distance_km for r in changed]
    if farther:
        print(f"  the clear record's first place is farther by (km): median "
              f"{statistics.median(farther):.2f}, p90 {_percentile(farther, 0.9):.2f}, "
              f"max {max(farther):.2f}")  # fmt: skip
    print(f"\n{min(args.show, len(changed))} first places the clear record changed:")
    for town, keys, _q, _b, detour, after in random.Random(2).sample(
        changed, min(args.show, len(changed))
    ):
        was, now_first = detour.results[0], after.results[0]
        print(f"- {town.name} ({town.departement}), {'+'.join(keys)}:\n"
              f"    was {was.name!r} {was.distance_km:.2f} km "
              f"[{evidence.says_little(places[was.id]) or 'clear'}]\n"
              f"    now {now_first.name!r} {now_first.distance_km:.2f} km "
              f"[{evidence.says_little(places[now_first.id]) or 'clear'}]")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
