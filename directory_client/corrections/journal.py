"""What happened to the reports on a territory's places: the ``correction_log``, newest first
(reports, acceptances, rejections, refusals out of scope, re-import conflicts)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from directory_client.corrections.scope import Coordinator
from directory_client.models import Correction, CorrectionLog, Place


def journal(
    Session: sessionmaker, coordinator: Coordinator, limit: int = 30
) -> list[dict[str, Any]]:
    with Session() as session:
        rows = session.execute(
            select(CorrectionLog, Place.nom)
            .join(Correction, Correction.id == CorrectionLog.correction_id)
            .join(Place, Place.id == Correction.place_id)
            .where(coordinator.places())
            .order_by(CorrectionLog.at.desc(), CorrectionLog.id.desc())
            .limit(limit)
        ).all()
    return [
        {
            "at": entry.at,
            "actor": entry.actor,
            "action": entry.action,
            "correction": entry.correction_id,
            "nom": nom,
            "detail": json.loads(entry.detail or "null"),
        }
        for entry, nom in rows
    ]
