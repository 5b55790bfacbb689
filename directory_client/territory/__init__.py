"""Territory insight: where help is missing, for whom.

``insight(...)`` puts the directory's places (supply) beside the gazetteer's communes
(population) for a territory: a commune, a département, a région, a list of communes, or France.

- ``communes``: the gazetteer as arrays; ``selection``: a territory as a mask over them;
- ``supply``: the places, their services, itinerant stops and weekly hours;
- ``coverage``: commune × service figures from k-d trees; ``rollup``: per territory, and the
  zones without help ranked; ``report``: CSV / JSON / GeoJSON.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from directory_client import labels
from directory_client.demand import DemandLog
from directory_client.errors import TerritoryError
from directory_client.territory import communes, coverage, selection, supply
from directory_client.territory.report import Insight


def insight(
    Session: sessionmaker,
    *,
    commune: str | None = None,
    departement: str | None = None,
    region: str | None = None,
    communes_file: str | Path | None = None,
    services: tuple[str, ...] = labels.SERVICES,
    fragility_file: str | Path | None = None,
    today: date | None = None,
    demand: DemandLog | None = None,
) -> Insight:
    """Coverage of one territory (at most one of the four given; none: all of France)."""
    given = [v for v in (commune, departement, region, communes_file) if v is not None]
    if len(given) > 1:
        raise TerritoryError("give one territory: a commune, a département, a région or a list")
    everyone = communes.load()
    if commune is not None:
        territory = selection.commune(everyone, commune)
    elif departement is not None:
        territory = selection.departement(everyone, departement)
    elif region is not None:
        territory = selection.region(everyone, region)
    elif communes_file is not None:
        territory = selection.listed(everyone, communes_file)
    else:
        territory = selection.france(everyone)
    fragility = selection.read_scores(fragility_file) if fragility_file is not None else None
    start = supply.reference_monday(today)
    places = supply.load(Session, start)
    return Insight(
        territory=territory,
        coverage=coverage.compute(everyone, places, territory.mask, services),
        reference_week=start,
        fragility=fragility,
        demand=demand,
    )
