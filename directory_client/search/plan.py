"""The plan of a search: the needs and filters of a query turned into SQL conditions and a fit
score (built once per shape of query), plus the checks done in Python (opening hours)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from sqlalchemy import case, literal, or_
from sqlalchemy.sql.elements import ColumnElement

from directory_client import hours, islands, labels
from directory_client.models import Place
from directory_client.search import evidence
from directory_client.search import publics as publics_fit
from directory_client.types import SearchQuery

WIDENING_KM = (50.0, 100.0)
# Nothing within the widest radius: the nearest places anyway, but never beyond this distance.
# Farther is another territory (a place in La Réunion for someone in the Rhône); the person
# gets the helpline and remote help instead.
NEAREST_MAX_KM = 1000.0


AIDANTS_CONNECT = "Aidants Connect"


ON_MY_BEHALF = "À ma place"


_REMOTE = "À distance"


# A score's parts, one decimal digit each but the needs: needs covered (``COVER`` each), finer
# labels asked for that the place has (``_PREFERRED`` each, at most 9 asked), a place open to
# all (``_OPEN``: its record does not say it serves town halls, students or its residents only,
# ``search.evidence``, nor another public than the person's, ``search.publics``), a place the
# person can reach or knows when to visit (``_REACH``: a phone, an e-mail, a website, a booking
# link or opening hours), a record that clearly does
# digital mediation (``_CLEAR``), a known free place with ``free_only`` (``_FREE``). How much
# each is worth against distance: ``rank.weight``.
COVER, _PREFERRED, _OPEN, _REACH, _CLEAR, _FREE = 100000, 10000, 1000, 100, 10, 1
_MAX_LABELS = 9


@dataclass(frozen=True)
class Fit:
    """What a place's score says: needs covered, finer labels found, whether it is open to all
    (1) or its record says it serves a closed public (0), whether its record clearly does
    digital mediation (1) or says little about it (0), known free (1, with ``free_only``),
    whether the person can reach it or knows when to go (1) or its record gives only an address
    (0: no phone, e-mail, website, booking link nor hours)."""

    needs: int
    labels: int
    clear: int
    free: int
    open: int = 1
    reach: int = 1


def fit_of(score: int) -> Fit:
    return Fit(
        needs=score // COVER,
        labels=(score % COVER) // _PREFERRED,
        clear=(score % _REACH) // _CLEAR,
        free=score % _CLEAR,
        open=(score % _PREFERRED) // _OPEN,
        reach=(score % _OPEN) // _REACH,
    )


@dataclass
class Plan:
    needs: tuple[str, ...]
    mask: int
    where: list[ColumnElement] = field(default_factory=list)
    score: ColumnElement | None = None
    max_score: int = 0
    keeps: list[Callable[[Hit], bool]] = field(default_factory=list)  # checks done in Python
    rare_ids: list[int] | None = None  # the nearest places offering a rare need
    rare_rows: list = field(default_factory=list)  # theirs, read with "helps remotely" last
    key: tuple = ()  # what shapes the SQL: built statements are cached under it


@dataclass
class Hit:
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


def has(column, value: str) -> ColumnElement:
    """``value`` is one item of a ``|``-joined list column."""
    return (literal("|") + column + literal("|")).like(f"%|{value}|%")


HELPS_REMOTELY = has(Place.modalites_accompagnement, _REMOTE)


def _has_any(column, values: tuple[str, ...]) -> ColumnElement:
    return or_(*[has(column, value) for value in values])


def _blank(column) -> ColumnElement:
    return or_(column.is_(None), column == "")


def build_plan(query: SearchQuery, now: datetime) -> Plan:
    needs = _known_needs(query.needs)
    f = query.filters
    keeps: list[Callable[[Hit], bool]] = []
    if f.open_at is not None:
        moment = f.open_at

        def open_then(hit: Hit) -> bool:
            tz = hours.place_timezone(hit.code_postal)
            return hours.is_open_at(hit.horaires, moment, tz) is True

        keeps.append(open_then)
    if f.open_on_saturday:
        keeps.append(lambda hit: hours.is_open_on_saturday(hit.horaires, now) is True)
    if f.open_on_sunday:
        keeps.append(lambda hit: hours.is_open_on_weekday(hit.horaires, hours.SUNDAY, now) is True)
    preferred = tuple(dict.fromkeys(label for label in query.preferred_origin_labels if label))
    # The SQL does not depend on the order of the needs (a sum of scores): one shape for both.
    in_bit_order = tuple(sorted(needs, key=labels.SERVICE_BITS.__getitem__))
    where_from = query.location
    # From an island, its places only: never a door across the sea (``islands``).
    island = islands.island_of(where_from.code_insee, where_from.code_postal,
                               where_from.departement)  # fmt: skip
    key = (
        in_bit_order, preferred, f.free_only, f.publics, f.prise_en_charge, f.accompagnement,
        f.labels, f.on_my_behalf, bool(keeps), island,
    )  # fmt: skip
    mask, where, score, max_score = _plan_sql(key)
    return Plan(
        needs=needs, mask=mask, where=list(where), score=score, max_score=max_score,
        keeps=keeps, key=key,
    )  # fmt: skip


@lru_cache(maxsize=1024)
def _plan_sql(key: tuple) -> tuple[int, tuple[ColumnElement, ...], ColumnElement, int]:
    """The SQL side of a plan — mask, conditions, score — built once per shape (building these
    expressions cost more than a search's queries)."""
    needs, preferred, free_only, publics, prise_en_charge, accompagnement, programmes = key[:7]
    on_my_behalf, has_keeps, island = key[7:]
    mask = labels.services_mask(needs)
    where: list[ColumnElement] = []
    on_island = islands.same_island(island)
    if on_island is not None:
        where.append(on_island)
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
                has(Place.dispositif_programmes_nationaux, AIDANTS_CONNECT),
                has(Place.modalites_accompagnement, ON_MY_BEHALF),
            )
        )

    terms: list[ColumnElement] = []
    for need in needs:
        bit = labels.SERVICE_BITS[need]
        terms.append(case((Place.services_mask.op("&")(bit) != 0, COVER), else_=0))
    max_score = COVER * len(needs)
    for label in preferred[:_MAX_LABELS]:
        terms.append(case((Place.services_origine.like(f"%{label}%"), _PREFERRED), else_=0))
    max_score += _PREFERRED * len(preferred[:_MAX_LABELS])
    terms.append(publics_fit.open_to_person_score(_OPEN, publics, prise_en_charge))
    terms.append(evidence.reach_score(_REACH))
    terms.append(evidence.clear_score(_CLEAR))
    max_score += _OPEN + _REACH + _CLEAR
    if free_only:
        terms.append(case((Place.frais_a_charge.like("%Gratuit%"), _FREE), else_=0))
        max_score += _FREE
    score = sum(terms[1:], terms[0])
    return mask, tuple(where), score, max_score


def by_score(plan: Plan) -> list[ColumnElement]:
    # A constant in ORDER BY is a column position for PostgreSQL: leave it out.
    return [plan.score.desc()] if plan.max_score else []
