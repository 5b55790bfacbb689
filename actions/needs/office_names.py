"""An office's short name read by the meaning as a need: « la sécu » (the Assurance maladie)
weighs as online safety, « sécurité » (tester t194, B17: « je dois envoyer mes arrêts à la sécu
par internet » got online safety beside the Assurance maladie, with the cybermalveillance line).
For the meaning only, the office is given the name it weighs right with (« CPAM »); the keywords
read the words as said."""

from __future__ import annotations

import re

# "sécu", "secu", "Sécu" (not "sécurité", "sécuriser"): the social security
_SECU = re.compile(r"\b[sS][ée][cC][uU]\b")


def for_meaning(text: str) -> str:
    """``text`` with the offices' short names the meaning misreads spelt as it reads them."""
    return _SECU.sub("CPAM", text)
