"""The criteria of a search (free, open on Saturday, accessible…): their keys, how they read,
and the words that say them."""

from __future__ import annotations

import re

from actions.needs.care import MOTOR, declared
from actions.needs.distance import distance_limit
from actions.needs.modes import _DONE_FOR_ME
from directory_client import display, labels

# A criterion said away: "sans le samedi", "pas forcément gratuit", "peu importe l'accès".
_WITHOUT = re.compile(
    r"\b(sans|pas forcement|pas besoin (d'etre|que ce soit)|peu importe)\b[^,.;!?]*$"
)
DROP = "sans_"  # a constraint value "sans_gratuit" drops the filter "gratuit" (a follow-up button)
CONSTRAINTS = (
    "gratuit", "samedi", "dimanche", "ouvert_maintenant", "accessible", "seniors", "a_ma_place",
    "conseiller_numerique",
)  # fmt: skip
# The days a search can ask for: a day asked replaces the other ("le samedi" then "et le
# dimanche ?" is Sundays, not both).
DAYS = ("samedi", "dimanche")
CONSTRAINT_PLAIN = {
    "gratuit": "gratuits",
    "samedi": "ouverts le samedi",
    "dimanche": "ouverts le dimanche",
    "ouvert_maintenant": "ouverts maintenant",
    "accessible": "accessibles en fauteuil roulant",
    "seniors": "adaptés aux seniors",
    "a_ma_place": "où un aidant habilité Aidants Connect peut faire à votre place",
    "conseiller_numerique": "avec un conseiller numérique",
}


# What no place does, after "Aucun lieu": "Aucun lieu n'ouvre le dimanche près de Limoges".
CONSTRAINT_MISSING = {
    "gratuit": "n'est gratuit",
    "samedi": "n'ouvre le samedi",
    "dimanche": "n'ouvre le dimanche",
    "ouvert_maintenant": "n'est ouvert en ce moment",
    # What the places do not declare, never said as a fact of the places (round 25 tester:
    # « Aucun lieu n'est accessible en fauteuil roulant » where none declares it): said as the
    # care few places declare (care.declared).
    "accessible": declared(MOTOR, some=False),
    "seniors": "n'est adapté aux seniors",
    "a_ma_place": "ne fait les démarches à votre place (Aidants Connect)",
    "conseiller_numerique": "n'annonce de conseiller numérique",
}
# The directory's programme for a constraint: places that declare it (dispositif_programmes_
# nationaux), "un conseiller numérique à Poitiers" → the places with one.
CONSTRAINT_PROGRAMMES = {"conseiller_numerique": labels.DISPOSITIFS_ALIASES["CNFS"]}


def constraint_missing(key: str) -> str | None:
    """ "n'ouvre le dimanche": what no place does, for a criterion dropped to find places."""
    return CONSTRAINT_MISSING.get(key)


def constraint_plain(key: str) -> str | None:
    """A constraint as the person reads it: "gratuits", "à moins de 2 km"; None if unknown."""
    km = distance_limit([key])
    if km is not None:
        return f"à moins de {display.distance_text(km)}"
    return CONSTRAINT_PLAIN.get(key)


_CONSTRAINT_PATTERNS: dict[str, tuple[str, ...]] = {
    "gratuit": (
        r"\bgratuite?s?\b",
        r"\bgratos\b",
        r"\bsans payer\b",
        r"\bpas payant",
        r"\bgratuitement\b",
    ),
    "samedi": (r"\bsamedis?\b", r"\bweek-?end\b"),
    "dimanche": (r"\bdimanches?\b",),
    # Asked for, not a word: "maintenant la caisse de retraite me demande…" is no such request.
    "ouvert_maintenant": (
        r"\bouverte?s? (maintenant|en ce moment|aujourd'?hui|tout de suite|actuellement"
        r"|ce (matin|midi|soir))",
        r"\b(maintenant|aujourd'?hui|en ce moment|tout de suite)\W+(c'est |qui (est|sont) )?"
        r"ouverte?s?\b",
        r"\b(y aller|passer|venir) (maintenant|aujourd'?hui|tout de suite|ce (matin|soir))",
        r"\bc'est pour (maintenant|aujourd'?hui|tout de suite)",
        r"^\W*(maintenant|aujourd'?hui|tout de suite)( si possible)?\W*$",
        r"\bqui (est|sont) ouverte?s?\b",
    ),
    "accessible": (
        r"\bfauteuil",
        r"\bpmr\b",
        r"\bhandicap moteur",
        r"\baccessibles?\b",
        r"\bmobilite reduite",
    ),
    "seniors": (
        r"\bseniors?\b",
        r"\bpersonnes? agees?\b",
        r"\b(a la|en) retraite\b",
        r"\bsuis retraitee?\b",
        r"\bretraitees?\b",
        r"\bpapi\b",
        r"\bmamie\b",
        # an age of 60 or more said of the person (« j'ai 78 ans », « ma mère a 85 ans », « dame
        # 82a »): never a duration (« depuis 70 ans », « 60 ans de mariage »)
        r"(^|, ?|\b(j'?ai|j ai|ai|a|agee?s? de|de|dame|monsieur|mme|mr|moi)\W{1,3})"
        r"(6\d|[7-9]\d|1[01]\d) ?(ans|a)\b(?! (de |d')?(mariage|service|carriere|travail|vie"
        r" commune|ca|cela))",
    ),
    "a_ma_place": (
        r"\ba (ma|sa|leur|notre|votre) place\b",
        _DONE_FOR_ME,
        r"\baidants? connect\b",
        r"\bfaire (la|les) demarches? pour (moi|elle|lui|eux)",
    ),
    # Someone who helps, asked for by name: general digital help, where one works.
    "conseiller_numerique": (
        r"\b(conseill(er|ere|ers|eres)|mediat(eur|rice|eurs|rices)) (du |au )?numeriques?\b",
        r"\bcnfs\b",
    ),
}
