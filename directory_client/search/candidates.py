"""Candidate places from the database, never by a scan: growing boxes over the covering index,
all the places of a rare need through the services index, two needs that few places cover
together, places matched by commune code; and the counts behind ``total``."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

from sqlalchemy import Float, Integer, and_, bindparam, case, func, literal, or_, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from directory_client import geo
from directory_client.models import Place
from directory_client.search.plan import (
    COVER,
    HELPS_REMOTELY,
    NEAREST_MAX_KM,
    Fit,
    Hit,
    Plan,
    by_score,
    fit_of,
)
from directory_client.search.rank import (
    Outcome,
    final_within,
    one_stop_per_mobile_service,
    rank_key,
)
from directory_client.search.rarity import overlapping_masks, supersets
from directory_client.search.sql import (
    DIST2,
    DIST2_UNINDEXED,
    IN_LATITUDE_RANGE,
    INNER_BOXES_KM,
    SERVICES_INDEX_HINT,
    box_clauses,
    cached,
    geo_params,
    has_need,
    latitude_range,
)
from directory_client.types import Location, SearchQuery

TOTAL_CAP = 300  # ``total`` is exact up to this many places (then: "300 or more")


_RARE_REMOTE_POOL = 200  # nothing near: remote helpers are looked for among this many nearest


def near_candidates(
    session: Connection,
    plan: Plan,
    lat: float,
    lon: float,
    half_km: float,
    need: int,
    by_distance_only: bool = False,
) -> tuple[list[Hit], bool]:
    """Matches within ``half_km`` (exact), deduplicated, best first; and whether that is all.

    Ranked (not ``by_distance_only``), the database returns the nearest places of each score
    (a score is what a place does: ``plan.fit_of``): the ``need`` best by ``rank.rank_key`` are
    among them whatever the distance each thing done is worth."""
    shape, params = geo_params(lat, lon, half_km)

    def build() -> Select:
        columns = [Place.id, Place.latitude, Place.longitude, Place.mobile_service_id,
                   plan.score.label("score")]  # fmt: skip
        if plan.keeps:
            columns += [Place.horaires, Place.code_postal]
        matches = select(*columns).where(*box_clauses(shape), *plan.where)
        if by_distance_only:
            return matches.order_by(DIST2).limit(bindparam("fetch", type_=Integer))
        level_rank = func.row_number().over(partition_by=plan.score, order_by=DIST2)
        inner = matches.add_columns(level_rank.label("level_rank")).subquery()
        return select(*list(inner.c)[: len(columns)]).where(
            inner.c.level_rank <= bindparam("fetch", type_=Integer)
        )

    statement = cached((plan.key, "near", by_distance_only, shape), build)

    def to_hits(rows: Sequence[Row]) -> list[Hit]:
        return keep_hits(plan, rows, lat, lon, half_km, dedupe=False)

    if by_distance_only:
        hits, complete = _fetch_growing(session, statement, params, need, to_hits)
        hits.sort(key=lambda h: h.distance_km)
    else:
        hits, complete = _fetch_levels(session, statement, params, need, to_hits)
        hits.sort(key=rank_key)
    return one_stop_per_mobile_service(hits), complete


def _fetch_growing(
    session: Connection,
    statement: Select,
    params: dict,
    need: int,
    to_hits: Callable[[Sequence[Row]], list[Hit]],
) -> tuple[list[Hit], bool]:
    """The hits of ``statement`` (limited by its ``fetch`` parameter), fetching four times more
    rows while they give fewer than ``need`` hits and some were left out; and whether that is
    all of its rows."""
    fetch = need * 3 + 10
    while True:
        rows = session.execute(statement, {**params, "fetch": fetch}).all()
        complete = len(rows) < fetch
        hits = to_hits(rows)
        if len(one_stop_per_mobile_service(hits)) >= need or complete:
            return hits, complete
        fetch *= 4


def _fetch_levels(
    session: Connection,
    statement: Select,
    params: dict,
    need: int,
    to_hits: Callable[[Sequence[Row]], list[Hit]],
) -> tuple[list[Hit], bool]:
    """The hits of ``statement``, which returns up to ``fetch`` rows of each score (the nearest):
    four times more while a score that had more rows than were read gives fewer than ``need``
    hits (a bus counted once) — then any place left out has ``need`` better ones of its own
    score. And whether that is all of its rows."""
    fetch = need * 3 + 10
    while True:
        rows = session.execute(statement, {**params, "fetch": fetch}).all()
        counts = Counter(int(row[4]) for row in rows)
        cut = {score for score, n in counts.items() if n >= fetch}
        hits = to_hits(rows)
        if not cut:
            return hits, True
        kept: dict[int, set] = {score: set() for score in cut}
        for hit in hits:
            if hit.score in kept:
                kept[hit.score].add(hit.id if hit.mobile_service_id is None
                                    else ("bus", hit.mobile_service_id))  # fmt: skip
        if all(len(found) >= need for found in kept.values()):
            return hits, False
        fetch *= 4


def keep_hits(
    plan: Plan, rows, lat: float, lon: float, half_km: float, dedupe: bool = True
) -> list[Hit]:
    hits: list[Hit] = []
    distance_to = geo.distances_from(lat, lon)
    for row in rows:
        if row[1] is None or row[2] is None:
            continue
        distance = distance_to(row[1], row[2])
        if distance > half_km:
            continue
        hit = Hit(row[0], distance, int(row[4]), row[3], *(row[5:7] if plan.keeps else ()))
        if all(keep(hit) for keep in plan.keeps):
            hits.append(hit)
    return one_stop_per_mobile_service(hits) if dedupe else hits


def count_near(session: Connection, plan: Plan, lat: float, lon: float, radius_km: float) -> int:
    """Places (a mobile service counted once) matching within the radius, up to TOTAL_CAP."""
    shape, params = geo_params(lat, lon, radius_km, slack=1.0)

    def build() -> Select:
        return _count_capped(
            select(Place.id, Place.mobile_service_id).where(*box_clauses(shape), *plan.where)
        )

    statement = cached((plan.key, "count", shape, TOTAL_CAP), build)
    return int(session.execute(statement, params).scalar_one())


def _count_capped(matches: Select) -> Select:
    """How many of ``matches`` (selecting ``mobile_service_id``), a mobile service counted once,
    up to TOTAL_CAP."""
    inner = matches.limit(TOTAL_CAP).subquery()
    return select(
        func.count()
        - func.count(inner.c.mobile_service_id)
        + func.count(inner.c.mobile_service_id.distinct())
    )


def code_candidates(
    session: Connection, plan: Plan, location: Location, need: int, without_coordinates: bool
) -> list[Hit]:
    """Matches by commune code (INSEE, postcode) or department; best first, distance None."""
    params: dict = {}
    if location.code_insee:
        params["code_insee"] = location.code_insee
    if location.code_postal:
        params["code_postal"] = location.code_postal
    if not without_coordinates and location.departement:
        dep = location.departement
        params["departement"] = dep
        params["postal_prefix"] = ("20" if dep.upper() in ("2A", "2B") else dep) + "%"
    if not params:
        return []
    shape = tuple(sorted(params))

    def build() -> Select:
        same_commune: list[ColumnElement] = []
        if "code_insee" in params:
            same_commune.append(Place.code_insee == bindparam("code_insee"))
        if "code_postal" in params:
            same_commune.append(Place.code_postal == bindparam("code_postal"))
        area = list(same_commune)
        if "departement" in params:
            area.append(Place.departement == bindparam("departement"))
            area.append(Place.code_postal.like(bindparam("postal_prefix")))
        proximity = [case((or_(*same_commune), 1), else_=0).desc()] if same_commune else []
        columns = [Place.id, Place.mobile_service_id, plan.score, Place.horaires, Place.code_postal]
        conditions = [or_(*area), *plan.where]
        if without_coordinates:
            conditions.append(or_(Place.latitude.is_(None), Place.longitude.is_(None)))
        return (
            select(*columns)
            .where(*conditions)
            .order_by(*by_score(plan), *proximity, Place.nom, Place.id)
            .limit(bindparam("fetch", type_=Integer))
        )

    def to_hits(rows: Sequence[Row]) -> list[Hit]:
        hits = [Hit(r[0], None, int(r[2]), r[1], r[3], r[4]) for r in rows]
        return one_stop_per_mobile_service([h for h in hits if all(k(h) for k in plan.keeps)])

    statement = cached((plan.key, "codes", shape, without_coordinates), build)
    hits, _complete = _fetch_growing(session, statement, params, need, to_hits)
    return hits


def rare_matches(
    session: Connection, plan: Plan, lat: float, lon: float, need: int, max_km: float
) -> list[Hit]:
    """For a rare need (few places offer it anywhere): every one within ``max_km`` — or, when
    there is none, the nearest ones anywhere — with their distance.

    Boxes would have to grow very wide to find them; the services index finds them directly:
    ``services_mask IN (every mask with one of the needed bits)`` is plain equality, and the
    index covers latitude and longitude, so the database reads only the index entries of that
    need. Coordinates are wrapped in expressions (``latitude + 0``) so that no planner prefers
    a coordinates index. Then the few useful places are read by primary key with the filters.
    """
    _shape, params = geo_params(lat, lon)
    params["r2"] = (max_km / geo.KM_PER_DEGREE_LAT * 1.05) ** 2
    latitude_range(params, lat, max_km)
    masks = overlapping_masks(plan.mask)

    def near() -> Select:
        return (
            select(Place.id)
            .where(
                has_need(masks),
                IN_LATITUDE_RANGE,
                bindparam("r2", type_=Float) >= DIST2_UNINDEXED,
            )
            .with_hint(Place, SERVICES_INDEX_HINT, "sqlite")
        )

    # One round trip each: the ids come from the services index (subquery), the database reads
    # those rows by primary key (outer query) with what ranking needs, whether the filters keep
    # them (last column) and whether they help remotely (the one before). Every place within
    # ``max_km`` is read: what a place does is worth a detour, so the nearest k may not hold the
    # best k.
    within = cached((plan.key, "rare-within", masks), lambda: _rare_details(plan, near()))
    rows = session.execute(within, params).all()
    nothing_within = not any(row[-1] for row in rows)  # none near that the filters keep
    if nothing_within:  # nothing near: the nearest ones, whatever the distance
        nearest = cached(
            (plan.key, "rare-nearest", masks, _RARE_REMOTE_POOL),
            lambda: _rare_details(
                plan,
                select(Place.id)
                .where(has_need(masks), (Place.latitude + 0).is_not(None))
                .order_by(DIST2_UNINDEXED)
                .limit(_RARE_REMOTE_POOL),
            ),
        )
        rows = session.execute(nearest, params).all()
    plan.rare_rows = rows
    distance_to = geo.distances_from(lat, lon)
    distance_of = {r[0]: distance_to(r[1], r[2]) for r in rows}
    located_ids = sorted((d, pid) for pid, d in distance_of.items())
    plan.rare_ids = [pid for _d, pid in located_ids[:_RARE_REMOTE_POOL]]
    if not plan.rare_ids:
        return []
    hits: list[Hit] = []
    for row in rows:
        if not row[-1]:
            continue
        if distance_of[row[0]] > NEAREST_MAX_KM:
            continue
        hit = Hit(
            row[0], distance_of[row[0]], int(row[4]), row[3], *(row[5:7] if plan.keeps else ())
        )
        if all(keep(hit) for keep in plan.keeps):
            hits.append(hit)
    return hits


def _rare_details(plan: Plan, ids: Select) -> Select:
    """The rows of ``ids`` (a subquery on the services index), read by primary key."""
    columns = [Place.id, Place.latitude, Place.longitude, Place.mobile_service_id, plan.score]
    if plan.keeps:
        columns += [Place.horaires, Place.code_postal]
    columns.append(case((HELPS_REMOTELY, 1), else_=0))  # for _remote_anywhere
    columns.append(case((and_(*plan.where), 1), else_=0) if plan.where else literal(1))
    return select(*columns).where(Place.id.in_(ids.correlate(None)))


def two_tiers_apply(plan: Plan) -> bool:
    """Two needs, nothing else to score nor to check in Python: ``two_tiers`` may answer (when
    the pair is rare)."""
    return (
        len(plan.needs) == 2
        and fit_of(plan.max_score) == Fit(needs=2, labels=0, clear=1, free=0, open=1, reach=1)
        and not plan.keeps
    )


def two_tiers(
    session: Connection, plan: Plan, query: SearchQuery, local: list[Hit], radii: list[float]
) -> Outcome | None:
    """Two needs that few places cover together: every one of those within the widest radius
    (through the services index), and the places covering one need through growing boxes,
    which stop as soon as no place beyond a box, covering one need, can rank among the best.

    Ranking is the same as the general path, which would otherwise grow its boxes to the whole
    radius to prove that no place covering both is nearer — thousands of rows in a city.
    """
    lat, lon = query.location.lat, query.location.lon
    need = query.offset + query.limit
    _shape, params = geo_params(lat, lon)
    params["r2"] = (radii[-1] / geo.KM_PER_DEGREE_LAT * 1.05) ** 2
    masks = supersets(plan.mask)
    within = cached(
        ("both-within", masks),
        lambda: select(Place.id).where(
            has_need(masks), bindparam("r2", type_=Float) >= DIST2_UNINDEXED
        ),
    )
    ids = session.execute(within, params).scalars().all()
    both: list[Hit] = []
    if ids:
        columns = [Place.id, Place.latitude, Place.longitude, Place.mobile_service_id, plan.score]
        by_id = cached(
            (plan.key, "by-id"),
            lambda: select(*columns).where(
                Place.id.in_(bindparam("ids", expanding=True)), *plan.where
            ),
        )
        rows = session.execute(by_id, {"ids": ids}).all()
        both = keep_hits(plan, rows, lat, lon, math.inf, dedupe=False)
    one_need_at_best = plan.max_score - COVER  # every place covering both is known
    # The directory is read once per box: a box's places do not depend on the radius, and
    # once the search widens, the widest radius is read once and the others cut from it (each
    # score's nearest places within a box are the first of that score's nearest in a wider
    # one). Before, the inner boxes were read again at each radius, then 50 and 100 km.
    boxes: dict[float, list[Hit]] = {}

    def box(half: float) -> list[Hit]:
        if half not in boxes:
            wider = [b for b in boxes if b > half]
            # A bus kept its best stop in the wider box, which may lie outside this one while
            # another stop lies inside: then this box is read.
            cut = wider and not any(h.mobile_service_id for h in boxes[min(wider)])
            boxes[half] = (
                [h for h in boxes[min(wider)] if h.distance_km <= half]
                if cut
                else near_candidates(session, plan, lat, lon, half, need)[0]
            )
        return boxes[half]

    for radius in radii:
        if radius > radii[0]:
            box(radii[-1])  # widening: one read at the widest radius, then cut
        first = [h for h in both if h.distance_km <= radius]
        known = {h.id for h in first}
        ranked: list[Hit] = []
        for half in [b for b in INNER_BOXES_KM if b < radius] + [radius]:
            hits = box(half)
            ranked = sorted([*first, *(h for h in hits if h.id not in known)], key=rank_key)
            ranked = one_stop_per_mobile_service(ranked)
            if final_within(ranked, need, half, one_need_at_best):
                break
        found = len(ranked) + len(local)
        if found >= query.limit or radius == radii[-1]:
            if found == 0:
                return None  # nothing near: the general path looks further
            total = count_near(session, plan, lat, lon, radius) + len(local)
            return Outcome(ranked + local, radius, radius > radii[0], False, total)
    return None
