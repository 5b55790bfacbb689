"""A denial of danger, said after the numbers or the question « Êtes-vous en danger ? »."""

from __future__ import annotations

import re

from actions.safety.common_words import fold_text
from actions.safety.figures import FIGURE
from actions.safety.severe import SEVERE_RE

# A denial of danger, said after the numbers or the question "Êtes-vous en danger ?": "non merci
# je ne suis pas en danger", "ça va je suis pas en danger, c'est pour la demande". Its "en danger"
# is no alarm; a severe wording beside it still is (``denies_danger``).
_DENIAL = re.compile(
    r"\b((ne |n')?(suis|sommes|est|sont|etes|es)? ?(pas|plus|jamais|aucunement) (du tout )?"
    r"(en danger|menacee?s?|en peril)"
    r"|(pas|aucun) (de )?danger"
    r"|(je suis|suis|on est|nous sommes) (maintenant |bien )?(en securite|a l'abri))"
)


def denies_danger(text: str) -> bool:
    """The message says the person is not in danger, with no severe wording beside it."""
    folded = fold_text(text)
    return bool(_DENIAL.search(folded)) and not SEVERE_RE.search(FIGURE.sub(" ", folded))
