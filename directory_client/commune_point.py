"""Whether a place's position in the directory is only its commune's: the very point the
gazetteer gives the commune (its town hall, or its centre), as a source geocoded to the town
alone writes it, or as the importer puts a point it repaired (``importer.position``). Its
distance from the person is then known only to the commune's size: never said in metres
(``display.place_distance_text``)."""

from __future__ import annotations

import functools
import math

from directory_client import gazetteer

# A point this close to a commune's point is that point (the sources round it to 3 decimals,
# about 80 m: Montpellier's 43.598, 3.897 is the gazetteer's, to the metre).
SAME_POINT_KM = 0.04
_CELL = 0.01  # degrees: the points are kept by cells of this size


@functools.cache
def _points() -> dict[tuple[int, int], tuple[tuple[float, float], ...]]:
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for commune in gazetteer.load().by_insee.values():
        if commune.lat is None or commune.lon is None:
            continue
        cells.setdefault(_cell(commune.lat, commune.lon), []).append((commune.lat, commune.lon))
    return {cell: tuple(points) for cell, points in cells.items()}


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


def at_a_communes_point(lat: float | None, lon: float | None) -> bool:
    """The point (``lat``, ``lon``) is a commune's own point in the gazetteer."""
    if lat is None or lon is None:
        return False
    ci, cj = _cell(lat, lon)
    points = _points()
    return any(
        gazetteer.distance_km(lat, lon, plat, plon) <= SAME_POINT_KM
        for i in (ci - 1, ci, ci + 1)
        for j in (cj - 1, cj, cj + 1)
        for plat, plon in points.get((i, j), ())
    )
