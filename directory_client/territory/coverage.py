"""Coverage of every commune × service: how far the nearest help is, and how much help is near.

Distances are straight lines between the commune's point of the gazetteer and the place. Both
sides become unit vectors in 3D, so that a k-d tree (``scipy.spatial.cKDTree``) answers in
chord length, which maps one-to-one onto the great-circle distance: the nearest place per
service is one tree query per service, and the places within 30 km of every commune are one
tree-against-tree pass whose pairs are then counted per service and radius. No pair of
(commune, place) is ever scanned.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from directory_client import labels
from directory_client.geo import EARTH_RADIUS_KM
from directory_client.territory.communes import Communes
from directory_client.territory.supply import Supply

RADII_KM = (10, 20, 30)
REACH_KM = 20  # beyond this, a commune's people count as "without help within reach"
# Nearest help further than this is no help (the only place of a service may be in New
# Caledonia): the distance is then unknown (inf), as when no place offers the service at all.
FAR_KM = 500


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    phi, lam = np.radians(lat), np.radians(lon)
    cos_phi = np.cos(phi)
    return np.column_stack((cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)))


def chord(km: float) -> float:
    """Chord length on the unit sphere of a great-circle distance."""
    return 2 * np.sin(km / (2 * EARTH_RADIUS_KM))


def great_circle_km(chords: np.ndarray) -> np.ndarray:
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(chords / 2, 1.0))


@dataclass(frozen=True)
class Coverage:
    """Figures per selected commune (rows) × service (columns, in ``services`` order)."""

    communes: Communes
    services: tuple[str, ...]
    distance_km: np.ndarray  # float, inf when no place within FAR_KM offers the service
    within_km: dict[int, np.ndarray]  # radius → count of places within it
    itinerant_stops_20km: np.ndarray  # int
    itinerant_days_20km: np.ndarray  # int: weekday bit mask (supply.day_names)
    weekly_hours_20km: np.ndarray  # float: opening hours per week of the places within 20 km
    population_20km: np.ndarray  # int, per commune: people living within 20 km of it
    places_here: np.ndarray  # int: places located in the commune
    weekly_hours_here: np.ndarray  # float: their opening hours per week

    @property
    def hours_per_10k(self) -> np.ndarray:
        """Weekly hours within 20 km per 10,000 people living within 20 km."""
        people = np.maximum(self.population_20km, 1)[:, None]
        return self.weekly_hours_20km * 10_000 / people

    @property
    def population_beyond_20km(self) -> np.ndarray:
        return np.where(self.distance_km > REACH_KM, self.communes.population[:, None], 0)


def compute(
    everyone: Communes,
    supply: Supply,
    selected: np.ndarray,
    services: tuple[str, ...] = labels.SERVICES,
    workers: int = -1,
) -> Coverage:
    """Coverage of the communes ``everyone[selected]`` (a boolean mask or indices).

    ``everyone`` is the whole gazetteer: a commune's neighbours beyond the selection's border
    count for its population within 20 km, and so do places beyond the border.
    """
    chosen = everyone.select(selected)
    n, width = len(chosen), len(services)
    here = unit_vectors(chosen.lat, chosen.lon)
    bits = np.array([labels.SERVICE_BITS[s] for s in services], dtype=np.int64)
    offers = (supply.services_mask[:, None] & bits[None, :]) != 0  # place × service

    distance = np.full((n, width), np.inf)
    places_xyz = unit_vectors(supply.lat, supply.lon)
    for k in range(width):
        if offers[:, k].any() and n:
            tree = cKDTree(places_xyz[offers[:, k]])
            chords, _ = tree.query(here, k=1, distance_upper_bound=chord(FAR_KM), workers=workers)
            distance[:, k] = np.where(np.isinf(chords), np.inf, great_circle_km(chords))

    within = {radius: np.zeros((n, width), dtype=np.int64) for radius in RADII_KM}
    itinerant = np.zeros((n, width), dtype=np.int64)
    days = np.zeros((n, width), dtype=np.int64)
    hours = np.zeros((n, width))
    here_tree = cKDTree(here)
    if len(supply) and n:
        pairs = here_tree.sparse_distance_matrix(
            cKDTree(places_xyz), chord(max(RADII_KM)), output_type="ndarray"
        )
        row, place, km = pairs["i"], pairs["j"], great_circle_km(pairs["v"])
        for k in range(width):
            offered = offers[place, k]
            for radius in RADII_KM:
                within[radius][:, k] = np.bincount(row[offered & (km <= radius)], minlength=n)
            near = offered & (km <= REACH_KM)
            hours[:, k] = np.bincount(
                row[near], weights=supply.weekly_hours[place[near]], minlength=n
            )
            stops = near & supply.itinerant[place]
            itinerant[:, k] = np.bincount(row[stops], minlength=n)
            np.bitwise_or.at(days[:, k], row[stops], supply.day_mask[place[stops]])

    people = cKDTree(unit_vectors(everyone.lat, everyone.lon))
    neighbours = here_tree.sparse_distance_matrix(people, chord(REACH_KM), output_type="ndarray")
    population_20km = np.bincount(
        neighbours["i"], weights=everyone.population[neighbours["j"]], minlength=n
    ).astype(np.int64)

    at = _commune_of_places(everyone, supply, people)
    slot = np.full(len(everyone) + 1, -1)
    slot[np.flatnonzero(_as_mask(selected, len(everyone)))] = np.arange(n)
    row_of_place = slot[at]
    located = row_of_place >= 0
    places_here = np.zeros((n, width), dtype=np.int64)
    hours_here = np.zeros((n, width))
    for k in range(width):
        keep = located & offers[:, k]
        places_here[:, k] = np.bincount(row_of_place[keep], minlength=n)
        hours_here[:, k] = np.bincount(
            row_of_place[keep], weights=supply.weekly_hours[keep], minlength=n
        )
    return Coverage(
        communes=chosen,
        services=services,
        distance_km=distance,
        within_km=within,
        itinerant_stops_20km=itinerant,
        itinerant_days_20km=days,
        weekly_hours_20km=hours,
        population_20km=population_20km,
        places_here=places_here,
        weekly_hours_here=hours_here,
    )


def _as_mask(selected: np.ndarray, size: int) -> np.ndarray:
    if selected.dtype == bool:
        return selected
    mask = np.zeros(size, dtype=bool)
    mask[selected] = True
    return mask


def _commune_of_places(everyone: Communes, supply: Supply, tree: cKDTree) -> np.ndarray:
    """Index in ``everyone`` of the commune of each place: its INSEE code when the gazetteer
    knows it, else the commune whose point is nearest (``len(everyone)`` when too far: a place
    of New Caledonia, absent from the gazetteer)."""
    position = everyone.position()
    known = np.array([position.get(code, -1) for code in supply.code_insee.tolist()], dtype=int)
    if len(supply):
        _chords, nearest = tree.query(
            unit_vectors(supply.lat, supply.lon), k=1, distance_upper_bound=chord(REACH_KM)
        )
        known = np.where(known >= 0, known, nearest)
    return known
