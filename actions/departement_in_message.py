"""A département named in a message the way French puts it ("je suis dans le Nord", "dans le
59", "en Haute-Savoie", "dans les Bouches-du-Rhône", "département du Var"), read without the NLU
model tagging it: its code, for the Locator (the town is then asked, as for any département)."""

from __future__ import annotations

import re

from directory_client.departements import ALIASES, DEPARTEMENTS, located_in
from directory_client.text import fold


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9']+", " ", fold(text).replace("\u2019", "'")).split())


def _phrases() -> dict[str, str]:
    """Folded phrase → code: "dans le nord", "en haute savoie", "dans le 59", "departement du
    var"…"""
    out: dict[str, str] = {}
    for code, name in DEPARTEMENTS.items():
        if located_in(code).startswith("à "):
            continue  # "à Paris", "à Mayotte": a town's wording, the town reader's
        out[_key(located_in(code))] = code
        out[f"dans le {code.lower()}"] = code
        for lead in ("departement du", "departement de la", "departement des", "departement de l'",
                     "departement de", "departement"):  # fmt: skip
            out[_key(f"{lead} {name}")] = code
        out[f"departement {code.lower()}"] = code
    for alias, code in ALIASES.items():
        if not located_in(code).startswith("à "):
            out[_key(f"en {alias}")] = code
    return out


_PHRASES = _phrases()
_PATTERN = re.compile(
    r"(?<![\w'])("
    + "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True))
    + r")(?![\w-])(?! (de|du|des|d') )"  # "dans le nord de la ville": a side, not the Nord
)


def departement_named(text: str) -> str | None:
    """The code of the département ``text`` names ("je suis dans le Nord" → "59"), or None."""
    said = _PATTERN.search(_key(text or ""))
    return _PHRASES[said.group(1)] if said else None


def departement_guess(text: str, locate) -> tuple[str, object, bool] | None:
    """As ``actions.guess_place``: (query, locator result, written as a name) for the département
    ``text`` names, its name as the query; None when it names none."""
    code = departement_named(text)
    if code is None:
        return None
    return DEPARTEMENTS[code], locate(code), False
