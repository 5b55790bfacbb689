"""Figures about the directory's content, and the communes it knows (for the Locator)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import sessionmaker

from directory_client.models import Mediator, MobileService, Place, PlaceSource, split_list

STALE_AFTER = timedelta(days=2 * 365)


def stats(Session: sessionmaker, today: date | None = None) -> dict:
    today = today or date.today()
    with Session() as session:
        total = session.execute(select(func.count(Place.id))).scalar_one()
        by_source = dict(
            session.execute(
                select(PlaceSource.source, func.count(PlaceSource.id)).group_by(PlaceSource.source)
            ).all()
        )
        by_department = dict(
            session.execute(
                select(Place.departement, func.count(Place.id)).group_by(Place.departement)
            ).all()
        )
        services: Counter[str] = Counter()
        for value in session.execute(select(Place.services)).scalars():
            services.update(split_list(value))
        stale = session.execute(
            select(func.count(Place.id)).where(
                or_(Place.date_maj.is_(None), Place.date_maj < today - STALE_AFTER)
            )
        ).scalar_one()
        invalid_hours = session.execute(
            select(func.count(Place.id)).where(Place.horaires_valides.is_(False))
        ).scalar_one()
        mobile = session.execute(select(func.count(MobileService.id))).scalar_one()
        mediators = session.execute(select(func.count(Mediator.id))).scalar_one()
    return {
        "places": total,
        "records_per_source": by_source,
        "places_per_service": dict(services.most_common()),
        "places_per_department": {
            k or "?": v for k, v in sorted(by_department.items(), key=lambda kv: kv[0] or "")
        },
        "stale": stale,
        "invalid_opening_hours": invalid_hours,
        "mobile_services": mobile,
        "mediators": mediators,
    }


def communes(Session: sessionmaker) -> list[dict]:
    """Distinct (commune, code_postal, code_insee, departement) with mean position and count."""
    with Session() as session:
        rows = session.execute(
            select(
                Place.commune,
                Place.code_postal,
                Place.code_insee,
                Place.departement,
                func.avg(Place.latitude),
                func.avg(Place.longitude),
                func.count(Place.id),
            )
            .where(Place.commune.is_not(None))
            .group_by(Place.commune, Place.code_postal, Place.code_insee, Place.departement)
            .order_by(Place.departement, Place.commune)
        ).all()
    return [
        {
            "commune": commune,
            "code_postal": code_postal,
            "code_insee": code_insee,
            "departement": departement,
            "lat": None if lat is None else float(lat),
            "lon": None if lon is None else float(lon),
            "count": count,
        }
        for commune, code_postal, code_insee, departement, lat, lon, count in rows
    ]
