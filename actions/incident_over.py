"""A scam, a hacked account or harassment told as over and done (round 30's tester, D14):
« arnaque carte bancaire déjà réglée », « c'est fini maintenant il a arrêté », « la banque a
remboursé ». The person wants to learn to make things safe (the need, served with places): the
lines said for something happening now (« faites opposition tout de suite », the 3018, the 3919
and the 17) are left out (``actions.helplines``). Never when the words say it goes on (« il
recommence », « encore »)."""

from __future__ import annotations

import re

from actions.safety.common_words import fold_text
from actions.safety.past_events import AGAIN

_DONE = r"(regle|resolu|repare|termine|fini|arrange|rentre dans l'ordre)(e|s|es)?"
OVER = re.compile(
    # "c'est réglé", "déjà réglée", "tout est rentré dans l'ordre", "le problème a été résolu"
    rf"\b(c'?est|c est|tout est|deja|a ete|ont ete|est|sont|ca s'est) (deja |bien |maintenant "
    rf"|enfin |desormais |tout )?{_DONE}\b(?! entre (nous|eux|elles))"  # the couple's end, not
    # the harassment's
    # "il a arrêté", "elle a cessé", "il ne m'écrit plus"
    r"|\b(il|elle|ils|elles|on|la personne|le harceleur) (a|ont) (arrete|cesse|laisse tomber)\b"
    r"|\bne me (harcele|harcelent|contacte|contactent|ecrit|ecrivent|menace|menacent|suit"
    r"|surveille|surveillent|embete|embetent)\w* plus\b"
    # the money back, the card blocked already
    r"|\b(la |ma |notre )?banque (m'|nous )?a (tout )?rembourse"
    r"|\b(j'ai|on a|nous avons|il a|elle a) (deja |bien )?(fait|mis) (l')?opposition"
    r"|\bopposition (est |a ete )?(deja )?faite\b|\bcarte (est |a ete )?(deja )?bloquee\b"
    r"|\bc'est (derriere (moi|nous)|du passe|de l'histoire ancienne)"
)


def said(text: str) -> bool:
    """The words tell the incident as over ("déjà réglée", "il a arrêté"), nothing said to go on
    ("il recommence", "encore")."""
    folded = fold_text(text)
    return bool(OVER.search(folded)) and not AGAIN.search(folded)
