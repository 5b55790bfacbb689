"""Test fixtures for the search: Place rows inserted directly (no importer needed)."""

from __future__ import annotations

import itertools
import math

from directory_client import labels
from directory_client.geo import KM_PER_DEGREE_LAT
from directory_client.models import MobileService, Place, join_list
from directory_client.types import Location

LYON = (45.7640, 4.8357)
# Lyon as the conversation's location slot holds it.
LYON_SLOT = {"label": "Lyon (69)", "kind": "commune", "lat": LYON[0], "lon": LYON[1],
             "commune": "Lyon", "code_insee": "69123", "code_postal": "69001",
             "departement": "69"}  # fmt: skip
# A town as the Locator finds it (the staff console and the remote directory tests).
ROUBAIX = Location(
    label="Roubaix (59)",
    kind="commune",
    lat=50.6942,
    lon=3.1746,
    commune="Roubaix",
    code_insee="59512",
    code_postal="59100",
    departement="59",
    population=98_000,
)
_ids = itertools.count(1)


def offset(km_north: float = 0.0, km_east: float = 0.0, origin=LYON) -> tuple[float, float]:
    lat, lon = origin
    dlat = km_north / KM_PER_DEGREE_LAT
    dlon = km_east / (KM_PER_DEGREE_LAT * math.cos(math.radians(lat)))
    return lat + dlat, lon + dlon


def here(**overrides) -> Location:
    data = dict(
        label="Lyon (69)",
        kind="commune",
        lat=LYON[0],
        lon=LYON[1],
        commune="Lyon",
        code_insee="69123",
        code_postal="69001",
        departement="69",
    )
    data.update(overrides)
    return Location(**data)


def make_place(
    session,
    name: str,
    *,
    km_east: float | None = 0.0,
    km_north: float = 0.0,
    services: tuple[str, ...] = (labels.DEMARCHES,),
    origin: tuple[str, ...] = (),
    **fields,
) -> Place:
    """A place ``km_east`` km east of Lyon (None: no coordinates), in Lyon's commune codes."""
    lat, lon = (None, None) if km_east is None else offset(km_north, km_east)
    number = next(_ids)
    values = dict(
        public_id=f"test:{number}",
        nom=name,
        services=join_list(services) or "",
        services_origine=join_list(origin),
        services_mask=labels.services_mask(services),
        latitude=lat,
        longitude=lon,
        commune="Lyon",
        code_postal="69001",
        code_insee="69123",
        departement="69",
        # Each place its own door (two places at one address are one entry of a list).
        adresse=f"{number} rue de la République",
    )
    values.update(fields)
    place = Place(**values)
    session.add(place)
    session.flush()
    return place


def make_bus(session, name: str) -> MobileService:
    bus = MobileService(key=f"test:{name}", nom=name, kind="bus")
    session.add(bus)
    session.flush()
    return bus
