"""How many places offer a need (or a pair of needs) anywhere: decides whether the services
index finds them faster than boxes. Counts are capped and kept a few minutes per directory
generation."""

from __future__ import annotations

import time
import weakref
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from directory_client import labels
from directory_client.models import Place


@lru_cache(maxsize=512)
def overlapping_masks(mask: int) -> tuple[int, ...]:
    return tuple(m for m in range(1, 1 << len(labels.SERVICES)) if m & mask)


@lru_cache(maxsize=512)
def supersets(mask: int) -> tuple[int, ...]:
    return tuple(m for m in range(1, 1 << len(labels.SERVICES)) if m & mask == mask)


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


def is_rare(session: Connection, mask: int, cap: int) -> bool:
    """Fewer than ``cap`` places offer one of the needs: a count per service (nine at most,
    kept a few minutes and while no place is added), summed — an upper bound for any
    combination."""
    total = 0
    for bit in labels.SERVICE_BITS.values():
        if not mask & bit:
            continue
        total += _capped_count(session, ("one of", bit), overlapping_masks(bit), cap)
        if total > cap:
            return False
    return True


def combination_is_rare(session: Connection, mask: int, cap: int) -> bool:
    """At most ``cap`` places cover every need of ``mask`` (see ``candidates.two_tiers``)."""
    count = _capped_count(session, ("all of", mask), supersets(mask), cap)
    return count <= cap
