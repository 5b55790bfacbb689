"""Local search of the directory: filter, rank, widen, explain.

Ranking (best first, ``rank``): a place that does more of what is asked — needs covered, finer
1.0 labels asked for, a record that clearly does digital mediation (``evidence``), known free
with ``free_only`` — counts as nearer by a factor for each: worth a detour that grows with the
distance, never any detour. Places without coordinates, matched by commune code, come after
all others; ties at 0.1 km: how soon a place opens (evaluated for the returned page only). This
ranking chooses the places of each page of ``PAGE`` entries (from the list's start, whatever
slice is asked); a page reads in the same order, with the distance shown and without the finer
labels, which no line shows (``page_order``).

Radius: ``query.radius_km`` (30 km), widened to 50 then 100 km while fewer than ``limit``
places match. Nothing within 100 km: ``nothing_near`` and the nearest matching places at any
distance. The national helpline (and places helping remotely) are offered whenever there are
fewer than ``limit`` results, nothing near, or the person accepts remote help.

Speed: never a scan. Candidates come from the covering index (lat_band, longitude, …) through
boxes growing from 3 km until the ``offset + limit`` best are known to be final (no place of the
best possible fit beyond the box can count as nearer) or the radius is reached; the database
returns the nearest of each score by a flat-earth distance (portable arithmetic and window
function: SQLite and PostgreSQL), exact haversine is computed on the fetched candidates only,
opening hours on the page only.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from sqlalchemy.engine import Connection
from sqlalchemy.orm import sessionmaker

from directory_client import hours
from directory_client.models import Place
from directory_client.search import candidates, doors, rarity
from directory_client.search.candidates import TOTAL_CAP
from directory_client.search.explain import ahead_line, comparable, explain, place_result
from directory_client.search.plan import (
    NEAREST_MAX_KM,
    WIDENING_KM,
    Hit,
    Plan,
    build_plan,
    fit_of,
)
from directory_client.search.rank import Outcome, final_within, page_order, rank_few, rank_key
from directory_client.search.remote_help import remote_options
from directory_client.search.sql import INNER_BOXES_KM, place_rows, places_by_id
from directory_client.types import (
    AloneAnswer,
    RemoteOption,
    SearchQuery,
    SearchResponse,
    SearchResult,
)

# Which path finds the candidates (read at each search: the tests lower them to try each path).
RARE_CAP = 25_000  # a need offered by fewer places is searched through the services index
COMBINATION_RARE_CAP = 25_000  # two needs covered together by fewer places: see two_tiers
_FAR_BOXES_KM = (250.0, 600.0, NEAREST_MAX_KM)
# Ranked places read past the page, to fill it when two records of one door make one entry.
DOOR_SLACK = 3
# The entries a person reads at once (``SearchQuery.limit``'s default). Any list reads page by
# page from its start: each run of ``PAGE`` entries in the page order, so that the entries 4-6
# of a list of six (the second page read from the list's start) are those of the page at offset
# 3, never one of 1-3 again.
PAGE = 3


def search(Session: sessionmaker, query: SearchQuery) -> SearchResponse:
    now = query.now or hours.now_paris()
    plan = build_plan(query, now)
    with Session() as orm_session:
        # Core on the session's connection: the ORM's own work per statement cost more than
        # most of SQLite's queries.
        session = orm_session.connection()
        outcome = _outcome(session, plan, query)
        by_distance = outcome.nothing_near or query.nearest_first
        results, window = _results(session, outcome.hits, plan, query, now, by_distance)
        remote: tuple[RemoteOption, ...] = ()
        if len(results) < query.limit or outcome.nothing_near or query.filters.remote_ok:
            remote = remote_options(session, plan, query, outcome)
        alone = _alone(session, plan, query, now, results, window)
    return SearchResponse(
        query=query,
        results=results,
        radius_km=outcome.radius_km,
        widened=outcome.widened,
        nothing_near=outcome.nothing_near,
        total=outcome.total,
        remote_options=remote,
        alone=alone,
    )


def _outcome(session: Connection, plan: Plan, query: SearchQuery) -> Outcome:
    location = query.location
    if location.lat is not None and location.lon is not None and query.nearest_first:
        return _search_nearest(session, plan, query)
    if location.lat is not None and location.lon is not None:
        return _search_near(session, plan, query)
    return _search_by_code(session, plan, query)


def _alone(
    session: Connection,
    plan: Plan,
    query: SearchQuery,
    now: datetime,
    results: tuple[SearchResult, ...],
    window: list[SearchResult],
) -> AloneAnswer | None:
    """Needs asked with others that no entry of the first page offers: what a search of them
    alone (one place) would say — whether a place near offers them, its help at a distance.
    Read from the records this search already has (one ranked after the page, within the
    radius: near, no statement); else the candidates of those needs alone, in this search's
    session (never the places' rows)."""
    offered = {service for result in results for service in result.services}
    missing = tuple(need for need in plan.needs if need not in offered)
    if (
        query.offset  # a later page: the first said it
        or len(plan.needs) < 2
        or not results
        or not missing
        or len(missing) == len(plan.needs)
    ):
        return None

    def near(distance_km: float | None) -> bool:
        return distance_km is None or distance_km <= query.radius_km

    if any(near(r.distance_km) and set(missing) & set(r.services) for r in window):
        return AloneAnswer(missing, near=True)
    alone_query = dataclasses.replace(query, needs=missing, limit=1, offset=0)
    alone_plan = build_plan(alone_query, now)
    outcome = _outcome(session, alone_plan, alone_query)
    # The entry a search of them alone shows first is the door of its first hit: all its
    # records are hits, so it lies within the radius only when that hit does.
    first = outcome.hits[0] if outcome.hits else None
    if first is not None and not outcome.nothing_near and near(first.distance_km):
        return AloneAnswer(missing, near=True)
    remote: tuple[RemoteOption, ...] = ()
    if first is None or outcome.nothing_near or query.filters.remote_ok:
        remote = remote_options(session, alone_plan, alone_query, outcome)
    return AloneAnswer(missing, near=False, remote_options=remote)


def get_place(
    Session: sessionmaker, public_id: str, now: datetime | None = None
) -> SearchResult | None:
    with Session() as orm_session:
        place = (
            orm_session.connection()
            .execute(place_rows().where(Place.public_id == public_id))
            .first()
        )
        if place is None:
            return None
        return place_result(place, None, (), now or hours.now_paris(), on_my_behalf=False)


def _search_near(session: Connection, plan: Plan, query: SearchQuery) -> Outcome:
    lat, lon = query.location.lat, query.location.lon
    assert lat is not None and lon is not None
    need = query.offset + query.limit
    radii = [query.radius_km, *[r for r in WIDENING_KM if r > query.radius_km]]
    # Places with no coordinates in the person's commune: after all places with a distance.
    local = candidates.code_candidates(
        session, plan, query.location, need, without_coordinates=True
    )
    if plan.mask and rarity.is_rare(session, plan.mask, RARE_CAP):
        few = candidates.rare_matches(session, plan, lat, lon, need, radii[-1])
        return rank_few(few, local, radii, query.limit)
    if candidates.two_tiers_apply(plan) and rarity.combination_is_rare(
        session, plan.mask, COMBINATION_RARE_CAP
    ):
        tiers = candidates.two_tiers(session, plan, query, local, radii)
        if tiers is not None:
            return tiers
    boxes = [b for b in INNER_BOXES_KM if b < radii[0]] + radii
    for half in boxes:
        hits, complete = candidates.near_candidates(session, plan, lat, lon, half, need)
        best_known = final_within(hits, need, half, plan.max_score)
        if half < radii[0]:
            if not best_known:
                continue
            total = candidates.count_near(session, plan, lat, lon, radii[0]) + len(local)
            return Outcome(hits + local, radii[0], False, False, total)
        found = len(hits) + len(local)
        if found >= query.limit or half == radii[-1]:
            if found == 0:
                break
            total = (
                found
                if complete
                else candidates.count_near(session, plan, lat, lon, half) + len(local)
            )
            return Outcome(hits + local, half, half > radii[0], False, total)
    for half in _FAR_BOXES_KM:
        hits, _complete = candidates.near_candidates(
            session, plan, lat, lon, half, need, by_distance_only=True
        )
        hits = [h for h in hits if h.distance_km is not None and h.distance_km <= NEAREST_MAX_KM]
        if len(hits) >= need or half == _FAR_BOXES_KM[-1]:
            return Outcome(hits, radii[-1], radii[-1] > radii[0], True, 0)
    raise AssertionError("unreachable")


def _search_nearest(session: Connection, plan: Plan, query: SearchQuery) -> Outcome:
    """``query.nearest_first``: the matching places by distance only, through growing boxes
    until enough lie within one (then none beyond it can be nearer)."""
    lat, lon = query.location.lat, query.location.lon
    assert lat is not None and lon is not None
    need = query.offset + query.limit + DOOR_SLACK
    local = candidates.code_candidates(
        session, plan, query.location, need, without_coordinates=True
    )
    widest = max(query.radius_km, *WIDENING_KM)
    boxes = sorted({*INNER_BOXES_KM, query.radius_km, *WIDENING_KM, *_FAR_BOXES_KM})
    for half in boxes:
        hits, _complete = candidates.near_candidates(
            session, plan, lat, lon, half, need, by_distance_only=True
        )
        if len(hits) >= need or half == boxes[-1]:
            break
    radius = max(query.radius_km, half)
    nothing_near = not any(h.distance_km is not None and h.distance_km <= widest for h in hits)
    total = candidates.count_near(session, plan, lat, lon, min(radius, widest)) + len(local)
    return Outcome(hits + local, min(radius, widest), radius > query.radius_km, nothing_near, total)


def _search_by_code(session: Connection, plan: Plan, query: SearchQuery) -> Outcome:
    need = query.offset + query.limit
    hits = candidates.code_candidates(
        session, plan, query.location, need, without_coordinates=False
    )
    return Outcome(hits, query.radius_km, False, not hits, len(hits))


def _results(
    session: Connection,
    hits: list[Hit],
    plan: Plan,
    query: SearchQuery,
    now: datetime,
    by_distance: bool,
) -> tuple[tuple[SearchResult, ...], list[SearchResult]]:
    """The page of ``hits`` (ranked), one entry per door (``doors``): the records of a door
    before and on the page are read with ``DOOR_SLACK`` more, so that a page stays full and
    never shows again a door of an earlier page. And every record read (the window)."""
    window = hits[: query.offset + query.limit + DOOR_SLACK]
    if len(window) <= query.offset:
        return (), []
    places = places_by_id(session, [h.id for h in window])
    built = [
        (hit, place_result(places[hit.id], hit.distance_km, plan.needs, now,
                      on_my_behalf=query.filters.on_my_behalf, free_only=query.filters.free_only,
                      preferred=query.preferred_origin_labels))
        for hit in window
    ]  # fmt: skip
    end = query.offset + query.limit
    if by_distance:
        groups = doors.door_groups(built)[query.offset : end]
        page = [([h for h, _r in group], doors.merged([r for _h, r in group])) for group in groups]
        records = [r for _hit, r in built]
        return doors.said_apart(tuple(result for _hits, result in page)), records
    # The list reads page by page from its start, whatever slice is asked: the page of the
    # offset 3 and the entries 4-6 of a list of 6 (read from the start) are the same.
    size = min(query.limit, PAGE)  # a page of one or two reads alone
    groups = doors.door_groups(built)[: -(-end // size) * size]
    listed = [([h for h, _r in group], doors.merged([r for _h, r in group])) for group in groups]
    records = [r for _hit, r in built]
    # A door reads at the place of its best record (the union of what its records do).
    order = page_order(now)

    def best(door: tuple[list[Hit], SearchResult]) -> tuple:
        return min(order((hit, door[1])) for hit in door[0])

    pages = [sorted(listed[i : i + size], key=best) for i in range(0, len(listed), size)]
    flat = [door for one in pages for door in one]
    read = _said_ahead(session, flat, hits, places, plan, query, now, size)[query.offset : end]
    return doors.said_apart(tuple(read)), records


def _said_ahead(
    session: Connection,
    flat: list[tuple[list[Hit], SearchResult]],
    hits: list[Hit],
    places: dict,
    plan: Plan,
    query: SearchQuery,
    now: datetime,
    size: int,
) -> list[SearchResult]:
    """The listed entries, each placed before a nearer place (at the distance shown, 0.1 km)
    by the ranking's detour saying why (``SearchResult.ahead``, ``explain.ahead_line``): what
    its fit gives it more than that nearer place. The nearer place is one the person sees: an
    entry after it on the same page (pages of ``size``), or the nearest place of the whole
    answer when it comes later (never an unseen record of page 4); the nearest such place doing
    no need asked that the entry does not (``explain.comparable``). An entry first at its
    distance says nothing; so does one whose detour is not noticeable (``ahead_line``)."""
    listed_ids = {h.id for door_hits, _r in flat for h in door_hits}
    rest = [h for h in hits if h.id not in listed_ids]
    open_hits = [h for h in hits if h.distance_km is not None and fit_of(h.score).open]
    nearest = min(open_hits, key=lambda h: h.distance_km) if open_hits else None
    wanted: dict[int, list[Hit]] = {}
    for p in range(query.offset, min(len(flat), query.offset + query.limit)):
        door_hits, result = flat[p]
        if result.distance_km is None:
            continue
        shown = round(result.distance_km, 1)
        page_end = (p // size + 1) * size
        later = [h for hs, _r in flat[p + 1 : page_end] for h in hs]
        after = {h.id for hs, _r in flat[p + 1 :] for h in hs} | {h.id for h in rest}
        if nearest is not None and nearest.id in after:
            later.append(nearest)
        # A place serving a closed public (town halls, students) is not one the person could
        # go to: listed after the others, it needs no "plus loin, mais" on each of them.
        nearer = sorted(
            (h for h in later if h.distance_km is not None and round(h.distance_km, 1) < shown
             and fit_of(h.score).open),
            key=lambda h: h.distance_km,
        )  # fmt: skip
        if nearer:
            wanted[p] = nearer
    if not wanted:
        return [result for _hits, result in flat]
    missing = [h.id for hs in wanted.values() for h in hs if h.id not in places]
    rows = {**places, **(places_by_id(session, missing) if missing else {})}
    out = [result for _hits, result in flat]
    door_of = {h.id: i for i, (door_hits, _r) in enumerate(flat) for h in door_hits}
    for p, nearer in wanted.items():
        door_hits, result = flat[p]
        best_hit = min(door_hits, key=rank_key)
        for other in nearer:
            if other.id in door_of:  # a listed door: as it is ranked and read, its best record
                other_hits, other_result = flat[door_of[other.id]]
                other = min(other_hits, key=rank_key)
            else:
                other_result = place_result(rows[other.id], other.distance_km, plan.needs, now,
                                            on_my_behalf=query.filters.on_my_behalf)  # fmt: skip
            if doors.same_door(result, other_result) or not comparable(
                rows[best_hit.id], rows[other.id], plan.needs
            ):
                continue
            page_end = (p // size + 1) * size
            seen = tuple(
                r for i, (_hs, r) in enumerate(flat[:page_end])
                if i != p and r.distance_km is not None
                and shown_km(r.distance_km) < shown_km(result.distance_km)
            ) + (other_result,)  # fmt: skip
            line = ahead_line(
                rows[best_hit.id], fit_of(best_hit.score), rows[other.id], fit_of(other.score),
                plan.needs, query.preferred_origin_labels,
                distance_km=result.distance_km,
                nearer_km=other_result.distance_km, seen=seen,
            )  # fmt: skip
            if line:
                out[p] = dataclasses.replace(result, ahead=line)
            break
    return out


def shown_km(km: float) -> float:
    """The distance as the person reads it (``display.distance_text``): 50 m, 0.1 km, 1 km."""
    if km < 1:
        return max(50, round(km * 1000 / 50) * 50) / 1000
    return round(km, 1) if km < 10 else float(round(km))


__all__ = [
    "COMBINATION_RARE_CAP",
    "RARE_CAP",
    "TOTAL_CAP",
    "WIDENING_KM",
    "explain",
    "get_place",
    "search",
]
