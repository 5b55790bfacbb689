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


def conflicts(Session: sessionmaker, coordinator: Coordinator) -> list[dict[str, Any]]:
    """Accepted corrections a newer source file contradicted (``reimport``): the source's value
    stays; per field, the local one and the source's, for the coordinator to look at again."""
    with Session() as session:
        rows = session.execute(
            select(Correction, Place.nom, Place.commune)
            .join(Place, Place.id == Correction.place_id)
            .where(Correction.status == "conflict", coordinator.places())
            .order_by(Correction.id)
        ).all()
    return [
        {"correction": c.id, "nom": nom, "commune": commune,
         "fields": json.loads(c.review_note or "{}")}  # fmt: skip
        for c, nom, commune in rows
    ]
