"""An entity's value (the NLU's) → a key of the catalogue."""

from __future__ import annotations

from actions.needs.catalogue import NEEDS, PROCEDURES
from actions.needs.constraints import CONSTRAINTS
from actions.needs.detection import detect
from actions.needs.words import _compile, fold


def normalise_need(value: str | None) -> str | None:
    """An entity value (synonym-mapped or raw) → a key of NEEDS, or None."""
    if not value:
        return None
    key = fold(value).replace(" ", "_").replace("-", "_")
    if key in NEEDS:
        return key
    found = detect(value)
    return found.needs[0] if found.needs else None


# The four ANTS titles: the model's value "ants" for all of them, the words of the message say
# which ("ma carte grisse", "les papiers de la voiture": the vehicle's list, not the ID card's).
_ANTS_TITLE = (
    ("carte_grise", _compile(r"\bcartes? ?gri\w*|\bimmatricul\w*|\bcertificat de cession")),
    ("permis", _compile(r"\bpermi[st]?\b")),
    ("carte_grise", _compile(r"\b(voiture|vehicule|moto|scooter|camping-?car|auto)s?\b")),
)


def normalise_procedure(value: str | None, context: str = "") -> str | None:
    """An entity value → a key of PROCEDURES; ``context``, the message, names which of the ANTS
    titles the model's "ants" is."""
    if not value:
        return None
    key = fold(value).replace(" ", "_").replace("-", "_")
    if key == "ants" and context:
        folded = fold(context).replace("\u2019", "'")
        return next((k for k, said in _ANTS_TITLE if said.search(folded)), key)
    if key in PROCEDURES:
        return key
    found = detect(value)
    return found.procedures[0] if found.procedures else None


def normalise_constraint(value: str | None) -> str | None:
    if not value:
        return None
    key = fold(value).replace(" ", "_").replace("-", "_")
    if key in CONSTRAINTS:
        return key
    found = detect(value)
    return found.constraints[0] if found.constraints else None
