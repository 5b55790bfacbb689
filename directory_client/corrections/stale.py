"""Records nobody updated for 12 months, per territory: to review with the people on site."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from directory_client.corrections.scope import Coordinator
from directory_client.models import Correction, Place

STALE_AFTER = timedelta(days=365)


def stale(
    Session: sessionmaker, coordinator: Coordinator, today: date | None = None
) -> list[dict[str, Any]]:
    """Places of the territory neither updated by their source nor corrected for 12 months:
    the oldest first (no date at all before anything)."""
    limit = (today or date.today()) - STALE_AFTER
    with Session() as session:
        corrected = {
            place_id
            for place_id, at in session.execute(
                select(Correction.place_id, Correction.reviewed_at).where(
                    Correction.status == "accepted"
                )
            ).all()
            if at.date() >= limit
        }
        places = session.execute(
            select(Place.id, Place.public_id, Place.nom, Place.commune, Place.date_maj)
            .where(coordinator.places())
            .where((Place.date_maj.is_(None)) | (Place.date_maj < limit))
            .order_by(Place.date_maj.is_(None).desc(), Place.date_maj, Place.nom)
        ).all()
    return [
        {"id": public_id, "nom": nom, "commune": commune, "date_maj": day}
        for pid, public_id, nom, commune, day in places
        if pid not in corrected
    ]
