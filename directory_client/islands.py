"""Islands: a place across the sea is never the nearest door. Someone on Saint-Martin was sent to
Guadeloupe (246 km, another island) as if they could walk in (t194, defect 8). A search from an
island keeps to the places of that island: an overseas territory (its département code: 971 …
978), Corsica (2A and 2B), or an island of the mainland's coast with no bridge (by INSEE code and
postcode: Ouessant, Belle-Île, l'Île-d'Yeu…) — Guadeloupe's own islands (Marie-Galante, Les
Saintes, La Désirade) apart from Basse-Terre and Grande-Terre, which a bridge joins. Islands
joined by a bridge (Noirmoutier, Ré, Oléron) are the mainland's. Guyane is no island, but its
places are its own as well (the nearest other territory lies 1,000 km off)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_
from sqlalchemy.sql.elements import ColumnElement

from directory_client.models import Place

OVERSEAS = ("971", "972", "973", "974", "975", "976", "977", "978")
CORSICA = ("2A", "2B")


@dataclass(frozen=True)
class Island:
    name: str
    codes_insee: tuple[str, ...]
    codes_postaux: tuple[str, ...] = ()  # only those no commune off the island shares


# Islands without a bridge, in a département of the mainland or of Guadeloupe (its main island
# being the département's other communes). Checked on communes-france.csv.
SMALL_ISLANDS = (
    Island("Ouessant", ("29155",), ("29242",)),
    Island("Molène", ("29084",), ("29259",)),
    Island("Sein", ("29083",), ("29990",)),
    Island("Batz", ("29082",), ("29253",)),
    Island("Bréhat", ("22016",), ("22870",)),
    Island("Groix", ("56069",), ("56590",)),
    Island("Belle-Île", ("56152", "56009", "56114", "56241"), ("56360",)),
    Island("Houat", ("56086",)),  # 56170 is Quiberon's too
    Island("Hœdic", ("56085",)),
    Island("Île-aux-Moines", ("56087",), ("56780",)),
    Island("Île-d'Arz", ("56088",), ("56840",)),
    Island("Yeu", ("85113",), ("85350",)),
    Island("Aix", ("17004",), ("17123",)),
    Island("Marie-Galante", ("97112", "97108", "97126"), ("97112", "97140", "97134")),
    Island("Les Saintes", ("97130", "97131"), ("97136", "97137")),
    Island("La Désirade", ("97110",), ("97127",)),
)
_BY_INSEE = {code: island for island in SMALL_ISLANDS for code in island.codes_insee}
_BY_POSTCODE = {code: island for island in SMALL_ISLANDS for code in island.codes_postaux}


def island_of(code_insee: str | None, code_postal: str | None, departement: str | None) -> str:
    """The island a commune lies on: a small island's name, an overseas département's code,
    "corse", or "" (the mainland, or not known)."""
    island = _BY_INSEE.get(code_insee or "") or _BY_POSTCODE.get(code_postal or "")
    if island is not None:
        return island.name
    if departement in OVERSEAS:
        return departement
    if departement in CORSICA:
        return "corse"
    return ""


def _on(island: Island) -> ColumnElement:
    return or_(
        Place.code_insee.in_(island.codes_insee),
        *([Place.code_postal.in_(island.codes_postaux)] if island.codes_postaux else []),
    )


def _off(island: Island) -> ColumnElement:
    kept = [or_(Place.code_insee.is_(None), Place.code_insee.not_in(island.codes_insee))]
    if island.codes_postaux:
        postcodes = island.codes_postaux
        kept.append(or_(Place.code_postal.is_(None), Place.code_postal.not_in(postcodes)))
    return and_(*kept)


def same_island(key: str) -> ColumnElement | None:
    """The SQL condition keeping the places of island ``key`` (``island_of``); None for the
    mainland (no condition: the places of the islands beside it are few and said with their
    address)."""
    if not key:
        return None
    small = next((i for i in SMALL_ISLANDS if i.name == key), None)
    if small is not None:
        return _on(small)
    if key == "corse":
        return Place.departement.in_(CORSICA)
    others = [i for i in SMALL_ISLANDS if any(c.startswith(key) for c in i.codes_insee)]
    return and_(Place.departement == key, *(_off(i) for i in others))
