"""A place nobody can reach is not the first of a page when one that can be reached is as near.

Round 176's tester in Poitiers: « 1. Ville de Poitiers (50 m) Ni téléphone ni horaires connus »
before a place 950 m away with a phone and hours: whoever goes there does not know when it is
open, nor whom to ask. The ranking already counts such a record a little farther
(``rank.REACH_FACTOR``), and each page then reads nearest first
(``actions.search_run.nearest_first_on_page``). Here, on a page as it reads: when its first
entry gives no phone, e-mail, website, booking link nor opening hours, and another entry of the
page that gives one lies within ``AS_NEAR_KM`` of it, that one comes first, saying why when
farther as shown (« Pas le plus proche de la liste, mais on sait comment le joindre et quand y
aller »: under entry 1, « Plus loin » read as "the places below are farther"). Never hidden: the
place stays on its page.
"""

from __future__ import annotations

import dataclasses

from directory_client.search.explain import AHEAD_FIRST, AHEAD_REACH
from directory_client.types import SearchResult

AS_NEAR_KM = 1.0  # a few minutes' walk more


def reachable(result: SearchResult) -> bool:
    """The person can reach the place or knows when to go."""
    return any((result.phone, result.email, result.website, result.appointment_url,
                result.opening_hours))  # fmt: skip


def contactable_first(page: list[SearchResult]) -> list[SearchResult]:
    """``page`` (as it reads) with a reachable entry as near as an unreachable first one put
    before it (the first such entry; the others keep their order), with its why line when it
    reads farther."""
    from directory_client.search import shown_km

    out = list(page)
    first = out[0] if out else None
    if first is None or reachable(first) or first.distance_km is None:
        return out
    for i, result in enumerate(out[1:], 1):
        near = result.distance_km is not None and (
            result.distance_km <= first.distance_km + AS_NEAR_KM
        )
        if near and reachable(result):
            if shown_km(result.distance_km) > shown_km(first.distance_km):
                result = dataclasses.replace(result, ahead=AHEAD_FIRST.format(reason=AHEAD_REACH))
            out.pop(i)
            out.insert(0, result)
            break
    return out
