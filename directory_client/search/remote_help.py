"""Help at a distance offered beside the places: the national helpline (for the needs it helps
with: ``labels.helpline_helps``), then matching places that help remotely (the nearest within
the radius, or anywhere when nothing is near)."""

from __future__ import annotations

import math

from sqlalchemy import select
from sqlalchemy.engine import Connection

from directory_client import display, labels
from directory_client.models import Place
from directory_client.search.candidates import code_candidates, keep_hits, near_candidates
from directory_client.search.explain import explain, first_item
from directory_client.search.plan import HELPS_REMOTELY, Hit, Plan
from directory_client.search.rank import Outcome
from directory_client.search.sql import DIST2, cached, geo_params, places_by_id
from directory_client.types import RemoteOption, SearchQuery


def _remote_anywhere(
    session: Connection, plan: Plan, remote_plan: Plan, lat: float, lon: float, count: int
) -> list[Hit]:
    if plan.rare_ids is not None:  # few candidates, already read (with "helps remotely" last)
        pool = set(plan.rare_ids)
        rows = [row for row in plan.rare_rows if row[0] in pool and row[-2] and row[-1]]
    else:  # a filter left nothing near: a scan, but a rare case
        stmt = cached(
            (remote_plan.key, "remote-anywhere", count),
            lambda: select(
                Place.id, Place.latitude, Place.longitude, Place.mobile_service_id, plan.score
            )
            .where(Place.latitude.is_not(None), Place.longitude.is_not(None), *remote_plan.where)
            .order_by(DIST2)
            .limit(count * 5),
        )
        _shape, params = geo_params(lat, lon)
        rows = session.execute(stmt, params).all()
    hits = keep_hits(remote_plan, rows, lat, lon, math.inf)
    return sorted(hits, key=lambda h: h.distance_km)


def remote_options(
    session: Connection, plan: Plan, query: SearchQuery, outcome: Outcome, count: int = 2
) -> tuple[RemoteOption, ...]:
    """The helpline (not for a device to buy: ``labels.helpline_helps``), then matching places
    that help remotely: the nearest within the radius, or, when nothing is near, the nearest
    anywhere."""
    options: list[RemoteOption] = []
    if labels.helpline_helps(plan.needs):
        options.append(
            RemoteOption(
                name=labels.HELPLINE["name"],
                phone=labels.HELPLINE["phone"],
                url=labels.HELPLINE["url"],
                why=labels.HELPLINE["why"],
            )
        )
    remote_plan = Plan(
        needs=plan.needs,
        mask=plan.mask,
        where=[*plan.where, HELPS_REMOTELY],
        score=plan.score,
        max_score=plan.max_score,
        key=(*plan.key, "remote"),
    )
    location = query.location
    hits: list[Hit] = []
    lat, lon = location.lat, location.lon
    if lat is not None and lon is not None:
        if outcome.nothing_near:
            hits = _remote_anywhere(session, plan, remote_plan, lat, lon, count)
        else:
            hits, _complete = near_candidates(
                session, remote_plan, lat, lon, outcome.radius_km, count, by_distance_only=True
            )
    elif not outcome.nothing_near:
        hits = code_candidates(session, remote_plan, location, count, without_coordinates=False)
    ids = [h.id for h in hits[:count]]
    if ids:
        by_id = places_by_id(session, ids)
        for hit in hits[:count]:
            place = by_id[hit.id]
            why = explain(place, plan.needs)
            options.append(
                RemoteOption(
                    name=display.place_name(place.nom),
                    phone=place.telephone,
                    url=place.prise_rdv or first_item(place.site_web),
                    why=f"aide à distance : {why}",
                )
            )
    return tuple(options)
