"""Is a place for someone else than the person? A place whose declared public leaves the person
out ranks after every place open to all doing as much (``rank.OPEN_FACTOR``, the weight of a
closed public): never hidden, the only place near is still given.

Round 176's tester: a Mission Locale (16-25 year-olds) first for someone writing to her children
in Canada, second for a lady of 76; a Centre Parental; an ATD Quart Monde first for a plumber's
website; a Centre de Ressources Illettrisme first for photo editing.

What says whom a place is for, in this order (the first that says something decides):
  1. The publics the record declares (the standard's ``publics_specifiquement_adresses``, and
     the 1.0 ``publics_accueillis``, which also says "Adultes": the importer's current field
     drops it, so "Adultes|Jeunes (16-26 ans)" reads "Jeunes" there). A person whose age is not
     said is an adult: a place declaring only youth, students or seniors (``AGE_ONLY``) is not
     for them; one declaring adults, families or women is. A senior (``publics`` "Seniors",
     said by the person) is left out by a place declaring only youth or students.
  2. Nothing declared: the standard's typology ``ML`` (Mission Locale: 16-25 year-olds).
  3. Nothing declared, no typology: the name, for the few kinds of places whose public is fixed
     by what they are (``NAMED_PUBLICS``). This is a rule from names because the data gives
     nothing else: 45 of the 51 Missions Locales of the shipped files, the Centre Parental, the
     CRIL and ATD Quart Monde come from the conseillers numériques file (2022), which gives no
     public nor typology.

The person's publics and care asked (``SearchFilters.publics``, ``prise_en_charge``) make a
place of that public or care fit again (someone saying they cannot read well: the CRIL).

Written once as SQL (the ranking's score) and in Python (``excludes``); a test holds them equal.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import and_, case, func, not_, or_
from sqlalchemy.sql.elements import ColumnElement

from directory_client.models import Place
from directory_client.search.evidence import (
    _CaselessLike,
    _has_item,
    _lower_ascii,
    _name_like,
    closed_public,
    open_score,
)

# A declared public → its pattern in either field (1.0 long forms and current labels).
ADULTS = "Adultes"
DECLARED = {
    ADULTS: "adultes",
    "Jeunes": "jeunes",
    "Étudiants": "_tudiants",
    "Familles et/ou enfants": "familles",
    "Seniors": "seniors",
    "Femmes": "femmes",
}
# Publics defined by age alone: a place declaring only these is not for an adult of any age.
AGE_ONLY = ("Jeunes", "Étudiants", "Seniors")
ML_TYPOLOGY = "ML"  # the standard's typology of a Mission Locale
# Names of places whose public is fixed by what they are, when the record declares no public
# and no typology: the pattern (as ``evidence``'s, ``_`` one letter) → the public or care that
# makes such a place fit (``Grande pauvreté``: no public of the standard; never asked, so such a
# place always ranks after the others).
NAMED_PUBLICS = {
    "mission locale": "Jeunes",  # 16-25 year-olds, by law
    "missions locales": "Jeunes",
    "centre parental": "Familles et/ou enfants",  # parents-to-be and of infants, lodged there
    "illettrisme": "Illettrisme",  # Centre de Ressources Illettrisme (CRIL)
    "atd quart monde": "Grande pauvreté",
}


def _excluding(publics: tuple[str, ...]) -> tuple[str, ...]:
    """The age publics a place may declare alone and leave the person out."""
    return tuple(p for p in AGE_ONLY if p not in publics)


def _declares(name: str) -> ColumnElement:
    pattern = f"%{DECLARED[name]}%"
    return or_(  # never NULL: a NOT of it must read true when nothing is declared
        _CaselessLike(func.coalesce(Place.publics_accueillis, ""), pattern),
        _CaselessLike(func.coalesce(Place.publics_specifiquement_adresses, ""), pattern),
    )


@lru_cache(maxsize=64)
def others_sql(publics: tuple[str, ...], cares: tuple[str, ...]) -> ColumnElement:
    """True for a place whose public leaves out the person of ``publics`` asking ``cares``."""
    excluding = _excluding(publics)
    declared_any = or_(*[_declares(name) for name in DECLARED])
    only_other_ages = and_(
        or_(*[_declares(name) for name in excluding]),
        not_(or_(*[_declares(name) for name in DECLARED if name not in excluding])),
    ) if excluding else None  # fmt: skip
    typology = func.coalesce(Place.typologie, "")
    blank_typology = typology == ""
    ml = _has_item(Place.typologie, ML_TYPOLOGY)
    fitting = set(publics) | set(cares)
    named = [p for p, public in NAMED_PUBLICS.items() if public not in fitting]
    by_name = (
        and_(not_(declared_any), blank_typology, _name_like(tuple(named)))
        if named
        else None
    )
    by_typology = and_(not_(declared_any), ml) if "Jeunes" not in publics else None
    terms = [t for t in (only_other_ages, by_typology, by_name) if t is not None]
    return or_(*terms) if terms else (Place.id != Place.id)


def open_to_person_score(points: int, publics: tuple[str, ...], cares: tuple[str, ...]):
    """``points`` for a place open to all and for the person, 0 for one serving a closed public
    (``evidence.open_score``) or another public than the person's (``others_sql``)."""
    return case((others_sql(publics, cares), 0), else_=open_score(points))


def open_to_person(place, publics: tuple[str, ...] = (), cares: tuple[str, ...] = ()) -> bool:
    """``open_to_person_score`` in Python."""
    return not closed_public(place) and not excludes(place, publics, cares)


# --- the same rule in Python (tests hold it equal to the SQL) ---------------------------------
def _items(place) -> str:
    return " ".join(
        _lower_ascii(getattr(place, f) or "")
        for f in ("publics_accueillis", "publics_specifiquement_adresses")
    )


def _has(text: str, pattern: str) -> bool:
    return re.search(re.escape(pattern).replace("_", "."), text) is not None


def excludes(place, publics: tuple[str, ...] = (), cares: tuple[str, ...] = ()) -> bool:
    """Whether ``place`` (a Place or a row with its columns) is for another public than the
    person of ``publics`` asking ``cares`` (the SQL of ``others_sql``)."""
    text = _items(place)
    declared = {name for name, pattern in DECLARED.items() if _has(text, pattern)}
    if declared:
        excluding = set(_excluding(publics))
        return bool(declared & excluding) and not (declared - excluding)
    typologies = set((place.typologie or "").split("|")) - {""}
    if typologies:
        return ML_TYPOLOGY in typologies and "Jeunes" not in publics
    name = _lower_ascii(place.nom or "")
    fitting = set(publics) | set(cares)
    return any(
        _has(name, pattern) for pattern, public in NAMED_PUBLICS.items() if public not in fitting
    )
