"""Usual names of communes that differ from their official name (INSEE's Code officiel
géographique, the gazetteer's source): the name people write, mapped to the commune's INSEE
code. One table, each row with its source.

- « Seyne-les-Alpes » → Seyne (04205, Alpes-de-Haute-Provence): the official name is « Seyne »
  (COG); « Seyne-les-Alpes » is the name the commune and its tourist office use, given as its
  usual name by the French Wikipedia article « Seyne (Alpes-de-Haute-Provence) ». Set AR
  (ar128): « Seyne-les-Alpes » was not found.
- « Luchon » → Bagnères-de-Luchon (31042, Haute-Garonne): the name the town is called by, its
  station, spa and tourist office (« Luchon »), given as such by the French Wikipedia article
  « Bagnères-de-Luchon »; six smaller communes' names end in « -de-Luchon » too (Montauban-,
  Juzet-, Cier-…), none is « Luchon ». Measured over REST (2026-12-07): « Luchon » was read as
  Luçon (85), a one-letter near-miss.
"""

from __future__ import annotations

USUAL_NAMES: dict[str, str] = {
    "Seyne-les-Alpes": "04205",
    "Luchon": "31042",
}
# Each commune's usual names, one string (a name written in one hyphenated piece is matched on
# its words: directory_client/locator.py).
USUAL_OF: dict[str, str] = {}
for _usual, _code in USUAL_NAMES.items():
    USUAL_OF[_code] = f"{USUAL_OF.get(_code, '')} {_usual}".strip()
