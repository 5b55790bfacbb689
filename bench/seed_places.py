"""Minimal reader of the shipped place files, for the benchmark only (not the importer).

Keeps what the search needs: name, coordinates, current services, opening hours, fees, codes.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from directory_client import labels
from directory_client.hours import is_valid

DATA = Path(__file__).resolve().parents[1] / "directory_client" / "data"
_SPLIT = re.compile(r"\s*(?:[;|]|, (?=[A-ZÀ-ÝÉ]))\s*")
_DAYS = {
    "h_lundi": "Mo", "h_mardi": "Tu", "h_mercredi": "We", "h_jeudi": "Th",
    "h_vendredi": "Fr", "h_samedi": "Sa",
}  # fmt: skip


@dataclass(frozen=True)
class Seed:
    nom: str
    lat: float
    lon: float
    services: tuple[str, ...]
    horaires: str | None
    frais: str | None
    code_postal: str | None


def _services(text: str | None) -> tuple[str, ...]:
    found: list[str] = []
    for item in _SPLIT.split(text or ""):
        label = labels.current_service(item) if item else None
        if label and label not in found:
            found.append(label)
    return tuple(found)


def _float(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _json_seeds(path: Path) -> list[Seed]:
    seeds = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        lat, lon = _float(record.get("latitude")), _float(record.get("longitude"))
        if lat is None or lon is None:
            continue
        horaires = record.get("horaires")
        fees = record.get("frais_a_charge") or record.get("conditions_acces") or ""
        frais = "Gratuit" if fees.startswith("Gratuit") else ("Payant" if fees else None)
        seeds.append(
            Seed(
                record.get("nom") or "?",
                lat,
                lon,
                _services(record.get("services")),
                horaires if is_valid(horaires) else None,
                frais,
                record.get("code_postal"),
            )
        )
    return seeds


def _france_services_hours(row: dict) -> str | None:
    rules = []
    for column, day in _DAYS.items():
        value = (row.get(column) or "").replace(" ", "")
        if value:
            rules.append(f"{day} {value.replace('/', ',')}")
    text = "; ".join(rules)
    return text if is_valid(text) else None


def _france_services_seeds(path: Path) -> list[Seed]:
    seeds = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lat, lon = _float(row.get("latitude")), _float(row.get("longitude"))
            if lat is None or lon is None:
                continue
            seeds.append(
                Seed(
                    row["lib_fs"],
                    lat,
                    lon,
                    (labels.DEMARCHES, labels.ACCES_INTERNET_MATERIEL),
                    _france_services_hours(row),
                    "Gratuit",
                    row.get("code_postal"),
                )
            )
    return seeds


def load_seeds() -> list[Seed]:
    seeds: list[Seed] = []
    for path in sorted((DATA / "places").glob("*.json")):
        seeds += _json_seeds(path)
    for path in sorted((DATA / "places").glob("*.csv")):
        seeds += _france_services_seeds(path)
    return [s for s in seeds if s.services]


def load_communes() -> list[tuple[float, float, int]]:
    """(lat, lon, population) of every commune of the gazetteer."""
    communes = []
    with (DATA / "communes-france.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lat, lon = _float(row.get("lat")), _float(row.get("lng"))
            if lat is not None and lon is not None:
                communes.append((lat, lon, int(_float(row.get("population_2021")) or 0)))
    return communes
