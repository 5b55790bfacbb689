"""Overseas collectivities (Nouvelle-Calédonie, Polynésie française, Wallis-et-Futuna,
Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin): the national gazetteer has none of
their communes; the directory may have places in some (Nouméa, Dumbéa…), which the locator then
knows. A message naming one of these territories, or one of its main towns, where the directory
has no place is told so plainly, with the remote help (the national helpline), and the town is
not asked again ("Papeete", "Papeete, Tahiti, en Polynésie", "Mata-Utu", "Gustavia")."""

from __future__ import annotations

import re

from directory_client.departements import located_in
from directory_client.text import fold

COLLECTIVITIES = ("975", "977", "978", "986", "987", "988")

# The territories' names ("Polynésie", "Tahiti", "Nouvelle Calédonie"…) come from the gazetteer's
# département keys; these are their main towns and islands, as people write them (folded).
_TOWNS: dict[str, tuple[str, ...]] = {
    "975": ("miquelon", "saint pierre et miquelon"),
    "977": ("gustavia", "saint barth", "st barth", "saint barthelemy", "st barthelemy"),
    "986": ("mata utu", "matautu", "wallis", "futuna", "leava", "sigave"),
    "987": ("papeete", "faaa", "punaauia", "pirae", "mahina", "paea", "papara", "arue", "moorea",
            "bora bora", "raiatea", "uturoa", "taravao", "teva i uta", "taiarapu", "tahiti",
            "nuku hiva", "rangiroa", "huahine", "polynesie"),
    "988": ("noumea", "dumbea", "mont dore", "paita", "kone", "lifou", "caledonie"),
}  # fmt: skip


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", fold(text).replace("'", ""))) + " "


def named_territory(text: str, index) -> str | None:
    """The collectivity ``text`` names (its code), by a name of the gazetteer's or a main town."""
    said = _words(text)
    for key, code in index.dep_by_key.items():
        if code in COLLECTIVITIES and f" {key} " in said:
            return code
    for code, towns in _TOWNS.items():
        if any(f" {town} " in said for town in towns):
            return code
    return None


def covered(code: str, index) -> set[str]:
    """The folded names of the communes of ``code`` the locator knows (from the directory)."""
    return {key for key, communes in index.by_key.items()
            if any(c.departement == code for c in communes)}  # fmt: skip


def not_covered(text: str, locator) -> str | None:
    """ "en Polynésie française" when ``text`` names that territory (or one of its towns) and the
    locator knows none of its communes (the directory has no place there); None otherwise:
    Nouméa, where the directory has places, is searched as any town, and so is a commune of
    the same name elsewhere ("Saint-Martin-d'Hères")."""
    index = getattr(locator, "_index", None)  # a test's stand-in has no gazetteer
    code = None if index is None else named_territory(text, index)
    if code is None or covered(code, index):
        return None
    found = locator.locate(text[:120])
    if _names_a_town_elsewhere(text, found, code):
        return None
    return located_in(code)


def _names_a_town_elsewhere(text: str, found, code: str) -> bool:
    """The locator reads in ``text`` a commune outside the collectivities, written there and
    decided on ("Saint-Martin-d'Hères", "Saint-Barthélemy dans le Morbihan"), not only offered
    after the collectivity among its homonyms ("Saint-Barthélemy": 977 first, then the
    mainland's) nor a near-miss ("st barth" is no Saint-Bard)."""
    best = found.best
    if best is None or best.kind == "departement" or best.departement in COLLECTIVITIES:
        return False
    if found.status != "found" and found.candidates[0].departement == code:
        return False
    return f" {_words(best.commune or '').strip()} " in _words(text)


def names_a_town(text: str, locator) -> bool:
    """``text`` names a commune of a collectivity that the locator knows from the directory
    ("Dumbea", "noumea"): a town, whatever intent the NLU read (it has learnt none of them)."""
    found = locator.locate(text[:120])
    best = found.best if found.status == "found" else None
    return best is not None and best.kind == "commune" and best.departement in COLLECTIVITIES
