"""Does a message ask this assistant to erase the conversation?

The NLU reads "la caf a supprimé mon RSA" or "efface la ville" as ``forget_me`` (round 23's
tester: 5 complaints about benefits in 8 erased the whole conversation). Erasing is the one action
that cannot be undone, so it is done only when the words ask it: an erasure verb said as a
request (not "a supprimé", "ont été effacées": something that happened) about this conversation
or the person's data, or a phrase that can only mean it ("droit à l'oubli", "rgpd").
"""

from __future__ import annotations

import re

from directory_client.labels import fold

_KEEP = r"(gard|conserv|enregistr|stock|fich)\w*"
_ALWAYS = re.compile(
    r"\b(droit a l'oubli|rgpd|(je )?retire mon consentement|(je )?demande la suppression"
    rf"|(ne|n') ?{_KEEP} (rien|pas|plus)|(\w+ ){{0,3}}(pas|plus) que (vous|tu) {_KEEP}"
    r"|(je veux|je voudrais) etre oublie|(ne|n') ?(\w+ )?pas etre fiche"
    r"|(soient|soit) (effacee|supprimee|detruite)s?)"
)
_VERB = r"(supprim|effac|oubli|detrui|detruis|enlev|retir)\w*"
# What this assistant holds: the conversation, the person's data, "tout", the person ("oublie-moi").
_OBJECT = (
    r"(mes |mon |ma |nos |notre |la |cette |l'|les |ce |tout |toutes |tous )?"
    r"(donnees|infos?|informations|conversations?|discussions?|echanges?|historique|messages"
    r"|numero|coordonnees|traces|compte|profil|ville|code postal|adresse|tout|les"
    r"|ce que (j'ai|je vous ai|je t'ai|on s'est|j ai)"
    r"|moi|m'|me)\b"
)
_ASKED = re.compile(rf"\b{_VERB}[ -]?(\w+ ){{0,2}}{_OBJECT}|\b(m'|me |moi )?{_VERB}[ -]moi\b")
# Something that happened, not a request: "la caf a supprimé", "ils m'ont effacé", "a été retiré".
_HAPPENED = re.compile(
    rf"\b(a|ont|as|avez|avait|avaient|aurait|auraient|est|sont|ete|etait|etaient)"
    rf" (\w+ )?{_VERB}"
)


def asked(text: str) -> bool:
    """True when the words ask to erase this conversation or the person's data."""
    folded = fold(text).replace("’", "'")
    if _ALWAYS.search(folded):
        return True
    if _HAPPENED.search(folded) and not re.search(r"\b(je veux|je voudrais|merci de|svp"
                                                  r"|s'il vous plait|pouvez|peux)\b", folded):
        return False
    return bool(_ASKED.search(folded) or re.fullmatch(rf"\W*{_VERB}\W*(svp|stp)?\W*", folded))
