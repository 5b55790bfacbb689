"""A short correction of the town already given ("non pas la réunion, la martinique"): the
message without the place it says is wrong, and the words taken out."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from actions import needs as needs_mod

if TYPE_CHECKING:
    from actions.state import State


# "non pas la réunion, la martinique", "pas celui de la Réunion, l'autre": the place said not to
# be the one. Not "pas loin de", "pas très loin", nor "pas d'ordi".
_NOT_THERE = re.compile(
    r"\bpas\s+(?!loin\b|tres\b|trop\b|d'|de\s|du\s|des\s)[^,;.!?]*?(?=[,;.!?]|\s+mais\b|$)"
)
_MAX_CORRECTION_WORDS = 10


def without_places_denied(state: State, text: str) -> tuple[str, list[str]]:
    """A short correction of the town already given, without the place it says is wrong; and
    the words taken out ("la reunion")."""
    if not (state.location or state.choices) or len(text.split()) > _MAX_CORRECTION_WORDS:
        return text, []
    folded = needs_mod.fold(text)  # same length as ``text`` for French letters
    if len(folded) != len(text):
        return text, []
    spans = [m.span() for m in _NOT_THERE.finditer(folded)]
    kept, start = [], 0
    for begin, end in spans:
        kept.append(text[start:begin])
        start = end
    kept.append(text[start:])
    return " ".join(" ".join(kept).split()), [folded[b:e] for b, e in spans]
