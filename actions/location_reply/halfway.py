""" "entre Niort et La Rochelle", "à mi-chemin de Vannes et d'Auray": the person is between two
towns, so the places are searched between them, around the main commune half-way (the most
populous within a quarter of the way of the middle point: "entre Niort et La Rochelle, près de
Saint-Jean-de-Liversay"). Every distance said is then from that commune, which the answer names.
Two towns far apart (over ``MAX_APART_KM``) leave no « between » a person lives in: she is asked
which one (``choices.offer_towns``)."""

from __future__ import annotations

import math
import re

from actions.location_reply.lookup import locator
from directory_client import gazetteer
from directory_client.geo import haversine_km
from directory_client.types import Location

# Past this, "entre Lyon et Grenoble" is a region, not where someone lives: which town is asked.
MAX_APART_KM = 60.0
# The commune searched around lies within this share of the way between the towns of the middle
# point, and never nearer than ``_MIN_RADIUS_KM`` is asked of it.
_SHARE = 0.25
_MIN_RADIUS_KM = 5.0


def halfway_location(first: Location, second: Location) -> dict | None:
    """The location to search from between ``first`` and ``second`` (a commune's, with
    ``between`` the two towns as said: "Niort et La Rochelle"), or None when they are too far
    apart or the commune between them is not found."""
    if None in (first.lat, first.lon, second.lat, second.lon):
        return None
    apart = haversine_km(first.lat, first.lon, second.lat, second.lon)  # type: ignore[arg-type]
    if apart > MAX_APART_KM:
        return None
    lat = (first.lat + second.lat) / 2  # type: ignore[operator]
    lon = (first.lon + second.lon) / 2  # type: ignore[operator]
    commune = _main_commune_near(lat, lon, max(_MIN_RADIUS_KM, apart * _SHARE))
    if commune is None:
        return None
    found = locator().locate(f"{commune.name} {commune.departement}")
    best = found.best if found.status == "found" else None
    if best is None or best.code_insee != commune.code_insee:
        return None
    return {**best.to_dict(), "between": f"{_name(first)} et {_name(second)}"}


def _name(town: Location) -> str:
    return town.commune or re.sub(r"\s*\(.*\)$", "", town.label)


def _main_commune_near(lat: float, lon: float, radius_km: float) -> gazetteer.Commune | None:
    """The most populous commune whose centre lies within ``radius_km`` of the point."""
    index = gazetteer.load(None)
    ci, cj = gazetteer.grid_cell(lat, lon)
    cell_km = gazetteer.GRID_STEP * 111 * math.cos(math.radians(lat))  # a cell's width, east-west
    rings = int(radius_km / cell_km) + 1
    best = None
    for i in range(ci - rings, ci + rings + 1):
        for j in range(cj - rings, cj + rings + 1):
            for commune in index.grid.get((i, j), ()):
                if commune.kind != "COM" or commune.lat is None or commune.lon is None:
                    continue
                if gazetteer.distance_km(lat, lon, commune.lat, commune.lon) > radius_km:
                    continue
                if best is None or commune.population > best.population:
                    best = commune
    return best
