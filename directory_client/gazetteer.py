"""Gazetteer of French communes: loaded once per path, indexed by name key, postcode, INSEE code,
department, fuzzy buckets and a coordinate grid."""

from __future__ import annotations

import csv
import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from directory_client.departements import ALIASES, DEPARTEMENTS, REGIONS
from directory_client.text import name_key
from directory_client.usual_names import USUAL_NAMES

DEFAULT_PATH = Path(__file__).parent / "data" / "communes-france.csv"
# A commune's point is its town hall where this file has one (the big communes: see the data's
# README), its geographic centre otherwise: Arles' centre lies 15 km south of the town, Kourou's
# 31 km inland. Every use of a commune's point follows (distances, ``nearest``, départements).
# The file lies beside the gazetteer it completes.
TOWN_HALLS_NAME = "town-halls.csv"
# The village of huge communes that town-halls.csv lacks (Guyane's: Maripasoula's centre lies
# 67 km south of the village): data/README.md says where each point comes from.
CHEFS_LIEUX_NAME = "chefs-lieux.csv"
BIG_TOWN = 20_000  # "Aix" also offers Aix-en-Provence: see ``Index.longer_names``
GRID_STEP = 0.25  # degrees; ~28 km north-south
# Paris, Lyon and Marseille exist only as arrondissements in the source: the city is derived.
CITY_CODES = {"75056": "Paris", "69123": "Lyon", "13055": "Marseille"}
# Former communes still said for the town they merged into, that the source does not carry as
# communes déléguées (COMD): name → INSEE code of the commune it is part of now. Source: INSEE,
# Code officiel géographique, historique des communes (Évry and Courcouronnes → Évry-Courcouronnes,
# 2019; Cherbourg-Octeville and Octeville's → Cherbourg-en-Cotentin, 2016; Annecy-le-Vieux,
# Seynod, Cran-Gevrier → Annecy, 2017; Charleville → Charleville-Mézières, 1966).
FORMER_NAMES = {
    "Évry": "91228", "Courcouronnes": "91228", "Cherbourg": "50129", "Octeville": "50129",
    "Annecy-le-Vieux": "74010", "Seynod": "74010", "Cran-Gevrier": "74010",
    "Charleville": "08105",
}  # fmt: skip


@dataclass(slots=True)
class Commune:
    code_insee: str
    name: str  # with its article: "Le Havre"
    departement: str
    kind: str  # COM, COMD (former commune), ARM (arrondissement), CITY (derived), EXT (directory)
    lat: float | None
    lon: float | None
    population: int
    area_km2: float = 0.0  # 0 when unknown (cities derived from arrondissements, directory's)
    postcodes: list[str] = field(default_factory=list)
    parent: Commune | None = None  # COMD → the commune it merged into

    @property
    def current(self) -> Commune:
        return self.parent or self


@dataclass(slots=True)
class Departement:
    code: str
    name: str
    lat: float | None
    lon: float | None
    population: int


@dataclass
class Index:
    by_key: dict[str, list[Commune]]
    by_postcode: dict[str, list[Commune]]
    by_insee: dict[str, Commune]
    departements: dict[str, Departement]
    dep_by_key: dict[str, str]
    region_by_key: dict[str, tuple[str, ...]]
    # First words of big towns' names → those towns ("aix" → Aix-en-Provence, Aix-les-Bains).
    longer_names: dict[str, list[Commune]]
    # First words of any commune's longer name, when no commune has that name: "florac" →
    # Florac Trois Rivières (a merged commune keeps its old name's first word).
    leading_names: dict[str, list[Commune]]
    buckets: dict[tuple[str, int], list[str]]  # (first letter, length) → name keys (fuzzy)
    grid: dict[tuple[int, int], list[Commune]]
    # Last words of any commune's longer name, when no commune has that name and they start
    # with no little word: "luchon" → Bagnères-de-Luchon (``_ending_names``).
    ending_names: dict[str, list[Commune]] = field(default_factory=dict)

    def with_extra(self, extra: list[Commune]) -> Index:
        """A copy completed with communes from elsewhere; the cached index stays untouched."""
        by_key, by_postcode = dict(self.by_key), dict(self.by_postcode)
        by_insee, buckets, grid = dict(self.by_insee), dict(self.buckets), dict(self.grid)
        for commune in extra:
            key = name_key(commune.name)
            if commune.code_insee in by_insee or any(
                known.current.departement == commune.departement for known in by_key.get(key, ())
            ):
                continue  # already known (same code, or same name in the same department)
            by_insee[commune.code_insee] = commune
            if key not in by_key:
                bucket = (key[:1], len(key))
                buckets[bucket] = [*buckets.get(bucket, ()), key]
            by_key[key] = [*by_key.get(key, ()), commune]
            for postcode in commune.postcodes:
                by_postcode[postcode] = [*by_postcode.get(postcode, ()), commune]
            if commune.lat is not None and commune.lon is not None:
                cell = grid_cell(commune.lat, commune.lon)
                grid[cell] = [*grid.get(cell, ()), commune]
        departements = dict(self.departements)
        for code, dep in self.departements.items():
            if dep.lat is None:  # overseas collectivities: centre of the directory's communes
                members = [c for c in extra if c.departement == code and c.code_insee in by_insee]
                lat, lon, population = _weighted_centre(members)
                departements[code] = Departement(code, dep.name, lat, lon, population)
        return Index(
            by_key,
            by_postcode,
            by_insee,
            departements,
            self.dep_by_key,
            self.region_by_key,
            self.longer_names,
            self.leading_names,
            buckets,
            grid,
            self.ending_names,
        )

    def nearest(self, lat: float, lon: float, max_rings: int = 8) -> tuple[Commune, float] | None:
        """Nearest commune centre (km) by searching grid rings outwards."""
        ci, cj = grid_cell(lat, lon)
        best: tuple[Commune, float] | None = None
        for ring in range(max_rings + 1):
            for i in range(ci - ring, ci + ring + 1):
                for j in range(cj - ring, cj + ring + 1):
                    if max(abs(i - ci), abs(j - cj)) != ring:
                        continue
                    for commune in self.grid.get((i, j), ()):
                        d = distance_km(lat, lon, commune.lat, commune.lon)  # type: ignore[arg-type]
                        if best is None or d < best[1]:
                            best = (commune, d)
            # Anything in a further ring is at least `ring` cells away.
            if best is not None and best[1] < ring * GRID_STEP * 111 * math.cos(math.radians(lat)):
                break
        return best


def grid_cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat / GRID_STEP), math.floor(lon / GRID_STEP))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


_CACHE: dict[Path, Index] = {}
_LOCK = threading.Lock()


def load(path: str | Path | None = None) -> Index:
    resolved = Path(path or DEFAULT_PATH).resolve()
    with _LOCK:
        if resolved not in _CACHE:
            _CACHE[resolved] = _build(resolved)
        return _CACHE[resolved]


def _float(value: str) -> float | None:
    return float(value) if value else None


def _read(path: Path) -> dict[tuple[str, str, str], Commune]:
    communes: dict[tuple[str, str, str], Commune] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        col = {name: header.index(name) for name in _COLUMNS}
        code_i, type_i, name_i = col["insee_com"], col["commune_type"], col["commune"]
        postcode_i = col["code_postal"]
        area_i = header.index("superficie_km2") if "superficie_km2" in header else None
        for row in rows:
            ident = (row[code_i], row[type_i], row[name_i])
            commune = communes.get(ident)
            if commune is None:
                commune = communes[ident] = Commune(
                    code_insee=row[code_i],
                    name=row[col["commune_article"]] or row[name_i],
                    departement=row[col["insee_dep"]],
                    kind=row[type_i],
                    lat=_float(row[col["lat"]]),
                    lon=_float(row[col["lng"]]),
                    population=int(float(row[col["population_2021"]] or 0)),
                    area_km2=float(row[area_i] or 0) if area_i is not None else 0.0,
                )
                if commune.kind == "COMD":
                    commune.code_insee = row[col["insee_parente"]] or commune.code_insee
            postcode = row[postcode_i]
            if postcode and postcode not in commune.postcodes:
                commune.postcodes.append(postcode)
    return communes


_COLUMNS = (
    "insee_com", "insee_dep", "commune", "commune_article", "code_postal", "commune_type",
    "insee_parente", "lat", "lng", "population_2021",
)  # fmt: skip


def _weighted_centre(members: list[Commune]) -> tuple[float | None, float | None, int]:
    placed = [c for c in members if c.lat is not None and c.lon is not None]
    population = sum(c.population for c in members)
    weight = sum(max(c.population, 1) for c in placed)
    if not placed:
        return None, None, population
    lat = sum(c.lat * max(c.population, 1) for c in placed) / weight  # type: ignore[operator]
    lon = sum(c.lon * max(c.population, 1) for c in placed) / weight  # type: ignore[operator]
    return round(lat, 5), round(lon, 5), population


def _former_names(communes: list[Commune], current: dict[str, Commune]) -> list[Commune]:
    """``FORMER_NAMES`` as communes déléguées of the commune each is part of, unless the source
    has them already."""
    known = {(name_key(c.name), c.code_insee) for c in communes if c.kind == "COMD"}
    out = []
    for name, code in FORMER_NAMES.items():
        parent = current.get(code)
        if parent is None or (name_key(name), code) in known:
            continue
        out.append(Commune(code, name, parent.departement, "COMD", parent.lat, parent.lon,
                           0, parent=parent))  # fmt: skip
    return out


def _town_halls(path: Path) -> dict[str, tuple[float, float]]:
    """INSEE code → (lat, lon) of the town hall; empty without the file."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["insee_com"]: (float(row["lat"]), float(row["lng"]))
                for row in csv.DictReader(handle)}  # fmt: skip


def _build(path: Path) -> Index:
    communes = list(_read(path).values())
    halls = {**_town_halls(path.parent / CHEFS_LIEUX_NAME),
             **_town_halls(path.parent / TOWN_HALLS_NAME)}  # fmt: skip
    for commune in communes:
        if commune.kind == "COM" and commune.code_insee in halls:
            commune.lat, commune.lon = halls[commune.code_insee]
    current = {c.code_insee: c for c in communes if c.kind in ("COM", "ARM")}
    for commune in communes:
        if commune.kind == "COMD":
            commune.parent = current.get(commune.code_insee)
            if commune.parent:
                commune.departement = commune.parent.departement

    communes += _former_names(communes, current)

    arrondissements: dict[str, list[Commune]] = defaultdict(list)
    for c in communes:
        if c.kind == "ARM":
            arrondissements[c.departement].append(c)
    for code, name in CITY_CODES.items():
        members = arrondissements[code[:2]]
        if not members:  # a gazetteer without arrondissements
            continue
        lat, lon, population = _weighted_centre(members)
        lat, lon = halls.get(code, (lat, lon))
        city = Commune(code, name, code[:2], "CITY", lat, lon, population)
        communes.append(city)
        current[code] = city

    by_key: dict[str, list[Commune]] = defaultdict(list)
    by_postcode: dict[str, list[Commune]] = defaultdict(list)
    grid: dict[tuple[int, int], list[Commune]] = defaultdict(list)
    members_by_dep: dict[str, list[Commune]] = defaultdict(list)
    for c in communes:
        key = name_key(c.name)
        by_key[key].append(c)
        if c.kind != "ARM":  # "Paris 11e Arrondissement" is matched by its own rule
            # Without the article ("havre") and without the elided one ("abergement clemenciat").
            if key.startswith(("le ", "la ", "les ")) and c.name[:3] in ("Le ", "La ", "Les"):
                by_key[key.split(" ", 1)[1]].append(c)
            elif c.name[:2] == "L'":
                by_key[key[2:]].append(c)
        for postcode in c.postcodes:
            by_postcode[postcode].append(c)
        if c.kind in ("COM", "ARM"):
            members_by_dep[c.departement].append(c)
            if c.lat is not None and c.lon is not None:
                grid[grid_cell(c.lat, c.lon)].append(c)

    # The usual names that differ from the official one ("Seyne-les-Alpes": Seyne, 04).
    official = {c.code_insee: c for c in communes if c.kind == "COM"}
    for usual, code in USUAL_NAMES.items():
        if code in official and official[code] not in by_key[name_key(usual)]:
            by_key[name_key(usual)].append(official[code])

    departements = {}
    for code, name in DEPARTEMENTS.items():
        lat, lon, population = _weighted_centre(members_by_dep.get(code, []))
        departements[code] = Departement(code, name, lat, lon, population)
    dep_by_key = {name_key(name): code for code, name in DEPARTEMENTS.items() if code != "75"}
    for code, name in DEPARTEMENTS.items():
        if name.startswith("La "):
            dep_by_key[name_key(name[3:])] = code
    dep_by_key.update({name_key(alias): code for alias, code in ALIASES.items()})

    longer_names: dict[str, list[Commune]] = defaultdict(list)
    leading_names: dict[str, list[Commune]] = defaultdict(list)
    for key, members in by_key.items():
        if " " not in key:
            continue
        communes = [c for c in members if c.kind == "COM"]
        if not communes:
            continue
        big = [c for c in communes if c.population >= BIG_TOWN]
        words = key.split(" ")
        for n in range(1, len(words)):
            start = " ".join(words[:n])
            if big:
                longer_names[start].extend(big)
            if start not in by_key:
                leading_names[start].extend(communes)

    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in by_key:
        buckets[(key[:1], len(key))].append(key)
    return Index(
        by_key=dict(by_key),
        by_postcode=dict(by_postcode),
        by_insee=current,
        departements=departements,
        dep_by_key=dep_by_key,
        region_by_key={name_key(name): codes for name, codes in REGIONS.items()},
        longer_names=dict(longer_names),
        leading_names=dict(leading_names),
        buckets=dict(buckets),
        grid=dict(grid),
        ending_names=_ending_names(by_key),
    )


# The words after which a name's ending names a place ("Bagnères-de-Luchon", "Mont-de-Marsan",
# "Cherbourg-en-Cotentin"); after an article or an adjective it is mostly a common noun
# ("Arnac-la-Poste", "Paray-Vieille-Poste", "Aix-les-Bains": "la poste" is no town).
_PLACE_LINKS = frozenset({"de", "d", "du", "des", "en", "sur", "sous", "lez"})


def _ending_names(by_key: dict[str, list[Commune]]) -> dict[str, list[Commune]]:
    """The last words of communes' longer names that no commune bears alone, after "de", "en",
    "sur"…, each to the communes whose name ends so: "cotentin" → Cherbourg-en-Cotentin and two
    smaller ones (a département's name, "vosges", is read as the département first)."""
    endings: dict[str, list[Commune]] = defaultdict(list)
    for key, members in by_key.items():
        communes = [c for c in members if c.kind == "COM"]
        words = key.split(" ")
        for n in range(2, len(words)):
            end = " ".join(words[n:])
            if communes and words[n - 1] in _PLACE_LINKS and words[n] not in _PLACE_LINKS | {
                "la", "le", "les", "l", "a", "au", "aux"} and end not in by_key:  # fmt: skip
                endings[end].extend(communes)
    return dict(endings)
