"""Territory insight as files: CSV (one table), JSON (everything), GeoJSON (commune points).

Field names follow the national standard's vocabulary where it has one (``code_insee``,
``commune``, ``service`` with the standard's current service labels) and are French elsewhere,
so that a table reads the same as the directory's own exports.

The commune × service table of all France has ≈ 315,000 rows: it is built column-wise from the
coverage arrays, a slice of communes at a time, and streamed to the output.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TextIO

import numpy as np

from directory_client.demand import DemandLog
from directory_client.errors import TerritoryError
from directory_client.territory import html
from directory_client.territory.communes import departement_name, region_name
from directory_client.territory.coverage import FAR_KM, RADII_KM, REACH_KM, Coverage
from directory_client.territory.demand_supply import demand_columns
from directory_client.territory.rollup import gaps, groups, rollup, services_offered_nowhere
from directory_client.territory.selection import Territory
from directory_client.territory.supply import day_names

FORMATS = ("csv", "json", "geojson", "html")
VIEWS = ("communes", "rollup", "gaps")
COMMUNE_FIELDS = (
    "code_insee", "commune", "code_departement", "departement", "code_region", "region",
    "latitude", "longitude", "population", "menages", "taux_chomage", f"population_{REACH_KM}km",
    "service", "distance_km", *(f"lieux_{r}km" for r in RADII_KM), "lieux_dans_la_commune",
    f"arrets_itinerants_{REACH_KM}km", f"jours_itinerants_{REACH_KM}km",
    f"heures_hebdo_{REACH_KM}km", "heures_pour_10000_hab", f"population_au_dela_{REACH_KM}km",
)  # fmt: skip
FRAGILITY_FIELDS = ("fragilite", "priorite")
_CHUNK = 2048  # communes per slice of the table
_DAY_NAMES = [day_names(mask) for mask in range(128)]


@dataclass(frozen=True)
class Insight:
    territory: Territory
    coverage: Coverage
    reference_week: date  # the first reference Monday
    fragility: dict[str, float] | None = None
    demand: DemandLog | None = None  # adds demand columns to the rollup

    @property
    def commune_fields(self) -> tuple[str, ...]:
        return COMMUNE_FIELDS + (FRAGILITY_FIELDS if self.fragility is not None else ())

    def commune_rows(self) -> Iterator[tuple]:
        """One tuple per commune × service, in ``commune_fields`` order."""
        for start in range(0, len(self.coverage.communes), _CHUNK):
            yield from _slice(self.coverage, self.fragility, start, start + _CHUNK)

    def communes(self) -> list[dict]:
        fields = self.commune_fields
        return [dict(zip(fields, row, strict=True)) for row in self.commune_rows()]

    def rollup(self) -> list[dict]:
        rows = []
        for group in groups(self.coverage, self.territory):
            supply = rollup(self.coverage, group)
            if self.demand is not None:
                asked = demand_columns(self.demand, group, self.coverage.communes)
                empty = {"demande": None, "demande_sans_aide_proche": None}
                for row in supply:
                    row.update(asked.get(row["service"], empty))
            rows += supply
        return rows

    def gaps(self) -> list[dict]:
        return gaps(self.coverage, self.fragility)


def _slice(
    coverage: Coverage, fragility: dict[str, float] | None, start: int, stop: int
) -> Iterator[tuple]:
    c = coverage.communes
    width = len(coverage.services)
    part = slice(start, stop)
    n = len(c.code_insee[part])

    def each(values: np.ndarray) -> list:  # one value per commune, repeated per service
        return np.repeat(values, width).tolist()

    def cells(values: np.ndarray, digits: int | None = None) -> list:  # commune × service
        flat = values[part].ravel()
        return (np.round(flat, digits) if digits is not None else flat).tolist()

    distance = coverage.distance_km[part].ravel()
    known = np.isfinite(distance)
    distance_cells = [
        d if k else None
        for d, k in zip(np.round(distance, 1).tolist(), known.tolist(), strict=True)
    ]
    unemployment = c.unemployment[part]
    columns = [
        each(c.code_insee[part]),
        each(c.name[part]),
        each(c.departement[part]),
        each(np.array([departement_name(d) for d in c.departement[part].tolist()])),
        each(c.region[part]),
        each(np.array([region_name(r) for r in c.region[part].tolist()])),
        each(c.lat[part]),
        each(c.lon[part]),
        each(c.population[part]),
        each(c.households[part]),
        [None if math.isnan(u) else u for u in each(np.round(unemployment, 3))],
        each(coverage.population_20km[part]),
        list(coverage.services) * n,
        distance_cells,
        *(cells(coverage.within_km[r]) for r in RADII_KM),
        cells(coverage.places_here),
        cells(coverage.itinerant_stops_20km),
        [_DAY_NAMES[m] for m in cells(coverage.itinerant_days_20km)],
        cells(coverage.weekly_hours_20km, 1),
        cells(coverage.hours_per_10k, 1),
        cells(coverage.population_beyond_20km),
    ]
    if fragility is not None:
        scores = [fragility.get(code) for code in c.code_insee[part].tolist()]
        per_cell = [score for score in scores for _ in range(width)]
        columns.append(per_cell)
        columns.append(
            [
                round(s * d, 2) if s is not None and d is not None else None
                for s, d in zip(per_cell, distance_cells, strict=True)
            ]
        )
    return zip(*columns, strict=True)


def write(insight: Insight, fmt: str, out: TextIO, view: str = "communes") -> None:
    """The insight in ``fmt``; ``view`` picks the CSV table (JSON holds all three)."""
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        if view == "communes":
            writer.writerow(insight.commune_fields)
            writer.writerows(insight.commune_rows())
            return
        rows = insight.rollup() if view == "rollup" else insight.gaps()
        if rows:
            fields = [k for k in rows[0] if k != "codes_insee"]
            writer.writerow(fields)
            writer.writerows([row[k] for k in fields] for row in rows)
        return
    if fmt == "json":
        document = {
            "territoire": {
                "niveau": insight.territory.kind,
                "code": insight.territory.code,
                "nom": insight.territory.name,
            },
            "semaine_de_reference": insight.reference_week.isoformat(),
            f"services_sans_lieu_a_moins_de_{FAR_KM}km": services_offered_nowhere(insight.coverage),
            "synthese": insight.rollup(),
            "zones_sans_aide": insight.gaps(),
            "communes": insight.communes(),
        }
        json.dump(document, out, ensure_ascii=False, indent=1, allow_nan=False)
        return
    if fmt == "geojson":
        features = []
        for row in insight.communes():
            properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
            geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
            features.append({"type": "Feature", "geometry": geometry, "properties": properties})
        collection = {"type": "FeatureCollection", "features": features}
        json.dump(collection, out, ensure_ascii=False, allow_nan=False)
        return
    if fmt == "html":  # the one-page summary, mapped for the first service asked
        out.write(html.render(insight, insight.coverage.services[0]))
        return
    raise TerritoryError(f"unknown format {fmt!r}: one of {FORMATS}")
