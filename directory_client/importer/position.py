"""A record's position checked against its commune (the gazetteer): a point far from every
commune the record names is a wrong position (a Marseille point on a desk of Ars-sur-Moselle,
a Bordeaux point on a library of Rennes), and the search would show it as nearby elsewhere.

The point is kept when it lies within ``far_km`` of the commune of its INSEE code, of one of its
postcode's communes, or of a commune of that name in the same department (a wrong postcode with
a right point: Remoulins given 30120). Otherwise it is replaced by the centre of the commune the
record names (INSEE code; else the postcode's commune of that name; else the only commune of
that name in the department; else the postcode's only commune), or removed when that commune is
unknown: the place is then found by its commune code, after the places with a distance. The row
is never dropped.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from directory_client import gazetteer
from directory_client.gazetteer import Commune, Index
from directory_client.text import name_key

# A point may lie anywhere in its commune, and the gazetteer gives the commune's centre. 30 km is
# beyond the edge of nearly every commune of mainland France (the largest, Arles, 759 km², reaches
# about 20 km from its centre) and far below the errors met in the shipped data (40 to 650 km:
# another department, another region); the vast communes of French Guiana (Maripasoula,
# 18,360 km²) get twice the radius of a disc of their area, so that their towns stay where they are.
NEAR_KM = 30.0

Warn = Callable[[str | None, str], None]


def far_km(commune: Commune) -> float:
    return max(NEAR_KM, 2 * math.sqrt(commune.area_km2 / math.pi))


def checked(
    lat: float,
    lon: float,
    code_insee: str | None,
    code_postal: str | None,
    commune_name: str,
    warn: Warn,
    index: Index | None = None,
    fixed: bool = True,
) -> tuple[float | None, float | None, bool]:
    """``(lat, lon, repaired)``: the point, or its commune's centre (``None`` when the commune
    is unknown) with a warning when the point is far from every commune the record names; for a
    ``fixed`` place (not a stop of an itinerant service), also when it lies more than
    ``OUTSIDE_KM`` beyond all of them (``_within``)."""
    index = index or gazetteer.load()
    own = index.by_insee.get(code_insee or "")
    by_postcode = [c for c in index.by_postcode.get(code_postal or "", ()) if c.lat is not None]
    departement = own.departement if own else _departement(by_postcode)
    key = name_key(commune_name)
    named = [
        c for c in index.by_key.get(key, ()) if c.lat is not None and c.departement == departement
    ]
    candidates = ([own] if own and own.lat is not None else []) + by_postcode + named
    if not candidates:
        return lat, lon, False  # nothing to compare with (New Caledonia, unknown postcode)
    nearest = min(candidates, key=lambda c: _distance(lat, lon, c) - far_km(c))
    if _distance(lat, lon, nearest) <= far_km(nearest):
        return _within(lat, lon, candidates, own, by_postcode, named, key, warn, fixed)
    target = _named_commune(own, by_postcode, named, key)
    away = round(_distance(lat, lon, target or nearest))
    if target is None:
        warn("latitude", f"position ({lat}, {lon}) à {away} km de la commune {commune_name} "
             "(code postal " f"{code_postal}), commune introuvable : position ignorée")  # fmt: skip
        return None, None, True
    warn("latitude", f"position ({lat}, {lon}) à {away} km de la commune {target.name}, "
         "remplacée par le centre de la commune")  # fmt: skip
    return target.lat, target.lon, True


def _within(
    lat: float, lon: float, candidates: list[Commune], own: Commune | None,
    by_postcode: list[Commune], named: list[Commune], key: str, warn: Warn, fixed: bool,
) -> tuple[float, float, bool]:
    """A point near its commune but more than ``OUTSIDE_KM`` beyond every commune the record
    names whose area the gazetteer knows: the commune's centre instead, with a warning (the
    distance to the centre errs by at most the commune's size; the source's point, by more).
    Kept when the commune to trust is not one (``_named_commune``) or its area is unknown."""
    measured = [c for c in candidates if c.area_km2 > 0]
    if not fixed or not measured:
        return lat, lon, False
    beyond = min(_distance(lat, lon, c) - _radius(c) for c in measured)
    target = _named_commune(own, by_postcode, named, key)
    if beyond <= OUTSIDE_KM or target is None or target.lat is None:
        return lat, lon, False
    warn("latitude", f"position ({lat}, {lon}) à {beyond:.1f} km hors de la commune "
         f"{target.name}, remplacée par le centre de la commune")  # fmt: skip
    return target.lat, target.lon, True  # type: ignore[return-value]


def _radius(commune: Commune) -> float:
    """The radius of a disc of the commune's area (km)."""
    return math.sqrt(commune.area_km2 / math.pi)


def _named_commune(
    own: Commune | None, by_postcode: list[Commune], named: list[Commune], key: str
) -> Commune | None:
    if own is not None and own.lat is not None:
        return own
    for commune in by_postcode:
        if name_key(commune.name) == key:
            return commune
    if len(named) == 1:
        return named[0]
    current = {c.current.code_insee: c for c in by_postcode}
    return next(iter(current.values())) if len(current) == 1 else None


def _departement(communes: list[Commune]) -> str | None:
    found = {c.current.departement for c in communes}
    return found.pop() if len(found) == 1 else None


def _distance(lat: float, lon: float, commune: Commune) -> float:
    return gazetteer.distance_km(lat, lon, commune.lat, commune.lon)  # type: ignore[arg-type]


# --- how far beyond its commune (round 176) ---------------------------------------------------
# Round 176's tester in Paris 13e: « Icf la Sabliere Sa d'HLM (1,8 km) — 24 rue de Paradis,
# 75010 Paris 10e »: the source's point (48.845, 2.3752) lies in the 12e, 3.6 km from the 10e's
# centre, 2.6 km beyond the disc of its area: far below ``NEAR_KM``, and read 1.8 km from the 13e
# instead of about 5. ``outside_km`` measures how far a point lies beyond its commune (the disc
# of the commune's area around the gazetteer's centre; the nearest of the commune of its INSEE
# code and its postcode's communes); ``checked`` moves a fixed place's point beyond
# ``OUTSIDE_KM`` to its commune's centre (``_within``); ``python -m directory_client positions``
# counts and lists the places still beyond it. In the shipped files before that: 53 of 6,141
# places beyond 2.5 km, 43 beyond 3 km.
OUTSIDE_KM = 2.5


def outside_km(
    lat: float, lon: float, code_insee: str | None, code_postal: str | None,
    index: Index | None = None,
) -> float | None:
    """How far (km) the point lies beyond the commune its record names (≤ 0: inside the disc of
    its area); None when the gazetteer knows neither its INSEE code nor its postcode."""
    index = index or gazetteer.load()
    own = index.by_insee.get(code_insee or "")
    communes = [c for c in [own, *index.by_postcode.get(code_postal or "", ())]
                if c is not None and c.lat is not None]  # fmt: skip
    if not communes:
        return None
    return min(_distance(lat, lon, c) - _radius(c) for c in communes)
