"""After a death ("mon mari est décédé, je dois faire la demande de pension de réversion"): one
short word of sympathy (``utter_sympathy``), before the first places given for the request that
says it, never again in the conversation (a « plus près ? », another request after)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions import someone_else, texts
from actions.danger_turns import previous_request_texts, request_texts
from actions.needs import says_a_death
from directory_client.labels import fold


def sympathy(tracker: Tracker) -> str:
    """The word of sympathy to say before this answer's places, or ""."""
    if not says_a_death(request_texts(tracker)):
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
