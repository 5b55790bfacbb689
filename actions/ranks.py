"""The French words that name a rank in a list the assistant offered ("le deuxième", "la 3e",
"2"): one table for the towns offered (actions.location_reply.pick_choice), the places of the last
answer (actions.place_pick) and the place a referral or a report is about (actions.referral_chat,
actions.report_chat). Words are folded (lower case, no accents: ``actions.needs.fold``)."""

from __future__ import annotations

import re

# Words that can only be a rank ("le deuxième", "la 3e", "le 2nd").
ORDINALS = {
    "premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "1re": 1,
    "deuxieme": 2, "second": 2, "seconde": 2, "2e": 2, "2eme": 2, "2nd": 2, "2nde": 2,
    "troisieme": 3, "3e": 3, "3eme": 3,
    "quatrieme": 4, "4e": 4, "4eme": 4,
    "cinquieme": 5, "5e": 5, "5eme": 5,
    "sixieme": 6, "6e": 6, "6eme": 6,
}  # fmt: skip
# Numbers in words: a rank only in a short answer ("le deux"), never inside a sentence ("ouvert
# deux jours par semaine").
CARDINALS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}
_WORD = re.compile(r"[a-z0-9]+")
# A place named by its rank in a folded sentence ("le 2, c'est ouvert…", "pour la 3e"), to read
# the rest without it: never a time ("le 2 h").
MENTION = re.compile(
    r"\b(?:le|la|l'|n°|no|numero) ?(?:"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"|\d{1,2})\b(?! ?(?:h|heures?)\b|:)"
)


def rank_of(word: str, *, cardinals: bool = False) -> int | None:
    """The rank one folded word names: an ordinal, a number of one or two digits, or (with
    ``cardinals``) a number in words; else None."""
    if word in ORDINALS:
        return ORDINALS[word]
    if word.isdigit() and len(word) < 3:
        return int(word) or None
    return CARDINALS.get(word) if cardinals else None


def rank_in(folded_text: str) -> int | None:
    """The first rank a folded message names in an ordinal or in digits ("le deuxième", "le 2")."""
    for word in _WORD.findall(folded_text):
        rank = rank_of(word)
        if rank is not None:
            return rank
    return None
