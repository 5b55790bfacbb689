"""Folding and the pattern helpers every rule of the need reader uses."""

from __future__ import annotations

import re

from directory_client import labels


def fold(text: str) -> str:
    return labels.fold(text or "")


def _compile(pattern: str) -> re.Pattern:
    """Apostrophes are optional: SMS writers drop them ("dembauche", "jai", "lassurance")."""
    return re.compile(re.sub(r"'(?![?*])", "'?", pattern))


def _matches(text: str, patterns) -> bool:
    return any(p.search(text) for p in patterns)


# SMS writers drop the apostrophe of an elision ("dordi", "mactualiser", "limprimante"): put it
# back before the words the patterns look for, so that "\bactualis" or "pas d'ordi" match.
_SMS_ELISION = re.compile(
    r"\b([jdlmnstc])(ordi|ordis|ordinateurs?|internet|imprim\w*|actualis\w*|applis?|applications?|"
    r"impots?|aide|attestations?|inscri\w*|identite|emploi|embauche|assurance|ecrans?|entretien|"
    r"adresse|email|ameli|allocations?|arnaqu\w*|ecole|enfants?|argent|acces|appel|annonce|"
    r"appren\w*|aprend\w*)\b"
)
