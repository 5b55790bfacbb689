"""Demand beside supply: what people of a territory asked for (``directory_client.demand``),
added to the rollup rows of each territory and service, with the same threshold: a count
under 5 is left empty."""

from __future__ import annotations

from typing import Any

from directory_client.demand import DemandLog
from directory_client.territory.communes import Communes
from directory_client.territory.rollup import Group


def where(group: Group, communes: Communes) -> dict[str, Any]:
    """The demand filter of a rollup group: its départements, or its communes."""
    if group.level == "france":
        return {}
    if group.level in ("departement", "region"):
        return {"departements": sorted(set(communes.departement[group.rows].tolist()))}
    return {"codes_insee": communes.code_insee[group.rows].tolist()}


def demand_columns(demand: DemandLog, group: Group, communes: Communes) -> dict[str, dict]:
    """``{service: {"demande": n, "demande_sans_aide_proche": n}}`` for one group (n ≥ 5, or
    None)."""
    filters = where(group, communes)
    asked = {r["service"]: r["n"] for r in demand.aggregate(("service",), **filters)}
    unmet = {
        r["service"]: r["n"]
        for r in demand.aggregate(("service", "outcome"), **filters)
        if r["outcome"] == "nothing"
    }
    return {
        service: {"demande": asked.get(service), "demande_sans_aide_proche": unmet.get(service)}
        for service in set(asked) | set(unmet)
    }
