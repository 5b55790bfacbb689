"""Coordinator accounts scoped to a territory: a commune, a département or a région.

A coordinator reviews the corrections of the places in their territory and nothing else;
everybody else reads. Scopes are written ``departement:16``, ``commune:16015``, ``region:75``
(INSEE codes), e.g. in the staff accounts' configuration.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.sql.elements import ColumnElement

from directory_client.errors import CorrectionError
from directory_client.gazetteer import DEFAULT_PATH
from directory_client.models import Place

LEVELS = ("commune", "departement", "region")


@dataclass(frozen=True)
class Coordinator:
    username: str
    level: str  # LEVELS
    code: str  # INSEE code of the commune, département or région

    @classmethod
    def parse(cls, username: str, scope: str) -> Coordinator:
        level, _, code = scope.partition(":")
        level, code = level.strip().lower(), code.strip().upper()
        if level not in LEVELS or not code:
            raise CorrectionError(f"scope {scope!r}: expected commune:CODE, departement:CODE or "
                                  "region:CODE")  # fmt: skip
        if level == "region" and code not in departements_of_regions():
            raise CorrectionError(f"unknown région code {code!r}")
        return cls(username, level, code.zfill(2) if level != "commune" else code)

    def covers(self, place: Place) -> bool:
        if self.level == "commune":
            return place.code_insee == self.code
        if self.level == "departement":
            return place.departement == self.code
        return place.departement in departements_of_regions()[self.code]

    def places(self) -> ColumnElement[bool]:
        """The same test as ``covers``, as a SQL condition on ``Place``."""
        if self.level == "commune":
            return Place.code_insee == self.code
        if self.level == "departement":
            return Place.departement == self.code
        return Place.departement.in_(sorted(departements_of_regions()[self.code]))


@lru_cache(maxsize=1)
def departements_of_regions() -> dict[str, frozenset[str]]:
    """INSEE région code → its départements, from the gazetteer."""
    found: dict[str, set[str]] = {}
    with DEFAULT_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["insee_reg"], set()).add(row["insee_dep"])
    return {region: frozenset(deps) for region, deps in found.items()}
