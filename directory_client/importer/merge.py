"""Finding the place a record of another source describes.

Rule (documented in docs/importer.md): a record joins an existing place when that place has no
record from the same source yet and either
  * same folded name + same folded address + same postcode, or
  * both are geolocated, less than 30 m apart, and their folded names are similar
    (rapidfuzz ``token_set_ratio`` ≥ 80 — "France services de Valserhône" ~ "FRANCE SERVICES
    VALSERHONE"; a mairie and the médiathèque next door are not).
Two records of one source are merged when they are twins: same folded name, address and
postcode, and less than 500 m apart (or not both geolocated; two geocodings of one address
differ by that much). The source then lists one desk twice (one conseiller-numérique record
per adviser of a CCAS: five identical places), and a person would be shown the same door
several times.

Records of any sources, the same one included, are also **one door** when they are less than
15 m apart, their addresses agree (same house numbers, same street words once abbreviations,
articles, the commune and the postcode are set aside: "8bis r de l industrie" ~ "8 bis Rue de
l'Industrie Rouen") and either their names are similar (as above: "Mairie Sermoyer" ~ "Mairie
de Sermoyer") or both are the same kind of desk, of which a building has one (``ONE_PER_DOOR``:
the France Services list's antenne and the two buses based at 8 bis rue de l'Industrie in Rouen).
A médiathèque and the France Services desk in its building are two services: neither their
names nor their kinds agree. Otherwise records of one source stay distinct (the stops of a bus
at "Le Bourg" of villages kilometres apart, two desks with their own names in one building).

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
DOOR_MAX_DISTANCE_M = 15.0
MIN_NAME_SIMILARITY = 80.0
_CELL = 0.001  # degrees of latitude ≈ 111 m; neighbours cover 30 m everywhere
# Kinds of desk (the standard's ``typologie``) a building has one of: France Services, a
# library, a mairie, a CCAS/CIAS, an information-jeunesse point, an MJC, a maison de quartier,
# a centre social. Associations, tiers-lieux and "Autre" share buildings with others of their kind.
ONE_PER_DOOR = frozenset({"RFS", "BIB", "MUNI", "CCAS", "CIAS", "PIJ_BIJ", "MJC", "MQ", "CS"})
# Street words as the sources abbreviate them ("AV DU GAL DE GAULLE", "PL D ARMES").
_STREET_WORDS = {
    "av": "avenue", "ave": "avenue", "bd": "boulevard", "bld": "boulevard", "blvd": "boulevard",
    "pl": "place", "r": "rue", "rte": "route", "che": "chemin", "ch": "chemin", "chem": "chemin",
    "all": "allee", "imp": "impasse", "crs": "cours", "sq": "square", "fg": "faubourg",
    "fbg": "faubourg", "res": "residence", "gal": "general", "gen": "general", "mal": "marechal",
    "st": "saint", "ste": "sainte", "dr": "docteur", "pdt": "president", "qu": "quai",
}  # fmt: skip
# Left out of the comparison: house-number suffixes and the articles some spellings drop.
_UNCOMPARED = frozenset(
    ["bis", "ter", "quater", "b", "t", "de", "du", "des", "la", "le", "les", "l", "d"]
)


@lru_cache(maxsize=100_000)
def folded(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text or "")).strip()


@dataclass(frozen=True)
class Address:
    """An address as compared: its house numbers and its street words."""

    numbers: frozenset[str]
    street: str


@lru_cache(maxsize=100_000)
def address_key(
    adresse: str | None, commune: str | None, code_postal: str | None
) -> Address | None:
    """``"8 bis rue de l'Industrie Rouen"`` → numbers {8}, street "rue industrie"."""
    words = re.sub(r"(\d)([a-z])", r"\1 \2", folded(adresse)).split()
    if not words:
        return None
    ignored = set(folded(commune).split()) | {(code_postal or "").strip()}
    numbers = frozenset(w for w in words if w.isdigit() and w not in ignored)
    street = " ".join(
        _STREET_WORDS.get(w, w)
        for w in words
        if not w.isdigit() and w not in ignored and w not in _UNCOMPARED
    )
    return Address(numbers, street) if street else None


def kinds(typologie: str | None) -> frozenset[str]:
    """The one-per-building kinds among a place's ``typologie`` codes."""
    return frozenset(k for k in (typologie or "").split("|") if k in ONE_PER_DOOR)


@dataclass
class Candidate:
    key: int  # index of the place state in the run
    names: set[str]  # folded; every name the place was given by a merged source
    exact: tuple[str, str, str]
    lat: float | None
    lon: float | None
    sources: set[str] = field(default_factory=set)
    addresses: set[Address] = field(default_factory=set)  # every address merged sources gave
    kinds: set[str] = field(default_factory=set)  # ``ONE_PER_DOOR`` kinds the sources gave

    def same_door(self, values: dict, name: str, lat: float, lon: float) -> bool:
        """The record describes this place's door (see the module's docstring)."""
        if self.lat is None or self.lon is None:
            return False
        if _distance_m(lat, lon, self.lat, self.lon) > DOOR_MAX_DISTANCE_M:
            return False
        address = _address_of(values)
        if address is None or address not in self.addresses:
            return False
        if self.kinds & kinds(values.get("typologie")):
            return True
        return _name_score(name, self.names) >= MIN_NAME_SIMILARITY


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6_371_000 * math.hypot(dlat, dlon)


def _address_of(values: dict) -> Address | None:
    return address_key(values.get("adresse"), values.get("commune"), values.get("code_postal"))


def _name_score(name: str, names: set[str]) -> float:
    return max(fuzz.token_set_ratio(name, known) for known in names)


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
        self._describe(cand, values)
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
        self._describe(cand, values)

    @staticmethod
    def _describe(cand: Candidate, values: dict) -> None:
        address = _address_of(values)
        if address is not None:
            cand.addresses.add(address)
        cand.kinds |= kinds(values.get("typologie"))

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return int(math.floor(lat / _CELL)), int(math.floor(lon / _CELL))

    def door(self, values: dict) -> int | None:
        """A place whose door the record describes (``Candidate.same_door``), any source."""
        lat, lon = values.get("latitude"), values.get("longitude")
        if lat is None or lon is None:
            return None
        name = folded(values.get("nom"))
        cy, cx = self._cell(lat, lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for cand in self._grid.get((cy + dy, cx + dx), ()):
                    if cand.same_door(values, name, lat, lon):
                        return cand.key
        return None

    def match(self, values: dict, sources: list[str]) -> int | None:
        """The place of another source (or the twin) the record describes."""
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
                    score = _name_score(exact[0], cand.names)
                    if score >= MIN_NAME_SIMILARITY and (best is None or score > best[0]):
                        best = (score, cand.key)
        return best[1] if best else None
