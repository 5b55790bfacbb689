"""One rule for the chat (``actions.search_run``) and the desk (``bot.staff.triage``): nothing near
is open now → the near places, each saying when it opens (issue 19), never far places or
"Aucun lieu trouvé". Each caller searches its own way (``search``) and says it its own way."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from directory_client.types import SearchFilters

Found = TypeVar("Found")  # anything with ``results`` (a SearchResponse, the desk's outcome)


def has_near(found: Any, radius_km: float) -> bool:
    """At least one place within ``radius_km``."""
    return any(r.distance_km is not None and r.distance_km <= radius_km for r in found.results)


def near_opening_later(
    search: Callable[[SearchFilters], Found], filters: SearchFilters, first: Found,
    radius_km: float,
) -> Found | None:
    """``first`` was searched with ``filters``. When they ask for places open now (``open_at``)
    and no place of ``first`` is within ``radius_km``: the search again without ``open_at``
    (its places say when they open), when it has places within ``radius_km``; else None (the
    first answer stands)."""
    if filters.open_at is None or has_near(first, radius_km):
        return None
    later = search(dataclasses.replace(filters, open_at=None))
    return later if has_near(later, radius_km) else None
