"""The communes of the gazetteer as column arrays: the population side of the coverage.

One row per current commune (``COM``) and per arrondissement of Paris, Lyon and Marseille
(``ARM``: the gazetteer has no row for those three cities as a whole). Former communes
(``COMD``) are left out: their people are counted in the commune they merged into.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from directory_client.departements import DEPARTEMENTS
from directory_client.gazetteer import DEFAULT_PATH

# INSEE region codes (2016 regions and the five overseas regions) → name.
REGIONS: dict[str, str] = {
    "01": "Guadeloupe", "02": "Martinique", "03": "Guyane", "04": "La Réunion", "06": "Mayotte",
    "11": "Île-de-France", "24": "Centre-Val de Loire", "27": "Bourgogne-Franche-Comté",
    "28": "Normandie", "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire",
    "53": "Bretagne", "75": "Nouvelle-Aquitaine", "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes", "93": "Provence-Alpes-Côte d'Azur", "94": "Corse",
}  # fmt: skip


@dataclass(frozen=True)
class Communes:
    """Parallel arrays, one entry per commune, sorted by INSEE code."""

    code_insee: np.ndarray  # str
    name: np.ndarray  # str, with its article ("Le Havre")
    departement: np.ndarray  # str
    region: np.ndarray  # str (INSEE region code)
    parent: np.ndarray  # str: the city of an arrondissement (75056 for Paris 11e), else ''
    lat: np.ndarray  # float64
    lon: np.ndarray  # float64
    population: np.ndarray  # int64, 2021
    households: np.ndarray  # int64, 2021
    unemployment: np.ndarray  # float64: unemployed / active 15-64, NaN when unknown

    def __len__(self) -> int:
        return len(self.code_insee)

    def select(self, mask: np.ndarray) -> Communes:
        return Communes(**{name: getattr(self, name)[mask] for name in self.__dataclass_fields__})

    def position(self) -> dict[str, int]:
        return {code: i for i, code in enumerate(self.code_insee.tolist())}


def region_name(code: str) -> str:
    return REGIONS.get(code, code)


def departement_name(code: str) -> str:
    return DEPARTEMENTS.get(code, code)


@lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> Communes:
    """The gazetteer's communes that have coordinates (all but a handful)."""
    rows: dict[str, list[str]] = {}
    with Path(path or DEFAULT_PATH).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        col = {name: header.index(name) for name in _COLUMNS}
        kind, code, lat = col["commune_type"], col["insee_com"], col["lat"]
        for row in reader:  # one row per postcode: the first one of a commune is kept
            if row[kind] in ("COM", "ARM") and row[lat] and row[code] not in rows:
                rows[row[code]] = row
    ordered = [rows[code] for code in sorted(rows)]

    def column(name: str) -> list[str]:
        return [row[col[name]] for row in ordered]

    def integers(name: str) -> np.ndarray:
        return np.array([int(float(v or 0)) for v in column(name)], dtype=np.int64)

    active = integers("pop_15_64_active_2021")
    unemployed = integers("pop_15_64_chomage_2021")
    with np.errstate(divide="ignore", invalid="ignore"):
        unemployment = np.where(active > 0, unemployed / active, np.nan)
    return Communes(
        code_insee=np.array(column("insee_com")),
        name=np.array([row[col["commune_article"]] or row[col["commune"]] for row in ordered]),
        departement=np.array(column("insee_dep")),
        region=np.array(column("insee_reg")),
        parent=np.array(
            [row[col["insee_parente"]] if row[kind] == "ARM" else "" for row in ordered]
        ),
        lat=np.array(column("lat"), dtype=np.float64),
        lon=np.array(column("lng"), dtype=np.float64),
        population=integers("population_2021"),
        households=integers("menages_2021"),
        unemployment=unemployment,
    )


_COLUMNS = (
    "insee_com", "insee_reg", "insee_dep", "commune", "commune_article", "commune_type",
    "insee_parente", "lat",
    "lng", "population_2021", "menages_2021", "pop_15_64_chomage_2021", "pop_15_64_active_2021",
)  # fmt: skip
