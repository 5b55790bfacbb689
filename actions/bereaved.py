"""After a death ("mon mari est décédé, je dois faire la demande de pension de réversion"): one
short word of sympathy (``utter_sympathy``), before the first places given for the request that
says it, never again in the conversation (a « plus près ? », another request after).

Condolences belong to a recent death (days, weeks, months). A death years ago told as context
(« mon mari est décédé il y a trois ans », « veuve depuis 5 ans », « morte en 2015 ») or a widow's
state said alone (« je suis veuve ») gets none: the need is served as it is (round 29's tester,
h01: « veuve depuis trois ans » got « Toutes mes condoléances »)."""

from __future__ import annotations

import re
from datetime import date

from rasa_sdk import Tracker

from actions import someone_else, texts
from actions.danger_turns import previous_request_texts, request_texts
from actions.needs import fold, says_a_death

_DEATH = re.compile(
    r"\b(deces|decede\w*|deceder|mort|morte|morts|mortes|disparu\w*|parti\w*|perdu\w*|veuve?|veuf"
    r"|succession|obseques|funerailles)\b"
)
_NUMBER = (
    r"(\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente"
    r"|plusieurs|quelques|des|de nombreuses|nombreuses|une dizaine d|une vingtaine d)"
)
# Years ago: "il y a trois ans", "depuis 5 ans", "ça fait des années", "il y a longtemps".
_YEARS_AGO = re.compile(
    rf"\b(il y a|y a|ya|depuis|ca fait|cela fait|voila|voici)( deja| maintenant| bientot)? "
    rf"{_NUMBER} (ans|annees)\b"
    r"|\b(il y a|depuis|ca fait|cela fait)( deja)? (bien |tres |si )?longtemps\b"
)
_IN_YEAR = re.compile(r"\b(en|depuis) ((19|20)\d\d)\b")
_WIDOWED = re.compile(r"\b(veuve?|veuf)\b")
_RECENT = re.compile(
    r"\b(recemment|vient de|viens de|venons de|depuis peu|hier|avant-hier|ce matin|cette semaine"
    r"|la semaine derniere|le mois dernier|ce mois ci|il y a (\d+|un|une|deux|trois|quelques"
    r"|quinze) (jours?|semaines?|mois))\b"
)
_NEAR = 70  # characters between the death and the time said of it
# Another clause between them: the time is of something else ("décédé, j'habite ici depuis 20 ans").
_CLAUSE = re.compile(r"[,.;:!?\n]|\b(et|mais|je|j'|nous|on|il|elle)\b(?! y a)")


def _near_death(folded: str, pattern: re.Pattern) -> list[re.Match]:
    """The matches of ``pattern`` said of a death in ``folded``: near it, in its clause."""
    deaths = [m for m in _DEATH.finditer(folded)]
    return [m for m in pattern.finditer(folded)
            if any(abs(m.start() - d.start()) <= _NEAR
                   and not _CLAUSE.search(folded[min(d.end(), m.end()):max(d.start(), m.start())])
                   for d in deaths)]  # fmt: skip


def told_long_ago(text: str, today: date | None = None) -> bool:
    """The death told is years ago, or a widow's state with no time said: no condolences."""
    folded = fold(text).replace("\u2019", "'")
    if _near_death(folded, _RECENT):
        return False
    if _near_death(folded, _YEARS_AGO):
        return True
    year = (today or date.today()).year
    if any(year - int(m.group(2)) >= 2 for m in _near_death(folded, _IN_YEAR)):
        return True
    others = [m for m in _DEATH.finditer(folded) if not _WIDOWED.fullmatch(m.group(0))]
    return bool(_WIDOWED.search(folded)) and not others


def sympathy(tracker: Tracker) -> str:
    """The word of sympathy to say before this answer's places, or ""."""
    said = request_texts(tracker)
    if not says_a_death(said) or told_long_ago(said):
        return ""
    if tracker.get_slot("last_search") and says_a_death(previous_request_texts(tracker)):
        return ""  # said with the places of the request that told the death
    return texts.text("utter_sympathy")


# The affairs of the one who died, named as theirs: « fermer son compte ameli », « résilier son
# abonnement », « clôturer ses comptes », « arrêter sa mutuelle ».
_THEIR_AFFAIRS = re.compile(
    r"\b(son|sa|ses|leur|leurs) (compte|abonnement|contrat|dossier|carte|mutuelle|pension"
    r"|retraite|ligne|forfait|box|assurance|allocation|espace)s?\b"
)
# What to bring that is theirs (their card, their number, their notices), said as theirs.
_THEIRS = re.compile(r"\b(carte|numero|avis|releve|attestation|contrat|identifiant)s?\b")
DEATH_CERTIFICATE = "un acte de décès"


def for_the_dead(request: str) -> bool:
    """A death told, and the affairs of the one who died to close or change (« mon père est
    décédé, je dois fermer son compte ameli »): what to bring is theirs."""
    folded = fold(request or "").replace("’", "'")
    return says_a_death(request) and bool(_THEIR_AFFAIRS.search(folded))


def bring_for_the_dead(bring: list[str]) -> list[str]:
    """What to bring for the affairs of one who died: the death certificate first, their card
    and numbers said as theirs (« sa carte Vitale ou son numéro de sécurité sociale »), never
    « votre carte Vitale » (tester t218 D11)."""
    if not bring or any("acte de deces" in fold(b) for b in bring):
        return bring  # a file about the death itself (a réversion): its own list says it
    theirs = [someone_else.about_them(b) if _THEIRS.search(fold(b)) else b for b in bring]
    return [DEATH_CERTIFICATE, *(b for b in theirs if b != DEATH_CERTIFICATE)]
