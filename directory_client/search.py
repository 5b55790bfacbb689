"""Local search of the directory: filter, rank, widen, explain.

Ranking (best first):
  1. service fit — needs covered (100 each), preferred finer 1.0 labels found in the place's
     original services (10 each), and, with ``free_only``, a known free place (+1): a place whose
     fees are unknown is kept but ranked after the known free ones;
  2. distance (places without coordinates, matched by commune code, come after all others);
  3. how soon it opens (evaluated for the returned page only: breaks ties at 0.1 km).

Radius: ``query.radius_km`` (30 km), widened to 50 then 100 km while fewer than ``limit``
places match. Nothing within 100 km: ``nothing_near`` and the nearest matching places at any
distance. The national helpline (and places helping remotely) are offered whenever there are
fewer than ``limit`` results, nothing near, or the person accepts remote help.

Speed: never a scan. Candidates come from the covering index (lat_band, longitude, …) through
boxes growing from 3 km until the ``offset + limit`` best are known to be final (all with the
best possible fit and within the box's inscribed circle) or the radius is reached; the database
orders by fit then by a flat-earth distance (portable arithmetic: SQLite and PostgreSQL), exact
haversine is computed on the fetched candidates only, opening hours on the page only.
"""

from __future__ import annotations

import math
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from sqlalchemy import (
    Float,
    Integer,
    and_,
    bindparam,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import sessionmaker
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from directory_client import geo, hours, labels
from directory_client.models import MobileService, Place, split_list
from directory_client.types import (
    Location,
    RemoteOption,
    SearchQuery,
    SearchResponse,
    SearchResult,
)

WIDENING_KM = (50.0, 100.0)
_INNER_BOXES_KM = (3.0, 7.5, 15.0)
_FAR_BOXES_KM = (250.0, 600.0, 1500.0, 4000.0, 21000.0)
_MAX_BANDS = 80  # beyond, a latitude range is as selective as the list of bands
TOTAL_CAP = 300  # ``total`` is exact up to this many places (then: "300 or more")
RARE_CAP = 25_000  # a need offered by fewer places is searched through the services index
COMBINATION_RARE_CAP = 25_000  # two needs covered together by fewer places: see _two_tiers
_RARE_REMOTE_POOL = 200  # nothing near: remote helpers are looked for among this many nearest
_AIDANTS_CONNECT = "Aidants Connect"
_ON_MY_BEHALF = "À ma place"
_REMOTE = "À distance"

_COVER, _PREFERRED, _FREE = 100, 10, 1

# Plain words for each service; a finer 1.0 label, when the place has it, says it better.
_SERVICE_WORDS: dict[str, str] = {
    labels.DEMARCHES: "aide pour vos papiers en ligne",
    labels.OUTILS_QUOTIDIEN: "apprendre à se servir d'un ordinateur ou d'un téléphone",
    labels.INSERTION_PRO: "aide pour chercher un emploi en ligne",
    labels.SECURITE: "apprendre à éviter les arnaques en ligne",
    labels.PARENTALITE: "aide pour accompagner vos enfants sur internet",
    labels.LOISIRS: "ateliers pour créer avec le numérique",
    labels.COMPREHENSION: "mieux comprendre le numérique",
    labels.ACCES_INTERNET_MATERIEL: "prêt d'ordinateur et accès internet",
    labels.ACQUISITION_MATERIEL: "ordinateurs à petit prix",
}
_ORIGIN_WORDS: dict[str, str] = {
    labels.V1_WITH_HELP: "fait vos papiers en ligne avec vous",
    labels.V1_AUTONOMY: "apprendre à faire vos papiers en ligne",
    labels.V1_HEALTH: "aide pour vos démarches de santé en ligne",
    labels.V1_SMARTPHONE: "apprendre à se servir d'un téléphone ou d'une tablette",
    labels.V1_COMPUTER: "apprendre à se servir d'un ordinateur",
    labels.V1_BUSINESS: "aide pour créer votre entreprise",
}


# --- query plan ----------------------------------------------------------------------------------
@dataclass
class _Plan:
    needs: tuple[str, ...]
    mask: int
    where: list[ColumnElement] = field(default_factory=list)
    score: ColumnElement | None = None
    max_score: int = 0
    keeps: list[Callable[[_Hit], bool]] = field(default_factory=list)  # checks done in Python
    rare_ids: list[int] | None = None  # the nearest places offering a rare need
    rare_rows: list = field(default_factory=list)  # theirs, read with "helps remotely" last
    key: tuple = ()  # what shapes the SQL: built statements are cached under it
    simple: bool = False  # every match ranks the same but for distance: nearest k suffice
    rare_truncated: bool = False  # only the nearest k of a rare need were read: count the rest


@dataclass
class _Hit:
    id: int
    distance_km: float | None
    score: int
    mobile_service_id: int | None
    horaires: str | None = None
    code_postal: str | None = None


def _known_needs(needs: tuple[str, ...]) -> tuple[str, ...]:
    known: list[str] = []
    for need in needs:
        label = labels.current_service(need) if need else None
        if label and label not in known:
            known.append(label)
    return tuple(known)


def _has(column, value: str) -> ColumnElement:
    """``value`` is one item of a ``|``-joined list column."""
    return (literal("|") + column + literal("|")).like(f"%|{value}|%")


_HELPS_REMOTELY = _has(Place.modalites_accompagnement, _REMOTE)


def _has_any(column, values: tuple[str, ...]) -> ColumnElement:
    return or_(*[_has(column, value) for value in values])


def _blank(column) -> ColumnElement:
    return or_(column.is_(None), column == "")


def _plan(query: SearchQuery, now: datetime) -> _Plan:
    needs = _known_needs(query.needs)
    f = query.filters
    keeps: list[Callable[[_Hit], bool]] = []
    if f.open_at is not None:
        moment = f.open_at

        def open_then(hit: _Hit) -> bool:
            tz = hours.place_timezone(hit.code_postal)
            return hours.is_open_at(hit.horaires, moment, tz) is True

        keeps.append(open_then)
    if f.open_on_saturday:
        keeps.append(lambda hit: hours.is_open_on_saturday(hit.horaires, now) is True)
    preferred = tuple(dict.fromkeys(label for label in query.preferred_origin_labels if label))
    # The SQL does not depend on the order of the needs (a sum of scores): one shape for both.
    in_bit_order = tuple(sorted(needs, key=labels.SERVICE_BITS.__getitem__))
    key = (
        in_bit_order, preferred, f.free_only, f.publics, f.prise_en_charge, f.accompagnement,
        f.labels, f.on_my_behalf, bool(keeps),
    )  # fmt: skip
    mask, where, score, max_score, simple = _plan_sql(key)
    return _Plan(
        needs=needs, mask=mask, where=list(where), score=score, max_score=max_score,
        keeps=keeps, key=key, simple=simple,
    )  # fmt: skip


@lru_cache(maxsize=1024)
def _plan_sql(key: tuple) -> tuple[int, tuple[ColumnElement, ...], ColumnElement, int, bool]:
    """The SQL side of a plan — mask, conditions, score — built once per shape (building these
    expressions cost more than a search's queries)."""
    needs, preferred, free_only, publics, prise_en_charge, accompagnement, programmes = key[:7]
    on_my_behalf, has_keeps = key[7:]
    mask = labels.services_mask(needs)
    where: list[ColumnElement] = []
    if mask:
        where.append(Place.services_mask.op("&")(mask) != 0)
    if free_only:
        where.append(or_(_blank(Place.frais_a_charge), Place.frais_a_charge.like("%Gratuit%")))
    if publics:  # a place that names no public welcomes everyone
        where.append(
            or_(
                _blank(Place.publics_specifiquement_adresses),
                _has_any(Place.publics_specifiquement_adresses, publics),
            )
        )
    if prise_en_charge:
        where.append(_has_any(Place.prise_en_charge_specifique, prise_en_charge))
    if accompagnement:
        where.append(_has_any(Place.modalites_accompagnement, accompagnement))
    if programmes:
        where.append(_has_any(Place.dispositif_programmes_nationaux, programmes))
    if on_my_behalf:
        where.append(
            or_(
                _has(Place.dispositif_programmes_nationaux, _AIDANTS_CONNECT),
                _has(Place.modalites_accompagnement, _ON_MY_BEHALF),
            )
        )

    terms: list[ColumnElement] = []
    for need in needs:
        bit = labels.SERVICE_BITS[need]
        terms.append(case((Place.services_mask.op("&")(bit) != 0, _COVER), else_=0))
    max_score = _COVER * len(needs)
    for label in preferred:
        terms.append(case((Place.services_origine.like(f"%{label}%"), _PREFERRED), else_=0))
    max_score += _PREFERRED * len(preferred)
    if free_only:
        terms.append(case((Place.frais_a_charge.like("%Gratuit%"), _FREE), else_=0))
        max_score += _FREE
    score = sum(terms[1:], terms[0]) if terms else literal(0)
    simple = (
        len(needs) <= 1
        and not preferred
        and not free_only
        and len(where) == (1 if mask else 0)
        and not has_keeps
    )
    return mask, tuple(where), score, max_score, simple


def _by_score(plan: _Plan) -> list[ColumnElement]:
    # A constant in ORDER BY is a column position for PostgreSQL: leave it out.
    return [plan.score.desc()] if plan.max_score else []


# --- candidates ----------------------------------------------------------------------------------
# Statements are built once per shape and cached: building and hashing SQLAlchemy expressions
# cost more than running the query. Everything that varies per search is a bind parameter.
_statements: dict[tuple, Select] = {}


def _cached(key: tuple, build: Callable[[], Select]) -> Select:
    statement = _statements.get(key)
    if statement is None:
        if len(_statements) > 2000:
            _statements.clear()
        statement = _statements[key] = build()
    return statement


def _flat_distance2(p_lat=Place.latitude, p_lon=Place.longitude) -> ColumnElement:
    """Squared flat-earth distance, in degrees of latitude, to (:lat0, :lon0); :k = cos(lat0)."""
    dlat = p_lat - bindparam("lat0", type_=Float)
    dlon = (p_lon - bindparam("lon0", type_=Float)) * bindparam("k", type_=Float)
    return dlat * dlat + dlon * dlon


_DIST2 = _flat_distance2()
_DIST2_UNINDEXED = _flat_distance2(Place.latitude + 0, Place.longitude + 0)


def _geo_params(
    lat: float, lon: float, half_km: float | None = None, slack: float = 1.05
) -> tuple[tuple, dict]:
    """The box's shape (for the statement cache) and its bind parameters."""
    params: dict = {"lat0": lat, "lon0": lon, "k": geo.equirectangular_scale(lat)}
    if half_km is None:
        return (), params
    box = geo.bounding_box(lat, lon, half_km)
    bands = box.bands
    use_bands = len(bands) <= _MAX_BANDS
    circle = half_km <= WIDENING_KM[-1]
    if use_bands:
        params["bands"] = bands
    else:
        params.update(min_lat=box.min_lat, max_lat=box.max_lat)
    if not box.whole_world:
        params.update(min_lon=box.min_lon, max_lon=box.max_lon)
    if circle:  # flat-earth circle, with slack for candidates (checked exactly on the rows)
        params["r2"] = (half_km / geo.KM_PER_DEGREE_LAT * slack) ** 2
    return (use_bands, box.whole_world, circle), params


# Rare needs go through ix_place_services (services_mask, latitude, longitude): with a latitude
# range next to the masks, the database reads only the entries of that need in the band of the
# circle, instead of every entry of the need. SQLite is told which index (it could otherwise
# take ix_place_lat_lon for the range and filter the masks row by row).
_IN_LATITUDE_RANGE = Place.latitude.between(bindparam("band_min_lat"), bindparam("band_max_lat"))
_SERVICES_INDEX_HINT = "INDEXED BY ix_place_services"


def _latitude_range(params: dict, lat: float, radius_km: float) -> None:
    half = radius_km / geo.KM_PER_DEGREE_LAT * 1.05
    params.update(band_min_lat=lat - half, band_max_lat=lat + half)


def _box_clauses(shape: tuple) -> list[ColumnElement]:
    use_bands, whole_world, circle = shape
    clauses: list[ColumnElement] = []
    if use_bands:
        clauses.append(Place.lat_band.in_(bindparam("bands", expanding=True)))
    else:
        clauses.append(Place.latitude.between(bindparam("min_lat"), bindparam("max_lat")))
    if whole_world:
        clauses.append(Place.longitude.is_not(None))
    else:
        clauses.append(Place.longitude.between(bindparam("min_lon"), bindparam("max_lon")))
    if circle:
        clauses.append(bindparam("r2", type_=Float) >= _DIST2)
    return clauses


def _near_candidates(
    session: Connection,
    plan: _Plan,
    lat: float,
    lon: float,
    half_km: float,
    need: int,
    by_distance_only: bool = False,
) -> tuple[list[_Hit], bool]:
    """Matches within ``half_km`` (exact), deduplicated, best first; and whether that is all."""
    shape, params = _geo_params(lat, lon, half_km)

    def build() -> Select:
        columns = [Place.id, Place.latitude, Place.longitude, Place.mobile_service_id, plan.score]
        if plan.keeps:
            columns += [Place.horaires, Place.code_postal]
        order = [_DIST2] if by_distance_only else [*_by_score(plan), _DIST2]
        return (
            select(*columns)
            .where(*_box_clauses(shape), *plan.where)
            .order_by(*order)
            .limit(bindparam("fetch", type_=Integer))
        )

    statement = _cached((plan.key, "near", by_distance_only, shape), build)
    fetch = need * 3 + 10
    while True:
        rows = session.execute(statement, {**params, "fetch": fetch}).all()
        truncated = len(rows) == fetch
        hits = _keep(plan, rows, lat, lon, half_km)
        if len(hits) >= need or not truncated:
            hits.sort(key=(lambda h: h.distance_km) if by_distance_only else _rank_key)
            return hits, not truncated
        fetch *= 4


def _keep(
    plan: _Plan, rows, lat: float, lon: float, half_km: float, dedupe: bool = True
) -> list[_Hit]:
    hits: list[_Hit] = []
    distance_to = geo.distances_from(lat, lon)
    for row in rows:
        if row[1] is None or row[2] is None:
            continue
        distance = distance_to(row[1], row[2])
        if distance > half_km:
            continue
        hit = _Hit(row[0], distance, int(row[4]), row[3], *(row[5:7] if plan.keeps else ()))
        if all(keep(hit) for keep in plan.keeps):
            hits.append(hit)
    return _one_stop_per_mobile_service(hits) if dedupe else hits


def _one_stop_per_mobile_service(hits: list[_Hit]) -> list[_Hit]:
    """A bus with 12 stops is one option: keep its best stop (hits come best first)."""
    seen: set[int] = set()
    kept: list[_Hit] = []
    for hit in hits:
        if hit.mobile_service_id is not None:
            if hit.mobile_service_id in seen:
                continue
            seen.add(hit.mobile_service_id)
        kept.append(hit)
    return kept


def _rank_key(hit: _Hit) -> tuple:
    far = math.inf if hit.distance_km is None else hit.distance_km
    return (-hit.score, hit.distance_km is None, far)


def _count_near(session: Connection, plan: _Plan, lat: float, lon: float, radius_km: float) -> int:
    """Places (a mobile service counted once) matching within the radius, up to TOTAL_CAP."""
    shape, params = _geo_params(lat, lon, radius_km, slack=1.0)

    def build() -> Select:
        inner = (
            select(Place.id, Place.mobile_service_id)
            .where(*_box_clauses(shape), *plan.where)
            .limit(TOTAL_CAP)
            .subquery()
        )
        return select(
            func.count()
            - func.count(inner.c.mobile_service_id)
            + func.count(inner.c.mobile_service_id.distinct())
        )

    statement = _cached((plan.key, "count", shape, TOTAL_CAP), build)
    return int(session.execute(statement, params).scalar_one())


def _code_candidates(
    session: Connection, plan: _Plan, location: Location, need: int, without_coordinates: bool
) -> list[_Hit]:
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
            .order_by(*_by_score(plan), *proximity, Place.nom, Place.id)
            .limit(bindparam("fetch", type_=Integer))
        )

    statement = _cached((plan.key, "codes", shape, without_coordinates), build)
    fetch = need * 3 + 10
    while True:
        rows = session.execute(statement, {**params, "fetch": fetch}).all()
        hits = [_Hit(r[0], None, int(r[2]), r[1], r[3], r[4]) for r in rows]
        hits = _one_stop_per_mobile_service([h for h in hits if all(k(h) for k in plan.keeps)])
        if len(hits) >= need or len(rows) < fetch:
            return hits
        fetch *= 4


# --- search --------------------------------------------------------------------------------------
@dataclass
class _Outcome:
    hits: list[_Hit]
    radius_km: float
    widened: bool
    nothing_near: bool
    total: int


def _search_near(session: Connection, plan: _Plan, query: SearchQuery) -> _Outcome:
    lat, lon = query.location.lat, query.location.lon
    assert lat is not None and lon is not None
    need = query.offset + query.limit
    radii = [query.radius_km, *[r for r in WIDENING_KM if r > query.radius_km]]
    # Places with no coordinates in the person's commune: after all places with a distance.
    local = _code_candidates(session, plan, query.location, need, without_coordinates=True)
    few = _all_matches_if_few(session, plan, lat, lon, need, radii[-1])
    if few is not None:
        outcome = _rank_few(few, local, radii, query.limit)
        if plan.rare_truncated and not outcome.nothing_near:
            outcome.total = _count_rare(session, plan, lat, lon, outcome.radius_km) + len(local)
        return outcome
    tiers = _two_tiers(session, plan, query, local, radii)
    if tiers is not None:
        return tiers
    boxes = [b for b in _INNER_BOXES_KM if b < radii[0]] + radii
    for half in boxes:
        hits, complete = _near_candidates(session, plan, lat, lon, half, need)
        best_known = len(hits) >= need and all(h.score == plan.max_score for h in hits[:need])
        if half < radii[0]:
            if not best_known:
                continue
            total = _count_near(session, plan, lat, lon, radii[0]) + len(local)
            return _Outcome(hits + local, radii[0], False, False, total)
        found = len(hits) + len(local)
        if found >= query.limit or half == radii[-1]:
            if found == 0:
                break
            total = found if complete else _count_near(session, plan, lat, lon, half) + len(local)
            return _Outcome(hits + local, half, half > radii[0], False, total)
    for half in _FAR_BOXES_KM:
        hits, _complete = _near_candidates(
            session, plan, lat, lon, half, need, by_distance_only=True
        )
        if len(hits) >= need or half == _FAR_BOXES_KM[-1]:
            return _Outcome(hits, radii[-1], radii[-1] > radii[0], True, 0)
    raise AssertionError("unreachable")


@lru_cache(maxsize=512)
def _overlapping_masks(mask: int) -> tuple[int, ...]:
    return tuple(m for m in range(1, 1 << len(labels.SERVICES)) if m & mask)


def _all_matches_if_few(
    session: Connection, plan: _Plan, lat: float, lon: float, need: int, max_km: float
) -> list[_Hit] | None:
    """For a rare need (few places offer it anywhere): every one within ``max_km`` — or, when
    there is none, the nearest ones anywhere — with their distance.

    Boxes would have to grow very wide to find them; the services index finds them directly:
    ``services_mask IN (every mask with one of the needed bits)`` is plain equality, and the
    index covers latitude and longitude, so the database reads only the index entries of that
    need. Coordinates are wrapped in expressions (``latitude + 0``) so that no planner prefers
    a coordinates index. Then the few useful places are read by primary key with the filters.
    """
    if not plan.mask:
        return None
    if not _is_rare(session, plan.mask):
        return None
    _shape, params = _geo_params(lat, lon)
    params["r2"] = (max_km / geo.KM_PER_DEGREE_LAT * 1.05) ** 2
    _latitude_range(params, lat, max_km)
    masks = _overlapping_masks(plan.mask)

    def near() -> Select:
        return (
            select(Place.id)
            .where(
                _has_need(masks),
                _IN_LATITUDE_RANGE,
                bindparam("r2", type_=Float) >= _DIST2_UNINDEXED,
            )
            .with_hint(Place, _SERVICES_INDEX_HINT, "sqlite")
        )

    # One round trip each: the ids come from the services index (subquery), the database reads
    # those rows by primary key (outer query) with what ranking needs, whether the filters keep
    # them (last column) and whether they help remotely (the one before).
    if plan.simple:  # the nearest k are the best k
        k = max(need * 3 + 10, 50)
        within = _cached(
            (plan.key, "rare-within-k", masks),
            lambda: _rare_details(plan, near().order_by(_DIST2_UNINDEXED).limit(
                bindparam("nearest_k", type_=Integer))),
        )  # fmt: skip
        rows = session.execute(within, {**params, "nearest_k": k}).all()
        plan.rare_truncated = len(rows) == k
    else:
        within = _cached((plan.key, "rare-within", masks), lambda: _rare_details(plan, near()))
        rows = session.execute(within, params).all()
    nothing_within = not rows
    if nothing_within:  # nothing near: the nearest ones, whatever the distance
        nearest = _cached(
            (plan.key, "rare-nearest", masks, _RARE_REMOTE_POOL),
            lambda: _rare_details(
                plan,
                select(Place.id)
                .where(_has_need(masks), (Place.latitude + 0).is_not(None))
                .order_by(_DIST2_UNINDEXED)
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
    kept = None
    if nothing_within and plan.simple:
        # Ranked by distance alone and nothing to count: the nearest few are enough (room left
        # for the other stops of a bus, shown once).
        kept = {pid for _d, pid in located_ids[: max(need * 3 + 10, 50)]}
    hits: list[_Hit] = []
    for row in rows:
        if not row[-1] or (kept is not None and row[0] not in kept):
            continue
        hit = _Hit(
            row[0], distance_of[row[0]], int(row[4]), row[3], *(row[5:7] if plan.keeps else ())
        )
        if all(keep(hit) for keep in plan.keeps):
            hits.append(hit)
    return hits


def _rare_details(plan: _Plan, ids: Select) -> Select:
    """The rows of ``ids`` (a subquery on the services index), read by primary key."""
    columns = [Place.id, Place.latitude, Place.longitude, Place.mobile_service_id, plan.score]
    if plan.keeps:
        columns += [Place.horaires, Place.code_postal]
    columns.append(case((_HELPS_REMOTELY, 1), else_=0))  # for _remote_anywhere
    columns.append(case((and_(*plan.where), 1), else_=0) if plan.where else literal(1))
    return select(*columns).where(Place.id.in_(ids.correlate(None)))


def _two_tiers(
    session: Connection, plan: _Plan, query: SearchQuery, local: list[_Hit], radii: list[float]
) -> _Outcome | None:
    """Two needs that few places cover together: those places first (nearest first, through the
    services index), then places covering one need (nearest first, through growing boxes).

    Ranking is the same as the general path, which would otherwise grow its boxes to the whole
    radius to prove that no place covering both is nearer — thousands of rows in a city.
    """
    if len(plan.needs) != 2 or plan.max_score != 2 * _COVER or plan.keeps:
        return None
    if not _combination_is_rare(session, plan.mask):
        return None
    lat, lon = query.location.lat, query.location.lon
    need = query.offset + query.limit
    _shape, params = _geo_params(lat, lon)
    params["r2"] = (radii[-1] / geo.KM_PER_DEGREE_LAT * 1.05) ** 2
    masks = _supersets(plan.mask)
    within = _cached(
        ("both-within", masks),
        lambda: select(Place.id).where(
            _has_need(masks), bindparam("r2", type_=Float) >= _DIST2_UNINDEXED
        ),
    )
    ids = session.execute(within, params).scalars().all()
    both: list[_Hit] = []
    if ids:
        columns = [Place.id, Place.latitude, Place.longitude, Place.mobile_service_id, plan.score]
        by_id = _cached(
            (plan.key, "by-id"),
            lambda: select(*columns).where(
                Place.id.in_(bindparam("ids", expanding=True)), *plan.where
            ),
        )
        rows = session.execute(by_id, {"ids": ids}).all()
        both = sorted(_keep(plan, rows, lat, lon, math.inf, dedupe=False), key=_rank_key)
    both_ids = {h.id for h in both}
    for radius in radii:
        first = _one_stop_per_mobile_service([h for h in both if h.distance_km <= radius])
        partial: list[_Hit] = []
        if len(first) < need:
            for half in [b for b in _INNER_BOXES_KM if b < radius] + [radius]:
                hits, _complete = _near_candidates(
                    session, plan, lat, lon, half, need + len(first), by_distance_only=True
                )
                partial = [h for h in hits if h.id not in both_ids]
                if len(partial) >= need - len(first):
                    break
        found = len(first) + len(partial) + len(local)
        if found >= query.limit or radius == radii[-1]:
            if found == 0:
                return None  # nothing near: the general path looks further
            total = _count_near(session, plan, lat, lon, radius) + len(local)
            return _Outcome(first + partial + local, radius, radius > radii[0], False, total)
    return None


@lru_cache(maxsize=512)
def _supersets(mask: int) -> tuple[int, ...]:
    return tuple(m for m in range(1, 1 << len(labels.SERVICES)) if m & mask == mask)


def _combination_is_rare(session: Connection, mask: int) -> bool:
    count = _capped_count(session, ("all of", mask), _supersets(mask), COMBINATION_RARE_CAP)
    return count <= COMBINATION_RARE_CAP


def _count_rare(session: Connection, plan: _Plan, lat: float, lon: float, radius_km: float) -> int:
    _shape, params = _geo_params(lat, lon)
    params["r2"] = (radius_km / geo.KM_PER_DEGREE_LAT) ** 2
    _latitude_range(params, lat, radius_km)
    masks = _overlapping_masks(plan.mask)

    def build() -> Select:
        inner = (
            select(Place.id, Place.mobile_service_id)
            .where(
                _has_need(masks),
                _IN_LATITUDE_RANGE,
                bindparam("r2", type_=Float) >= _DIST2_UNINDEXED,
            )
            .with_hint(Place, _SERVICES_INDEX_HINT, "sqlite")
            .limit(TOTAL_CAP)
            .subquery()
        )
        return select(
            func.count()
            - func.count(inner.c.mobile_service_id)
            + func.count(inner.c.mobile_service_id.distinct())
        )

    statement = _cached(("rare-count", masks, TOTAL_CAP), build)
    return int(session.execute(statement, params).scalar_one())


_rarity: dict[tuple[str, int, tuple], tuple[int, float]] = {}
_RARITY_TTL_S = 600.0  # a stale answer only picks the slower path, never a wrong result


_generations: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_GENERATION_TTL_S = 1.0


def _generation(session: Connection) -> str:
    """Names what the database holds, for the rarity counts: the highest place id changes with
    every import (and with a rebuilt database). Read at most once a second per engine: a count
    a second behind an import only ever picks the slower path, never a wrong result."""
    engine = session.engine
    now = time.monotonic()
    known = _generations.get(engine)
    if known is None or known[1] <= now:
        highest = session.execute(select(func.max(Place.id))).scalar()
        known = _generations[engine] = (
            f"{engine.url}#{id(engine)}#{highest}",
            now + _GENERATION_TTL_S,
        )
    return known[0]


def _capped_count(session: Connection, what: tuple, masks: tuple[int, ...], cap: int) -> int:
    """Places whose services_mask is one of ``masks``, counted up to ``cap + 1``; kept a few
    minutes per directory generation (``what`` names the count in the cache)."""
    key = (_generation(session), cap, what)
    known = _rarity.get(key)
    if known is None or known[1] <= time.monotonic():
        probe = select(Place.id).where(Place.services_mask.in_(masks)).limit(cap + 1).subquery()
        count = session.execute(select(func.count()).select_from(probe)).scalar_one()
        known = _rarity[key] = (count, time.monotonic() + _RARITY_TTL_S)
    return known[0]


def _is_rare(session: Connection, mask: int) -> bool:
    """Fewer than RARE_CAP places offer one of the needs: a count per service (nine at most,
    kept a few minutes and while no place is added), summed — an upper bound for any
    combination."""
    total = 0
    for bit in labels.SERVICE_BITS.values():
        if not mask & bit:
            continue
        total += _capped_count(session, ("one of", bit), _overlapping_masks(bit), RARE_CAP)
        if total > RARE_CAP:
            return False
    return True


def _has_need(masks: tuple[int, ...]) -> ColumnElement:
    """``services_mask IN (…)`` with the masks written in the statement (cached per mask): as
    an expanding bind parameter, SQLAlchemy rendered the 256 masks of one need anew for every
    search."""
    listed = ", ".join(str(int(m)) for m in masks)  # one SQL fragment: cheap to compile and key
    return Place.services_mask.op("IN")(literal_column(f"({listed})"))


def _rank_few(hits: list[_Hit], local: list[_Hit], radii: list[float], limit: int) -> _Outcome:
    hits.sort(key=_rank_key)
    for radius in radii:
        within = _one_stop_per_mobile_service([h for h in hits if h.distance_km <= radius])
        found = len(within) + len(local)
        if found >= limit or radius == radii[-1]:
            if found:
                return _Outcome(within + local, radius, radius > radii[0], False, found)
            break
    hits.sort(key=lambda h: h.distance_km)
    return _Outcome(_one_stop_per_mobile_service(hits), radii[-1], radii[-1] > radii[0], True, 0)


def _search_by_code(session: Connection, plan: _Plan, query: SearchQuery) -> _Outcome:
    need = query.offset + query.limit
    hits = _code_candidates(session, plan, query.location, need, without_coordinates=False)
    return _Outcome(hits, query.radius_km, False, not hits, len(hits))


def search(Session: sessionmaker, query: SearchQuery) -> SearchResponse:
    now = query.now or hours.now_paris()
    plan = _plan(query, now)
    location = query.location
    with Session() as orm_session:
        # Core on the session's connection: the ORM's own work per statement cost more than
        # most of SQLite's queries.
        session = orm_session.connection()
        if location.lat is not None and location.lon is not None:
            outcome = _search_near(session, plan, query)
        else:
            outcome = _search_by_code(session, plan, query)
        page = outcome.hits[query.offset : query.offset + query.limit]
        results = _results(session, page, plan, query, now, outcome.nothing_near)
        remote: tuple[RemoteOption, ...] = ()
        if len(results) < query.limit or outcome.nothing_near or query.filters.remote_ok:
            remote = _remote_options(session, plan, query, outcome)
    return SearchResponse(
        query=query,
        results=results,
        radius_km=outcome.radius_km,
        widened=outcome.widened,
        nothing_near=outcome.nothing_near,
        total=outcome.total,
        remote_options=remote,
    )


def get_place(
    Session: sessionmaker, public_id: str, now: datetime | None = None
) -> SearchResult | None:
    with Session() as orm_session:
        place = (
            orm_session.connection()
            .execute(_place_rows().where(Place.public_id == public_id))
            .first()
        )
        if place is None:
            return None
        return _result(place, None, (), now or hours.now_paris(), on_my_behalf=False)


def _place_rows() -> Select:
    """Places as plain rows (attribute access like a Place, plus the mobile service's name and
    phone): building ORM objects cost more than the whole search."""
    return _cached(("place-rows",), _build_place_rows)


def _places_by_id(session: Connection, ids: list[int]) -> dict[int, Row]:
    statement = _cached(
        ("places-by-id",),
        lambda: _build_place_rows().where(Place.id.in_(bindparam("ids", expanding=True))),
    )
    return {row.id: row for row in session.execute(statement, {"ids": ids})}


def _build_place_rows() -> Select:
    return select(
        *Place.__table__.columns,
        MobileService.nom.label("mobile_nom"),
        MobileService.telephone.label("mobile_telephone"),
    ).outerjoin(MobileService, Place.mobile_service_id == MobileService.id)


# --- results -------------------------------------------------------------------------------------
def _results(
    session: Connection,
    page: list[_Hit],
    plan: _Plan,
    query: SearchQuery,
    now: datetime,
    nothing_near: bool,
) -> tuple[SearchResult, ...]:
    if not page:
        return ()
    places = _places_by_id(session, [h.id for h in page])
    built = [
        (hit, _result(places[hit.id], hit.distance_km, plan.needs, now,
                      on_my_behalf=query.filters.on_my_behalf, free_only=query.filters.free_only,
                      preferred=query.preferred_origin_labels))
        for hit in page
    ]  # fmt: skip
    if nothing_near:
        return tuple(result for _hit, result in built)

    def key(item: tuple[_Hit, SearchResult]) -> tuple:
        hit, result = item
        far = math.inf if hit.distance_km is None else round(hit.distance_km, 1)
        soon = hours.minutes_until_open(result.opening, now)
        return (-hit.score, hit.distance_km is None, far, soon)

    return tuple(result for _hit, result in sorted(built, key=key))


def _free(frais: str | None) -> bool | None:
    values = split_list(frais)
    if not values:
        return None
    return any(v.startswith("Gratuit") for v in values)


def _result(
    place: Row,
    distance_km: float | None,
    needs: tuple[str, ...],
    now: datetime,
    *,
    on_my_behalf: bool,
    free_only: bool = False,
    preferred: tuple[str, ...] = (),
) -> SearchResult:
    tz = hours.place_timezone(place.code_postal)
    address = ", ".join(
        part
        for part in (
            place.adresse,
            place.complement_adresse,
            " ".join(p for p in (place.code_postal, place.commune) if p),
        )
        if part
    )
    accessibility = place.accessibilite if (place.accessibilite or "").startswith("http") else None
    return SearchResult(
        id=place.public_id,
        name=place.nom,
        services=tuple(split_list(place.services)),
        address=address,
        commune=place.commune,
        code_postal=place.code_postal,
        lat=place.latitude,
        lon=place.longitude,
        distance_km=distance_km,
        phone=place.telephone or place.mobile_telephone,
        email=_first(place.courriels),
        website=_first(place.site_web),
        appointment_url=place.prise_rdv,
        opening_hours=place.horaires,
        opening=hours.opening_status(place.horaires, now, tz),
        free=_free(place.frais_a_charge),
        labels=tuple(split_list(place.dispositif_programmes_nationaux)),
        why=explain(place, needs, on_my_behalf=on_my_behalf, free_only=free_only,
                    preferred=preferred),  # fmt: skip
        mobile_service=place.mobile_nom,
        accessibility_url=accessibility,
        source=place.source,
        date_maj=place.date_maj.isoformat() if place.date_maj else None,
    )


def _first(value: str | None) -> str | None:
    values = split_list(value)
    return values[0] if values else None


def explain(
    place: Row,
    needs: tuple[str, ...],
    *,
    on_my_behalf: bool = False,
    free_only: bool = False,
    preferred: tuple[str, ...] = (),
) -> str:
    """Why this place: in plain words, from its facts ("aide pour vos papiers en ligne, gratuit,
    France Services"). Where it is (distance, address) is not a reason: channels show it. A finer
    (1.0) label of the place is named only when it is the one asked for (``preferred``): a place
    matched for "a computer" is not explained by the smartphone lessons it also gives."""
    services = split_list(place.services)
    origin = split_list(place.services_origine)
    asked = [s for s in needs if s in services] or services[:2]
    parts: list[str] = []
    for service in asked:
        finer = [
            words
            for label, words in _ORIGIN_WORDS.items()
            if label in origin
            and labels.SERVICES_V1_TO_CURRENT.get(label) == service
            and (not preferred or label in preferred)
        ]
        parts.append(finer[0] if finer else _SERVICE_WORDS.get(service, service.lower()))
    programmes = split_list(place.dispositif_programmes_nationaux)
    modalities = split_list(place.modalites_accompagnement)
    if _AIDANTS_CONNECT in programmes:
        parts.append("peut faire vos démarches à votre place (Aidants Connect)")
    elif _ON_MY_BEHALF in modalities and (on_my_behalf or labels.DEMARCHES in asked):
        parts.append("peut faire vos démarches à votre place")
    free = _free(place.frais_a_charge)
    if free:
        fees = split_list(place.frais_a_charge)
        parts.append("gratuit" if "Gratuit" in fees else "gratuit sous condition")
    elif free is None and free_only:
        parts.append("tarif non précisé")
    if "France Services" in programmes or "RFS" in split_list(place.typologie):
        parts.append("France Services")
    if place.mobile_nom:
        parts.append(f"passage du {place.mobile_nom}")
    return ", ".join(dict.fromkeys(parts))


# --- remote options ------------------------------------------------------------------------------
def _remote_anywhere(
    session: Connection, plan: _Plan, remote_plan: _Plan, lat: float, lon: float, count: int
) -> list[_Hit]:
    if plan.rare_ids is not None:  # few candidates, already read (with "helps remotely" last)
        pool = set(plan.rare_ids)
        rows = [row for row in plan.rare_rows if row[0] in pool and row[-2] and row[-1]]
    else:  # a filter left nothing near: a scan, but a rare case
        stmt = _cached(
            (remote_plan.key, "remote-anywhere", count),
            lambda: select(
                Place.id, Place.latitude, Place.longitude, Place.mobile_service_id, plan.score
            )
            .where(Place.latitude.is_not(None), Place.longitude.is_not(None), *remote_plan.where)
            .order_by(_DIST2)
            .limit(count * 5),
        )
        _shape, params = _geo_params(lat, lon)
        rows = session.execute(stmt, params).all()
    hits = _keep(remote_plan, rows, lat, lon, math.inf)
    return sorted(hits, key=lambda h: h.distance_km)


def _remote_options(
    session: Connection, plan: _Plan, query: SearchQuery, outcome: _Outcome, count: int = 2
) -> tuple[RemoteOption, ...]:
    """The helpline, then matching places that help remotely: the nearest within the radius,
    or, when nothing is near, the nearest anywhere."""
    options = [
        RemoteOption(
            name=labels.HELPLINE["name"],
            phone=labels.HELPLINE["phone"],
            url=labels.HELPLINE["url"],
            why=labels.HELPLINE["why"],
        )
    ]
    remote_plan = _Plan(
        needs=plan.needs,
        mask=plan.mask,
        where=[*plan.where, _HELPS_REMOTELY],
        score=plan.score,
        max_score=plan.max_score,
        key=(*plan.key, "remote"),
    )
    location = query.location
    hits: list[_Hit] = []
    if outcome.nothing_near and location.lat is not None and location.lon is not None:
        hits = _remote_anywhere(session, plan, remote_plan, location.lat, location.lon, count)
    elif outcome.nothing_near:
        pass
    elif location.lat is not None and location.lon is not None:
        hits, _complete = _near_candidates(
            session, remote_plan, location.lat, location.lon, outcome.radius_km, count,
            by_distance_only=True,
        )  # fmt: skip
    else:
        hits = _code_candidates(session, remote_plan, location, count, without_coordinates=False)
    ids = [h.id for h in hits[:count]]
    if ids:
        by_id = _places_by_id(session, ids)
        for hit in hits[:count]:
            place = by_id[hit.id]
            why = explain(place, plan.needs)
            options.append(
                RemoteOption(
                    name=place.nom,
                    phone=place.telephone,
                    url=place.prise_rdv or _first(place.site_web),
                    why=f"aide à distance : {why}",
                )
            )
    return tuple(options)


__all__ = ["search", "get_place", "explain", "TOTAL_CAP", "WIDENING_KM"]
