"""A goodbye is said as one: the NLU's goodbye closes the conversation only when the words surely
say goodbye (« au revoir », « bonne soirée », « merci, à bientôt », « bye »). Short SMS the model
took for one (« jai pa dordi », « cest ou le plus pres ? », tester t218 D1) are read for what they
ask; a goodbye said while a town is awaited is no town (« bonne soirée » was Bonne, 74)."""

from __future__ import annotations

import re

from actions.message_text import folded_words

# Words that say goodbye, on folded words (lower case, no accents).
_FAREWELL = re.compile(
    r"(?<![a-z0-9])("
    r"au ?revoir|aurevoir|orevoir|bye( bye)?|byebye|ciao|tchao|tchuss|adieu|salut|slt"
    r"|a (\+|plus tard|plus|plu|pluss|bientot|toute|la prochaine|demain|tout a l'heure)|a\+"
    r"|(tres )?(bonne|bne|bn) (journee|soiree|nuit|fin de journee|fin de soiree|apres midi"
    r"|aprem|week end|weekend|we|continuation|fin de semaine|fetes|annee|vacances)"
    r"|c'?est tout|ca ira|rien d'?autre|j'?ai fini|bisous?|bises?"
    r")(?![a-z0-9])"
)
# What may stand beside a goodbye without saying anything more: thanks, politeness, "ok".
_BESIDE_WORDS = (
    "merci mrc mci beaucoup bcp encore infiniment pour tout votre vos ton tes aide ok oki okay d "
    "accord dac daccord bien super parfait top cool genial voila et vous toi aussi a madame "
    "monsieur mme mr m bon ben bah alors donc je vais y aller on se dit oui non ah oh eh hop "
    "allez au la le les de du des ce cette soir matin aujourd hui demain peut etre prochaine fois "
    "semaine"
)
_BESIDE = frozenset(_BESIDE_WORDS.split())


def surely_said(text: str) -> bool:
    """The words say goodbye and nothing else (thanks and politeness beside)."""
    folded = folded_words(text, keep="+'")
    if not _FAREWELL.search(folded):
        return False
    rest = _FAREWELL.sub(" ", folded).replace("+", " ").replace("'", " ").split()
    return all(word in _BESIDE for word in rest)
