"""Same answers as another revision of the search: random queries over a synthetic directory.

The reference is the search of a git revision (default ``main``): the package
``directory_client/search/``, or the single ``search.py`` before the split, loaded next to the
working copy's; both answer every query on the same database and the whole
``SearchResponse`` (results, order, distance, opening, why, widening, total, remote options)
must be equal. Every query runs through the three candidate paths (growing boxes, rare-need
index, rare pair of needs), as in tests/directory/test_search.py.

    PYTHONPATH=. python bench/compare_search.py [--rev main] [--size 30000] [--queries 400]
        [--postgres URL]
"""

from __future__ import annotations

import argparse
import importlib
import math
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import fields
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from bench.seed_places import load_communes, load_seeds
from directory_client import db, labels
from directory_client import search as current
from directory_client.geo import KM_PER_DEGREE_LAT, lat_band
from directory_client.hours import PARIS
from directory_client.models import Base, MobileService, Place
from directory_client.types import Location, SearchFilters, SearchQuery

FEES = ("Gratuit", "Payant", None, "Gratuit sous condition")
NOW = datetime(2024, 5, 14, 10, 30, tzinfo=PARIS)
PATHS = {
    "boxes": {"RARE_CAP": -1, "COMBINATION_RARE_CAP": -1},
    "rare-need index": {},
    "rare pair of needs": {"RARE_CAP": -1},
}
# Far from every place: nothing near (ocean, Kerguelen, Antarctica, Pacific).
FAR_POINTS = ((47.0, -15.0), (-49.35, 70.2), (-75.0, 0.0), (0.0, -150.0), (60.0, 30.0))


def reference(rev: str, into: Path):
    """The search of ``rev``, importable next to the current one: the single module
    ``directory_client/search.py`` of older revisions, or the package ``directory_client/search/``
    copied under ``into`` as ``reference_search`` (its imports of itself renamed)."""
    listing = subprocess.run(
        ["git", "ls-tree", "--name-only", rev, "directory_client/search/"],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    files = [name for name in listing if name.endswith(".py")] or ["directory_client/search.py"]
    package = into / "reference_search"
    package.mkdir()
    for name in files:
        source = subprocess.run(
            ["git", "show", f"{rev}:{name}"], check=True, capture_output=True, text=True
        ).stdout
        source = source.replace("directory_client.search", "reference_search")
        source = source.replace("from directory_client import search", "import reference_search")
        target = package / Path(name).name
        (package / "__init__.py" if target.name == "search.py" else target).write_text(source)
    sys.path.insert(0, str(into))
    return importlib.import_module("reference_search")


def _pick(rng: random.Random, values, p: float) -> str | None:
    if rng.random() >= p:
        return None
    return "|".join(rng.sample(list(values), rng.randint(1, 2)))


def build(url: str, size: int, seed: int = 1) -> tuple[object, list[dict]]:
    rng = random.Random(seed)
    engine = db.make_engine(url)
    Base.metadata.drop_all(engine)
    db.create_schema(engine)
    seeds = load_seeds()
    origins = (
        labels.V1_WITH_HELP, labels.V1_AUTONOMY, labels.V1_HEALTH, labels.V1_SMARTPHONE,
        labels.V1_COMPUTER,
    )  # fmt: skip
    with engine.begin() as conn:
        conn.execute(
            insert(MobileService),
            [{"id": i, "key": f"bus:{i}", "nom": f"Bus {i}", "kind": "bus"} for i in range(1, 41)],
        )
        rows = []
        for i in range(size):
            s = rng.choice(seeds)
            r = 5.0 * math.sqrt(rng.random())
            angle = rng.uniform(0, 2 * math.pi)
            lat = s.lat + r * math.sin(angle) / KM_PER_DEGREE_LAT
            lon = s.lon + r * math.cos(angle) / (KM_PER_DEGREE_LAT * math.cos(math.radians(lat)))
            if rng.random() < 0.01:  # same spot as the previous place (one building, two desks)
                lat, lon = rows[-1]["latitude"], rows[-1]["longitude"]
            no_coordinates = rng.random() < 0.03
            dep = (s.code_postal or "75")[:2]
            services = s.services
            if rng.random() < 0.3:
                services = tuple(rng.sample(labels.SERVICES, rng.randint(1, 3)))
            rows.append(
                {
                    "id": i + 1,
                    "public_id": f"cmp:{i}",
                    "nom": f"{s.nom} {i % 7}",
                    "services": "|".join(services),
                    "services_origine": _pick(rng, origins, 0.3),
                    "services_mask": labels.services_mask(services),
                    "latitude": None if no_coordinates else lat,
                    "longitude": None if no_coordinates else lon,
                    "lat_band": None if no_coordinates else lat_band(lat),
                    "horaires": s.horaires,
                    "frais_a_charge": rng.choice(FEES + (s.frais,)),
                    "code_postal": s.code_postal,
                    "code_insee": s.code_postal,
                    "departement": dep,
                    "commune": f"Commune {s.code_postal}",
                    "adresse": f"{i} rue du Test",
                    "telephone": rng.choice((None, "01 02 03 04 05")),
                    "site_web": rng.choice((None, "https://example.org|https://b.example.org")),
                    "modalites_accompagnement": _pick(rng, labels.MODALITES_ACCOMPAGNEMENT, 0.4),
                    "publics_specifiquement_adresses": _pick(rng, labels.PUBLICS, 0.3),
                    "prise_en_charge_specifique": _pick(rng, labels.PRISE_EN_CHARGE, 0.2),
                    "dispositif_programmes_nationaux": _pick(rng, labels.DISPOSITIFS, 0.3),
                    "typologie": rng.choice((None, "RFS", "BIB|RFS", "BIB")),
                    "mobile_service_id": rng.randint(1, 40) if rng.random() < 0.02 else None,
                }
            )
        for start in range(0, len(rows), 20_000):
            conn.execute(insert(Place), rows[start : start + 20_000])
    with engine.begin() as conn:
        conn.execute(text("ANALYZE place" if engine.dialect.name == "postgresql" else "ANALYZE"))
    return engine, rows


def queries(count: int, rows: list[dict], seed: int = 5) -> list[SearchQuery]:
    rng = random.Random(seed)
    communes = load_communes()
    out = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.08:
            lat, lon = rng.choice(FAR_POINTS)
            location = Location(label="far", kind="commune", lat=lat, lon=lon)
        elif roll < 0.16:  # no coordinates: by commune codes / department
            row = rng.choice(rows)
            location = Location(
                label="code", kind="commune", lat=None, lon=None, code_insee=row["code_insee"],
                code_postal=row["code_postal"], departement=row["departement"],
            )  # fmt: skip
        else:
            if roll < 0.5:
                row = rng.choice(rows)
                lat, lon = row["latitude"] or 45.0, row["longitude"] or 4.0
            else:
                lat, lon, _pop = rng.choice(communes)
            row = rng.choice(rows)
            location = Location(
                label="here", kind="commune", lat=lat, lon=lon, code_insee=row["code_insee"],
                code_postal=row["code_postal"], departement=row["departement"],
            )  # fmt: skip
        needs = tuple(rng.sample(labels.SERVICES, rng.choice((0, 1, 1, 1, 2, 2, 3))))
        if rng.random() < 0.05:
            needs += ("Pas un besoin connu",)
        filters = SearchFilters(
            free_only=rng.random() < 0.2,
            publics=tuple(rng.sample(labels.PUBLICS, 1)) if rng.random() < 0.1 else (),
            prise_en_charge=(
                tuple(rng.sample(labels.PRISE_EN_CHARGE, 1)) if rng.random() < 0.05 else ()
            ),
            accompagnement=(
                tuple(rng.sample(labels.MODALITES_ACCOMPAGNEMENT, 1)) if rng.random() < 0.05 else ()
            ),
            remote_ok=rng.random() < 0.2,
            open_at=NOW + timedelta(hours=rng.randint(0, 100)) if rng.random() < 0.08 else None,
            open_on_saturday=rng.random() < 0.05,
            labels=tuple(rng.sample(labels.DISPOSITIFS, 1)) if rng.random() < 0.05 else (),
            on_my_behalf=rng.random() < 0.05,
        )
        out.append(
            SearchQuery(
                needs=needs,
                location=location,
                filters=filters,
                limit=rng.choice((3, 3, 5)),
                offset=rng.choice((0, 0, 0, 3)),
                radius_km=rng.choice((30.0, 30.0, 5.0, 60.0)),
                preferred_origin_labels=(labels.V1_WITH_HELP,) if rng.random() < 0.1 else (),
                now=NOW,
            )
        )
    return out


def _differences(a, b) -> list[str]:
    out = []
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if x != y:
            out.append(f"  {f.name}:\n    reference {x!r}\n    current   {y!r}")
    return out


def compare(url: str, size: int, count: int, rev: str) -> int:
    with tempfile.TemporaryDirectory(prefix="orienteur-reference-") as tmp:
        old = reference(rev, Path(tmp))
    engine, rows = build(url, size)
    Session = db.session_factory(engine)
    qs = queries(count, rows)
    failures = 0
    spent = {"reference": 0.0, "current": 0.0}
    try:
        for path, constants in PATHS.items():
            saved = [
                {name: getattr(module, name) for name in ("RARE_CAP", "COMBINATION_RARE_CAP")}
                for module in (old, current)
            ]
            for module in (old, current):
                for name, value in constants.items():
                    setattr(module, name, value)
            try:
                for i, query in enumerate(qs):
                    started = time.process_time()
                    expected = old.search(Session, query)
                    spent["reference"] += time.process_time() - started
                    started = time.process_time()
                    got = current.search(Session, query)
                    spent["current"] += time.process_time() - started
                    if expected != got:
                        failures += 1
                        if failures <= 5:
                            print(f"[{path}] query {i} differs: {query}")
                            print("\n".join(_differences(expected, got)))
            finally:
                for module, values in zip((old, current), saved, strict=True):
                    for name, value in values.items():
                        setattr(module, name, value)
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()
    total = count * len(PATHS)
    print(
        f"{engine.dialect.name} {size:,} places, {total} searches: {failures} differ; "
        f"CPU reference {spent['reference']:.2f} s, current {spent['current']:.2f} s"
    )
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="main")
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--postgres", default=None, help="PostgreSQL URL (or 'auto')")
    args = parser.parse_args(argv)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="orienteur-compare-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'compare.sqlite3'}"
        failures += compare(url, args.size, args.queries, args.rev)
        if args.postgres:
            server = None
            url = args.postgres
            if url == "auto":
                from tests.pgserver import PostgresServer, find_bin_dir

                server = PostgresServer(find_bin_dir(), "compare").start()
                url = server.url
            try:
                failures += compare(url, args.size, args.queries, args.rev)
            finally:
                if server is not None:
                    server.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
