"""What to bring, with what the person said: a thing they said they do not have is left out
("carte Vitale perdue": not "apportez votre carte Vitale"; "je n'ai pas de portable": not "votre
téléphone portable"), and an item never appears twice ("votre permis de conduire" and "votre
permis de conduire (ou la déclaration de perte ou de vol)" are one). The items are
``actions.needs.PROCEDURES``' ``bring``, as ``actions.formatting.bring_items`` lists them.
"""

from __future__ import annotations

import re

from directory_client import labels

# Thing → (the words that say it is missing, on folded text; how an item names it).
_NOT = r"(pas|plus|sans|ni|perdu\w*|vol\w*|egare\w*)"
MISSING: dict[str, tuple[str, str]] = {
    "carte_vitale": (
        rf"\b{_NOT} (de |d'|ma |la |mon )?carte vitale\b|\bcarte vitale (\w+ )?"
        r"(perdu\w*|vol\w*|egare\w*|cass\w*)",
        r"carte vitale",
    ),
    "portable": (
        r"\b(pas|plus|sans|ni) (de |d'|d |un |une |mon )?(telephone|portable|smartphone|mobile)s?\b"
        r"|\b(telephone|portable) (\w+ )?(perdu\w*|vol\w*|cass\w*)",
        r"telephone portable",
    ),
}
_PARTS = re.compile(r" (et|ou) ")


def _missing(text: str) -> list[str]:
    folded = labels.fold(text or "").replace("\u2019", "'")
    return [names for said, names in MISSING.values() if re.search(said, folded)]


def _without(item: str, names: list[str]) -> str:
    """The item with the parts naming a missing thing taken out ("" when nothing is left)."""
    parts = _PARTS.split(item)  # [part, joiner, part, …]
    kept: list[str] = []
    for i in range(0, len(parts), 2):
        part = parts[i]
        if any(name in labels.fold(part) for name in names):
            continue
        if kept:
            kept.append(parts[i - 1])
        kept.append(part)
    return " ".join(kept).strip()


def kept(items: list[str], request: str) -> list[str]:
    """``items`` without what ``request`` (the person's messages) says is missing, each once."""
    names = _missing(request)
    out: list[str] = []
    for item in items:
        item = _without(item, names) if names else item
        if not item:
            continue
        same = [o for o in out if o.startswith(item) or item.startswith(o)]
        if same:  # "votre permis de conduire" twice: the fuller one kept
            if len(item) > len(same[0]):
                out[out.index(same[0])] = item
            continue
        out.append(item)
    return out
