"""Coverage rolled up per territory, and the zones without help ranked.

A rollup row sums a group of communes for one service: people, people beyond 20 km of any
place offering it, places located in the group and their weekly hours per 10,000 inhabitants.
A zone without help is a cluster of neighbouring communes (points within ``LINK_KM`` of each
other) where the nearest place offering the service is beyond 20 km; zones are ranked by the
people living there, or, with a fragility index per commune, by fragility × distance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from directory_client.search.plan import WIDENING_KM
from directory_client.territory.communes import departement_name, region_name
from directory_client.territory.coverage import REACH_KM, Coverage, chord, unit_vectors
from directory_client.territory.selection import Territory

LINK_KM = 10.0
# A rollup row's flag: no place within the search's widest radius of any of the group's
# communes declares the service. The search then finds "nothing within reach" and the desk and
# the chat propose general digital help instead: its people "beyond 20 km" are no gap of the
# places declaring it, there are none (Roubaix, "Insertion professionnelle").
SEARCH_REACH_KM = int(WIDENING_KM[-1])
UNDECLARED = f"sans_lieu_a_moins_de_{SEARCH_REACH_KM}km"


@dataclass(frozen=True)
class Group:
    level: str  # "departement" | "region" | "commune" | "liste" | "liste_departement" | "france"
    code: str
    name: str
    rows: np.ndarray  # bool mask over the coverage's communes


# Territories that hold whole départements: their rows per département are the départements'.
_WHOLE_DEPARTEMENTS = ("departement", "region", "france")


def groups(coverage: Coverage, territory: Territory) -> list[Group]:
    """Per département for a département, a région or France; per région for a région or
    France; the territory itself when it is none of those (a commune, a list, France).

    A row named after a département holds the whole département: a commune's figures are its
    own row only (never "Nord" with Roubaix alone), and a list's communes per département are
    parts, named as such ("Nord (communes de la liste)", level ``liste_departement``)."""
    communes = coverage.communes
    codes = sorted(set(communes.departement.tolist()))
    found = []
    if territory.kind in _WHOLE_DEPARTEMENTS:
        found += [
            Group("departement", code, departement_name(code), communes.departement == code)
            for code in codes
        ]
    elif territory.kind == "liste" and len(codes) > 1:
        found += [
            Group(
                "liste_departement",
                code,
                f"{departement_name(code)} (communes de la liste)",
                communes.departement == code,
            )
            for code in codes
        ]
    if territory.kind in ("region", "france"):
        found += [
            Group("region", code, region_name(code), communes.region == code)
            for code in sorted(set(communes.region.tolist()))
        ]
    if territory.kind in ("commune", "liste", "france"):
        everything = np.ones(len(communes), dtype=bool)
        found.append(Group(territory.kind, territory.code, territory.name, everything))
    return found


def rollup(coverage: Coverage, group: Group) -> list[dict]:
    """One row per service for the communes of ``group``."""
    rows = group.rows
    population = coverage.communes.population[rows]
    people = int(population.sum())
    out = []
    for k, service in enumerate(coverage.services):
        distance = coverage.distance_km[rows, k]
        beyond = distance > REACH_KM
        finite = np.isfinite(distance)
        weights = population[finite]
        mean = (
            float(np.average(distance[finite], weights=weights))
            if finite.any() and weights.sum() > 0
            else None
        )
        hours = float(coverage.weekly_hours_here[rows, k].sum())
        out.append(
            {
                "niveau": group.level,
                "code": group.code,
                "nom": group.name,
                "service": service,
                "communes": int(rows.sum()),
                "population": people,
                "menages": int(coverage.communes.households[rows].sum()),
                "lieux": int(coverage.places_here[rows, k].sum()),
                "heures_hebdo": round(hours, 1),
                "heures_pour_10000_hab": round(hours * 10_000 / people, 1) if people else None,
                "distance_moyenne_km": None if mean is None else round(mean, 1),
                "distance_max_km": _km(distance.max()) if len(distance) else None,
                "communes_au_dela_20km": int(beyond.sum()),
                "population_au_dela_20km": int(population[beyond].sum()),
                "part_population_au_dela_20km": (
                    round(float(population[beyond].sum()) / people, 4) if people else None
                ),
                UNDECLARED: bool((distance > SEARCH_REACH_KM).all()),
            }
        )
    return out


def gaps(coverage: Coverage, fragility: dict[str, float] | None = None) -> list[dict]:
    """Zones without help within 20 km, per service: worst first. A service that no place
    within ``FAR_KM`` offers has no zones (see ``services_offered_nowhere``): the whole
    territory would be one."""
    communes = coverage.communes
    xyz = unit_vectors(communes.lat, communes.lon)
    scores = None
    if fragility is not None:
        scores = np.array([fragility.get(c, np.nan) for c in communes.code_insee.tolist()])
    zones = []
    for k, service in enumerate(coverage.services):
        distance = coverage.distance_km[:, k]
        members = np.flatnonzero(distance > REACH_KM)
        if not len(members) or np.isinf(distance).all():
            continue
        pairs = cKDTree(xyz[members]).query_pairs(chord(LINK_KM), output_type="ndarray")
        graph = coo_matrix(
            (np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(len(members),) * 2
        )
        _count, label = connected_components(graph, directed=False)
        for zone in np.unique(label):
            rows = members[label == zone]
            zones.append(_zone(coverage, k, service, rows, scores))
    key = "priorite" if fragility is not None else "population"
    return sorted(zones, key=lambda z: (-(z[key] or 0), -z["population"], z["code_insee"]))


def services_offered_nowhere(coverage: Coverage) -> list[str]:
    """Services that no place within ``FAR_KM`` of any commune of the territory offers."""
    nowhere = np.isinf(coverage.distance_km).all(axis=0)
    return [service for service, none in zip(coverage.services, nowhere, strict=True) if none]


def _zone(
    coverage: Coverage, k: int, service: str, rows: np.ndarray, scores: np.ndarray | None
) -> dict:
    communes = coverage.communes
    population = communes.population[rows]
    distance = coverage.distance_km[rows, k]
    main = rows[int(np.argmax(population))]
    weights = np.maximum(population, 1)
    finite = np.isfinite(distance)
    mean = float(np.average(distance[finite], weights=weights[finite])) if finite.any() else None
    zone = {
        "service": service,
        "zone": str(communes.name[main]),
        "code_insee": str(communes.code_insee[main]),
        "departements": ",".join(sorted(set(communes.departement[rows].tolist()))),
        "communes": len(rows),
        "population": int(population.sum()),
        "distance_moyenne_km": None if mean is None else round(mean, 1),
        "distance_max_km": _km(distance.max()),
        "codes_insee": communes.code_insee[rows].tolist(),
    }
    if scores is not None:
        score = scores[rows]
        known = ~np.isnan(score)
        fragility = float(np.average(score[known], weights=weights[known])) if known.any() else None
        zone["fragilite"] = None if fragility is None else round(fragility, 3)
        zone["priorite"] = None if fragility is None or mean is None else round(fragility * mean, 2)
    return zone


def _km(value: float) -> float | None:
    return round(float(value), 1) if np.isfinite(value) else None
