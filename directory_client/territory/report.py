"""Territory insight as files: CSV (one table), JSON (everything), GeoJSON (commune points).

Field names follow the national standard's vocabulary where it has one (``code_insee``,
``commune``, ``service`` with the standard's current service labels) and are French elsewhere,
so that a table reads the same as the directory's own exports.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import numpy as np

from directory_client.errors import TerritoryError
from directory_client.territory.communes import departement_name, region_name
from directory_client.territory.coverage import FAR_KM, RADII_KM, REACH_KM, Coverage
from directory_client.territory.rollup import gaps, groups, rollup, services_offered_nowhere
from directory_client.territory.selection import Territory
from directory_client.territory.supply import day_names

FORMATS = ("csv", "json", "geojson")
VIEWS = ("communes", "rollup", "gaps")


@dataclass(frozen=True)
class Insight:
    territory: Territory
    coverage: Coverage
    reference_week: str  # ISO date of the first reference Monday
    fragility: dict[str, float] | None = None

    def communes(self) -> list[dict]:
        """One row per commune × service."""
        return list(_commune_rows(self.coverage, self.fragility))

    def rollup(self) -> list[dict]:
        found = groups(self.coverage, self.territory)
        return [row for group in found for row in rollup(self.coverage, group)]

    def gaps(self) -> list[dict]:
        return gaps(self.coverage, self.fragility)


def _commune_rows(coverage: Coverage, fragility: dict[str, float] | None):
    c = coverage.communes
    per_10k = coverage.hours_per_10k
    beyond = coverage.population_beyond_20km
    for i in range(len(c)):
        code = str(c.code_insee[i])
        base = {
            "code_insee": code,
            "commune": str(c.name[i]),
            "code_departement": str(c.departement[i]),
            "departement": departement_name(str(c.departement[i])),
            "code_region": str(c.region[i]),
            "region": region_name(str(c.region[i])),
            "latitude": float(c.lat[i]),
            "longitude": float(c.lon[i]),
            "population": int(c.population[i]),
            "menages": int(c.households[i]),
            "taux_chomage": _rate(c.unemployment[i]),
            "population_20km": int(coverage.population_20km[i]),
        }
        score = None if fragility is None else fragility.get(code)
        for k, service in enumerate(coverage.services):
            distance = coverage.distance_km[i, k]
            known = bool(np.isfinite(distance))
            row = dict(base)
            row["service"] = service
            row["distance_km"] = round(float(distance), 1) if known else None
            for radius in RADII_KM:
                row[f"lieux_{radius}km"] = int(coverage.within_km[radius][i, k])
            row["lieux_dans_la_commune"] = int(coverage.places_here[i, k])
            row[f"arrets_itinerants_{REACH_KM}km"] = int(coverage.itinerant_stops_20km[i, k])
            days = int(coverage.itinerant_days_20km[i, k])
            row[f"jours_itinerants_{REACH_KM}km"] = day_names(days)
            row[f"heures_hebdo_{REACH_KM}km"] = round(float(coverage.weekly_hours_20km[i, k]), 1)
            row["heures_pour_10000_hab"] = round(float(per_10k[i, k]), 1)
            row[f"population_au_dela_{REACH_KM}km"] = int(beyond[i, k])
            if fragility is not None:
                row["fragilite"] = score
                row["priorite"] = (
                    round(score * float(distance), 2) if score is not None and known else None
                )
            yield row


def _rate(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 3)


def render(insight: Insight, fmt: str, view: str = "communes") -> str:
    """The insight as text in ``fmt``; ``view`` picks the CSV table (JSON holds all three)."""
    if fmt == "csv":
        table = {"communes": insight.communes, "rollup": insight.rollup, "gaps": insight.gaps}
        rows = table[view]()
        return _csv([{k: v for k, v in row.items() if k != "codes_insee"} for row in rows])
    if fmt == "json":
        document = {
            "territoire": {
                "niveau": insight.territory.kind,
                "code": insight.territory.code,
                "nom": insight.territory.name,
            },
            "semaine_de_reference": insight.reference_week,
            f"services_sans_lieu_a_moins_de_{FAR_KM}km": services_offered_nowhere(insight.coverage),
            "synthese": insight.rollup(),
            "zones_sans_aide": insight.gaps(),
            "communes": insight.communes(),
        }
        return json.dumps(document, ensure_ascii=False, indent=1)
    if fmt == "geojson":
        features = []
        for row in insight.communes():
            properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
            geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
            features.append({"type": "Feature", "geometry": geometry, "properties": properties})
        return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    raise TerritoryError(f"unknown format {fmt!r}: one of {FORMATS}")


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()
