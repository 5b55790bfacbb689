"""An entity's value (the NLU's) → a key of the catalogue."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from actions.needs.catalogue import NEEDS, PROCEDURES
from actions.needs.constraints import CONSTRAINTS
from actions.needs.detection import Understanding, detect
from actions.needs.words import _compile, fold


def _key(value: str) -> str:
    """ "Ouvert Maintenant", "a-ma-place" → the catalogue's spelling of a key."""
    return fold(value).replace(" ", "_").replace("-", "_")


def _normalise(
    value: str | None, keys: Collection[str], found: Callable[[Understanding], Sequence[str]]
) -> str | None:
    """An entity value → one of ``keys`` (its spelling, else the first the reader finds in it
    with ``found``), or None."""
    if not value:
        return None
    key = _key(value)
    if key in keys:
        return key
    read = found(detect(value))
    return read[0] if read else None


def normalise_need(value: str | None) -> str | None:
    """An entity value (synonym-mapped or raw) → a key of NEEDS, or None."""
    return _normalise(value, NEEDS, lambda u: u.needs)


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
    if value and context and _key(value) == "ants":
        folded = fold(context).replace("\u2019", "'")
        return next((k for k, said in _ANTS_TITLE if said.search(folded)), "ants")
    return _normalise(value, PROCEDURES, lambda u: u.procedures)


def normalise_constraint(value: str | None) -> str | None:
    """An entity value → a key of CONSTRAINTS, or None."""
    return _normalise(value, CONSTRAINTS, lambda u: u.constraints)
