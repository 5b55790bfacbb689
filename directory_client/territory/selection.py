"""Which communes a territory is: one commune, a département, a région or a list a user gives
(an EPCI, a bassin de vie), as a mask over the gazetteer's communes."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from directory_client.errors import TerritoryError
from directory_client.territory.communes import REGIONS, Communes, departement_name
from directory_client.text import name_key

_INSEE = re.compile(r"^(\d[\dAB]\d{3})$")
_ARRONDISSEMENT = re.compile(r"\s+\d+(?:er|e)\s+arrondissement$", re.IGNORECASE)


@dataclass(frozen=True)
class Territory:
    kind: str  # "france" | "commune" | "departement" | "region" | "liste"
    code: str
    name: str
    mask: np.ndarray  # over the gazetteer's communes


def france(communes: Communes) -> Territory:
    return Territory("france", "FR", "France", np.ones(len(communes), dtype=bool))


def commune(communes: Communes, code: str) -> Territory:
    """A commune by INSEE code; Paris, Lyon and Marseille (75056…) are their arrondissements."""
    code = code.strip().upper()
    mask = (communes.code_insee == code) | (communes.parent == code)
    if not mask.any():
        raise TerritoryError(f"no commune with INSEE code {code!r} in the gazetteer")
    first = int(np.flatnonzero(mask)[0])
    name = str(communes.name[first])
    if communes.code_insee[first] != code:  # "Marseille 1er Arrondissement" → "Marseille"
        found = _ARRONDISSEMENT.search(name)
        name = name[: found.start()] if found and found.start() else code
    return Territory("commune", code, name, mask)


def departement(communes: Communes, code: str) -> Territory:
    code = code.strip().upper().zfill(2)
    mask = communes.departement == code
    if not mask.any():
        raise TerritoryError(f"no commune of département {code!r} in the gazetteer")
    return Territory("departement", code, departement_name(code), mask)


def region(communes: Communes, code_or_name: str) -> Territory:
    """A région by INSEE code ("75") or name ("Nouvelle-Aquitaine", any case or accents)."""
    wanted = code_or_name.strip()
    by_name = {name_key(name): code for code, name in REGIONS.items()}
    code = by_name.get(name_key(wanted), wanted.zfill(2))
    if code not in REGIONS:
        raise TerritoryError(f"unknown région {code_or_name!r}: an INSEE code or a name")
    return Territory("region", code, REGIONS[code], communes.region == code)


def listed(communes: Communes, path: str | Path) -> Territory:
    """Communes listed in a file: the first column of each line (CSV with ``,`` or ``;``, or
    one code per line); lines whose first cell is not an INSEE code (a header) are skipped."""
    path = Path(path)
    codes = read_codes(path)
    if not codes:
        raise TerritoryError(f"{path}: no INSEE code found")
    mask = np.isin(communes.code_insee, list(codes)) | np.isin(communes.parent, list(codes))
    missing = codes - set(communes.code_insee.tolist()) - set(communes.parent.tolist())
    if missing:
        raise TerritoryError(f"{path}: not in the gazetteer: {', '.join(sorted(missing)[:10])}")
    return Territory("liste", path.stem, path.stem, mask)


def read_codes(path: Path) -> set[str]:
    return {code for code, _rest in _rows(path)}


def read_scores(path: str | Path) -> dict[str, float]:
    """A fragility index per commune: ``code_insee,score`` lines (header skipped)."""
    scores = {}
    for code, rest in _rows(Path(path)):
        try:
            scores[code] = float(rest[0].replace(",", "."))
        except (IndexError, ValueError) as exc:
            raise TerritoryError(f"{path}: no numeric score for commune {code}") from exc
    if not scores:
        raise TerritoryError(f"{path}: no INSEE code found")
    return scores


def _rows(path: Path) -> list[tuple[str, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise TerritoryError(f"cannot read {path}: {exc}") from exc
    first = text.split("\n", 1)[0]
    delimiter = next((d for d in ";\t" if d in first), ",")
    rows = []
    for cells in csv.reader(text.splitlines(), delimiter=delimiter):
        if cells and _INSEE.match(cells[0].strip().upper().zfill(5)):
            rows.append((cells[0].strip().upper().zfill(5), cells[1:]))
    return rows
