"""Export the directory in the current national standard (JSON or CSV, lists ``|``-joined).

``id`` is the place's public id; ``source`` lists every source that contributed. The 1.0
fields kept for orientation (``services_origine``, ``publics_accueillis``) are not part of the
standard and are not exported; ``accessibilite`` is exported as the standard's
``fiche_acces_libre``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from directory_client.errors import ExportFormatError
from directory_client.models import Place

FIELDS: tuple[str, ...] = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse",
    "complement_adresse", "latitude", "longitude", "typologie", "telephone", "courriels",
    "site_web", "horaires", "presentation_resume", "presentation_detail", "source",
    "itinerance", "structure_parente", "services", "publics_specifiquement_adresses",
    "prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux",
    "autres_formations_labels", "modalites_acces", "modalites_accompagnement",
    "fiche_acces_libre", "prise_rdv", "date_maj",
)  # fmt: skip
_COLUMN = {"id": "public_id", "fiche_acces_libre": "accessibilite"}
FORMATS = ("json", "csv")


def record(place: Place) -> dict:
    out: dict = {}
    for name in FIELDS:
        value = getattr(place, _COLUMN.get(name, name))
        if name == "date_maj" and value is not None:
            value = value.isoformat()
        out[name] = value
    return out


def export(Session: sessionmaker, path: Path, fmt: str | None = None) -> int:
    """Write every place to ``path``; ``fmt`` defaults to the file extension. → records written."""
    fmt = export_format(path, fmt)
    with Session() as session:
        places = session.execute(select(Place).order_by(Place.id)).scalars()
        records = [record(p) for p in places]
    return write_records(records, path, fmt)


def export_format(path: Path, fmt: str | None) -> str:
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ExportFormatError(f"format d'export inconnu {fmt!r} (attendu : json ou csv)")
    return fmt


def write_records(records: list[dict], path: Path, fmt: str) -> int:
    """Records of the standard (``record``) to a JSON or CSV file. → records written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        with path.open("w", encoding="utf-8") as fh:
            json.dump(records, fh, ensure_ascii=False, indent=1)
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=FIELDS)
            writer.writeheader()
            for rec in records:
                writer.writerow({k: "" if v is None else v for k, v in rec.items()})
    return len(records)
