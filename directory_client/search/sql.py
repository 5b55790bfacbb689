"""SQL pieces shared by the candidate queries: the statement cache, the flat-earth distance, the
boxes over the covering index, the services-index condition, and places read as plain rows."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Float, bindparam, literal_column, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from directory_client import geo
from directory_client.models import MobileService, Place
from directory_client.search.plan import WIDENING_KM

INNER_BOXES_KM = (3.0, 7.5, 15.0)


_MAX_BANDS = 80  # beyond, a latitude range is as selective as the list of bands


# Statements are built once per shape and cached: building and hashing SQLAlchemy expressions
# cost more than running the query. Everything that varies per search is a bind parameter.
_statements: dict[tuple, Select] = {}


def cached(key: tuple, build: Callable[[], Select]) -> Select:
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


DIST2 = _flat_distance2()


DIST2_UNINDEXED = _flat_distance2(Place.latitude + 0, Place.longitude + 0)


def geo_params(
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
IN_LATITUDE_RANGE = Place.latitude.between(bindparam("band_min_lat"), bindparam("band_max_lat"))


SERVICES_INDEX_HINT = "INDEXED BY ix_place_services"


def latitude_range(params: dict, lat: float, radius_km: float) -> None:
    half = radius_km / geo.KM_PER_DEGREE_LAT * 1.05
    params.update(band_min_lat=lat - half, band_max_lat=lat + half)


def box_clauses(shape: tuple) -> list[ColumnElement]:
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
        clauses.append(bindparam("r2", type_=Float) >= DIST2)
    return clauses


def has_need(masks: tuple[int, ...]) -> ColumnElement:
    """``services_mask IN (…)`` with the masks written in the statement (cached per mask): as
    an expanding bind parameter, SQLAlchemy rendered the 256 masks of one need anew for every
    search."""
    listed = ", ".join(str(int(m)) for m in masks)  # one SQL fragment: cheap to compile and key
    return Place.services_mask.op("IN")(literal_column(f"({listed})"))


def place_rows() -> Select:
    """Places as plain rows (attribute access like a Place, plus the mobile service's name and
    phone): building ORM objects cost more than the whole search."""
    return cached(("place-rows",), build_place_rows)


def places_by_id(session: Connection, ids: list[int]) -> dict[int, Row]:
    statement = cached(
        ("places-by-id",),
        lambda: build_place_rows().where(Place.id.in_(bindparam("ids", expanding=True))),
    )
    return {row.id: row for row in session.execute(statement, {"ids": ids})}


def build_place_rows() -> Select:
    return select(
        *Place.__table__.columns,
        MobileService.nom.label("mobile_nom"),
        MobileService.telephone.label("mobile_telephone"),
    ).outerjoin(MobileService, Place.mobile_service_id == MobileService.id)
