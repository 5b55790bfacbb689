"""Where a place's values come from, in the desk's words: the fields a local correction set
(``directory_client.corrections.queue.provenance``), by whom and when."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from directory_client.corrections import queue
from directory_client.errors import CorrectionError
from directory_client.hours import PARIS

FIELD_LABELS = {
    "horaires": "Horaires", "telephone": "Téléphone", "adresse": "Adresse",
    "complement_adresse": "Complément", "code_postal": "Code postal", "commune": "Commune",
    "code_insee": "Code INSEE", "latitude": "Latitude", "longitude": "Longitude",
    "services": "Services",
}  # fmt: skip


def provenance_text(fields: dict[str, dict[str, Any]]) -> str:
    """``{"horaires": {"by": "claire", "at": "2026-12-05T09:01:00", …}}`` →
    "Horaires corrigés localement par claire le 05/12/2026" (one sentence per review)."""
    reviews: dict[tuple[str, str], list[str]] = {}
    for field, origin in fields.items():
        at = datetime.fromisoformat(origin["at"]).replace(tzinfo=timezone.utc)  # stored in UTC
        day = at.astimezone(PARIS).strftime("%d/%m/%Y")
        reviews.setdefault((origin["by"], day), []).append(FIELD_LABELS.get(field, field))
    return " ; ".join(
        f"{', '.join(names)} : correction locale de {by} le {day}"
        for (by, day), names in reviews.items()
    )


def for_places(directory: Any, place_ids: list[str]) -> dict[str, str]:
    """Place id → its provenance sentence, for the places a local correction changed (none
    when the directory is not a local one)."""
    Session = getattr(directory, "Session", None)
    if Session is None:
        return {}
    found = {}
    for place_id in place_ids:
        try:
            fields = queue.provenance(Session, place_id)
        except CorrectionError:  # a place of the assistant's answer the directory lacks
            continue
        if fields:
            found[place_id] = provenance_text(fields)
    return found
