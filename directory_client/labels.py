"""Vocabulary of the national standard (schéma des lieux de médiation numérique).

The mapping tables below are the documented normalisation used by the importer: every label
found in real exports (1.0 generation, current generation, spelling variants) maps to the
current label. Original labels are kept alongside (``Place.services_origine``) because the 1.0
labels are finer (help vs. learning alone, smartphone vs. computer, health).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# --- Services (current labels, 9) -------------------------------------------------------------
DEMARCHES = "Aide aux démarches administratives"
OUTILS_QUOTIDIEN = "Maîtrise des outils numériques du quotidien"
INSERTION_PRO = "Insertion professionnelle via le numérique"
SECURITE = "Utilisation sécurisée du numérique"
PARENTALITE = "Parentalité et éducation avec le numérique"
LOISIRS = "Loisirs et créations numériques"
COMPREHENSION = "Compréhension du monde numérique"
ACCES_INTERNET_MATERIEL = "Accès internet et matériel informatique"
ACQUISITION_MATERIEL = "Acquisition de matériel informatique à prix solidaire"

SERVICES: tuple[str, ...] = (
    DEMARCHES,
    OUTILS_QUOTIDIEN,
    INSERTION_PRO,
    SECURITE,
    PARENTALITE,
    LOISIRS,
    COMPREHENSION,
    ACCES_INTERNET_MATERIEL,
    ACQUISITION_MATERIEL,
)

# Bit of each current service in ``Place.services_mask`` (used by the search index).
SERVICE_BITS: dict[str, int] = {label: 1 << i for i, label in enumerate(SERVICES)}

# 1.0 labels (2021-2022 exports) → current label.
SERVICES_V1_TO_CURRENT: dict[str, str] = {
    "Prendre en main un smartphone ou une tablette": OUTILS_QUOTIDIEN,
    "Prendre en main un ordinateur": OUTILS_QUOTIDIEN,
    "Utiliser le numérique au quotidien": OUTILS_QUOTIDIEN,
    "Réaliser des démarches administratives avec un accompagnement": DEMARCHES,
    "Devenir autonome dans les démarches administratives": DEMARCHES,
    "Accompagner les démarches de santé": DEMARCHES,
    "Accéder à une connexion internet": ACCES_INTERNET_MATERIEL,
    "Accéder à du matériel": ACCES_INTERNET_MATERIEL,
    "Équiper en matériel informatique": ACQUISITION_MATERIEL,
    "Favoriser mon insertion professionnelle": INSERTION_PRO,
    "Créer et développer mon entreprise": INSERTION_PRO,
    "Approfondir ma culture numérique": COMPREHENSION,
    "Promouvoir la citoyenneté numérique": COMPREHENSION,
    "Soutenir la parentalité et l'éducation avec le numérique": PARENTALITE,
    "Créer avec le numérique": LOISIRS,
}

# Finer 1.0 labels that say *how* the help is given; the search uses them to explain a fit.
V1_WITH_HELP = "Réaliser des démarches administratives avec un accompagnement"
V1_AUTONOMY = "Devenir autonome dans les démarches administratives"
V1_HEALTH = "Accompagner les démarches de santé"
V1_SMARTPHONE = "Prendre en main un smartphone ou une tablette"
V1_COMPUTER = "Prendre en main un ordinateur"
V1_BUSINESS = "Créer et développer mon entreprise"
V1_EVERYDAY = "Utiliser le numérique au quotidien"

# --- Other enumerations (current) --------------------------------------------------------------
PUBLICS = ("Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes")
PRISE_EN_CHARGE = (
    "Surdité",
    "Handicaps moteurs",
    "Handicaps mentaux",
    "Illettrisme",
    "Langues étrangères (anglais)",
    "Langues étrangères (autres)",
    "Déficience visuelle",
)
MODALITES_ACCOMPAGNEMENT = (
    "En autonomie",
    "Accompagnement individuel",
    "Dans un atelier collectif",
    "À distance",
    "À ma place",
)
FRANCE_SERVICES = "France Services"
DISPOSITIFS = (
    "Aidants Connect",
    "Bibliothèques numérique de référence",
    "Certification PIX",
    "Conseillers numériques",
    "Emmaüs Connect",
    "France Services",
    "Grande école du numérique",
    "La Croix Rouge",
    "Point d'accès numérique CAF",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)",
)

# Old or variant spellings of national programmes → current label. Anything not listed here is
# kept as an "autre" label (e.g. APTIC, ZRR), never dropped.
DISPOSITIFS_ALIASES: dict[str, str] = {
    "CNFS": "Conseillers numériques",
    "Conseiller numérique": "Conseillers numériques",
    "Conseillers numériques France Services": "Conseillers numériques",
    "France services": "France Services",
    "France Service": "France Services",
    "Aidants connect": "Aidants Connect",
    "Aidant Connect": "Aidants Connect",
    "PIX": "Certification PIX",
    "Point numérique CAF": "Point d'accès numérique CAF",
    "Emmaus Connect": "Emmaüs Connect",
    "Croix Rouge": "La Croix Rouge",
    "Bibliothèques numériques de référence": "Bibliothèques numérique de référence",
}

# 1.0 ``publics_accueillis`` / ``conditions_acces`` / ``modalites_accompagnement`` long forms are
# mapped by their leading words (before " : ") — see ``normalise_*`` in the importer.
PUBLICS_V1_TO_CURRENT: dict[str, str] = {
    "Jeunes (16-26 ans)": "Jeunes",
    "Jeunes": "Jeunes",
    "Étudiants": "Étudiants",
    "Familles/enfants": "Familles et/ou enfants",
    "Familles et/ou enfants": "Familles et/ou enfants",
    "Seniors (+ 65 ans)": "Seniors",
    "Seniors": "Seniors",
    "Femmes": "Femmes",
}
PRISE_EN_CHARGE_V1_TO_CURRENT: dict[str, str] = {
    "Surdité": "Surdité",
    "Handicaps moteurs": "Handicaps moteurs",
    "Handicaps mentaux": "Handicaps mentaux",
    "Personnes en situation d'illettrisme": "Illettrisme",
    "Illettrisme": "Illettrisme",
    "Déficience visuelle": "Déficience visuelle",
    "Langues étrangères (anglais)": "Langues étrangères (anglais)",
    "Langues étrangères (autres)": "Langues étrangères (autres)",
    "Personnes parlant une langue étrangère": "Langues étrangères (autres)",
}
FRAIS_V1_TO_CURRENT: dict[str, str] = {
    "Gratuit": "Gratuit",
    "Gratuit sous condition": "Gratuit sous condition",
    "Payant": "Payant",
    "Accès libre": "Gratuit",
    "Adhésion": "Payant",
    "Tarif": "Payant",
}
MODALITES_V1_TO_CURRENT: dict[str, str] = {
    "Seul": "En autonomie",
    "Avec de l'aide": "Accompagnement individuel",
    "Dans un atelier": "Dans un atelier collectif",
    "A ma place": "À ma place",
    "À ma place": "À ma place",
    "À distance": "À distance",
    "A distance": "À distance",
    "En autonomie": "En autonomie",
    "Accompagnement individuel": "Accompagnement individuel",
    "Dans un atelier collectif": "Dans un atelier collectif",
}

TYPOLOGIES: dict[str, str] = {
    "RFS": "France Services",
    "BIB": "Bibliothèque / médiathèque",
    "MUNI": "Mairie",
    "CCAS": "Centre communal d'action sociale",
    "ASSO": "Association",
    "MQ": "Maison de quartier",
    "TIERS_LIEUX": "Tiers-lieu",
    "PIJ_BIJ": "Point information jeunesse",
    "MJC": "Maison des jeunes et de la culture",
    "CS": "Centre social",
    "EPN": "Espace public numérique",
}

# National helpline for digital help, offered as the remote option of every need it helps with
# (``helpline_helps``).
HELPLINE = {
    "name": "Solidarité Numérique",
    "phone": "01 70 77 23 72",
    # Number, hours and price checked 2026-12-07: « 01 70 772 372 … numéro non surtaxé,
    # joignable du lundi au vendredi de 9h à 18h » (amf.asso.fr, the launch by the Secrétariat
    # d'État au numérique; labo.societenumerique.gouv.fr; maddyness.com, 2020-03-30). The help
    # is free, the call is not: a normal call's price (said so in domain.yml's helpline lines).
    "why": "Ligne nationale d'aide au numérique : aide gratuite, prix d'un appel normal, du lundi "
           "au vendredi de 9 h à 18 h.",
    # When it answers (OSM syntax, Paris time): 9 h–18 h on weekdays (sources above).
    "hours": "Mo-Fr 09:00-18:00; PH off",
    "url": "https://www.solidarite-numerique.fr",
}
# What the helpline does not do: it helps people with the digital, it neither sells nor lends a
# device (a cheap or refurbished computer or phone).
HELPLINE_NOT_FOR = frozenset({ACQUISITION_MATERIEL})


def helpline_helps(services: Iterable[str]) -> bool:
    """Whether the national helpline helps with the services asked (all of them, or nothing
    said), i.e. with one that is not ``HELPLINE_NOT_FOR``."""
    asked = set(services)
    return not asked or bool(asked - HELPLINE_NOT_FOR)


@lru_cache(maxsize=200_000)  # the importer folds the same labels millions of times
def fold(text: str) -> str:
    """Lower-case, strip accents and typographic apostrophes: the key used to compare labels."""
    text = text.replace("’", "'").replace("\u00a0", " ").strip().lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_SERVICE_LOOKUP: dict[str, str] = {fold(label): label for label in SERVICES}
_SERVICE_LOOKUP.update({fold(old): new for old, new in SERVICES_V1_TO_CURRENT.items()})


def current_service(label: str) -> str | None:
    """The current service label for any known (old, new, accent-less) label, else None."""
    return _SERVICE_LOOKUP.get(fold(label))


def services_mask(labels: list[str] | tuple[str, ...]) -> int:
    mask = 0
    for label in labels:
        mask |= SERVICE_BITS.get(label, 0)
    return mask
