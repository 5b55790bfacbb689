"""The official France Services list (ANCT CSV) mapped onto the national standard.

A France Services desk does administrative procedures with the person for the 9 national
partners and offers access to a computer: services = Aide aux démarches administratives + Accès
internet et matériel informatique; dispositif France Services; typologie RFS. Hours per weekday
become one OpenStreetMap ``opening_hours`` expression. ``Bus_équivalent`` and ``Itinérante``
formats are mobile services (grouped by ``groupe_fs``, else by ``lib_fs``).

The list has no update date per row: ``date_maj`` is the publication month found at the start
of the file name (``2024-08-…`` → 2024-08-01), else unknown.
"""

from __future__ import annotations

import re
from pathlib import Path

from directory_client import labels
from directory_client.importer.hours import france_services_hours

SOURCE = "France Services (ANCT)"
ORIGIN_LABEL = "France Services : démarches des 9 partenaires nationaux et accès à un ordinateur"
PRESENTATION = (
    "Espace France Services : accompagnement aux démarches de la CAF, de l'Assurance maladie, de "
    "l'Assurance retraite, de la MSA, de France Travail, de La Poste, des impôts (DGFiP), de la "
    "Justice et de l'ANTS (papiers, carte grise), et accès libre à un ordinateur."
)
MOBILE_FORMATS = {"Bus_équivalent": "bus", "Itinérante": "itinerant"}


def file_date(path: Path) -> str | None:
    match = re.match(r"(\d{4})-(\d{2})", path.name)
    return f"{match[1]}-{match[2]}-01" if match else None


def to_standard(row: dict[str, str], published: str | None) -> tuple[dict, list[str]]:
    """→ (a record with the standard's field names + private ``_`` keys, unreadable hour cells)."""
    get = lambda key: (row.get(key) or "").strip() or None  # noqa: E731
    horaires, unreadable = france_services_hours(row)
    detail = []
    if get("commentaire"):
        detail.append(get("commentaire"))
    if get("prise_rdv") == "Oui":
        detail.append("Prise de rendez-vous possible.")
    if get("type_fs") == "Antenne":
        detail.append("Antenne d'un espace France Services.")
    if get("labellisation_fs"):
        detail.append(get("labellisation_fs") + ".")
    acces = ["Se présenter"]
    if get("telephone"):
        acces.append("Téléphoner")
    if get("mail"):
        acces.append("Contacter par mail")
    fmt = get("format_fs") or ""
    record = {
        "id": get("id_fs"),
        "nom": get("lib_fs"),
        "adresse": get("adresse"),
        "complement_adresse": get("complement_adresse"),
        "code_insee": get("insee_com"),
        "code_postal": get("code_postal"),
        "commune": get("lib_com"),
        "latitude": get("latitude"),
        "longitude": get("longitude"),
        "courriels": get("mail"),
        "telephone": get("telephone"),
        "horaires": horaires,
        "typologie": "RFS",
        "services": f"{labels.DEMARCHES}|{labels.ACCES_INTERNET_MATERIEL}",
        "dispositif_programmes_nationaux": "France Services",
        "frais_a_charge": "Gratuit",
        "modalites_accompagnement": "Accompagnement individuel",
        "modalites_acces": "|".join(acces),
        "presentation_resume": PRESENTATION,
        "presentation_detail": " ".join(detail) or None,
        "itinerance": "Itinérant" if fmt in MOBILE_FORMATS else "Fixe",
        "structure_parente": get("groupe_fs"),
        "source": SOURCE,
        "date_maj": published,
        "_services_origine": ORIGIN_LABEL,
    }
    if fmt in MOBILE_FORMATS:
        record["_mobile"] = (MOBILE_FORMATS[fmt], get("groupe_fs") or get("lib_fs"))
    return record, unreadable
