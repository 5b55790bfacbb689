"""Does a place's record clearly say that it helps people with digital life, or does it say
little about it? A record that says little ranks after one that clearly does, unless it is much
nearer (``rank.weight``): it is never hidden.

Why: the open data holds records whose services were given in bulk. Every one of the 2,657
records of the conseillers numériques file carries the same four services (smartphone,
computer, everyday use, culture), whatever the place is — a town hall's trade office, a post
office, a départemental office with no phone — and the Charente file types many of them
``RFS`` (France Services) in bulk too. Such a record came first for "apprendre à me servir de
mon téléphone" before the médiathèque next door (``bench/first_place.py``).

A record says little about mediation (``says_little``) when:
  - nobody can be reached: no phone one can dial (``phones.dialable``), no e-mail, no website,
    no booking link; or
  - its name says it serves its own residents or a closed public (EHPAD, CHRS, day shelter,
    residence, hostel, prison); or
  - its services were given in bulk (``BULK_SERVICES``, ``BULK_CURRENT``) and nothing else in
    the record says it is a place of mediation: no mediation typology from a source that types
    places one by one, no name of such a place (médiathèque, espace numérique, centre social,
    MJC, CCAS…), not a desk of the national France Services list.

A place whose name says it serves a closed public — town halls (an IT syndicate), students
(a CROUS), people held or cared for there — is not for the person at all: it ranks after every
place open to all (``closed_public``, ``rank.OPEN_FACTOR``), still given when nothing else is.

The rule is written once (the patterns below) as SQL for the ranking and in Python for the
benchmark's reasons; a test holds them equal on the shipped data.
"""

from __future__ import annotations

import re

from sqlalchemy import Boolean, and_, case, func, literal, not_, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from directory_client import phones
from directory_client.models import Place

# The conseillers numériques file (2022) gives these four services, in this order, to every
# record; a merged record keeps them first. The Charente file (2023) took 98 of its records
# with the same services written in the current labels (``BULK_CURRENT``, source
# ``conseiller-numerique``).
BULK_SERVICES = (
    "Prendre en main un smartphone ou une tablette|Prendre en main un ordinateur|"
    "Utiliser le numérique au quotidien|Approfondir ma culture numérique"
)
BULK_CURRENT = "Maîtrise des outils numériques du quotidien|Compréhension du monde numérique"
BULK_SOURCE = "conseiller-numerique"

# Typologies of the standard that are places of mediation themselves. ``RFS`` (France Services)
# only from the national list (``TRUSTED_SOURCE``): another file typed its records RFS in bulk.
MEDIATION_TYPOLOGIES = ("BIB", "CS", "MJC", "MQ", "TIERS_LIEUX", "PIJ_BIJ", "EPN", "CCAS", "CIAS")
TRUSTED_SOURCE = "France Services (ANCT)"

# Names, in any case (``_`` stands for one letter, accented or not: SQLite's LIKE ignores the
# case of ASCII letters only).
MEDIATION_NAMES = (
    "m_diath_que",
    "biblioth_que",
    "num_ric",  # numérique, NUMERIC
    "epn",
    "cyber",
    "informatique",
    "multim_dia",
    "centre social",
    "centre socio",
    "espace social",
    "mjc",
    "maison des jeunes",
    "maison de quartier",
    "maison pour tous",
    "tiers-lieu",
    "tiers lieu",
    "fablab",
    "fab lab",
    "france services",
    "info jeunes",
    "information jeunesse",
    "ccas",
    "cias",
    "action sociale",
    "emma_s connect",
    "micro_folie",  # Micro-Folie: a town's digital museum and workshop (the tester's desk, 0.7 km)
    "microfolie",
)
RESERVED_NAMES = (
    "ehpad",
    "chrs",
    "accueil de jour",
    "r_sidence",
    "foyer d_h_bergement",  # ' or ’
    "jeunes travailleurs",
    "p_nitentiaire",
    "maison d_arr_t",
)
# Names of places not open to the general public (``closed_public``): they serve institutions
# (a syndicate or agency doing IT for town halls, "e-Collectivités", a management centre of
# local civil servants), students only (CROUS, university halls), or people held or cared
# for in them (prison, EHPAD). The open data says nothing else of them (the conseillers
# numériques file gives them no public nor typology), and the numérique in their names made
# them clear records, first in Rodez.
CLOSED_NAMES = (
    "syndicat mixte",
    "syndicat intercommunal",
    "collectivit_s et _tablissements",
    "e-collectivit_s",
    "centre de gestion de la fonction publique",
    "oeuvres universitaires",
    "_uvres universitaires",
    "crous",
    "cit_ universitaire",
    "r_sidence universitaire",
    "p_nitentiaire",
    "maison d_arr_t",
    "ehpad",
)
# Ways to reach a place besides its phone; the phone counts only when people can be given it to
# call (``phones.dialable``: not "0478", "à venir"), stored at import as ``telephone_joignable``.
_CONTACT = (Place.courriels, Place.site_web, Place.prise_rdv)


def _blank(column) -> ColumnElement:
    return or_(column.is_(None), column == "")


class _CaselessLike(ColumnElement):
    """``column LIKE 'pattern'`` regardless of case: SQLite's LIKE already is for ASCII letters
    (a ``lower()`` per pattern and row cost a third of the search), PostgreSQL's is ILIKE."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals = [
        ("column", InternalTraversal.dp_clauseelement),
        ("pattern", InternalTraversal.dp_string),
    ]

    def __init__(self, column, pattern: str) -> None:
        assert "'" not in pattern and "%" not in pattern.strip("%")
        self.column = column
        self.pattern = pattern


def _quoted(pattern: str, compiler) -> str:
    """The pattern as an SQL string (``%`` doubled for drivers whose parameters are ``%s``)."""
    if compiler.dialect.paramstyle in ("format", "pyformat"):
        pattern = pattern.replace("%", "%%")
    return f"'{pattern}'"


@compiles(_CaselessLike)
def _like(element: _CaselessLike, compiler, **kw) -> str:
    return f"{compiler.process(element.column, **kw)} LIKE {_quoted(element.pattern, compiler)}"


@compiles(_CaselessLike, "postgresql")
def _ilike(element: _CaselessLike, compiler, **kw) -> str:
    return f"{compiler.process(element.column, **kw)} ILIKE {_quoted(element.pattern, compiler)}"


def _name_like(patterns: tuple[str, ...]) -> ColumnElement:
    return or_(*[_CaselessLike(Place.nom, f"%{pattern}%") for pattern in patterns])


def _has_item(column, value: str) -> ColumnElement:
    return (literal("|") + func.coalesce(column, "") + literal("|")).like(f"%|{value}|%")


def _no_contact_sql() -> list[ColumnElement]:
    """Terms all true when nobody can be reached: no number to dial, no e-mail, website nor
    booking link (``_no_contact`` in Python)."""
    return [not_(Place.telephone_joignable.is_(True)), *[_blank(column) for column in _CONTACT]]


def _clear_sql() -> ColumnElement:
    reachable = not_(and_(*_no_contact_sql()))
    services = func.coalesce(Place.services_origine, "")
    bulk = or_(
        services.like(BULK_SERVICES + "%"),
        and_(
            services.like(BULK_CURRENT + "%"),
            func.coalesce(Place.source, "").like(f"%{BULK_SOURCE}%"),
        ),
    )
    trusted = func.coalesce(Place.source, "").like(f"%{TRUSTED_SOURCE}%")
    kind = or_(
        *[_has_item(Place.typologie, code) for code in MEDIATION_TYPOLOGIES],
        trusted,
        _name_like(MEDIATION_NAMES),
    )
    # Cheapest first: SQLite stops at the first false term.
    return and_(reachable, or_(not_(bulk), kind), not_(_name_like(RESERVED_NAMES)))


def clear_score(points: int) -> ColumnElement:
    """``points`` for a record that clearly does mediation, 0 for one that says little."""
    return case((_clear_sql(), points), else_=0)


def reach_score(points: int) -> ColumnElement:
    """``points`` for a place the person can reach or knows when to visit (a contact or opening
    hours), 0 for a record giving only an address (``unreachable``)."""
    blank = [*_no_contact_sql(), _blank(Place.horaires)]
    return case((and_(*blank), 0), else_=points)


def open_score(points: int) -> ColumnElement:
    """``points`` for a place open to all, 0 for one whose name says it serves a closed public
    (``CLOSED_NAMES``)."""
    return case((_name_like(CLOSED_NAMES), 0), else_=points)


# --- the same rule in Python (the benchmark's reasons; tests hold it equal to the SQL) -------
def _pattern(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(p).replace("_", ".") for p in patterns))


_MEDIATION_NAME = _pattern(MEDIATION_NAMES)
_RESERVED_NAME = _pattern(RESERVED_NAMES)
_CLOSED_NAME = _pattern(CLOSED_NAMES)


def _lower_ascii(text: str) -> str:
    """Lower case as SQLite's ``lower()`` writes it (ASCII letters only) — PostgreSQL's lowers
    every letter, and the patterns match both (``_`` for an accented letter)."""
    return "".join(c.lower() if c.isascii() else c for c in text)


def says_little(place) -> str | None:
    """Why a record says little about mediation ("no contact", "reserved", "bulk services"), or
    None when it clearly does. ``place``: a Place or a row with its columns."""
    if _no_contact(place):
        return "no contact"
    name = _lower_ascii(place.nom or "")
    if _RESERVED_NAME.search(name):
        return "reserved"
    services = place.services_origine or ""
    bulk = services.startswith(BULK_SERVICES) or (
        services.startswith(BULK_CURRENT) and BULK_SOURCE in (place.source or "")
    )
    if not bulk:
        return None
    typologies = set((place.typologie or "").split("|"))
    if typologies & set(MEDIATION_TYPOLOGIES) or TRUSTED_SOURCE in (place.source or ""):
        return None
    if _MEDIATION_NAME.search(name):
        return None
    return "bulk services"


def unreachable(place) -> bool:
    """Whether the record gives no way to reach the place nor when to go: no phone, e-mail,
    website, booking link, nor opening hours (the SQL of ``reach_score`` in Python)."""
    return _no_contact(place) and not (place.horaires or "")


def _no_contact(place) -> bool:
    """No number people can be given to call (``phones.dialable``), e-mail, website nor booking
    link (the SQL of ``_no_contact_sql`` in Python)."""
    if phones.dialable(place.telephone) is not None:
        return False
    return all(not (getattr(place, column.key) or "") for column in _CONTACT)


def closed_public(place) -> bool:
    """Whether the record says the place serves a closed public, not everyone (``CLOSED_NAMES``;
    the SQL of ``open_score`` in Python)."""
    return bool(_CLOSED_NAME.search(_lower_ascii(place.nom or "")))
