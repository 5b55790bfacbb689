"""Procedures, services and what to bring: the assistant's catalogue, adapted for the desk.

``actions.needs`` (the assistant's catalogue of needs and procedures, with "what to bring") is the
single source of truth: the console reads notes with its ``detect`` and shows its lists, so the
agent and the citizen get the same orientation. The small table below is only a fallback for a
deployment without the ``actions`` package (``source()`` tells which one is in use).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from directory_client import labels


@dataclass(frozen=True)
class Procedure:
    key: str  # "retraite"
    title: str  # "Dossier retraite"
    service: str  # current service label to search
    documents: tuple[str, ...] = ()  # what to bring
    keywords: tuple[str, ...] = ()  # normalised words/phrases that name it
    prefer_labels: tuple[str, ...] = ()  # e.g. "France Services" (national partner desks)
    partner: str | None = None  # "Assurance retraite"


_ID = "Pièce d'identité en cours de validité"
_PHONE = "Son téléphone portable (codes de vérification) et son adresse e-mail si elle en a une"
_LOGIN = "Identifiants FranceConnect ou du compte en ligne concerné, s'ils existent"

_FALLBACK: tuple[Procedure, ...] = (
    Procedure(
        "retraite",
        "Dossier retraite",
        labels.DEMARCHES,
        (
            _ID,
            "Numéro de sécurité sociale (carte Vitale)",
            "Relevé de carrière, bulletins de salaire, attestations (chômage, maladie)",
            "RIB",
            "Dernier avis d'imposition",
            _LOGIN,
            _PHONE,
        ),
        (
            "retraite",
            "pension",
            "carsat",
            "info retraite",
            "reversion",
            "aspa",
            "minimum vieillesse",
        ),
        ("France Services",),
        "Assurance retraite",
    ),
    Procedure(
        "caf",
        "Allocations CAF (RSA, APL, prime d'activité)",
        labels.DEMARCHES,
        (
            _ID,
            "Numéro d'allocataire CAF",
            "Justificatif de domicile ou bail",
            "Derniers justificatifs de ressources",
            "RIB",
            _LOGIN,
            _PHONE,
        ),
        ("caf", "rsa", "apl", "allocation", "allocations", "prime d activite", "aide au logement"),
        ("France Services", "Point d'accès numérique CAF"),
        "CAF",
    ),
    Procedure(
        "sante",
        "Assurance maladie (ameli, carte Vitale, CSS)",
        labels.DEMARCHES,
        (
            _ID,
            "Carte Vitale ou attestation de droits",
            "RIB",
            "Justificatifs de ressources (CSS)",
            _LOGIN,
            _PHONE,
        ),
        (
            "ameli",
            "carte vitale",
            "securite sociale",
            "cpam",
            "mutuelle",
            "css",
            "sante",
            "medecin",
        ),
        ("France Services",),
        "Assurance maladie",
    ),
    Procedure(
        "impots",
        "Impôts (déclaration, avis)",
        labels.DEMARCHES,
        (
            _ID,
            "Numéro fiscal (sur un ancien avis d'imposition)",
            "Dernier avis d'imposition",
            "Justificatifs de revenus de l'année",
            _LOGIN,
            _PHONE,
        ),
        ("impot", "impots", "declaration de revenus", "avis d imposition", "taxe", "fiscal"),
        ("France Services",),
        "DGFiP",
    ),
    Procedure(
        "papiers",
        "Papiers (carte d'identité, passeport, permis, carte grise)",
        labels.DEMARCHES,
        (
            _ID,
            "Photo d'identité récente (e-photo)",
            "Justificatif de domicile de moins de 6 mois",
            "Ancien titre ou déclaration de perte ou de vol",
            "Timbre fiscal si nécessaire",
            _PHONE,
        ),
        ("passeport", "carte d identite", "carte grise", "permis", "ants", "titre de sejour"),
        ("France Services",),
        "ANTS",
    ),
    Procedure(
        "emploi",
        "Emploi (France Travail, CV)",
        labels.INSERTION_PRO,
        (_ID, "Identifiant France Travail", "CV ou liste des emplois passés", _PHONE),
        ("chomage", "france travail", "pole emploi", "cv", "emploi", "travail", "candidature"),
        ("France Services",),
        "France Travail",
    ),
    Procedure(
        "smartphone",
        "Apprendre à utiliser son téléphone ou son ordinateur",
        labels.OUTILS_QUOTIDIEN,
        (
            "Son smartphone, sa tablette ou son ordinateur (chargé)",
            "Ses mots de passe s'il les a notés",
        ),
        (
            "smartphone",
            "telephone",
            "portable",
            "tablette",
            "ordinateur",
            "mail",
            "email",
            "courriel",
            "internet",
            "whatsapp",
            "visio",
        ),
    ),
    Procedure(
        "securite",
        "Arnaque, sécurité, mots de passe",
        labels.SECURITE,
        ("L'appareil concerné", "Les messages suspects reçus (sans cliquer dessus)"),
        ("arnaque", "piratage", "pirate", "virus", "mot de passe", "phishing", "hameconnage"),
    ),
    Procedure(
        "materiel",
        "Acheter un ordinateur ou un téléphone à petit prix",
        labels.ACQUISITION_MATERIEL,
        (_ID, "Justificatif de situation (RSA, ASS, AAH…) si demandé"),
        ("acheter", "achat", "reconditionne", "pas d ordinateur", "pas de telephone"),
    ),
    Procedure(
        "acces",
        "Accès à un ordinateur, internet, imprimer, scanner",
        labels.ACCES_INTERNET_MATERIEL,
        ("Les documents à imprimer ou scanner (sur clé USB ou par e-mail)",),
        ("imprimer", "impression", "scanner", "photocopie", "wifi", "acces internet"),
    ),
    Procedure(
        "parentalite",
        "Enfants, école, contrôle parental",
        labels.PARENTALITE,
        ("Identifiants de l'ENT / Pronote si besoin",),
        ("pronote", "ent", "ecole", "controle parental", "enfant", "enfants"),
    ),
)

FALLBACK_PROCEDURES = _FALLBACK

# France Services desks serve the national partners (CAF, Assurance maladie, Assurance retraite,
# France Travail, DGFiP, ANTS…): for those procedures, the console shows these desks first.
_FS = ("France Services",)
NATIONAL_DESKS: dict[str, tuple[str, ...]] = {
    "caf": ("France Services", "Point d'accès numérique CAF"),
    "impots": _FS,
    "ants": _FS,
    "papiers": _FS,
    "ameli": _FS,
    "sante": _FS,
    "france_travail": _FS,
    "emploi": _FS,
    "retraite": _FS,
}


@dataclass(frozen=True)
class Understood:
    """What the catalogue reads in a note: services, finer labels, procedures, constraints."""

    services: tuple[str, ...]
    preferred: tuple[str, ...]
    procedures: tuple[Procedure, ...]
    constraints: frozenset[
        str
    ]  # gratuit, samedi, ouvert_maintenant, accessible, seniors, a_ma_place


def _assistant_catalogue():  # noqa: ANN202 - the module or None
    try:
        from actions import needs
    except Exception:  # noqa: BLE001 - not merged, or broken: the console keeps working
        return None
    if not all(hasattr(needs, n) for n in ("detect", "PROCEDURES", "NEEDS", "services_for")):
        return None
    return needs


def _adapt(needs, key: str) -> Procedure | None:  # noqa: ANN001
    proc = needs.PROCEDURES.get(key)
    if proc is None:
        return None
    need = needs.NEEDS.get(proc.need)
    return Procedure(
        key=proc.key,
        title=proc.name,
        service=need.service if need else labels.DEMARCHES,
        documents=tuple(proc.bring),
        prefer_labels=NATIONAL_DESKS.get(proc.key, ()),
    )


def source() -> str:
    """Which catalogue is in use: the assistant's (``actions.needs``) or the fallback."""
    return "actions.needs" if _assistant_catalogue() else "bot.staff.catalogue (fallback)"


def procedures() -> tuple[Procedure, ...]:
    needs = _assistant_catalogue()
    if needs is None:
        return _FALLBACK
    return tuple(p for k in needs.PROCEDURES if (p := _adapt(needs, k)))


def by_key(key: str | None) -> Procedure | None:
    if not key:
        return None
    return next((p for p in procedures() if p.key == key), None)


def understand(text: str) -> Understood:
    """The assistant's own detection when available (same reading as for citizens)."""
    needs = _assistant_catalogue()
    if needs is not None:
        found = needs.detect(text)
        procs = tuple(p for k in found.procedures if (p := _adapt(needs, k)))
        need_keys = (
            needs.apply_mode(found.needs, found.mode)
            if hasattr(needs, "apply_mode")
            else found.needs
        )
        preferred = needs.preferred_labels(need_keys) if hasattr(needs, "preferred_labels") else ()
        return Understood(
            services=tuple(needs.services_for(need_keys)),
            preferred=tuple(preferred),
            procedures=procs,
            constraints=frozenset(found.constraints),
        )
    return _fallback_understand(text)


def _fallback_understand(text: str) -> Understood:
    words = " " + " ".join(re.sub(r"[^a-z0-9]+", " ", labels.fold(text)).split()) + " "
    matched = []
    for index, proc in enumerate(_FALLBACK):
        if any(f" {k} " in words for k in proc.keywords):
            matched.append((index, proc))
    procs = tuple(p for _, p in sorted(matched, key=lambda item: item[0]))
    services: list[str] = []
    for proc in procs:
        if proc.service not in services:
            services.append(proc.service)
    preferred = (labels.V1_WITH_HELP,) if labels.DEMARCHES in services else ()
    return Understood(tuple(services), preferred, procs, frozenset())
