"""Distances and bounding boxes on the WGS84 sphere (good to ~0.5 % — plenty for "à 2,3 km")."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180  # ≈ 111.2
# Places are indexed by latitude band (``Place.lat_band``): a search box touches a few bands and
# a longitude range in each, through the (lat_band, longitude) index. 0.05° ≈ 5.6 km.
LAT_BANDS_PER_DEGREE = 20


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distances_from(lat: float, lon: float) -> Callable[[float, float], float]:
    """``haversine_km(lat, lon, ·, ·)`` with the origin's terms computed once (hot loops)."""
    phi1 = math.radians(lat)
    cos_phi1 = math.cos(phi1)
    radians, sin, cos, asin, sqrt = math.radians, math.sin, math.cos, math.asin, math.sqrt
    diameter = 2 * EARTH_RADIUS_KM

    def distance(lat2: float, lon2: float) -> float:
        phi2 = radians(lat2)
        half_dphi = sin((phi2 - phi1) / 2)
        half_dlmb = sin(radians(lon2 - lon) / 2)
        a = half_dphi * half_dphi + cos_phi1 * cos(phi2) * half_dlmb * half_dlmb
        return diameter * asin(sqrt(a) if a < 1.0 else 1.0)

    return distance


def lat_band(latitude: float | None) -> int | None:
    if latitude is None:
        return None
    return math.floor(latitude * LAT_BANDS_PER_DEGREE)


@dataclass(frozen=True)
class BoundingBox:
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    @property
    def bands(self) -> list[int]:
        return list(range(lat_band(self.min_lat), lat_band(self.max_lat) + 1))

    @property
    def whole_world(self) -> bool:
        return self.min_lon <= -180 and self.max_lon >= 180


def bounding_box(lat: float, lon: float, radius_km: float) -> BoundingBox:
    """The smallest lat/lon box holding every point within ``radius_km`` of (lat, lon).

    Near the poles or across the antimeridian the box degrades to all longitudes (correct,
    just less selective): there is no place of the directory there.
    """
    dlat = radius_km / KM_PER_DEGREE_LAT
    min_lat, max_lat = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    cos_lat = math.cos(math.radians(max(abs(min_lat), abs(max_lat))))
    if cos_lat < 1e-6:
        return BoundingBox(min_lat, max_lat, -180.0, 180.0)
    dlon = radius_km / (KM_PER_DEGREE_LAT * cos_lat)
    if dlon >= 180 or lon - dlon < -180 or lon + dlon > 180:
        return BoundingBox(min_lat, max_lat, -180.0, 180.0)
    return BoundingBox(min_lat, max_lat, lon - dlon, lon + dlon)


def equirectangular_scale(lat: float) -> float:
    """Longitude-degree shrink factor at ``lat``: distance² ≈ dlat² + (dlon·k)² in degrees."""
    return math.cos(math.radians(lat))
