"""Ranking of candidates: a place that does more of what is asked comes first only within a
comparable distance; a mobile service shown once (its best stop); how far the search had to
widen; the order in which a page reads.

The rule a desk agent applies: a near place that does the need comes before a far place that
does it "better". Each thing a place does better — one more of the needs asked, a finer label
asked for, a record that clearly does digital mediation rather than one that says little about
it, known free when "gratuit" was asked — is worth a detour that grows with the distance: the
place counts as nearer by its ``weight``. Place B, better by one need, comes before place A
when ``B.km + BASE_KM <= 1.5 × (A.km + BASE_KM)``: within 1.5 km of a place 150 m away, within
4.5 km of one 2 km away, within 16.5 km of one 10 km away. A clear record is worth less than a
need (25 % and 0.75 km): a place doing both needs asked, whose record says little, comes before
a clear place doing one within ``1.5 / 1.25 = 1.2`` times its distance plus 3 km. Before, fit
came first at any distance: a France Services 30 km from Roubaix before a CCAS 150 m away
(``bench/first_place.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from directory_client import hours
from directory_client.search.plan import Hit, fit_of
from directory_client.types import SearchResult

# How much farther a better place may be: (distance + BASE_KM) is divided by the factor of each
# thing it does better. Product choices, measured with bench/first_place.py (docs/search.md).
BASE_KM = 3.0
NEED_FACTOR = 1.5  # one more need covered: 50 % farther and 1.5 km
LABEL_FACTOR = 1.2  # a finer label asked for ("avec un accompagnement"): 20 % and 0.6 km
# Clearly a place of mediation, against a record saying little: 25 % and 0.75 km. Below a need
# (product decision): one more of the needs asked outweighs a clearer record.
CLEAR_FACTOR = 1.25
FREE_FACTOR = 1.5  # known free, against fees not given, when "gratuit" was asked
# Open to all, against a place whose record says it serves a closed public (town halls'
# IT syndicate, students' CROUS, prison: ``search.evidence.closed_public``): such a place
# counts as 40 times farther, after every place open to all within the widest radius (100 km)
# doing as much; never left out (the only place near is still given).
OPEN_FACTOR = 40.0
# A place the person can reach or knows when to visit (a phone, an e-mail, a website, a booking
# link or opening hours), against a record giving only an address: whoever is sent there does
# not know when to go. 20 % and 0.6 km against a reachable record saying little; such a record
# has no contact, so it also lacks the clear record's 25 %: against a clear place, 1.2 × 1.25 =
# 1.5, one need — an unreachable place doing one more need ties with a clear reachable one, never
# wins by more. 1.5 changed 36 first places of the 400 largest towns, up to 2.3 km farther
# (Bordeaux: 2.9 km instead of 0.6); 1.2 changed 8 of the 120 largest, 0.3-1.6 km farther;
# bench/first_place.py: first place changed in 9 of 1,606 searches, not the nearest fitting one
# 12.4 % -> 13.0 %, median first km 4.01 unchanged. Never hidden: it only moves down.
REACH_FACTOR = 1.2


@dataclass
class Outcome:
    hits: list[Hit]
    radius_km: float
    widened: bool
    nothing_near: bool
    total: int


@lru_cache(maxsize=4096)
def weight(score: int, *, labels: bool = True) -> float:
    """How much nearer a place counts for what it does (``rank`` module docstring)."""
    fit = fit_of(score)
    found = (
        NEED_FACTOR**fit.needs * CLEAR_FACTOR**fit.clear * FREE_FACTOR**fit.free
        * OPEN_FACTOR**fit.open * REACH_FACTOR**fit.reach
    )  # fmt: skip
    return found * LABEL_FACTOR**fit.labels if labels else found


def reach(distance_km: float, score: int, *, labels: bool = True) -> float:
    """The distance a place counts as, to compare places of one search (smaller first)."""
    return (distance_km + BASE_KM) / weight(score, labels=labels)


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
    """Places with a distance first, by the distance they count as (``reach``), then by their
    distance; places matched by commune code (no distance) after, the best fit first."""
    if hit.distance_km is None:
        return (True, -hit.score, 0.0)
    return (False, reach(hit.distance_km, hit.score), hit.distance_km)


def final_within(hits: list[Hit], need: int, half_km: float, best_score: int) -> bool:
    """Whether the ``need`` best of ``hits`` (ranked, all within ``half_km``) are the best of
    all: any place farther than ``half_km``, however well it fits (``best_score``), counts as
    farther than the ``need``-th."""
    if len(hits) < need:
        return False
    last = hits[need - 1]
    return last.distance_km is not None and rank_key(last)[1] <= reach(half_km, best_score)


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
    """The order in which a page reads: the ranking's, but with the distance shown (to 0.1 km)
    and without the finer labels (which no line shows: a page read "7,3 km, 8,8 km, 5,6 km"),
    then how soon the place opens (evaluated on the page only)."""

    def key(item: tuple[Hit, SearchResult]) -> tuple:
        hit, result = item
        soon = hours.minutes_until_open(result.opening, now)
        if hit.distance_km is None:
            return (True, -fit_of(hit.score).needs, 0.0, 0.0, soon)
        shown = round(hit.distance_km, 1)
        return (False, 0, round(reach(shown, hit.score, labels=False), 6), shown, soon)

    return key
