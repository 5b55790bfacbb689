"""One entry per door in a list of places.

Two records of a result (often two sources: a conseiller-numérique record and the France
Services list) can describe one door under two names that the importer kept apart (their
positions lie too far apart, or their names differ: "Centre Social Saint Exupéry" and "France
services Saint-Exupéry" at 2 avenue du Maréchal de Lattre de Tassigny, Coulounieix-Chamiers).
A person must not be shown that door twice. Two results are **one door** when

  * their addresses agree once normalised (``importer.merge.address_key``: same house numbers
    and street words), they are in the same commune and share a phone, an e-mail or a word of
    their names (a médiathèque in a France Services building is another door), the address
    having a house number
    ("Le Bourg" of a commune is many doors), and they are less than ``GEOCODING_M`` apart when
    both have a position (two geocodings of one address differ by that much; Saint-Flour's two
    records of 50 avenue du Docteur Mallet, 520 m); or
  * they lie within ``NEAR_M`` metres and give the same phone number or the same e-mail.

A bus stop (``mobile_service``) is never merged: the bus is there on its own days. A France
Services bus at its fixed desk's address, on the page with it, says so (``said_apart``).

The entry keeps the best-ranked record's id, position (and its distance) and order, and reads
"A (B)"; it offers the union of what they offer, the fuller opening hours (with their status),
and the first contact each field has. Its "why" line and fees are the best record's (the fees of
the next record that states some when it states none), with only what names another service added
from the others: two wordings of one service, or "gratuit" beside "gratuit sous condition", would
read as two facts. Nothing is deleted: the records stay as they are in the directory.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TypeVar

from directory_client import display, hours
from directory_client.geo import haversine_km
from directory_client.importer.merge import address_key
from directory_client.labels import fold
from directory_client.search import explain
from directory_client.types import SearchResult

NEAR_M = 50.0
GEOCODING_M = 1000.0

T = TypeVar("T")


def _commune(result: SearchResult) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(result.commune or "")).strip()


def _phone(result: SearchResult) -> str | None:
    digits = re.sub(r"\D", "", result.phone or "")
    if digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits or None


def _email(result: SearchResult) -> str | None:
    return (result.email or "").strip().lower() or None


def same_door(a: SearchResult, b: SearchResult) -> bool:
    """Whether ``a`` and ``b`` describe one door (see the module's docstring)."""
    if a.mobile_service or b.mobile_service:
        return False
    metres = _metres(a, b)
    same_contact = _same_contact(a, b)
    # another service in the building (a médiathèque beside a France Services desk) is another
    # door: one address is one door only with a contact or a name in common
    if _same_address(a, b, metres) and (same_contact or _name_words(a) & _name_words(b)):
        return True
    return metres is not None and metres <= NEAR_M and same_contact


def _metres(a: SearchResult, b: SearchResult) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon) * 1000


def _same_contact(a: SearchResult, b: SearchResult) -> bool:
    phone, email = _phone(a), _email(a)
    return bool((phone and phone == _phone(b)) or (email and email == _email(b)))


def _same_address(a: SearchResult, b: SearchResult, metres: float | None) -> bool:
    """One address with a house number, in one commune, the positions (if any) less than
    ``GEOCODING_M`` apart."""
    commune = _commune(a)
    if not commune or commune != _commune(b) or (metres is not None and metres > GEOCODING_M):
        return False
    key = address_key(a.address, a.commune, a.code_postal)
    return bool(key is not None and key.numbers
                and key == address_key(b.address, b.commune, b.code_postal))  # fmt: skip


def bus_of_desk(bus: SearchResult, desk: SearchResult) -> bool:
    """``bus`` is the France Services bus of the fixed desk ``desk``: a stop at the desk's
    address (``_same_address``) with a name word or a contact in common, or both France
    Services (Ébreuil: "France services Ebreuil" and "Bus France services d'Ebreuil")."""
    if not bus.mobile_service or desk.mobile_service:
        return False
    if not _same_address(bus, desk, _metres(bus, desk)):
        return False
    france_services = all(_FRANCE_SERVICES in r.labels for r in (bus, desk))
    return bool(france_services or _same_contact(bus, desk) or _name_words(bus) & _name_words(desk))


_FRANCE_SERVICES = "France Services"


def said_apart(page: tuple[SearchResult, ...]) -> tuple[SearchResult, ...]:
    """A bus and its fixed desk on one page stay two entries (the bus has its own days): the
    later one says which it is (``SearchResult.same_desk``), so that it does not read as the
    same place twice."""
    out = list(page)
    for i, later in enumerate(page):
        for earlier in page[:i]:
            if bus_of_desk(later, earlier):
                out[i] = replace(later, same_desk=explain.BUS_OF_DESK.format(desk=earlier.name))
                break
            if bus_of_desk(earlier, later):
                out[i] = replace(later, same_desk=explain.DESK_OF_BUS.format(bus=earlier.name))
                break
    return tuple(out)


# Words of many names, which say nothing of which door it is.
_COMMON_NAME_WORDS = frozenset(
    ["france", "services", "service", "espace", "numerique", "point", "accueil", "centre",
     "maison", "mairie", "commune", "ville", "pour", "avec", "dans"]
)  # fmt: skip


def _name_words(result: SearchResult) -> set[str]:
    words = set(re.findall(r"[a-z0-9]+", fold(result.name or "")))
    town = set(re.findall(r"[a-z0-9]+", fold(result.commune or "")))
    return {w for w in words - town - _COMMON_NAME_WORDS if len(w) > 3}


def _open_minutes(result: SearchResult) -> int:
    """Minutes open in a week (by half-hours), -1 when the hours are unknown."""
    if not result.opening_hours or hours.parse(result.opening_hours) is None:
        return -1
    monday = datetime(2024, 6, 3, 0, 15)  # an ordinary week, no public holiday
    return sum(
        30
        for step in range(7 * 48)
        if hours.is_open_at(result.opening_hours, monday + timedelta(minutes=30 * step))
    )


def _united(items: list[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for item in items for x in item))


def merged(group: list[SearchResult]) -> SearchResult:
    """One entry for the records of one door (the first is the best ranked)."""
    first = group[0]
    if len(group) == 1:
        return first
    others: list[str] = []
    for r in group[1:]:  # a second name only when it says more (display.says_more)
        if all(display.says_more(r.name, seen) for seen in (first.name, *others)):
            others.append(r.name)
    name = f"{first.name} ({', '.join(others)})" if others else first.name
    fullest = max(group, key=_open_minutes)  # the first of the fullest: ``max`` keeps the first

    def first_of(field: str):
        return next((getattr(r, field) for r in group if getattr(r, field)), None)

    priced = next((r for r in group if r.fees), first)
    return replace(
        first,
        name=name,
        services=_united([r.services for r in group]),
        # the distance of the address and position shown (the first's), never another record's
        # geocoding of the door (Saint-Flour's two, 500 m apart: « 1,1 km » to the one not shown)
        distance_km=first.distance_km,
        phone=first_of("phone"),
        email=first_of("email"),
        website=first_of("website"),
        appointment_url=first_of("appointment_url"),
        accessibility_url=first_of("accessibility_url"),
        opening_hours=fullest.opening_hours,
        opening=fullest.opening,
        free=priced.free,
        labels=_united([r.labels for r in group]),
        fees=priced.fees,
        why=_why(group, priced),
    )


def _why(group: list[SearchResult], priced: SearchResult) -> str:
    """The best record's "why" line, and of the others' only what names another service; its
    price is said by the record whose fees the entry gives (``priced``: the best record unless
    it says none), once."""
    parts = [p for p in group[0].why.split(", ") if p]
    if priced is not group[0]:
        parts = [p for p in parts if explain.subject(p) is not None]
        parts += [p for p in priced.why.split(", ") if explain.subject(p) is None]
    said = {explain.subject(p) for p in parts}
    for record in group[1:]:
        for part in record.why.split(", "):
            subject = explain.subject(part) if part else None
            if subject is not None and subject not in said:
                said.add(subject)
                parts.append(part)
    return ", ".join(parts)


def door_groups(items: list[tuple[T, SearchResult]]) -> list[list[tuple[T, SearchResult]]]:
    """``items`` (best first) gathered by door, in the order of each door's best record."""
    groups: list[list[tuple[T, SearchResult]]] = []
    for item in items:
        for group in groups:
            if any(same_door(item[1], other) for _key, other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups
