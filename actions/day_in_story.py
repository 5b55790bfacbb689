"""A weekday inside a story is no criterion: "ils m'appellent le dimanche", "mon fils m'appelle le
dimanche pour m'aider" tell when someone else calls or visits, not when the person can go. A day
is a criterion when it is about going ("le samedi", "ouvert le dimanche", "je ne peux que le
samedi", "c'est ouvert samedi ?"); it is a story's when the subject of its sentence is someone
else (il, elle, ils, elles, qui, "mon fils", "ma voisine"…) who calls, visits, comes or helps,
and nothing in that sentence asks about opening or going.

The text is folded (``needs.fold``: lower case, no accents)."""

from __future__ import annotations

import re

from directory_client.labels import fold

# The sentence around the day: up to a stop, or "mais" ("… le dimanche mais je peux le samedi").
_STOP = re.compile(r"[.!?;\n]|\bmais\b")
_SOMEONE = (
    r"(il|elle|ils|elles|qui|(mon|ma|mes|son|sa|ses|leur|leurs|notre|nos) [a-z'-]+"
    r"( [a-z'-]+)?)"
)
# Someone else calls, visits, comes, helps: "ils m'appellent", "mon fils m'appelle", "ma fille
# passe", "elle vient", "il me rend visite", "ma voisine m'aide".
_OTHERS_DO = re.compile(
    rf"\b{_SOMEONE} (ne )?(m'|me |nous |t'|te |l'|le |la |les |lui |leur |y )?"
    r"(appel\w*|appell\w*|telephon\w*|passe\w*|vien\w*|vienne\w*|visite\w*|rend\w* visite|"
    r"voi[st]|voient|aide\w*|occupe\w*|ramene\w*|emmene\w*|amene\w*|rappel\w*|ecri\w*|"
    r"travaill\w*|est la|sont la|est libre|sont libres)"
)

# The person going, or places opening: the day is then a criterion whatever else is said.
_GOING_ASKED = re.compile(
    r"\b(ouverte?s?|ouvre\w*|fermee?s?|ferme|je (ne )?(peux|pourrais|serai|vais|passe|viens)|"
    r"j'?(peux|pourrais|irai)|dispo\w*|y aller|m'y rendre|horaires?|rendez-vous|rdv)\b"
)


def _sentence(folded: str, start: int, end: int) -> str:
    before = [m.end() for m in _STOP.finditer(folded, 0, start)]
    after = _STOP.search(folded, end)
    return folded[before[-1] if before else 0 : after.start() if after else len(folded)]


def day_in_story(folded: str, start: int, end: int) -> bool:
    """The day written at ``folded[start:end]`` tells when someone else calls or visits."""
    sentence = _sentence(folded, start, end)
    if not _OTHERS_DO.search(sentence):
        return False
    return not _GOING_ASKED.search(sentence)


_DAY = re.compile(r"\b(samedis?|dimanches?|week-?ends?)\b")


def only_in_stories(text: str) -> bool:
    """Every weekday written in ``text`` is in a story (and there is one): the NLU's day entity
    is then no criterion either."""
    folded = " ".join(fold(text).replace("’", "'").split())
    days = list(_DAY.finditer(folded))
    return bool(days) and all(day_in_story(folded, d.start(), d.end()) for d in days)
