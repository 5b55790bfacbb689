"""Finding the place a record of another source describes.

Rule (documented in docs/importer.md): a record joins an existing place when that place has no
record from the same source yet and either
  * same folded name + same folded address + same postcode, or
  * both are geolocated, less than 30 m apart, and their folded names are similar
    (rapidfuzz ``token_set_ratio`` ≥ 80 — "France services de Valserhône" ~ "FRANCE SERVICES
    VALSERHONE"; a mairie and the médiathèque next door are not).
Two records of one source are merged only when they are twins: same folded name, address and
postcode, and less than 500 m apart (or not both geolocated; two geocodings of one address
differ by that much). The source then lists one desk twice (one conseiller-numérique record
per adviser of a CCAS: five identical places), and a person would be shown the same door
several times. Otherwise the source says they are distinct (the stops of a bus at "Le Bourg" of
villages kilometres apart, two desks with their own names in one building).

Candidates come from an in-memory index (exact key + a grid of ~0.001° cells), preloaded once
from the database: no SELECT per record.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from directory_client.labels import fold

MAX_DISTANCE_M = 30.0
TWIN_MAX_DISTANCE_M = 500.0
MIN_NAME_SIMILARITY = 80.0
_CELL = 0.001  # degrees of latitude ≈ 111 m; neighbours cover 30 m everywhere


@lru_cache(maxsize=100_000)
def folded(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text or "")).strip()


@dataclass
class Candidate:
    key: int  # index of the place state in the run
    names: set[str]  # folded; every name the place was given by a merged source
    exact: tuple[str, str, str]
    lat: float | None
    lon: float | None
    sources: set[str] = field(default_factory=set)


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6_371_000 * math.hypot(dlat, dlon)


def _twins(cand: Candidate, exact: tuple[str, str, str], lat, lon) -> bool:
    """A place of the same name, address and postcode (``cand`` comes from that bucket), near."""
    if not exact[0] or not exact[1]:
        return False
    if lat is None or lon is None or cand.lat is None or cand.lon is None:
        return True
    return _distance_m(lat, lon, cand.lat, cand.lon) <= TWIN_MAX_DISTANCE_M


class MergeIndex:
    def __init__(self) -> None:
        self._exact: dict[tuple[str, str, str], list[Candidate]] = {}
        self._grid: dict[tuple[int, int], list[Candidate]] = {}
        self.by_key: dict[int, Candidate] = {}

    @staticmethod
    def exact_key(nom: str | None, adresse: str | None, code_postal: str | None):
        return folded(nom), folded(adresse), (code_postal or "").strip()

    def add(self, key: int, values: dict, sources: set[str]) -> Candidate:
        exact = self.exact_key(values.get("nom"), values.get("adresse"), values.get("code_postal"))
        cand = Candidate(
            key, {exact[0]}, exact, values.get("latitude"), values.get("longitude"), set(sources)
        )
        self._exact.setdefault(exact, []).append(cand)
        if cand.lat is not None and cand.lon is not None:
            self._grid.setdefault(self._cell(cand.lat, cand.lon), []).append(cand)
        self.by_key[key] = cand
        return cand

    def alias(self, key: int, values: dict) -> None:
        """A merge gave the place another name/address: match later records on it too."""
        cand = self.by_key[key]
        exact = self.exact_key(values.get("nom"), values.get("adresse"), values.get("code_postal"))
        if exact not in {cand.exact}:
            bucket = self._exact.setdefault(exact, [])
            if cand not in bucket:
                bucket.append(cand)
        cand.names.add(exact[0])

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return int(math.floor(lat / _CELL)), int(math.floor(lon / _CELL))

    def find(self, values: dict, sources: list[str]) -> int | None:
        src = set(sources)
        exact = self.exact_key(values.get("nom"), values.get("adresse"), values.get("code_postal"))
        lat, lon = values.get("latitude"), values.get("longitude")
        for cand in self._exact.get(exact, ()):
            if not cand.sources & src or _twins(cand, exact, lat, lon):
                return cand.key
        if lat is None or lon is None:
            return None
        best: tuple[float, int] | None = None
        cy, cx = self._cell(lat, lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for cand in self._grid.get((cy + dy, cx + dx), ()):
                    if cand.sources & src:
                        continue
                    if _distance_m(lat, lon, cand.lat, cand.lon) > MAX_DISTANCE_M:
                        continue
                    score = max(fuzz.token_set_ratio(exact[0], name) for name in cand.names)
                    if score >= MIN_NAME_SIMILARITY and (best is None or score > best[0]):
                        best = (score, cand.key)
        return best[1] if best else None
