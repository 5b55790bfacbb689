"""Ranking of candidates: needs covered first, then distance (a finer label asked for is worth
a detour of ``PREFERRED_DETOUR_KM`` to reach a page); a mobile service shown once (its best
stop); how far the search had to widen; the order in which a page reads (fit, then the distance
shown, then how soon a place opens)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from directory_client import hours
from directory_client.search.plan import PREFERRED_DETOUR_KM, Hit, fit_of
from directory_client.types import SearchResult


@dataclass
class Outcome:
    hits: list[Hit]
    radius_km: float
    widened: bool
    nothing_near: bool
    total: int


def one_stop_per_mobile_service(hits: list[Hit]) -> list[Hit]:
    """A bus with 12 stops is one option: keep its best stop (hits come best first)."""
    seen: set[int] = set()
    kept: list[Hit] = []
    for hit in hits:
        if hit.mobile_service_id is not None:
            if hit.mobile_service_id in seen:
                continue
            seen.add(hit.mobile_service_id)
        kept.append(hit)
    return kept


def rank_key(hit: Hit) -> tuple:
    """Needs covered first; then distance, a place with the finer labels asked for counted
    ``PREFERRED_DETOUR_KM`` nearer per label."""
    fit, labels_found = fit_of(hit.score)
    far = math.inf if hit.distance_km is None else hit.distance_km
    return (-fit, hit.distance_km is None, far - PREFERRED_DETOUR_KM * labels_found, far)


def rank_few(hits: list[Hit], local: list[Hit], radii: list[float], limit: int) -> Outcome:
    hits.sort(key=rank_key)
    for radius in radii:
        within = one_stop_per_mobile_service([h for h in hits if h.distance_km <= radius])
        found = len(within) + len(local)
        if found >= limit or radius == radii[-1]:
            if found:
                return Outcome(within + local, radius, radius > radii[0], False, found)
            break
    hits.sort(key=lambda h: h.distance_km)
    return Outcome(one_stop_per_mobile_service(hits), radii[-1], radii[-1] > radii[0], True, 0)


def page_order(now: datetime) -> Callable[[tuple[Hit, SearchResult]], tuple]:
    """The order in which a page reads: fit (the needs covered and known free, which each
    place's ``why`` names), then the distance shown (to 0.1 km), then how soon the place opens
    (evaluated on the page only). The detour a finer label is worth decides which places reach
    a page (``rank_key``), not their order on it: a page read "7,3 km, 8,8 km, 5,6 km"."""

    def key(item: tuple[Hit, SearchResult]) -> tuple:
        hit, result = item
        fit, _labels_found = fit_of(hit.score)
        far = math.inf if hit.distance_km is None else round(hit.distance_km, 1)
        soon = hours.minutes_until_open(result.opening, now)
        return (-fit, hit.distance_km is None, far, soon)

    return key
